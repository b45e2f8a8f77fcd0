import fc from 'fast-check';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '@hono/node-server';
import { once } from 'node:events';
import type { Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { call, createTestApp, signUp, type TestApp } from '../testing/test-app.ts';


/** HTTP behaviour that does not depend on the database engine: one PGlite run is enough. */
describe('HTTP hygiene', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    const staticDir = await mkdtemp(path.join(os.tmpdir(), 'cs-static-'));
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>CreatorSync</title><script type="module" src="/assets/app.js"></script>');
    t = await createTestApp('pglite', { staticDir, config: { bodyLimitBytes: 64 * 1024, bodyDrainMs: 2000 } });
    token = (await signUp(t.app)).accessToken;
  });
  afterAll(() => t.close());

  const expectErrorShape = (response: { status: number; json: any; text: string }) => {
    expect(typeof response.json?.error?.code).toBe('string');
    expect(typeof response.json?.error?.message).toBe('string');
    expect(response.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  };

  it('answers over-long bodies with 413 before parsing, with or without Content-Length', async () => {
    const big = JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(100_000) });
    const withLength = await call(t.app, 'POST', '/api/auth/login', { raw: big, headers: { 'content-type': 'application/json' } });
    expect(withLength.status).toBe(413);
    expectErrorShape(withLength);
    expect(withLength.json.error.code).toBe('payload_too_large');

    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 100; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const streamed = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  describe('a body refused for its size, on a real connection', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      // Served as api/server.ts serves it.
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
      await once(server, 'listening');
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    /** Reads one whole HTTP response (headers, then Content-Length bytes) from the socket. */
    function nextResponse(socket: Socket): Promise<{ head: string; body: string }> {
      return new Promise((resolve, reject) => {
        let received = '';
        const onData = (chunk: Buffer) => {
          received += chunk.toString('latin1');
          const headEnd = received.indexOf('\r\n\r\n');
          if (headEnd < 0) return;
          const head = received.slice(0, headEnd);
          const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
          if (received.length < headEnd + 4 + length) return;
          socket.off('data', onData);
          resolve({ head, body: received.slice(headEnd + 4, headEnd + 4 + length) });
        };
        socket.on('data', onData);
        socket.once('error', reject);
      });
    }

    const oversized = (length: number) => `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

    it('reads the rest of the body before answering, so the connection carries the next request', async () => {
      const socket = connect(port, '127.0.0.1');
      await once(socket, 'connect');
      const answer = nextResponse(socket);
      socket.write(oversized(5_000_000));
      // Sent in pieces over most of a second, as a client on a slow link does, while the server has
      // already decided (longer than @hono/node-server drains a body left behind: 500 ms).
      for (let sent = 0; sent < 5_000_000; sent += 500_000) {
        socket.write('x'.repeat(500_000));
        await new Promise((resolve) => setTimeout(resolve, 80));
      }
      const refused = await answer;
      expect(refused.head).toMatch(/^HTTP\/1\.1 413 /);
      expect(refused.head).not.toMatch(/\r\nconnection: close/i);
      expect(JSON.parse(refused.body).error.code).toBe('payload_too_large');
      const next = nextResponse(socket);
      socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      expect((await next).head).toMatch(/^HTTP\/1\.1 200 /);
      socket.destroy();
    });

    it('closes the connection with its answer when the rest of the body does not come', async () => {
      const socket = connect(port, '127.0.0.1');
      await once(socket, 'connect');
      const answer = nextResponse(socket);
      socket.write(oversized(5_000_000) + 'x'.repeat(100_000));
      const refused = await answer;
      expect(refused.head).toMatch(/^HTTP\/1\.1 413 /);
      expect(refused.head).toMatch(/\r\nconnection: close/i);
      socket.destroy();
    });
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    for (const raw of ['{"email": ', '{', 'nul', '{"a":1}}', '\u0000']) {
      const response = await call(t.app, 'POST', '/api/auth/login', { raw, headers: { 'content-type': 'application/json' } });
      expect(response.status, raw).toBe(400);
      expect(response.json.error.code).toBe('malformed_json');
    }
  });

  it('answers a body that is not JSON with 415', async () => {
    const response = await call(t.app, 'POST', '/api/auth/login', { raw: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.status).toBe(415);
    expectErrorShape(response);
  });

  it('answers any JSON value that breaks a schema with 4xx and the error shape, never 5xx', async () => {
    const routes: Array<[string, string, string | undefined]> = [
      ['POST', '/api/auth/register', undefined],
      ['POST', '/api/auth/login', undefined],
      ['PUT', '/api/auth/profile', token],
      ['POST', '/api/auth/password', token],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }),
          fc.record(
            {
              email: fc.oneof(fc.emailAddress(), fc.string(), fc.integer(), fc.constant(null)),
              password: fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.string()), fc.constant(null)),
              displayName: fc.oneof(fc.string({ maxLength: 100 }), fc.boolean()),
              locale: fc.oneof(fc.constantFrom('en', 'es', 'xx', ''), fc.integer()),
              avatarUrl: fc.oneof(fc.webUrl(), fc.string()),
              roles: fc.oneof(fc.array(fc.string()), fc.string()),
              newPassword: fc.string({ maxLength: 300 }),
              currentPassword: fc.string({ maxLength: 50 }),
              __proto__: fc.object(),
            },
            { requiredKeys: [] },
          ),
        ),
        async ([method, route, auth], body) => {
          const response = await call(t.app, method, route, { body, ...(auth && { token: auth }) });
          expect(response.status).toBeGreaterThanOrEqual(200);
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) expectErrorShape(response);
        },
      ),
      { numRuns: 150, seed: 20261125 },
    );
  });

  it('answers arbitrary bytes as a JSON body with a 4xx, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200, unit: 'binary' }), async (raw) => {
        const response = await call(t.app, 'POST', '/api/auth/login', { raw, headers: { 'content-type': 'application/json' } });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expectErrorShape(response);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('puts the security headers on every response: API, errors, docs and the app', async () => {
    const responses = await Promise.all([
      t.app.request('/api/health'),
      t.app.request('/api/openapi.json'),
      t.app.request('/api/docs'),
      t.app.request('/api/nope'),
      t.app.request('/api/auth/profile'),
      t.app.request('/api/auth/login', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }),
      t.app.request('/'),
      t.app.request('/sign-in'),
    ]);
    for (const response of responses) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/connect-src 'self' ws:\/\/\S+ wss:\/\/\S+/);
      expect(csp).toContain("worker-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const maxAge = Number(/max-age=(\d+)/.exec(response.headers.get('strict-transport-security') ?? '')?.[1]);
      expect(maxAge).toBeGreaterThanOrEqual(31_536_000);
      expect(response.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('serves the app for client-side routes and JSON 404s for unknown API paths', async () => {
    const page = await t.app.request('/profile');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module"');
    const api = await call(t.app, 'GET', '/api/does-not-exist');
    expect(api.status).toBe(404);
    expect(api.json.error.code).toBe('not_found');
  });

  it('answers in the caller’s language', async () => {
    const spanish = await call(t.app, 'GET', '/api/auth/profile', { headers: { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' } });
    expect(spanish.json.error.message).toBe('Inicia sesión para continuar.');
    expect(spanish.headers.get('content-language')).toBe('es');
    const french = await call(t.app, 'GET', '/api/auth/profile', { headers: { 'accept-language': 'fr-CA' } });
    expect(french.json.error.message).toBe('Connectez-vous pour continuer.');
    const portuguese = await call(t.app, 'GET', '/api/auth/profile', { headers: { 'accept-language': 'pt' } });
    expect(portuguese.json.error.message).toBe('Entre na sua conta para continuar.');
    const unknown = await call(t.app, 'GET', '/api/auth/profile', { headers: { 'accept-language': 'de-DE' } });
    expect(unknown.json.error.message).toBe('Sign in to continue.');
  });

  it('allows cross-origin calls only from configured origins', async () => {
    const preflight = (origin: string) =>
      t.app.request('/api/auth/login', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await createTestApp('pglite', { config: { corsOrigins: ['https://studio.example'] } });
    try {
      const response = await allowed.app.request('/api/auth/login', {
        method: 'OPTIONS',
        headers: { origin: 'https://studio.example', 'access-control-request-method': 'POST' },
      });
      expect(response.headers.get('access-control-allow-origin')).toBe('https://studio.example');
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    } finally {
      await allowed.close();
    }
  });

  it('compresses and tags responses for caching', async () => {
    const doc = await t.app.request('/api/openapi.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(doc.headers.get('content-encoding')).toBe('gzip');
    const tag = doc.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await t.app.request('/api/openapi.json', { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
  });

  it('never leaks an internal error: logs it and answers internal', async () => {
    const broken = await createTestApp('pglite');
    await broken.database.close();
    const response = await call(broken.app, 'POST', '/api/auth/login', { body: { email: 'a@b.co', password: 'whatever-123' } });
    expect(response.status).toBe(500);
    expect(response.json.error.code).toBe('internal');
    expect(response.text).not.toMatch(/pglite|postgres|closed|stack/i);
    expect(broken.logger.entries.some((entry) => entry.level === 'error')).toBe(true);
  });
});
