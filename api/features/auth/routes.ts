import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import {
  ChangePasswordRequest,
  LoginRequest,
  ProfileResponse,
  RegisterRequest,
  Session,
  UpdateProfileRequest,
} from '../../../shared/schemas/auth.ts';
import { AppError } from '../../errors/app-error.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RateLimiterFactory } from '../../platform/rate-limiters.ts';
import { tryConsume } from '../../platform/rate-limiters.ts';
import { DEVICE_COOKIE_MAX_AGE_SECONDS, deviceTokenUserId, issueDeviceToken } from './device-cookie.ts';
import { bearerToken, requireAuth } from './require-auth.ts';
import type { AuthService, IssuedSession } from './service.ts';

// Cookie names without the prefix: hono adds "__Host-" and enforces Secure and Path=/ for it.
export const REFRESH_COOKIE_NAME = 'cs_refresh';
const DEVICE_COOKIE_NAME = 'cs_device';

export interface AuthRoutesDeps {
  auth: AuthService;
  clock: Clock;
  deviceSecret: Uint8Array;
  limiters: RateLimiterFactory;
  /** Origins (besides the app's own) allowed to send cookie-authenticated requests. */
  allowedOrigins: readonly string[];
  /** Accounts one address may create per hour. */
  signUpsPerHour: number;
}

const bearer = [{ bearerAuth: [] }];

const registerRoute = createRoute({
  method: 'post',
  path: '/register',
  tags: ['auth'],
  summary: 'Create an account and sign in',
  description:
    'Creates the account, signs it in, returns a short-lived access token and sets the rotating refresh token in the `__Host-cs_refresh` cookie (HttpOnly, Secure, SameSite=Strict).',
  request: { body: { required: true, content: { 'application/json': { schema: RegisterRequest } } } },
  responses: {
    201: { description: 'Signed up and signed in', content: { 'application/json': { schema: Session } } },
    ...errorResponses(400, 409, 413, 415, 422, 429),
  },
});

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Sign in with e-mail and password',
  description: 'Unknown e-mail and wrong password get the same 401 `invalid_credentials`. Repeated failures are throttled (429 with Retry-After).',
  request: { body: { required: true, content: { 'application/json': { schema: LoginRequest } } } },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: Session } } },
    ...errorResponses(400, 401, 413, 415, 422, 429),
  },
});

const refreshRoute = createRoute({
  method: 'post',
  path: '/refresh',
  tags: ['auth'],
  summary: 'Exchange the refresh cookie for a new access token',
  description:
    'Rotates the refresh token: the cookie is replaced and the old token stops working. Presenting an already-rotated token revokes the whole session (401 `refresh_token_reused`), unless the token its rotation issued was never presented (the answer was lost): then that one is taken back and a new one issued, and presenting the taken-back token later revokes the session.',
  responses: {
    200: { description: 'New tokens', content: { 'application/json': { schema: Session } } },
    ...errorResponses(401, 403),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'Sign out this session',
  description: 'Revokes the session named by the access token and/or the refresh cookie and clears the cookie. Always succeeds.',
  security: bearer,
  responses: { 204: { description: 'Signed out' }, ...errorResponses(403) },
});

const getProfileRoute = createRoute({
  method: 'get',
  path: '/profile',
  tags: ['auth'],
  summary: "The signed-in user's profile",
  security: bearer,
  responses: {
    200: { description: 'Profile', content: { 'application/json': { schema: ProfileResponse } } },
    ...errorResponses(401),
  },
});

const updateProfileRoute = createRoute({
  method: 'put',
  path: '/profile',
  tags: ['auth'],
  summary: "Update the signed-in user's profile",
  description: 'Only the fields sent change. Unknown fields (including `id` and `email`) are refused.',
  security: bearer,
  request: { body: { required: true, content: { 'application/json': { schema: UpdateProfileRequest } } } },
  responses: {
    200: { description: 'Updated profile', content: { 'application/json': { schema: ProfileResponse } } },
    ...errorResponses(400, 401, 413, 415, 422),
  },
});

const changePasswordRoute = createRoute({
  method: 'post',
  path: '/password',
  tags: ['auth'],
  summary: 'Change the password',
  description: 'Checks the current password, signs out every session, and starts a fresh one for this device.',
  security: bearer,
  request: { body: { required: true, content: { 'application/json': { schema: ChangePasswordRequest } } } },
  responses: {
    200: { description: 'Password changed; new tokens', content: { 'application/json': { schema: Session } } },
    ...errorResponses(400, 401, 403, 413, 415, 422),
  },
});

export function authRoutes(deps: AuthRoutesDeps) {
  const { auth, clock, deviceSecret, limiters } = deps;
  const signupLimiter = limiters.create({ keyPrefix: 'signup-ip', points: deps.signUpsPerHour, durationSeconds: 3600 });
  const router = createRouter();

  const clientOf = (c: Context<AppEnv>) => ({ ip: c.get('clientIp'), userAgent: c.req.header('user-agent') });

  /** Sets the refresh and device cookies and answers with the session body. */
  const respondWithSession = async <Status extends 200 | 201>(c: Context<AppEnv>, issued: IssuedSession, status: Status) => {
    setCookie(c, REFRESH_COOKIE_NAME, issued.refreshToken, {
      prefix: 'host',
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: issued.refreshTokenMaxAgeSeconds,
    });
    setCookie(c, DEVICE_COOKIE_NAME, await issueDeviceToken(deviceSecret, issued.user.id, clock.now()), {
      prefix: 'host',
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ user: issued.user, accessToken: issued.accessToken, expiresIn: issued.expiresIn }, status);
  };

  /**
   * Cookie-authenticated endpoints refuse cross-site callers. SameSite=Strict already keeps the
   * cookie off cross-site requests; checking Origin as well covers browsers and proxies that do not.
   */
  const assertAllowedOrigin = (c: Context<AppEnv>) => {
    const origin = c.req.header('origin');
    if (!origin) return;
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError('origin_not_allowed');
    }
    if (host === c.req.header('host') || deps.allowedOrigins.includes(origin)) return;
    throw new AppError('origin_not_allowed');
  };

  router.openapi(registerRoute, async (c) => {
    const limit = await tryConsume(signupLimiter, c.get('clientIp'));
    if (!limit.allowed) {
      throw new AppError('rate_limited', {
        params: { seconds: limit.retryAfterSeconds },
        headers: { 'Retry-After': String(limit.retryAfterSeconds) },
      });
    }
    const issued = await auth.register(c.req.valid('json'), clientOf(c));
    return respondWithSession(c, issued, 201);
  });

  router.openapi(loginRoute, async (c) => {
    const trustedDeviceUserId = await deviceTokenUserId(deviceSecret, getCookie(c, DEVICE_COOKIE_NAME, 'host'), clock.now());
    const issued = await auth.login(c.req.valid('json'), { ...clientOf(c), trustedDeviceUserId });
    return respondWithSession(c, issued, 200);
  });

  router.openapi(refreshRoute, async (c) => {
    assertAllowedOrigin(c);
    try {
      const issued = await auth.refresh(getCookie(c, REFRESH_COOKIE_NAME, 'host'));
      return respondWithSession(c, issued, 200);
    } catch (error) {
      // A refused cookie is useless from now on: clear it so the browser stops sending it.
      if (error instanceof AppError && error.status === 401) deleteCookie(c, REFRESH_COOKIE_NAME, { prefix: 'host', path: '/', secure: true });
      throw error;
    }
  });

  router.openapi(logoutRoute, async (c) => {
    assertAllowedOrigin(c);
    const token = bearerToken(c.req.header('authorization'));
    let claims: { userId: string; sessionId: string } | undefined;
    if (token) {
      // An expired or revoked access token must not stop someone from signing out with the cookie.
      claims = await auth.authenticate(token).catch(() => undefined);
    }
    await auth.logout({ ...claims, refreshToken: getCookie(c, REFRESH_COOKIE_NAME, 'host') });
    deleteCookie(c, REFRESH_COOKIE_NAME, { prefix: 'host', path: '/', secure: true });
    return c.body(null, 204);
  });

  router.use('/profile', requireAuth(auth));
  router.use('/password', requireAuth(auth));

  router.openapi(getProfileRoute, async (c) => {
    c.header('Cache-Control', 'private, no-cache');
    return c.json({ user: await auth.getProfile(c.get('auth').userId) }, 200);
  });

  router.openapi(updateProfileRoute, async (c) => {
    const user = await auth.updateProfile(c.get('auth').userId, c.req.valid('json'));
    return c.json({ user }, 200);
  });

  router.openapi(changePasswordRoute, async (c) => {
    const issued = await auth.changePassword(c.get('auth').userId, c.req.valid('json'), clientOf(c));
    return respondWithSession(c, issued, 200);
  });

  return router;
}
