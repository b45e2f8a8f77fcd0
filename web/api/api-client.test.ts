import { describe, expect, it } from 'vitest';
import type { Session } from '../../shared/schemas/auth.ts';
import { ApiClient } from './api-client.ts';
import { ApiError } from './api-error.ts';
import { AuthApi } from './auth-api.ts';

const user = {
  id: 'u1',
  email: 'ada@example.com',
  displayName: 'Ada',
  bio: '',
  locale: 'en',
  avatarUrl: null,
  roles: ['producer'],
  createdAt: '2026-01-02T03:04:05.000Z',
} as const;

function session(token: string): Session {
  return { user: { ...user, roles: [...user.roles] }, accessToken: token, expiresIn: 900 };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: string | null;
}

/** A fetch double that answers from a queue and records what was sent. */
function fakeFetch(...responses: Array<Response | Error | ((call: Call) => Response)>) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const call = { url: String(input), method: init?.method ?? 'GET', headers: new Headers(init?.headers), body: (init?.body as string | null) ?? null };
    calls.push(call);
    const next = responses.shift();
    if (!next) throw new Error(`Unexpected request ${call.method} ${call.url}`);
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(call) : next;
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

function clientWith(fetch: typeof globalThis.fetch, locale = 'es') {
  return new ApiClient({ fetch, getLocale: () => locale });
}

/** A client holding an access token the server will find expired. */
function signedInClientWith(fetch: typeof globalThis.fetch) {
  const client = clientWith(fetch);
  client.setSession(session('expired'));
  return client;
}

describe('ApiClient', () => {
  it('sends Accept-Language and same-origin credentials on every request', async () => {
    const { fetch, calls } = fakeFetch(json(200, session('t1')));
    await new AuthApi(clientWith(fetch, 'pt-BR')).login({ email: 'ada@example.com', password: 'secret' });
    expect(calls[0]?.headers.get('Accept-Language')).toBe('pt-BR');
    expect(calls[0]?.headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({ email: 'ada@example.com', password: 'secret' });
  });

  it('keeps the access token in memory and sends it as a bearer token', async () => {
    const { fetch, calls } = fakeFetch(json(200, session('t1')), json(200, { user }));
    const api = new AuthApi(clientWith(fetch));
    await api.login({ email: 'ada@example.com', password: 'secret' });
    await api.getProfile();
    expect(calls[1]?.headers.get('Authorization')).toBe('Bearer t1');
  });

  it('on a 401 refreshes once and retries with the new token', async () => {
    const { fetch, calls } = fakeFetch(
      json(200, session('old')),
      json(401, { error: { code: 'token_expired', message: 'Expired' } }),
      json(200, session('new')),
      json(200, { user: { ...user, displayName: 'Ada L.' } }),
    );
    const api = new AuthApi(clientWith(fetch));
    await api.login({ email: 'ada@example.com', password: 'secret' });
    const profile = await api.getProfile();
    expect(profile.displayName).toBe('Ada L.');
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      'POST /api/auth/login',
      'GET /api/auth/profile',
      'POST /api/auth/refresh',
      'GET /api/auth/profile',
    ]);
    expect(calls[3]?.headers.get('Authorization')).toBe('Bearer new');
  });

  it('does not retry twice: a second 401 is reported to the caller', async () => {
    const unauthorized = () => json(401, { error: { code: 'unauthorized', message: 'No autorizado' } });
    const { fetch, calls } = fakeFetch(unauthorized(), json(200, session('new')), unauthorized());
    const error = await new AuthApi(signedInClientWith(fetch)).getProfile().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized', message: 'No autorizado', localized: true });
    expect(calls).toHaveLength(3);
  });

  it('ends the session when the refresh itself is refused', async () => {
    const { fetch } = fakeFetch(
      json(401, { error: { code: 'unauthorized', message: 'Expired' } }),
      json(401, { error: { code: 'invalid_refresh', message: 'Sign in again' } }),
    );
    const client = signedInClientWith(fetch);
    const seen: Array<Session | null> = [];
    client.onSession((s) => seen.push(s));
    const error = await new AuthApi(client).getProfile().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(seen).toEqual([null]);
    expect(client.hasAccessToken).toBe(false);
  });

  it('shares one refresh between concurrent 401s (the cookie rotates)', async () => {
    let refreshes = 0;
    const { fetch } = fakeFetch(
      json(401, { error: { code: 'unauthorized', message: 'x' } }),
      json(401, { error: { code: 'unauthorized', message: 'x' } }),
      () => {
        refreshes++;
        return json(200, session('new'));
      },
      json(200, { user }),
      json(200, { user }),
    );
    const api = new AuthApi(signedInClientWith(fetch));
    await Promise.all([api.getProfile(), api.getProfile()]);
    expect(refreshes).toBe(1);
  });

  it('without a token yet, refreshes first and sends once, instead of collecting a 401', async () => {
    const { fetch, calls } = fakeFetch(json(200, session('fresh')), json(200, { user }));
    await new AuthApi(clientWith(fetch)).getProfile();
    expect(calls.map((call) => call.url)).toEqual(['/api/auth/refresh', '/api/auth/profile']);
    expect(calls[1]!.headers.get('Authorization')).toBe('Bearer fresh');
  });

  it('without a session at all, still asks once and reports the 401', async () => {
    const { fetch, calls } = fakeFetch(json(401, { error: { code: 'invalid_refresh', message: 'x' } }), json(401, { error: { code: 'unauthorized', message: 'No autorizado' } }));
    const error = await new AuthApi(clientWith(fetch)).getProfile().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(calls).toHaveLength(2);
  });

  it('without a token and with the server unreachable, reports that and sends nothing without a token', async () => {
    const { fetch, calls } = fakeFetch(new TypeError('Failed to fetch'), json(401, { error: { code: 'unauthorized', message: 'x' } }));
    const error = await new AuthApi(clientWith(fetch)).getProfile().catch((e: unknown) => e);
    expect((error as ApiError).isNetworkError).toBe(true);
    expect(calls.map((call) => call.url)).toEqual(['/api/auth/refresh']);
  });

  it('turns a failed fetch into a network ApiError', async () => {
    const { fetch } = fakeFetch(new TypeError('Failed to fetch'));
    const error = await clientWith(fetch).refresh().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isNetworkError).toBe(true);
  });

  it('resolves refresh() with null when there is no session cookie', async () => {
    const { fetch } = fakeFetch(json(401, { error: { code: 'unauthorized', message: 'x' } }));
    await expect(clientWith(fetch).refresh()).resolves.toBeNull();
  });

  it('reads Retry-After from throttled responses', async () => {
    const { fetch } = fakeFetch(json(429, { error: { code: 'too_many_requests', message: 'Espera' } }, { 'Retry-After': '30' }));
    const error = await new AuthApi(clientWith(fetch)).login({ email: 'a@b.co', password: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, retryAfter: 30, message: 'Espera' });
  });

  it('rejects responses that do not match their schema', async () => {
    const { fetch } = fakeFetch(json(200, { user: { id: 1 } }));
    const error = await clientWith(fetch).refresh().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unexpected_response', localized: false });
  });

  it('marks non-JSON error bodies as unexpected, not localised', async () => {
    const { fetch } = fakeFetch(new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await new AuthApi(clientWith(fetch)).login({ email: 'a@b.co', password: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'unexpected_response', localized: false });
  });
});

describe('ApiClient refresh racing a sign-in', () => {
  it('keeps a session adopted while a refresh was in flight, even when that refresh answers 401', async () => {
    let answerRefresh: (response: Response) => void = () => {};
    const fetch = (input: RequestInfo | URL) =>
      String(input).endsWith('/api/auth/refresh')
        ? new Promise<Response>((resolve) => (answerRefresh = resolve))
        : Promise.resolve(new Response(null, { status: 204 }));
    const client = new ApiClient({ fetch: fetch as typeof globalThis.fetch, getLocale: () => 'en' });
    const pending = client.refresh();
    await Promise.resolve();
    client.setSession({
      user: { id: 'u1', email: 'a@b.co', displayName: 'A', bio: '', locale: 'en', avatarUrl: null, roles: [], createdAt: '2026-01-01T00:00:00.000Z' },
      accessToken: 'fresh.access.token',
      expiresIn: 900,
    });
    answerRefresh(new Response('{"error":{"code":"refresh_token_invalid","message":"x"}}', { status: 401 }));
    expect(await pending).toBeNull();
    expect(client.hasAccessToken).toBe(true);
  });
});

describe('ApiClient raw uploads', () => {
  it('sends the file through the upload transport with its type and token, and retries it after a refresh', async () => {
    const sent: Array<{ url: string; headers: Headers; size: number }> = [];
    const progress: number[] = [];
    const answers = [json(401, { error: { code: 'token_expired', message: 'x' } }), json(200, { ok: true })];
    const upload = async (url: string, init: { headers: Headers; body: Blob }, onProgress: (sent: number, total: number) => void) => {
      sent.push({ url, headers: init.headers, size: init.body.size });
      onProgress(init.body.size, init.body.size);
      return answers.shift()!;
    };
    const { fetch } = fakeFetch(json(200, session('t1')), json(200, session('t2')));
    const client = new ApiClient({ fetch, getLocale: () => 'en', upload });
    await new AuthApi(client).login({ email: 'ada@example.com', password: 'secret' });
    const file = new Blob([new Uint8Array(10)], { type: 'audio/wav' });
    await client.request({
      method: 'POST',
      path: '/api/beats/b1/audio',
      rawBody: { data: file, contentType: 'audio/wav' },
      authenticated: true,
      onUploadProgress: (bytes) => progress.push(bytes),
    });
    expect(sent.map((call) => call.headers.get('Authorization'))).toEqual(['Bearer t1', 'Bearer t2']);
    expect(sent[0]).toMatchObject({ url: '/api/beats/b1/audio', size: 10 });
    expect(sent[0]?.headers.get('Content-Type')).toBe('audio/wav');
    expect(progress).toEqual([10, 10]);
  });
});
