import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { LICENCE_FILES } from '../../../shared/schemas/commerce.ts';
import { AppError } from '../../errors/app-error.ts';

/**
 * Short-lived download links: `<payload>.<mac>`, both base64url, the MAC an HMAC-SHA256 of the payload
 * under a key used for nothing else. The payload names what the link opens (a licence's file, or a
 * free download's lead) and when it stops working. The route still checks the licence exists.
 */
const Claim = z.object({
  /** `licence`: a granted licence's file; `free`: the free MP3 of a beat, for a recorded lead. */
  kind: z.enum(['licence', 'free']),
  id: z.string().min(1).max(64),
  file: z.enum(LICENCE_FILES),
  /** Expiry, Unix seconds. */
  exp: z.number().int(),
});
export type DownloadClaim = z.infer<typeof Claim>;

export const DOWNLOAD_LINK_TTL_SECONDS = 15 * 60;

const mac = (key: Uint8Array, payload: string) => createHmac('sha256', key).update(payload).digest();

export function signDownloadToken(key: Uint8Array, claim: DownloadClaim): string {
  const payload = Buffer.from(JSON.stringify(claim)).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

/** The claim of a genuine, unexpired token; `download_link_invalid` for anything forged or garbled, `download_link_expired` after its time. */
export function verifyDownloadToken(key: Uint8Array, token: string, now: Date): DownloadClaim {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) throw new AppError('download_link_invalid');
  const expected = mac(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError('download_link_invalid');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch (error) {
    throw new AppError('download_link_invalid', { cause: error });
  }
  const claim = Claim.safeParse(parsed);
  if (!claim.success) throw new AppError('download_link_invalid');
  if (claim.data.exp * 1000 <= now.getTime()) throw new AppError('download_link_expired');
  return claim.data;
}
