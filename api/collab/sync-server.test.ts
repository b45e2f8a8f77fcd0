import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { call, signUp } from '../testing/test-app.ts';
import { databaseKinds } from '../testing/test-database.ts';
import { connectClient, fetchTicket, startTestServer, waitFor, type TestServer } from '../testing/test-server.ts';
import { addComment, deleteComment, listComments } from '../../shared/project/comments-document.ts';
import { encodeUpdate } from './protocol.ts';

type User = Awaited<ReturnType<typeof signUp>>;

/** Opens a raw socket and records everything the server sends and how it ends. */
function rawSocket(url: string, headers: Record<string, string> = {}) {
  const received: Buffer[] = [];
  let status: number | undefined;
  const socket = new WebSocket(url, { headers });
  const closed = new Promise<{ code: number; opened: boolean }>((resolve) => {
    let opened = false;
    socket.on('open', () => (opened = true));
    socket.on('message', (data) => received.push(data as Buffer));
    socket.on('unexpected-response', (_request, response) => {
      status = response.statusCode;
      resolve({ code: -1, opened: false });
    });
    socket.on('close', (code) => resolve({ code, opened }));
    socket.on('error', () => resolve({ code: -2, opened }));
  });
  return { socket, received, closed, status: () => status };
}

describe.each(databaseKinds())('sync server (%s)', (kind) => {
  let s: TestServer;
  let owner: User;
  let projectId: string;

  beforeAll(async () => {
    s = await startTestServer(kind);
    owner = await signUp(s.app, { displayName: 'Owner Olivia' });
    projectId = (await call(s.app, 'POST', '/api/projects', { token: owner.accessToken, body: { title: 'Night Drive' } })).json.id;
  });
  afterAll(() => s.close());

  async function member(role: 'editor' | 'commenter' | 'viewer', name: string) {
    const user = await signUp(s.app, { displayName: name });
    const invite = await call(s.app, 'POST', `/api/projects/${projectId}/invites`, { token: owner.accessToken, body: { role } });
    const accepted = await call(s.app, 'POST', '/api/projects/invites/accept', { token: user.accessToken, body: { token: invite.json.token } });
    expect(accepted.status).toBe(200);
    return user;
  }

  it('syncs edits between two collaborators and shows cursors with the verified identity', async () => {
    const editor = await member('editor', 'Editor Eli');
    const a = connectClient(s, owner.accessToken, projectId);
    const b = connectClient(s, editor.accessToken, projectId);
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getText('lyrics').insert(0, 'City lights are calling\n');
    await waitFor(() => b.doc.getText('lyrics').toString() === 'City lights are calling\n', 5000, 'b sees a');
    b.doc.getText('lyrics').insert(0, '[Verse 1]\n');
    await waitFor(() => a.doc.getText('lyrics').toString().startsWith('[Verse 1]'), 5000, 'a sees b');

    // B claims to be someone else; everybody sees the identity the server verified.
    b.awareness.setLocalStateField('user', { id: owner.userId, name: 'Owner Olivia (fake)', color: '#000' });
    b.awareness.setLocalStateField('cursor', { line: 1 });
    await waitFor(() => a.awareness.getStates().get(b.doc.clientID)?.cursor !== undefined, 5000, 'a sees b cursor');
    expect(a.awareness.getStates().get(b.doc.clientID)?.user).toMatchObject({ id: editor.userId, name: 'Editor Eli' });
    a.destroy();
    b.destroy();
  });

  it('refuses no ticket, a reused ticket, a ticket for another project and an expired one, before any byte', async () => {
    const other = (await call(s.app, 'POST', '/api/projects', { token: owner.accessToken, body: { title: 'Other' } })).json.id;
    const noTicket = rawSocket(`${s.wsUrl}/${projectId}`);
    await noTicket.closed;
    expect(noTicket.status()).toBe(401);

    const { ticket } = await fetchTicket(s.httpUrl, owner.accessToken, projectId);
    const first = rawSocket(`${s.wsUrl}/${projectId}?ticket=${ticket}`);
    await waitFor(() => first.received.length > 0, 5000, 'first socket synced');
    const reused = rawSocket(`${s.wsUrl}/${projectId}?ticket=${ticket}`);
    await reused.closed;
    expect(reused.status()).toBe(401);
    expect(reused.received).toEqual([]);
    first.socket.close();

    const forOther = await fetchTicket(s.httpUrl, owner.accessToken, other);
    const wrongDocument = rawSocket(`${s.wsUrl}/${projectId}?ticket=${forOther.ticket}`);
    await wrongDocument.closed;
    expect(wrongDocument.status()).toBe(401);
    // …and the comments ticket does not open the song either.
    const comments = await fetchTicket(s.httpUrl, owner.accessToken, projectId, 'comments');
    const wrongKind = rawSocket(`${s.wsUrl}/${projectId}?ticket=${comments.ticket}`);
    await wrongKind.closed;
    expect(wrongKind.status()).toBe(401);

    const stale = await fetchTicket(s.httpUrl, owner.accessToken, projectId);
    s.clock.advance(31_000);
    const expired = rawSocket(`${s.wsUrl}/${projectId}?ticket=${stale.ticket}`);
    await expired.closed;
    s.clock.advance(-31_000);
    expect(expired.status()).toBe(401);
    expect(expired.received).toEqual([]);
  });

  it('refuses a foreign Origin', async () => {
    const { ticket } = await fetchTicket(s.httpUrl, owner.accessToken, projectId);
    const foreign = rawSocket(`${s.wsUrl}/${projectId}?ticket=${ticket}`, { origin: 'https://evil.example' });
    await foreign.closed;
    expect(foreign.status()).toBe(403);
  });

  it("never lets a viewer's write reach the document, and lets a commenter write only comments", async () => {
    const viewer = await member('viewer', 'Viewer Vic');
    const commenter = await member('commenter', 'Commenter Cam');
    const ownerClient = connectClient(s, owner.accessToken, projectId);
    const viewerClient = connectClient(s, viewer.accessToken, projectId);
    const commenterSong = connectClient(s, commenter.accessToken, projectId);
    const commenterNotes = connectClient(s, commenter.accessToken, projectId, 'comments');
    const ownerNotes = connectClient(s, owner.accessToken, projectId, 'comments');
    await Promise.all([ownerClient, viewerClient, commenterSong, commenterNotes, ownerNotes].map((c) => c.synced()));
    const before = ownerClient.doc.getText('lyrics').toString();

    viewerClient.doc.getText('lyrics').insert(0, 'VIEWER WAS HERE ');
    commenterSong.doc.getText('lyrics').insert(0, 'COMMENTER WAS HERE ');
    addComment(commenterNotes.doc, { id: 'c-love', authorId: commenter.userId, authorName: 'Commenter Cam', text: 'Love this hook', anchor: { kind: 'song' }, createdAt: '2026-11-26T10:00:00Z' });
    await waitFor(() => listComments(ownerNotes.doc).length === 1, 5000, 'comment arrives');
    // Give the dropped writes every chance to (wrongly) arrive.
    ownerClient.doc.getText('lyrics').insert(before.length, 'owner edit');
    await waitFor(() => viewerClient.doc.getText('lyrics').toString().includes('owner edit'), 5000, 'viewer receives');
    expect(ownerClient.doc.getText('lyrics').toString()).not.toMatch(/VIEWER|COMMENTER/);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await s.documents.encodedState(projectId));
    expect(stored.getText('lyrics').toString()).not.toMatch(/VIEWER|COMMENTER/);
    for (const c of [ownerClient, viewerClient, commenterSong, commenterNotes, ownerNotes]) c.destroy();
  });

  it('closes only the socket of a collaborator who writes a comment in someone else’s name or deletes theirs', async () => {
    const commenter = await member('commenter', 'Forger Fay');
    const editor = await member('editor', 'Honest Hal');
    const ownerNotes = connectClient(s, owner.accessToken, projectId, 'comments');
    const forger = connectClient(s, commenter.accessToken, projectId, 'comments');
    const honest = connectClient(s, editor.accessToken, projectId, 'comments');
    await Promise.all([ownerNotes, forger, honest].map((c) => c.synced()));
    const base = { anchor: { kind: 'song' } as const, createdAt: '2026-11-26T11:00:00Z' };
    addComment(ownerNotes.doc, { ...base, id: 'c-owner', authorId: owner.userId, authorName: 'Owner Olivia', text: 'Keep the second verse' });
    await waitFor(() => listComments(forger.doc).some((c) => c.id === 'c-owner'), 5000, 'forger sees the owner’s comment');

    const closed = new Promise<number>((resolve) => forger.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)));
    forger.provider.shouldConnect = false;
    addComment(forger.doc, { ...base, id: 'c-forged', authorId: owner.userId, authorName: 'Owner Olivia', text: 'Delete the second verse' });
    expect(await closed).toBe(4400);

    // Everyone else carries on, and nothing forged reached them or the database.
    addComment(honest.doc, { ...base, id: 'c-honest', authorId: editor.userId, authorName: 'Honest Hal', text: 'Agreed' });
    await waitFor(() => listComments(ownerNotes.doc).some((c) => c.id === 'c-honest'), 5000, 'the honest comment arrives');
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await s.documents.encodedState(`${projectId}.comments`));
    expect(listComments(stored).map((c) => c.id)).toEqual(expect.arrayContaining(['c-owner', 'c-honest']));
    expect(listComments(stored).map((c) => c.id)).not.toContain('c-forged');
    expect(listComments(ownerNotes.doc).map((c) => c.id)).not.toContain('c-forged');

    // Deleting the owner's comment is refused the same way; the owner may delete anyone's.
    const deleter = connectClient(s, commenter.accessToken, projectId, 'comments');
    await deleter.synced();
    const deleterClosed = new Promise<number>((resolve) => deleter.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)));
    deleter.provider.shouldConnect = false;
    deleteComment(deleter.doc, 'c-owner');
    expect(await deleterClosed).toBe(4400);
    deleteComment(ownerNotes.doc, 'c-honest');
    await waitFor(() => !listComments(honest.doc).some((c) => c.id === 'c-honest'), 5000, 'the owner’s delete arrives');
    expect(listComments(honest.doc).map((c) => c.id)).toContain('c-owner');
    for (const c of [ownerNotes, forger, honest, deleter]) c.destroy();
  });

  it("closes a removed member's sockets at once, and they cannot come back", async () => {
    const editor = await member('editor', 'Soon Gone');
    const client = connectClient(s, editor.accessToken, projectId);
    await client.synced();
    const closed = new Promise<number>((resolve) => client.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)));
    const removed = await call(s.app, 'DELETE', `/api/projects/${projectId}/members/${editor.userId}`, { token: owner.accessToken });
    expect(removed.status).toBe(204);
    expect(await closed).toBe(4403);
    await expect(fetchTicket(s.httpUrl, editor.accessToken, projectId)).rejects.toMatchObject({ permanent: true });
    client.destroy();
  });

  it('closes only the sender on an oversized frame or a malformed update; the document is unchanged for everyone', async () => {
    const watcher = connectClient(s, owner.accessToken, projectId);
    await watcher.synced();
    const before = watcher.doc.getText('lyrics').toString();
    const stateBefore = await s.documents.encodedState(projectId);

    const big = await fetchTicket(s.httpUrl, owner.accessToken, projectId);
    const oversized = rawSocket(`${s.wsUrl}/${projectId}?ticket=${big.ticket}`);
    await waitFor(() => oversized.received.length > 0, 5000, 'oversized socket open');
    oversized.socket.send(new Uint8Array(s.config.sync.maxFrameBytes + 10));
    expect((await oversized.closed).code).toBe(1009);

    for (const frame of [
      encodeUpdate(new Uint8Array([1, 2, 3, 4, 250, 251, 252])),
      new Uint8Array([0, 7, 1]),
      new Uint8Array([9, 9, 9]),
      new Uint8Array([1, 5, 1, 2, 3]),
    ]) {
      const { ticket } = await fetchTicket(s.httpUrl, owner.accessToken, projectId);
      const hostile = rawSocket(`${s.wsUrl}/${projectId}?ticket=${ticket}`);
      await waitFor(() => hostile.received.length > 0, 5000, 'hostile socket open');
      hostile.socket.send(frame);
      expect((await hostile.closed).code).toBe(4400);
    }
    // The watcher stayed connected throughout, and the stored document is exactly what it was.
    expect(watcher.provider.wsconnected).toBe(true);
    expect(Buffer.from(await s.documents.encodedState(projectId)).equals(Buffer.from(stateBefore))).toBe(true);
    watcher.doc.getText('lyrics').insert(0, 'still editing ');
    await waitUntilStored(s, projectId, 'still editing ' + before);
    watcher.destroy();
  });

  it('unloads a document when its last client leaves and loads it back from storage', async () => {
    const project = (await call(s.app, 'POST', '/api/projects', { token: owner.accessToken, body: { title: 'Unload me' } })).json.id;
    const writer = connectClient(s, owner.accessToken, project);
    await writer.synced();
    for (let i = 0; i < 30; i++) writer.doc.getText('lyrics').insert(0, `line ${i}\n`);
    const expected = writer.doc.getText('lyrics').toString();
    await waitUntilStored(s, project, expected);
    expect(await s.sync.loadedState(project)).toBeDefined();
    writer.destroy();
    await waitFor(() => s.sync.stats().connections === 0, 5000, 'socket closed');
    await waitForUnload(s, project);
    const fresh = connectClient(s, owner.accessToken, project);
    await fresh.synced();
    await waitFor(() => fresh.doc.getText('lyrics').toString() === expected, 5000, 'reloaded');
    fresh.destroy();
  });
});

async function waitForUnload(s: TestServer, documentId: string) {
  const started = Date.now();
  while ((await s.sync.loadedState(documentId)) !== undefined) {
    if (Date.now() - started > 5000) throw new Error('document was not unloaded');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function waitUntilStored(s: TestServer, documentId: string, expected: string) {
  const started = Date.now();
  for (;;) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await s.documents.encodedState(documentId));
    if (doc.getText('lyrics').toString() === expected) return;
    if (Date.now() - started > 5000) throw new Error('updates were not stored');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
