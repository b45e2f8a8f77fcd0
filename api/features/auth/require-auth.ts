import { createMiddleware } from 'hono/factory';
import { AppError } from '../../errors/app-error.ts';
import type { AppEnv } from '../../http/app-env.ts';
import type { AuthService } from './service.ts';

/** Reads `Authorization: Bearer <jwt>`; anything else (other schemes, cookies, query tokens) is not accepted. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(header?.trim() ?? '');
  return match?.[1];
}

/** Requires a valid access token whose session is still live, and exposes who it is as `c.var.auth`. */
export function requireAuth(auth: AuthService) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) throw new AppError('unauthenticated');
    const token = bearerToken(header);
    if (!token) throw new AppError('invalid_token');
    c.set('auth', await auth.authenticate(token));
    await next();
  });
}
