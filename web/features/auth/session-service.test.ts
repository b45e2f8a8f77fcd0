import { describe, expect, it } from 'vitest';
import type { Session, User } from '../../../shared/schemas/auth.ts';
import { ApiClient } from '../../api/api-client.ts';
import { AuthApi } from '../../api/auth-api.ts';
import { createMemoryProfileCache } from './profile-cache.ts';
import { SessionService, SessionStatus } from './session-service.ts';

const user: User = {
  id: 'u1',
  email: 'ada@example.com',
  displayName: 'Ada',
  bio: '',
  locale: 'fr',
  avatarUrl: null,
  roles: [],
  createdAt: '2026-01-02T03:04:05.000Z',
};
const session: Session = { user, accessToken: 't', expiresIn: 900 };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function serviceWith(responses: Array<Response | Error>, cached: User | null = null) {
  const fetch = (async () => {
    const next = responses.shift();
    if (!next) throw new Error('Unexpected request');
    if (next instanceof Error) throw next;
    return next;
  }) as typeof globalThis.fetch;
  const cache = createMemoryProfileCache(cached);
  const errors: unknown[] = [];
  const service = new SessionService({
    api: new AuthApi(new ApiClient({ fetch, getLocale: () => 'en' })),
    cache,
    reportError: (error) => errors.push(error),
  });
  return { service, cache, errors };
}

describe('SessionService', () => {
  it('starts restoring, then signs in from the refresh cookie and caches the profile', async () => {
    const { service, cache } = serviceWith([json(200, session)]);
    expect(service.state.status).toBe(SessionStatus.restoring);
    await service.restore();
    expect(service.state).toEqual({ status: SessionStatus.signedIn, user, offline: false });
    expect(await cache.load()).toEqual(user);
  });

  it('is signed out when there is no session, and forgets any cached profile', async () => {
    const { service, cache } = serviceWith([json(401, { error: { code: 'unauthorized', message: 'x' } })], user);
    await service.restore();
    expect(service.state.status).toBe(SessionStatus.signedOut);
    expect(await cache.load()).toBeNull();
  });

  it('offline, shows the cached profile marked as offline', async () => {
    const { service } = serviceWith([new TypeError('Failed to fetch')], user);
    await service.restore();
    expect(service.state).toEqual({ status: SessionStatus.signedIn, user, offline: true });
  });

  it('offline without a cached profile, is signed out', async () => {
    const { service } = serviceWith([new TypeError('Failed to fetch')]);
    await service.restore();
    expect(service.state.status).toBe(SessionStatus.signedOut);
  });

  it('asks to be restored again after an unreachable start, and succeeds once online', async () => {
    const { service } = serviceWith([new TypeError('Failed to fetch'), json(200, session)], user);
    await service.restore();
    expect(service.needsRestore).toBe(true);
    expect(service.state).toMatchObject({ offline: true });
    await service.restore();
    expect(service.needsRestore).toBe(false);
    expect(service.state).toEqual({ status: SessionStatus.signedIn, user, offline: false });
  });

  it('reports a server failure during restore instead of hiding it', async () => {
    const { service, errors } = serviceWith([json(500, { error: { code: 'internal', message: 'Oops' } })]);
    await service.restore();
    expect(service.state.status).toBe(SessionStatus.signedOut);
    expect(errors).toHaveLength(1);
  });

  it('fires change on sign-in, profile update and sign-out', async () => {
    const { service, cache } = serviceWith([
      json(200, session),
      json(200, { user: { ...user, displayName: 'Ada L.' } }),
      new Response(null, { status: 204 }),
    ]);
    let changes = 0;
    service.addEventListener('change', () => changes++);
    await service.signIn({ email: user.email, password: 'secret' });
    expect(service.user?.displayName).toBe('Ada');
    await service.updateProfile({ displayName: 'Ada L.' });
    expect(service.user?.displayName).toBe('Ada L.');
    expect((await cache.load())?.displayName).toBe('Ada L.');
    await service.signOut();
    expect(service.state.status).toBe(SessionStatus.signedOut);
    expect(await cache.load()).toBeNull();
    expect(changes).toBe(3);
  });

  it('signs out when a refresh during a request is refused', async () => {
    const unauthorized = () => json(401, { error: { code: 'unauthorized', message: 'x' } });
    const { service } = serviceWith([json(200, session), unauthorized(), unauthorized()]);
    await service.signIn({ email: user.email, password: 'secret' });
    await expect(service.updateProfile({ bio: 'hi' })).rejects.toMatchObject({ status: 401 });
    expect(service.state.status).toBe(SessionStatus.signedOut);
  });
});
