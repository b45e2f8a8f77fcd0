import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import type { Config } from '../../config.ts';
import { sineWav } from './wav.ts';

/** The upload → preview → delete path once more with S3 configured, as a scaled-out deployment runs it. */
describe('beats on S3 storage (s3rver)', () => {
  let t: TestApp;
  let server: S3rver;
  let folder: string;
  let s3: NonNullable<Config['storage']['s3']>;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'cs-beats-s3-'));
    server = new S3rver({ address: '127.0.0.1', port: 0, directory: folder, silent: true, configureBuckets: [{ name: 'audio' }] });
    const { port } = await server.run();
    s3 = { bucket: 'audio', endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true };
    t = await createTestApp('pglite', { config: { storage: { dir: path.join(folder, 'unused'), s3 } } });
  });
  afterAll(async () => {
    await t.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('uploads, streams ranges and deletes through the bucket', async () => {
    const producer = await signUp(t.app);
    const id = (await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: { title: 'Cloud Beat', genre: 'house', price: 10 } })).json.id;
    // Several read-stream chunks (64 KiB each), so the streamed PutObject is exercised, not a single buffer.
    const wav = sineWav({ seconds: 2 });
    const uploaded = await t.app.request(`/api/beats/${id}/audio`, {
      method: 'POST',
      headers: { authorization: `Bearer ${producer.accessToken}`, 'content-type': 'application/octet-stream' },
      body: wav as Uint8Array<ArrayBuffer>,
    });
    expect(uploaded.status).toBe(200);
    await call(t.app, 'POST', `/api/beats/${id}/publish`, { token: producer.accessToken });

    // The bucket holds the master and its preview; the preview route streams the preview only.
    const client = new S3Client({ region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    const stored = async () => (await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `beats/${id}/` }))).Contents?.map((object) => object.Key) ?? [];
    expect((await stored()).sort()).toEqual([
      expect.stringMatching(new RegExp(`^beats/${id}/[0-9a-f-]{36}\\.wav$`)),
      expect.stringMatching(new RegExp(`^beats/${id}/preview-[0-9a-f-]{36}\\.mp3$`)),
    ]);
    const whole = new Uint8Array(await (await t.app.request(`/api/beats/${id}/preview`)).arrayBuffer());
    expect(whole.length).toBeLessThan(wav.length);
    const ranged = await t.app.request(`/api/beats/${id}/preview`, { headers: { range: 'bytes=-4' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes ${whole.length - 4}-${whole.length - 1}/${whole.length}`);
    expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(whole.subarray(whole.length - 4));
    expect((await t.app.request(`/api/beats/${id}/preview`, { headers: { range: `bytes=${whole.length}-` } })).status).toBe(416);
    expect((await call(t.app, 'DELETE', `/api/beats/${id}`, { token: producer.accessToken })).status).toBe(204);
    expect(await stored()).toEqual([]);
    expect((await call(t.app, 'GET', `/api/beats/${id}/preview`)).status).toBe(404);
    client.destroy();
  });

  it('documents the beat routes in the OpenAPI description', async () => {
    const document = (await call(t.app, 'GET', '/api/openapi.json')).json;
    for (const route of ['/api/beats', '/api/beats/{id}', '/api/beats/{id}/audio', '/api/beats/{id}/voice-tag', '/api/beats/{id}/preview', '/api/beats/{id}/publish']) {
      expect(Object.keys(document.paths)).toContain(route);
    }
  });
});
