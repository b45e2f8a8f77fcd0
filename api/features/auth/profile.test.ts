import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

describe.each(databaseKinds())('profile (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('shows and updates only the fields sent', async () => {
    const user = await signUp(t.app);
    const put = await call(t.app, 'PUT', '/api/auth/profile', {
      token: user.accessToken,
      body: { displayName: 'Nova Keys', bio: 'Writes hooks at 3 a.m.', roles: ['producer', 'artist', 'producer'], locale: 'pt-BR' },
    });
    expect(put.status).toBe(200);
    expect(put.json.user).toMatchObject({ displayName: 'Nova Keys', bio: 'Writes hooks at 3 a.m.', roles: ['producer', 'artist'], locale: 'pt-BR' });
    const avatar = await call(t.app, 'PUT', '/api/auth/profile', { token: user.accessToken, body: { avatarUrl: 'https://cdn.example.com/a.png' } });
    expect(avatar.json.user).toMatchObject({ displayName: 'Nova Keys', avatarUrl: 'https://cdn.example.com/a.png' });
    const cleared = await call(t.app, 'PUT', '/api/auth/profile', { token: user.accessToken, body: { avatarUrl: null } });
    expect(cleared.json.user.avatarUrl).toBeNull();
    const get = await call(t.app, 'GET', '/api/auth/profile', { token: user.accessToken });
    expect(get.json.user).toMatchObject({ id: user.userId, email: user.email, displayName: 'Nova Keys' });
  });

  it('refuses unsafe or invalid values', async () => {
    const user = await signUp(t.app);
    for (const body of [
      { avatarUrl: 'javascript:alert(1)' },
      { avatarUrl: 'http://insecure.example.com/a.png' },
      { locale: 'de' },
      { roles: ['admin'] },
      { displayName: '   ' },
      { bio: 'x'.repeat(2001) },
    ]) {
      const response = await call(t.app, 'PUT', '/api/auth/profile', { token: user.accessToken, body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.json.error.code).toBe('validation_failed');
    }
  });

  it("never lets one user read or change another user's profile", async () => {
    const alice = await signUp(t.app, { displayName: 'Alice' });
    const bob = await signUp(t.app, { displayName: 'Bob' });
    // The profile is always the token's owner: there is no way to name another account.
    const bobReads = await call(t.app, 'GET', '/api/auth/profile', { token: bob.accessToken, headers: { 'x-user-id': alice.userId } });
    expect(bobReads.json.user.id).toBe(bob.userId);
    expect(bobReads.text).not.toContain(alice.email);
    for (const body of [{ id: alice.userId, displayName: 'Hacked' }, { email: alice.email }, { userId: alice.userId, bio: 'Hacked' }]) {
      const attempt = await call(t.app, 'PUT', '/api/auth/profile', { token: bob.accessToken, body });
      expect(attempt.status).toBe(422);
    }
    expect((await call(t.app, 'GET', `/api/auth/profile?id=${alice.userId}`, { token: bob.accessToken })).json.user.id).toBe(bob.userId);
    const aliceAfter = await call(t.app, 'GET', '/api/auth/profile', { token: alice.accessToken });
    expect(aliceAfter.json.user).toMatchObject({ displayName: 'Alice', bio: '' });
    // Without a token nothing is shown or changed.
    expect((await call(t.app, 'PUT', '/api/auth/profile', { body: { displayName: 'Anon' } })).status).toBe(401);
  });
});
