import { createMiddleware } from 'hono/factory';
import { AppError } from '../../errors/app-error.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { bearerToken } from '../auth/require-auth.ts';
import type { AuthService } from '../auth/service.ts';

/** Reads the caller when a bearer token is sent; anonymous otherwise. A bad token is still refused (as on the beats routes). */
export function optionalAuth(auth: AuthService) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      const token = bearerToken(header);
      if (!token) throw new AppError('invalid_token');
      c.set('auth', await auth.authenticate(token));
    }
    await next();
  });
}
