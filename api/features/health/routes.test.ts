import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

describe.each(databaseKinds())('health, readiness and API documentation (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('reports liveness and readiness with the database in use', async () => {
    expect((await call(t.app, 'GET', '/api/health')).json).toEqual({ status: 'ok' });
    expect((await call(t.app, 'GET', '/api/ready')).json).toEqual({ status: 'ready', database: kind, redis: 'not_configured' });
  });

  it('reports not ready when the database is gone', async () => {
    const down = await createTestApp(kind);
    await down.database.close();
    const response = await call(down.app, 'GET', '/api/ready');
    expect(response.status).toBe(503);
    expect(response.json.error.code).toBe('not_ready');
  });

  it('serves an OpenAPI 3 document generated from the route schemas', async () => {
    const doc = (await call(t.app, 'GET', '/api/openapi.json')).json;
    expect(doc.openapi).toMatch(/^3\./);
    for (const [path, method] of [
      ['/api/auth/register', 'post'],
      ['/api/auth/login', 'post'],
      ['/api/auth/logout', 'post'],
      ['/api/auth/refresh', 'post'],
      ['/api/auth/profile', 'get'],
      ['/api/auth/profile', 'put'],
      ['/api/auth/password', 'post'],
      ['/api/health', 'get'],
      ['/api/ready', 'get'],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeTruthy();
    }
    const register = doc.components.schemas.RegisterRequest;
    expect(register.required).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
    expect(doc.paths['/api/auth/profile'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('renders the document as an HTML reference with no third-party resources', async () => {
    const page = await call(t.app, 'GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.text).toContain('/api/auth/register');
    expect(page.text).toContain('RegisterRequest');
    expect(page.text).not.toMatch(/<script|https?:\/\/(?!localhost)[a-z]/i);
    const css = await t.app.request('/api/docs/docs.css');
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
  });
});
