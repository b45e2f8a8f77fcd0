import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Who a play is counted for. Signed-in listeners are their user id; guests are an HMAC of their
 * address and browser under a server secret, so the same guest counts once a day without anything
 * that identifies them being stored (the hash cannot be reversed or recomputed without the secret).
 */
export function listenerKey(listener: { userId: string } | { ip: string; userAgent: string }, salt: Uint8Array): string {
  if ('userId' in listener) return `u:${listener.userId}`;
  const digest = createHmac('sha256', salt).update(`${listener.ip}\n${listener.userAgent}`).digest('base64url');
  return `g:${digest}`;
}

/** The guest-hash secret, derived from a server key for this one purpose. */
export function listenerSalt(serverKey: Uint8Array): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', serverKey, Buffer.alloc(0), 'creatorsync:listener-hash', 32));
}

/**
 * The listener's country as a CDN or proxy reports it (`CF-IPCountry`, `X-Country`): two letters
 * in capitals, or `unknown` (Cloudflare's `XX` and `T1` for unknown and Tor included).
 */
export function countryFrom(headers: { cfIpCountry?: string | undefined; xCountry?: string | undefined }): string {
  const value = (headers.cfIpCountry ?? headers.xCountry ?? '').trim().toUpperCase();
  return /^[A-Z]{2}$/.test(value) && value !== 'XX' && value !== 'T1' ? value : 'unknown';
}
