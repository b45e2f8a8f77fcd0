import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signUp } from '../../testing/test-app.ts';
import { listen, type TestServer } from '../../testing/test-server.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { sineWav } from './wav.ts';

/** A raw HTTP/1.1 POST with chunked encoding (no Content-Length), as a browser streaming a file sends it. */
function chunkedPost(url: string, token: string, chunks: Uint8Array[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'audio/wav', 'transfer-encoding': 'chunked' } });
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    // The server may answer 413 and close before every chunk is written.
    request.on('error', reject);
    let index = 0;
    const writeNext = () => {
      if (index >= chunks.length) return void request.end();
      if (request.write(chunks[index++]!)) setImmediate(writeNext);
      else request.once('drain', writeNext);
    };
    writeNext();
  });
}

describe('beat uploads over a real socket', () => {
  let s: TestServer;
  let storageDir: string;
  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(os.tmpdir(), 'cs-beats-http-'));
    s = await listen(await createTestApp('pglite', { config: { storage: { dir: storageDir, s3: undefined }, uploadMaxBytes: 64 * 1024 } }));
  });
  afterAll(async () => {
    await s.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('accepts a chunked upload under the limit and cuts one over it off with 413, storing nothing', async () => {
    const producer = await signUp(s.app);
    const id = (await call(s.app, 'POST', '/api/beats', { token: producer.accessToken, body: { title: 'Socket Beat', genre: 'edm', price: 5 } })).json.id;
    const small = sineWav({ seconds: 0.5, sampleRate: 8000 });
    const ok = await chunkedPost(`${s.httpUrl}/api/beats/${id}/audio`, producer.accessToken, [small.subarray(0, 1000), small.subarray(1000)]);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).audio.sampleRate).toBe(8000);
    const before = await readdir(path.join(storageDir, 'objects'), { recursive: true });

    const big = sineWav({ seconds: 4, sampleRate: 44_100 });
    const chunks = Array.from({ length: Math.ceil(big.length / 16_384) }, (_, index) => big.subarray(index * 16_384, (index + 1) * 16_384));
    const refused = await chunkedPost(`${s.httpUrl}/api/beats/${id}/audio`, producer.accessToken, chunks).catch((error: unknown) => ({ status: -1, body: String(error) }));
    // Either the 413 arrives, or the server closed the socket mid-upload after answering; never a 2xx or 5xx.
    expect([413, -1]).toContain(refused.status);
    if (refused.status === 413) expect(JSON.parse(refused.body).error.code).toBe('audio_too_large');
    expect(await readdir(path.join(storageDir, 'objects'), { recursive: true })).toEqual(before);
  });
});
