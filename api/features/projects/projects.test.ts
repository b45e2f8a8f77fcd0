import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readLyrics } from '../../../shared/project/project-document.ts';
import { TEST_PASSWORD, call, readOutbox, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';
import { connectClient, startTestServer, waitFor, type TestServer } from '../../testing/test-server.ts';

describe.each(databaseKinds())('projects API (%s)', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(() => s.close());
  const app = () => s.app as TestApp['app'];

  it('creates, lists, renames, deletes to the bin and restores', async () => {
    const owner = await signUp(app());
    const created = await call(app(), 'POST', '/api/projects', { token: owner.accessToken, body: { title: '  Night Drive ' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ title: 'Night Drive', role: 'owner', deletedAt: null });
    const id = created.json.id;
    expect((await call(app(), 'GET', '/api/projects', { token: owner.accessToken })).json.projects.map((p: { id: string }) => p.id)).toContain(id);
    expect((await call(app(), 'PUT', `/api/projects/${id}`, { token: owner.accessToken, body: { title: 'Night Drive II' } })).json.title).toBe('Night Drive II');

    expect((await call(app(), 'DELETE', `/api/projects/${id}`, { token: owner.accessToken })).json.deletedAt).toBeTruthy();
    expect((await call(app(), 'GET', `/api/projects/${id}`, { token: owner.accessToken })).status).toBe(404);
    const bin = await call(app(), 'GET', '/api/projects?bin=true', { token: owner.accessToken });
    expect(bin.json.projects.map((p: { id: string }) => p.id)).toContain(id);
    expect((await call(app(), 'POST', `/api/projects/${id}/restore`, { token: owner.accessToken })).json.deletedAt).toBeNull();
    expect((await call(app(), 'GET', `/api/projects/${id}`, { token: owner.accessToken })).status).toBe(200);
  });

  it('purges projects 30 days after deletion, not before', async () => {
    const owner = await signUp(app());
    const id = (await call(app(), 'POST', '/api/projects', { token: owner.accessToken, body: { title: 'Old' } })).json.id;
    await call(app(), 'DELETE', `/api/projects/${id}`, { token: owner.accessToken });
    s.clock.advance(29 * 24 * 3600 * 1000);
    expect(await s.projects.purgeExpired()).not.toContain(id);
    s.clock.advance(2 * 24 * 3600 * 1000);
    // A month later the access token has long expired: sign in again.
    const token = (await call(app(), 'POST', '/api/auth/login', { body: { email: owner.email, password: TEST_PASSWORD } })).json.accessToken;
    expect((await call(app(), 'POST', `/api/projects/${id}/restore`, { token })).status).toBe(404);
    expect(await s.projects.purgeExpired()).toContain(id);
  });

  it('e-mails an invitation to one address, in the invitee’s language, with a link that joins; a shareable link is not e-mailed', async () => {
    const owner = await signUp(app(), { displayName: 'Owner Olu' });
    const guest = await signUp(app(), { locale: 'es' });
    const id = (await call(app(), 'POST', '/api/projects', { token: owner.accessToken, body: { title: 'Summer Single' } })).json.id;
    const before = (await readOutbox(s.config.mail.outboxDir)).length;
    const link = await call(app(), 'POST', `/api/projects/${id}/invites`, { token: owner.accessToken, body: { role: 'viewer' } });
    expect(link.json.emailed).toBe(false);
    const invite = await call(app(), 'POST', `/api/projects/${id}/invites`, { token: owner.accessToken, body: { role: 'editor', email: guest.email } });
    expect(invite.json).toMatchObject({ emailed: true, email: guest.email });
    await expect.poll(async () => (await readOutbox(s.config.mail.outboxDir)).length).toBe(before + 1);
    const mail = (await readOutbox(s.config.mail.outboxDir)).at(-1)!;
    expect(mail.to).toBe(guest.email);
    expect(mail.subject).toBe('Owner Olu te invitó a “Summer Single” en CreatorSync');
    expect(mail.text).toContain('como editor (escribe letras y mezcla)');
    const token = /http:\/\/localhost\/invite\?token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBe(invite.json.token);
    expect((await call(app(), 'POST', '/api/projects/invites/accept', { token: guest.accessToken, body: { token } })).json.role).toBe('editor');
  });

  it('hides projects from non-members and enforces roles', async () => {
    const owner = await signUp(app());
    const stranger = await signUp(app());
    const viewer = await signUp(app());
    const id = (await call(app(), 'POST', '/api/projects', { token: owner.accessToken, body: { title: 'Private' } })).json.id;
    for (const [method, path] of [['GET', `/api/projects/${id}`], ['POST', `/api/projects/${id}/ticket`], ['GET', `/api/projects/${id}/members`], ['GET', `/api/projects/${id}/versions`]] as const) {
      const response = await call(app(), method, path, { token: stranger.accessToken });
      expect(response.status, `${method} ${path} ${response.text}`).toBe(404);
      expect(response.json.error.code).toBe('project_not_found');
    }
    const invite = await call(app(), 'POST', `/api/projects/${id}/invites`, { token: owner.accessToken, body: { role: 'viewer', email: viewer.email } });
    expect(invite.status).toBe(201);
    expect((await call(app(), 'POST', '/api/projects/invites/accept', { token: stranger.accessToken, body: { token: invite.json.token } })).json.error.code).toBe(
      'invite_email_mismatch',
    );
    expect((await call(app(), 'POST', '/api/projects/invites/accept', { token: viewer.accessToken, body: { token: invite.json.token } })).json.role).toBe('viewer');
    // An e-mail invitation works once.
    expect((await call(app(), 'POST', '/api/projects/invites/accept', { token: viewer.accessToken, body: { token: invite.json.token } })).status).toBe(404);
    expect((await call(app(), 'PUT', `/api/projects/${id}`, { token: viewer.accessToken, body: { title: 'Mine now' } })).status).toBe(403);
    expect((await call(app(), 'DELETE', `/api/projects/${id}`, { token: viewer.accessToken })).status).toBe(403);
    expect((await call(app(), 'POST', `/api/projects/${id}/invites`, { token: viewer.accessToken, body: { role: 'editor' } })).status).toBe(403);
    expect((await call(app(), 'POST', `/api/projects/${id}/versions`, { token: viewer.accessToken, body: { name: 'v' } })).status).toBe(403);
    const members = await call(app(), 'GET', `/api/projects/${id}/members`, { token: viewer.accessToken });
    expect(members.json.members.map((m: { role: string }) => m.role)).toEqual(['owner', 'viewer']);
    // The owner's role is fixed; link invites expire.
    expect((await call(app(), 'PUT', `/api/projects/${id}/members/${owner.userId}`, { token: owner.accessToken, body: { role: 'viewer' } })).status).toBe(409);
    const link = await call(app(), 'POST', `/api/projects/${id}/invites`, { token: owner.accessToken, body: { role: 'editor', expiresInHours: 1 } });
    s.clock.advance(2 * 3600 * 1000);
    const latecomer = await signUp(app());
    expect((await call(app(), 'POST', '/api/projects/invites/accept', { token: latecomer.accessToken, body: { token: link.json.token } })).status).toBe(404);
  });

  it('names versions, compares lyrics and restores a version as a new change, undoably', async () => {
    const owner = await signUp(app());
    const id = (await call(app(), 'POST', '/api/projects', { token: owner.accessToken, body: { title: 'Versions' } })).json.id;
    const client = connectClient(s, owner.accessToken, id);
    await client.synced();
    const lyrics = client.doc.getText('lyrics');
    lyrics.insert(0, '[Verse]\ncity lights\ncalling me');
    await eventually(async () => (await call(app(), 'GET', `/api/projects/${id}/versions/compare?from=current&to=current`, { token: owner.accessToken })).json.changes.length === 3);
    const first = await call(app(), 'POST', `/api/projects/${id}/versions`, { token: owner.accessToken, body: { name: 'First draft' } });
    expect(first.status).toBe(201);
    lyrics.delete(0, lyrics.length);
    lyrics.insert(0, '[Verse]\ncity nights\ncalling me\nhome tonight');
    await eventually(async () => readLyricsOf(await call(app(), 'GET', `/api/projects/${id}/versions/compare?from=${first.json.id}&to=current`, { token: owner.accessToken })).includes('home tonight'));

    const comparison = await call(app(), 'GET', `/api/projects/${id}/versions/compare?from=${first.json.id}&to=current`, { token: owner.accessToken });
    expect(comparison.json.changes.map((c: { kind: string }) => c.kind)).toEqual(['same', 'removed', 'added', 'same', 'added']);

    const detail = await call(app(), 'GET', `/api/projects/${id}/versions/${first.json.id}`, { token: owner.accessToken });
    expect(detail.json.lyrics).toBe('[Verse]\ncity lights\ncalling me');
    const readOnly = new Y.Doc();
    Y.applyUpdate(readOnly, Buffer.from(detail.json.state, 'base64'));
    expect(readLyrics(readOnly)).toBe('[Verse]\ncity lights\ncalling me');

    const restored = await call(app(), 'POST', `/api/projects/${id}/versions/${first.json.id}/restore`, { token: owner.accessToken });
    expect(restored.status).toBe(200);
    expect(restored.json.backup).toMatchObject({ kind: 'before_restore', name: 'First draft' });
    // The connected client receives the restore live, as a normal change.
    await waitFor(() => lyrics.toString() === '[Verse]\ncity lights\ncalling me', 5000, 'client sees restore');
    // Restoring the automatic backup undoes the restore.
    await call(app(), 'POST', `/api/projects/${id}/versions/${restored.json.backup.id}/restore`, { token: owner.accessToken });
    await waitFor(() => lyrics.toString() === '[Verse]\ncity nights\ncalling me\nhome tonight', 5000, 'restore undone');
    const list = await call(app(), 'GET', `/api/projects/${id}/versions`, { token: owner.accessToken });
    expect(list.json.versions.map((v: { kind: string }) => v.kind)).toEqual(['before_restore', 'before_restore', 'named']);
    client.destroy();
  });
});

function readLyricsOf(comparison: { json: { changes: Array<{ kind: string; line: string }> } }): string {
  return comparison.json.changes.filter((c) => c.kind !== 'removed').map((c) => c.line).join('\n');
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 5000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
