import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalStorage } from './local-storage.ts';
import { createS3Storage } from './s3-storage.ts';
import type { Storage } from './storage.ts';
import { storageContract } from './storage-contract.ts';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});
async function tempFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

let localRoot = '';
let s3: Storage | undefined;
let server: S3rver | undefined;

beforeAll(async () => {
  localRoot = await tempFolder('cs-local-storage-');
  server = new S3rver({ address: '127.0.0.1', port: 0, directory: await tempFolder('cs-s3rver-'), silent: true, configureBuckets: [{ name: 'beats' }] });
  const { port } = await server.run();
  s3 = createS3Storage({
    bucket: 'beats',
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    prefix: 'test/',
  });
});
afterAll(async () => {
  await server?.close();
});

storageContract('local folder', () => createLocalStorage(localRoot));
storageContract('S3 (s3rver)', () => s3!);

describe('local folder storage', () => {
  it('leaves no temp file behind when a write fails midway', async () => {
    const root = await tempFolder('cs-local-fail-');
    const storage = createLocalStorage(root);
    await expect(storage.put('short', new TextEncoder().encode('abc'), { contentType: 'text/plain', contentLength: 10 })).rejects.toThrow();
    expect(await storage.head('short')).toBeUndefined();
    expect(await readdir(path.join(root, 'tmp'))).toEqual([]);
  });

  it('does not follow a symbolic link planted inside the root to a place outside it', async () => {
    const root = await tempFolder('cs-local-link-');
    const outside = await tempFolder('cs-local-outside-');
    await writeFile(path.join(outside, 'secret'), 'do not serve');
    const storage = createLocalStorage(root);
    await storage.put('beats/real', new TextEncoder().encode('ok'), { contentType: 'text/plain', contentLength: 2 });
    await symlink(outside, path.join(root, 'objects', 'beats', 'link'));
    await mkdir(path.join(root, 'meta', 'beats', 'link'), { recursive: true });
    await writeFile(path.join(root, 'meta', 'beats', 'link', 'secret.json'), JSON.stringify({ contentType: 'text/plain', etag: '"x"' }));
    await expect(storage.get('beats/link/secret')).rejects.toThrow(/outside the root/);
    await expect(storage.put('beats/link/new', new TextEncoder().encode('x'), { contentType: 'text/plain', contentLength: 1 })).rejects.toThrow(/outside the root/);
    expect(await readdir(outside)).toEqual(['secret']);
  });
});
