import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { AppError } from '../../errors/app-error.ts';

/**
 * Access tokens: short-lived JWTs (RFC 9068 style) signed with HS256. Verification pins every
 * claim that matters: the algorithm (no `none`, no RS/HS confusion), issuer, audience, the
 * `typ` header (so a refresh or ticket token can never pass as an access token) and expiry.
 */
export const ACCESS_TOKEN_ALGORITHM = 'HS256';
export const ACCESS_TOKEN_TYPE = 'at+jwt';
export const TOKEN_ISSUER = 'creatorsync';
export const ACCESS_TOKEN_AUDIENCE = 'creatorsync-api';

export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
}

export interface AccessTokenSigner {
  issue(claims: AccessTokenClaims, now: Date): Promise<string>;
  verify(token: string, now: Date): Promise<AccessTokenClaims>;
  ttlSeconds: number;
}

export function createAccessTokenSigner(secret: Uint8Array, ttlSeconds: number): AccessTokenSigner {
  return {
    ttlSeconds,
    async issue({ userId, sessionId }, now) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      return new SignJWT({ sid: sessionId })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, typ: ACCESS_TOKEN_TYPE })
        .setSubject(userId)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .setJti(crypto.randomUUID())
        .sign(secret);
    },
    async verify(token, now) {
      try {
        const { payload } = await jwtVerify(token, secret, {
          algorithms: [ACCESS_TOKEN_ALGORITHM],
          issuer: TOKEN_ISSUER,
          audience: ACCESS_TOKEN_AUDIENCE,
          typ: ACCESS_TOKEN_TYPE,
          currentDate: now,
          requiredClaims: ['sub', 'exp', 'iat', 'sid'],
        });
        if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw new AppError('invalid_token');
        return { userId: payload.sub, sessionId: payload.sid };
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (error instanceof joseErrors.JWTExpired) throw new AppError('token_expired', { cause: error });
        throw new AppError('invalid_token', { cause: error });
      }
    },
  };
}
