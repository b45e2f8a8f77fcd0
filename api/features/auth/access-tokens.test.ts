import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair } from 'jose';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';
import { ACCESS_TOKEN_AUDIENCE, TOKEN_ISSUER } from './access-tokens.ts';
import { issueDeviceToken } from './device-cookie.ts';

describe.each(databaseKinds())('access tokens are checked strictly (%s)', (kind) => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof signUp>>;
  let sessionId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    user = await signUp(t.app);
    sessionId = JSON.parse(Buffer.from(user.accessToken.split('.')[1]!, 'base64url').toString()).sid;
  });
  afterAll(() => t.close());

  const profileWith = (token: string) => call(t.app, 'GET', '/api/auth/profile', { token });
  const claims = () => ({ sid: sessionId });
  const signed = (build: (jwt: SignJWT) => SignJWT, header: Record<string, string> = { alg: 'HS256', typ: 'at+jwt' }) =>
    build(
      new SignJWT(claims())
        .setProtectedHeader(header as { alg: string })
        .setSubject(user.userId)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setIssuedAt(Math.floor(t.clock.now().getTime() / 1000))
        .setExpirationTime(Math.floor(t.clock.now().getTime() / 1000) + 300),
    ).sign(header.alg === 'HS512' ? new Uint8Array(64).fill(1) : t.keys.accessTokens);

  it('accepts the token it issued, and a well-formed token signed the same way', async () => {
    expect((await profileWith(user.accessToken)).status).toBe(200);
    expect((await profileWith(await signed((jwt) => jwt))).status).toBe(200);
  });

  it('refuses alg "none"', async () => {
    const unsecured = new UnsecuredJWT({ sid: sessionId })
      .setSubject(user.userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setExpirationTime('5m')
      .encode();
    const response = await profileWith(unsecured);
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('invalid_token');
  });

  it('refuses a token that reuses the real signature under alg "none"', async () => {
    const [, payload, signature] = user.accessToken.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url');
    expect((await profileWith(`${header}.${payload}.${signature}`)).status).toBe(401);
    expect((await profileWith(`${header}.${payload}.`)).status).toBe(401);
  });

  it('refuses another algorithm, even with the right key material', async () => {
    const hs512 = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS512', typ: 'at+jwt' })
      .setSubject(user.userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setExpirationTime('5m')
      .sign(new Uint8Array([...t.keys.accessTokens, ...t.keys.accessTokens]));
    expect((await profileWith(hs512)).status).toBe(401);

    // RS256 signed by an attacker's key, public key embedded: the classic key-confusion attempt.
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const rs256 = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', jwk: await exportJWK(publicKey) })
      .setSubject(user.userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await profileWith(rs256)).status).toBe(401);
  });

  it('refuses the wrong audience, the wrong issuer and a wrong signature', async () => {
    expect((await profileWith(await signed((jwt) => jwt.setAudience('creatorsync-sync')))).status).toBe(401);
    expect((await profileWith(await signed((jwt) => jwt.setIssuer('someone-else')))).status).toBe(401);
    const [head, payload, signature] = user.accessToken.split('.');
    const flipped = signature!.slice(0, -2) + (signature!.endsWith('AA') ? 'BB' : 'AA');
    expect((await profileWith(`${head}.${payload}.${flipped}`)).status).toBe(401);
  });

  it('refuses a token of another type (typ), such as the device cookie or a plain JWT', async () => {
    expect((await profileWith(await signed((jwt) => jwt, { alg: 'HS256', typ: 'JWT' }))).status).toBe(401);
    const deviceToken = await issueDeviceToken(t.keys.accessTokens, user.userId, t.clock.now());
    expect((await profileWith(deviceToken)).status).toBe(401);
  });

  it('refuses an expired token with token_expired', async () => {
    t.clock.advance((t.config.accessTokenTtlSeconds + 1) * 1000);
    const response = await profileWith(user.accessToken);
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('token_expired');
    t.clock.advance(-(t.config.accessTokenTtlSeconds + 1) * 1000);
  });

  it('refuses the refresh token presented as an access token', async () => {
    const refreshToken = user.refreshCookie.split('=')[1]!;
    const response = await profileWith(refreshToken);
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('invalid_token');
  });

  it('refuses missing, non-Bearer and garbage Authorization headers', async () => {
    expect((await call(t.app, 'GET', '/api/auth/profile')).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/auth/profile', { headers: { authorization: `Basic ${user.accessToken}` } })).status).toBe(401);
    expect((await profileWith('not.a.jwt')).status).toBe(401);
    expect((await profileWith('x'.repeat(10_000))).status).toBe(401);
  });
});
