import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshTokens } from '../../db/schema.ts';
import { TEST_PASSWORD, call, cookieFrom, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';
import { hashRefreshToken } from './refresh-tokens.ts';

describe.each(databaseKinds())('sessions: refresh rotation, reuse detection, logout, password change (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const refresh = (cookie: string | undefined, headers: Record<string, string> = {}) =>
    call(t.app, 'POST', '/api/auth/refresh', { ...(cookie && { cookie }), headers });

  it('sets the refresh token as a __Host- cookie: HttpOnly, Secure, SameSite=Strict, Path=/', async () => {
    const { response } = await signUp(t.app);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__Host-cs_refresh='))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/Domain=/i);
    // The token is not in the JSON body: script in the page can never read it.
    expect(response.text).not.toContain(cookie.split(';')[0]!.split('=')[1]);
  });

  it('rotates the refresh token: the new one works once, the old one no longer does', async () => {
    const user = await signUp(t.app);
    const first = await refresh(user.refreshCookie);
    expect(first.status).toBe(200);
    expect(first.json.accessToken).toBeTruthy();
    const rotated = cookieFrom(first.headers, 'cs_refresh')!;
    expect(rotated).not.toBe(user.refreshCookie);
    const second = await refresh(rotated);
    expect(second.status).toBe(200);
  });

  it('revokes the whole family when a used refresh token is replayed', async () => {
    const user = await signUp(t.app);
    const rotatedOnce = cookieFrom((await refresh(user.refreshCookie)).headers, 'cs_refresh')!;
    const newestResponse = await refresh(rotatedOnce);
    const newest = cookieFrom(newestResponse.headers, 'cs_refresh')!;
    const newestAccess = newestResponse.json.accessToken as string;

    // An attacker replays the first (already rotated) token.
    const replay = await refresh(user.refreshCookie);
    expect(replay.status).toBe(401);
    expect(replay.json.error.code).toBe('refresh_token_reused');

    // Every token of the family is dead now, including the legitimate newest one and its access token.
    expect((await refresh(newest)).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/auth/profile', { token: newestAccess })).status).toBe(401);
    // Other sessions of the same user are untouched.
    const login = await call(t.app, 'POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD } });
    expect(login.status).toBe(200);
  });

  it('signs nobody out when a refresh’s answer was lost: the token is presented again, the lost successor is taken back', async () => {
    const user = await signUp(t.app);
    // The server rotated the token, but the answer never reached the browser (it went offline mid-request).
    const lost = cookieFrom((await refresh(user.refreshCookie)).headers, 'cs_refresh')!;
    const retried = await refresh(user.refreshCookie);
    expect(retried.status, retried.text).toBe(200);
    const kept = cookieFrom(retried.headers, 'cs_refresh')!;
    expect(kept).not.toBe(lost);
    // Lost twice in a row is still not a theft.
    const retriedAgain = await refresh(user.refreshCookie);
    expect(retriedAgain.status).toBe(200);
    const newest = cookieFrom(retriedAgain.headers, 'cs_refresh')!;
    expect((await refresh(newest)).status).toBe(200);
    // Once the successor was used, presenting the old token again is reuse: the family is revoked.
    expect((await refresh(user.refreshCookie)).json.error.code).toBe('refresh_token_reused');
  });

  it('catches a thief who replays a token before its owner refreshes: the owner’s token was taken back, and presenting it revokes both', async () => {
    const user = await signUp(t.app);
    const owners = cookieFrom((await refresh(user.refreshCookie)).headers, 'cs_refresh')!;
    // A copy of the first token is replayed while the owner's (its successor) is still unused.
    const thief = await refresh(user.refreshCookie);
    expect(thief.status).toBe(200);
    const thiefs = cookieFrom(thief.headers, 'cs_refresh')!;
    // The owner refreshes with the token taken back: reuse, and every token of the session dies.
    const owner = await refresh(owners);
    expect(owner.status).toBe(401);
    expect(owner.json.error.code).toBe('refresh_token_reused');
    expect((await refresh(thiefs)).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/auth/profile', { token: thief.json.accessToken as string })).status).toBe(401);
  });

  it('answers both of two concurrent refreshes with the same token (two tabs); only the token issued last lives on', async () => {
    const user = await signUp(t.app);
    const results = await Promise.all([refresh(user.refreshCookie), refresh(user.refreshCookie)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const cookies = results.map((result) => cookieFrom(result.headers, 'cs_refresh')!);
    const rows = await t.database.db.select().from(refreshTokens);
    const rowOf = (cookie: string) => rows.find((row) => row.tokenHash === hashRefreshToken(cookie.split('=')[1]!))!;
    const live = cookies.filter((cookie) => rowOf(cookie).supersededAt === null);
    expect(live).toHaveLength(1);
    expect((await refresh(live[0])).status).toBe(200);
  });

  it('refuses missing, malformed and unknown refresh tokens', async () => {
    expect((await refresh(undefined)).status).toBe(401);
    expect((await refresh('__Host-cs_refresh=garbage')).status).toBe(401);
    expect((await refresh(`__Host-cs_refresh=${'A'.repeat(43)}`)).status).toBe(401);
  });

  it('refuses a refresh from a foreign origin', async () => {
    const user = await signUp(t.app);
    const response = await refresh(user.refreshCookie, { origin: 'https://evil.example', host: 'localhost' });
    expect(response.status).toBe(403);
    expect(response.json.error.code).toBe('origin_not_allowed');
  });

  it('ends refresh and access tokens at once on logout', async () => {
    const user = await signUp(t.app);
    const out = await call(t.app, 'POST', '/api/auth/logout', { token: user.accessToken, cookie: user.refreshCookie });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().some((c) => /^__Host-cs_refresh=;/.test(c) && /Max-Age=0/i.test(c))).toBe(true);
    expect((await refresh(user.refreshCookie)).status).toBe(401);
    const profile = await call(t.app, 'GET', '/api/auth/profile', { token: user.accessToken });
    expect(profile.status).toBe(401);
    expect(profile.json.error.code).toBe('session_revoked');
  });

  it('signs out with only the cookie, when the access token has expired', async () => {
    const user = await signUp(t.app);
    t.clock.advance((t.config.accessTokenTtlSeconds + 5) * 1000);
    const out = await call(t.app, 'POST', '/api/auth/logout', { token: user.accessToken, cookie: user.refreshCookie });
    expect(out.status).toBe(204);
    expect((await refresh(user.refreshCookie)).status).toBe(401);
  });

  it('ends the session at its absolute lifetime, however often it was refreshed', async () => {
    const user = await signUp(t.app);
    let cookie = user.refreshCookie;
    for (let day = 0; day < t.config.refreshTokenTtlDays - 1; day++) {
      t.clock.advance(24 * 3600 * 1000);
      const response = await refresh(cookie);
      expect(response.status).toBe(200);
      cookie = cookieFrom(response.headers, 'cs_refresh')!;
    }
    t.clock.advance(2 * 24 * 3600 * 1000);
    expect((await refresh(cookie)).status).toBe(401);
  });

  it('revokes every session on password change and starts a fresh one for the caller', async () => {
    const user = await signUp(t.app);
    const otherDevice = await call(t.app, 'POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD } });
    const otherCookie = cookieFrom(otherDevice.headers, 'cs_refresh')!;

    const wrong = await call(t.app, 'POST', '/api/auth/password', {
      token: user.accessToken,
      body: { currentPassword: 'not-my-password', newPassword: 'Quartz-meadow-41-echoes' },
    });
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.code).toBe('wrong_password');

    const changed = await call(t.app, 'POST', '/api/auth/password', {
      token: user.accessToken,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'Quartz-meadow-41-echoes' },
    });
    expect(changed.status).toBe(200);
    expect((await refresh(otherCookie)).status).toBe(401);
    expect((await refresh(user.refreshCookie)).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/auth/profile', { token: otherDevice.json.accessToken })).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/auth/profile', { token: changed.json.accessToken })).status).toBe(200);
    expect((await refresh(cookieFrom(changed.headers, 'cs_refresh'))).status).toBe(200);

    const oldLogin = await call(t.app, 'POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD } });
    expect(oldLogin.status).toBe(401);
    const newLogin = await call(t.app, 'POST', '/api/auth/login', { body: { email: user.email, password: 'Quartz-meadow-41-echoes' } });
    expect(newLogin.status).toBe(200);
  });
});
