import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryLogger } from '../platform/logger.ts';
import type { DocumentStore } from './document-store.ts';
import { createLocalFanout } from './fanout.ts';
import { decodeClientMessage } from './protocol.ts';
import { Room, type Peer } from './room.ts';

/** A peer that records the updates relayed to it (sync step 1 and awareness frames are ignored). */
function recordingPeer(userId: string): Peer & { updates: Uint8Array[] } {
  const updates: Uint8Array[] = [];
  return {
    userId,
    identity: { id: userId, name: userId, color: 'hsl(0 70% 45%)' },
    canWrite: true,
    awarenessClientIds: new Set(),
    updates,
    send(frame) {
      const message = decodeClientMessage(frame);
      if (message.type === 'update') updates.push(message.update);
    },
    close() {
      throw new Error(`${userId} closed`);
    },
  };
}

/** A store whose appends complete only when the test says so. */
function heldStore() {
  const held: Array<{ count: number; release: () => void }> = [];
  const store = {
    append: (_documentId: string, updates: readonly unknown[]) => new Promise<void>((release) => held.push({ count: updates.length, release })),
    load: () => Promise.reject(new Error('not expected')),
  } as unknown as DocumentStore;
  return { store, held };
}

function edit(text: string, clientId: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.getText('lyrics').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('room relay', () => {
  it('relays nothing before it is stored, then one frame per socket per batch, never a socket its own update', async () => {
    const { store, held } = heldStore();
    const room = new Room('doc', new Y.Doc(), 0, { store, fanout: createLocalFanout(), logger: createMemoryLogger() });
    const [a, b, c] = [recordingPeer('a'), recordingPeer('b'), recordingPeer('c')];
    await Promise.all([room.join(a), room.join(b), room.join(c)]);

    const first = room.receive(a, { type: 'update', update: edit('one ', 1) });
    await settle();
    expect(held.map((append) => append.count)).toEqual([1]);
    // Arrives while the first is being stored: the next batch, with two senders.
    const second = room.receive(a, { type: 'update', update: edit('two ', 1_001) });
    const third = room.receive(b, { type: 'update', update: edit('three ', 2) });
    await settle();
    expect([a, b, c].map((peer) => peer.updates.length)).toEqual([0, 0, 0]);

    held[0]!.release();
    await first;
    await settle();
    expect([a, b, c].map((peer) => peer.updates.length)).toEqual([0, 1, 1]);
    expect(held.map((append) => append.count)).toEqual([1, 2]);
    held[1]!.release();
    await Promise.all([second, third]);

    // c sent nothing: both updates in one merged frame; a and b each get only the other's.
    expect([a, b, c].map((peer) => peer.updates.length)).toEqual([1, 2, 2]);
    const replicas = new Map<Peer, Y.Doc>();
    for (const [peer, own] of [
      [a, [edit('one ', 1), edit('two ', 1_001)]],
      [b, [edit('three ', 2)]],
      [c, []],
    ] as const) {
      const doc = new Y.Doc();
      for (const update of [...own, ...peer.updates]) Y.applyUpdate(doc, update);
      replicas.set(peer, doc);
    }
    const server = new Y.Doc();
    Y.applyUpdate(server, await room.encodedState());
    for (const doc of replicas.values()) expect(doc.getText('lyrics').toString()).toBe(server.getText('lyrics').toString());
    expect(server.getText('lyrics').toString()).toHaveLength('one two three '.length);
    room.destroy();
  });
});
