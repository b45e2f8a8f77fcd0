import { SignJWT, jwtVerify } from 'jose';
import { TOKEN_ISSUER } from './access-tokens.ts';

/**
 * The device cookie remembers that this browser signed in to an account before. It grants nothing
 * by itself; it only exempts sign-ins from the account-wide throttle (see login-throttle.ts).
 * Its own `typ` and audience keep it from ever passing as an access token, and vice versa.
 */
export const DEVICE_COOKIE = '__Host-cs_device';
const DEVICE_TOKEN_TYPE = 'device+jwt';
const DEVICE_AUDIENCE = 'creatorsync-device';
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

export async function issueDeviceToken(secret: Uint8Array, userId: string, now: Date): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: DEVICE_TOKEN_TYPE })
    .setSubject(userId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(DEVICE_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + DEVICE_COOKIE_MAX_AGE_SECONDS)
    .sign(secret);
}

/** The account id the device cookie vouches for, or undefined when it is absent, forged or expired. */
export async function deviceTokenUserId(secret: Uint8Array, token: string | undefined, now: Date): Promise<string | undefined> {
  if (!token || token.length > 2048) return undefined;
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: DEVICE_AUDIENCE,
      typ: DEVICE_TOKEN_TYPE,
      currentDate: now,
    });
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    // An invalid device cookie is simply not a trusted device; nothing else depends on it.
    return undefined;
  }
}
