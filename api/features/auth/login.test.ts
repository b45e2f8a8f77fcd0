import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, call, cookieFrom, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

const THROTTLE = { failuresPerIp: 12, failuresPerAccountAndIp: 3, failuresPerAccount: 6, windowSeconds: 900 };

describe.each(databaseKinds())('sign-up and sign-in (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    // Each test signs in from its own X-Forwarded-For address, as if behind our proxy.
    t = await createTestApp(kind, { loginThrottle: THROTTLE, config: { trustProxy: true } });
  });
  afterAll(() => t.close());

  /** Each test gets its own source address so throttling in one test never leaks into another. */
  let ipCounter = 0;
  const newIp = () => `198.51.100.${++ipCounter}`;
  const login = (email: string, password: string, ip: string, cookie?: string) =>
    call(t.app, 'POST', '/api/auth/login', {
      body: { email, password },
      headers: { 'x-forwarded-for': ip },
      ...(cookie && { cookie }),
    });

  it('registers, returns the user without any secret, and signs in case-insensitively by e-mail', async () => {
    const email = `Mixed.Case-${Date.now()}@Example.COM`;
    const user = await signUp(t.app, { email, locale: 'fr' });
    expect(user.response.json.user).toMatchObject({ email: email.toLowerCase(), displayName: 'Test Writer', locale: 'fr', roles: [] });
    expect(user.response.text).not.toMatch(/argon2|passwordHash|password_hash/);
    expect((await login(email.toUpperCase(), TEST_PASSWORD, newIp())).status).toBe(200);
  });

  it('refuses a second account with the same e-mail', async () => {
    const user = await signUp(t.app);
    const again = await call(t.app, 'POST', '/api/auth/register', {
      body: { email: user.email.toUpperCase(), password: TEST_PASSWORD, displayName: 'Copy' },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('email_taken');
  });

  it('answers unknown e-mail and wrong password identically', async () => {
    const user = await signUp(t.app);
    const wrong = await login(user.email, 'Not-the-password-9', newIp());
    const unknown = await login(`nobody-${Date.now()}@example.com`, 'Not-the-password-9', newIp());
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.json.error.code).toBe('invalid_credentials');
    expect(wrong.headers.getSetCookie()).toEqual(unknown.headers.getSetCookie());
    const headerNames = (h: Headers) => [...h.keys()].filter((name) => name !== 'x-request-id' && name !== 'etag').sort();
    expect(headerNames(wrong.headers)).toEqual(headerNames(unknown.headers));
  });

  it('keeps passwords exactly as typed: Unicode allowed, no normalisation, no trimming', async () => {
    const composed = 'Ça-chante-très-fort-\u00e9';
    const decomposed = 'Ça-chante-très-fort-e\u0301';
    const user = await signUp(t.app, { password: composed });
    expect((await login(user.email, composed, newIp())).status).toBe(200);
    expect((await login(user.email, decomposed, newIp())).status).toBe(401);
    expect((await login(user.email, ` ${composed}`, newIp())).status).toBe(401);
    const emoji = await signUp(t.app, { password: '🎹🎸🥁🎤🎷🎺🎻🪕' });
    expect((await login(emoji.email, '🎹🎸🥁🎤🎷🎺🎻🪕', newIp())).status).toBe(200);
  });

  it('counts password length in characters: 8 to 256', async () => {
    const tooShort = await call(t.app, 'POST', '/api/auth/register', {
      body: { email: `short-${Date.now()}@example.com`, password: '🎹🎸🥁🎤🎷🎺🎻', displayName: 'Short' },
    });
    expect(tooShort.status).toBe(422);
    expect(tooShort.json.error.details[0]).toMatchObject({ path: 'password', code: 'password_too_short' });
    const tooLong = await call(t.app, 'POST', '/api/auth/register', {
      body: { email: `long-${Date.now()}@example.com`, password: 'a'.repeat(257), displayName: 'Long' },
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.json.error.details[0]).toMatchObject({ path: 'password', code: 'password_too_long' });
    const longest = await signUp(t.app, { password: 'x9-'.repeat(85) + 'y' });
    expect(longest.response.status).toBe(201);
  });

  it('refuses the most common passwords, whatever their case', async () => {
    for (const password of ['password1', 'Qwerty123', 'iloveyou', '12345678']) {
      const response = await call(t.app, 'POST', '/api/auth/register', {
        body: { email: `common-${Date.now()}-${password}@example.com`, password, displayName: 'Common' },
      });
      expect(response.status, password).toBe(422);
      expect(response.json.error.code).toBe('password_too_common');
    }
  });

  it('throttles repeated failures from one address for that account, with Retry-After', async () => {
    const user = await signUp(t.app);
    const ip = newIp();
    for (let i = 0; i < THROTTLE.failuresPerAccountAndIp; i++) expect((await login(user.email, 'Wrong-guess-123', ip)).status).toBe(401);
    const throttled = await login(user.email, TEST_PASSWORD, ip);
    expect(throttled.status).toBe(429);
    expect(throttled.json.error.code).toBe('login_throttled');
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    // The owner on another network is not locked out by those failures.
    expect((await login(user.email, TEST_PASSWORD, newIp())).status).toBe(200);
  });

  it('slows a distributed attack on one account without locking out the owner’s known device', async () => {
    const user = await signUp(t.app);
    for (let i = 0; i < THROTTLE.failuresPerAccount; i++) await login(user.email, 'Wrong-guess-123', newIp());
    // A fresh address without the device cookie is held back…
    expect((await login(user.email, TEST_PASSWORD, newIp())).status).toBe(429);
    // …but the browser the owner signed up with (device cookie) still gets in.
    const owner = await login(user.email, TEST_PASSWORD, newIp(), user.deviceCookie);
    expect(owner.status).toBe(200);
    // A device cookie of another account does not help.
    const other = await signUp(t.app);
    expect((await login(user.email, TEST_PASSWORD, newIp(), other.deviceCookie)).status).toBe(429);
    expect(cookieFrom(owner.headers, 'cs_device')).toBeTruthy();
  });

  it('throttles one address guessing across many accounts', async () => {
    const ip = newIp();
    for (let i = 0; i < THROTTLE.failuresPerIp; i++) await login(`spray-${i}-${Date.now()}@example.com`, 'Wrong-guess-123', ip);
    const user = await signUp(t.app);
    expect((await login(user.email, TEST_PASSWORD, ip)).status).toBe(429);
  });
});
