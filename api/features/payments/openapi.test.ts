import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../../testing/test-app.ts';

describe('the money routes in the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.close());

  it('lists every licence, payment, coupon and subscription route', async () => {
    const paths = Object.keys((await call(t.app, 'GET', '/api/openapi.json')).json.paths);
    for (const route of [
      '/api/beats/{id}/licences', '/api/beats/{id}/stems', '/api/beats/{id}/free-download', '/api/beats/{id}/purchase', '/api/beats/{id}/splits',
      '/api/checkout', '/api/orders', '/api/orders/{id}', '/api/payments/mode', '/api/payments/webhook', '/api/payments/test-checkout/{orderId}',
      '/api/licences', '/api/licences/{id}/contract.pdf', '/api/licences/{id}/downloads', '/api/downloads/{token}', '/api/ledger.csv',
      '/api/coupons', '/api/coupons/{id}',
      '/api/subscriptions/plans', '/api/subscriptions/subscribe', '/api/subscriptions/upgrade', '/api/subscriptions/cancel', '/api/subscriptions/status',
    ]) expect(paths, route).toContain(route);
  });
});
