import { setupI18n } from '@lingui/core';
import { describe, expect, it } from 'vitest';
import type { User } from '../../shared/schemas/auth.ts';
import { ApiClient } from '../api/api-client.ts';
import { AuthApi } from '../api/auth-api.ts';
import { createMemoryProfileCache } from '../features/auth/profile-cache.ts';
import { SessionService } from '../features/auth/session-service.ts';
import { LocaleService, type CatalogLoaders } from './locale-service.ts';
import { chooseLocale, followProfileLocale } from './locale-sync.ts';

const loaders: CatalogLoaders = { en: async () => ({}), es: async () => ({}), fr: async () => ({}), 'pt-BR': async () => ({}) };
const user: User = {
  id: 'u1',
  email: 'ada@example.com',
  displayName: 'Ada',
  bio: '',
  locale: 'en',
  avatarUrl: null,
  roles: [],
  createdAt: '2026-01-02T03:04:05.000Z',
};

function setup(responses: Array<(request: { url: string; body: unknown }) => Response>) {
  const requests: Array<{ url: string; body: unknown }> = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = { url: String(input), body: init?.body ? JSON.parse(String(init.body)) : undefined };
    requests.push(request);
    const next = responses.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return next(request);
  }) as typeof globalThis.fetch;
  const locale = new LocaleService({ i18n: setupI18n(), loaders, storage: null, root: null });
  const session = new SessionService({
    api: new AuthApi(new ApiClient({ fetch, getLocale: () => locale.locale })),
    cache: createMemoryProfileCache(user),
    reportError: (error) => {
      throw error;
    },
  });
  return { locale, session, requests };
}

const ok = (body: unknown) => () => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('chooseLocale', () => {
  it('switches the UI and saves the choice to the signed-in profile', async () => {
    const { locale, session, requests } = setup([
      ok({ user, accessToken: 't', expiresIn: 900 }),
      ({ body }) => ok({ user: { ...user, ...(body as object) } })(),
    ]);
    await session.restore();
    await chooseLocale('es', { locale, session });
    expect(locale.locale).toBe('es');
    expect(requests[1]).toEqual({ url: '/api/auth/profile', body: { locale: 'es' } });
    expect(session.user?.locale).toBe('es');
  });

  it('for guests, only switches the UI', async () => {
    const { locale, session, requests } = setup([() => new Response('{"error":{"code":"unauthorized","message":"x"}}', { status: 401 })]);
    await session.restore();
    await chooseLocale('fr', { locale, session });
    expect(locale.locale).toBe('fr');
    expect(requests).toHaveLength(1);
  });
});

describe('followProfileLocale', () => {
  it('applies the profile language after sign-in', async () => {
    const { locale, session } = setup([ok({ user: { ...user, locale: 'pt-BR' }, accessToken: 't', expiresIn: 900 })]);
    followProfileLocale({ locale, session }, (error) => {
      throw error;
    });
    await session.restore();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(locale.locale).toBe('pt-BR');
  });

  it('ignores a profile read from the offline cache', async () => {
    const { locale, session } = setup([]);
    await locale.activate('fr');
    followProfileLocale({ locale, session }, (error) => {
      throw error;
    });
    await session.restore();
    expect(session.state).toMatchObject({ status: 'signed-in', offline: true });
    expect(locale.locale).toBe('fr');
  });
});
