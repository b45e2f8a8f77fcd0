import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SyncStatus, confirmLocalChanges, trackSync } from './sync-status.ts';

function fakeProvider() {
  const handlers = new Map<string, Set<(value: never) => void>>();
  return {
    on(event: string, handler: (value: never) => void) {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)!.add(handler);
    },
    off(event: string, handler: (value: never) => void) {
      handlers.get(event)?.delete(handler);
    },
    emit(event: string, value: unknown) {
      for (const handler of handlers.get(event) ?? []) handler(value as never);
    },
  };
}

describe('SyncStatus', () => {
  it('counts local changes while offline and clears them once a sync completes', () => {
    const status = new SyncStatus();
    const doc = new Y.Doc();
    const provider = fakeProvider();
    trackSync(status, doc, provider, [provider]);
    expect(status.state).toEqual({ kind: 'offline', pending: 0 });
    doc.getText('lyrics').insert(0, 'one');
    doc.getText('lyrics').insert(0, 'two');
    expect(status.state).toEqual({ kind: 'offline', pending: 2 });

    provider.emit('status', { status: 'connected' });
    expect(status.state).toEqual({ kind: 'syncing', pending: 2 });
    provider.emit('sync', true);
    expect(status.state).toEqual({ kind: 'synced' });
  });

  it('does not count changes that came from the server or from local storage', () => {
    const status = new SyncStatus();
    const doc = new Y.Doc();
    const provider = fakeProvider();
    const storage = { name: 'indexeddb' };
    trackSync(status, doc, provider, [provider, storage]);
    const remote = new Y.Doc();
    remote.getText('lyrics').insert(0, 'from far away');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), provider);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), storage);
    expect(status.state).toEqual({ kind: 'offline', pending: 0 });
  });

  it('goes back to offline, keeping the count, when the connection drops mid-sync', () => {
    const status = new SyncStatus();
    const doc = new Y.Doc();
    const provider = fakeProvider();
    trackSync(status, doc, provider, [provider]);
    provider.emit('status', { status: 'connected' });
    provider.emit('sync', true);
    doc.getMap('mix').set('vocal.fader', -3);
    expect(status.state).toEqual({ kind: 'syncing', pending: 1 });
    provider.emit('status', { status: 'disconnected' });
    expect(status.state).toEqual({ kind: 'offline', pending: 1 });
    status.confirmed();
    expect(status.state).toEqual({ kind: 'offline', pending: 0 });
  });
});

describe('confirmLocalChanges over a real server', () => {
  it('turns a change made while connected from syncing into synced once the server has stored it', async () => {
    const { startTestServer, connectClient, waitFor } = await import('../../api/testing/test-server.ts');
    const { call, signUp } = await import('../../api/testing/test-app.ts');
    const { encodeSyncStep1 } = await import('../../api/collab/protocol.ts');
    const s = await startTestServer('pglite');
    try {
      const owner = await signUp(s.app);
      const projectId = (await call(s.app, 'POST', '/api/projects', { token: owner.accessToken, body: { title: 'Status' } })).json.id;
      const client = connectClient(s, owner.accessToken, projectId);
      const status = new SyncStatus();
      trackSync(status, client.doc, client.provider as never, [client.provider]);
      confirmLocalChanges(status, client.doc, client.provider as never, encodeSyncStep1, Y.encodeStateVector, 50);
      await client.synced();
      await waitFor(() => status.state.kind === 'synced');
      client.doc.getText('lyrics').insert(0, 'a line that must be stored');
      expect(status.state).toEqual({ kind: 'syncing', pending: 1 });
      await waitFor(() => status.state.kind === 'synced', 5000, 'confirmed');
      expect(Y.encodeStateAsUpdate(client.doc).length).toBeGreaterThan(0);
      const stored = new Y.Doc();
      Y.applyUpdate(stored, await s.documents.encodedState(projectId));
      expect(stored.getText('lyrics').toString()).toBe('a line that must be stored');
      client.destroy();
    } finally {
      await s.close();
    }
  });
});
