import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addChatMessage, addComment, deleteComment, listChat, listComments, setCommentResolved } from '../../shared/project/comments-document.ts';
import { commentsWriteRefusal, type CommentsWriter } from './comments-write-rules.ts';

const OWNER: CommentsWriter = { userId: 'owner', owner: true };
const ANA: CommentsWriter = { userId: 'ana', owner: false };
const BEN: CommentsWriter = { userId: 'ben', owner: false };

/** A client's copy of the comments document that records each update it makes, like the app's provider sends them. */
function client(clientID: number) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const sent: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') sent.push(update);
  });
  return { doc, sent };
}

/** The server's copy: an update is applied only when the rules let this writer make it. */
function server() {
  const doc = new Y.Doc();
  return {
    doc,
    receive(update: Uint8Array, writer: CommentsWriter): string | null {
      const refusal = commentsWriteRefusal(doc, update, writer);
      if (!refusal) Y.applyUpdate(doc, update, 'client');
      return refusal;
    },
    sendTo(target: Y.Doc) {
      Y.applyUpdate(target, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(target)), 'server');
    },
  };
}

const comment = (id: string, authorId: string, text = 'tighten this line') => ({ id, authorId, authorName: authorId, text, anchor: { kind: 'song' } as const, createdAt: '2026-11-26T10:00:00Z' });
const message = (id: string, authorId: string) => ({ id, authorId, authorName: authorId, text: 'hi', createdAt: '2026-11-26T10:00:00Z' });
const last = (list: Uint8Array[]) => list[list.length - 1]!;

describe('the comments document’s write rules', () => {
  it('let people comment, chat, resolve each other’s comments and delete their own', () => {
    const hub = server();
    const ana = client(1);
    const ben = client(2);
    addComment(ana.doc, comment('c1', 'ana'));
    expect(hub.receive(last(ana.sent), ANA)).toBeNull();
    addChatMessage(ana.doc, message('m1', 'ana'));
    expect(hub.receive(last(ana.sent), ANA)).toBeNull();
    hub.sendTo(ben.doc);
    setCommentResolved(ben.doc, 'c1', true);
    expect(hub.receive(last(ben.sent), BEN)).toBeNull();
    addChatMessage(ben.doc, message('m2', 'ben'));
    expect(hub.receive(last(ben.sent), BEN)).toBeNull();
    hub.sendTo(ana.doc);
    setCommentResolved(ana.doc, 'c1', false);
    expect(hub.receive(last(ana.sent), ANA)).toBeNull();
    deleteComment(ana.doc, 'c1');
    expect(hub.receive(last(ana.sent), ANA)).toBeNull();
    expect(listComments(hub.doc)).toEqual([]);
    expect(listChat(hub.doc).map((entry) => entry.id)).toEqual(['m1', 'm2']);
  });

  it('refuse a comment or a message in someone else’s name, or with no author', () => {
    const hub = server();
    const ben = client(2);
    addComment(ben.doc, comment('c1', 'ana'));
    expect(hub.receive(last(ben.sent), BEN)).toMatch(/someone else’s name/);
    addChatMessage(ben.doc, message('m1', 'ana'));
    expect(hub.receive(last(ben.sent), BEN)).toMatch(/someone else’s name/);
    const nameless = new Y.Map<unknown>();
    ben.doc.getMap('comments').set('c2', nameless);
    nameless.set('text', 'who wrote this?');
    expect(hub.receive(Y.encodeStateAsUpdate(ben.doc, Y.encodeStateVector(hub.doc)), BEN)).toMatch(/someone else’s name|without an author/);
    expect(listComments(hub.doc)).toEqual([]);
    expect(listChat(hub.doc)).toEqual([]);
  });

  it('refuse rewording, re-attributing or deleting someone else’s comment, but let the owner delete it', () => {
    const hub = server();
    const ana = client(1);
    const ben = client(2);
    const owner = client(3);
    addComment(ana.doc, comment('c1', 'ana', 'the hook is late'));
    hub.receive(last(ana.sent), ANA);
    addChatMessage(ana.doc, message('m1', 'ana'));
    hub.receive(last(ana.sent), ANA);
    hub.sendTo(ben.doc);
    hub.sendTo(owner.doc);

    const entry = ben.doc.getMap<Y.Map<unknown>>('comments').get('c1')!;
    entry.set('text', 'the hook is perfect');
    expect(hub.receive(last(ben.sent), BEN)).toMatch(/changes "text"/);
    entry.set('authorId', 'ben');
    expect(hub.receive(last(ben.sent), BEN)).toMatch(/changes "authorId"/);
    ben.doc.getArray<Y.Map<unknown>>('chat').get(0).set('text', 'rude');
    expect(hub.receive(last(ben.sent), BEN)).toMatch(/changes "text"/);

    const fresh = client(4);
    hub.sendTo(fresh.doc);
    deleteComment(fresh.doc, 'c1');
    expect(hub.receive(last(fresh.sent), BEN)).toMatch(/someone else’s entry/);
    fresh.doc.getArray('chat').delete(0, 1);
    expect(Y.isDeleted(Y.decodeUpdate(last(fresh.sent)).ds, Y.createID(1, 0))).toBe(false);
    expect(hub.receive(last(fresh.sent), BEN)).toMatch(/someone else’s entry/);
    // Replacing the comment under its id deletes the original too.
    fresh.doc.getMap('comments').set('c1', new Y.Map());
    expect(hub.receive(last(fresh.sent), BEN)).not.toBeNull();
    expect(listComments(hub.doc).map((c) => c.text)).toEqual(['the hook is late']);

    deleteComment(owner.doc, 'c1');
    expect(hub.receive(last(owner.sent), OWNER)).toBeNull();
    expect(listComments(hub.doc)).toEqual([]);
  });

  it('refuse other top-level types, types nested in an entry and deleting content the server lacks', () => {
    const hub = server();
    const ben = client(2);
    ben.doc.getText('lyrics').insert(0, 'sneaky');
    expect(hub.receive(last(ben.sent), BEN)).toMatch(/"lyrics"/);

    const other = client(5);
    const entry = new Y.Map<unknown>();
    other.doc.getMap('comments').set('c1', entry);
    entry.set('authorId', 'ben');
    entry.set('text', new Y.Text('nested'));
    expect(hub.receive(Y.encodeStateAsUpdate(other.doc), BEN)).toMatch(/not a plain value/);

    // A delete set naming another client's messages the server has not received yet: applied, it
    // would wipe them out the moment they arrive.
    const author = new Y.Doc();
    author.clientID = 9;
    author.getArray('chat').insert(0, [new Y.Map(), new Y.Map()]);
    const deleter = new Y.Doc();
    Y.applyUpdate(deleter, Y.encodeStateAsUpdate(author));
    let deletion: Uint8Array = new Uint8Array();
    deleter.on('update', (update: Uint8Array) => (deletion = update));
    deleter.getArray('chat').delete(0, 2);
    expect(Y.decodeUpdate(deletion).structs).toEqual([]);
    expect(hub.receive(deletion, BEN)).toMatch(/does not have/);
  });

  it('accept an offline client’s whole backlog on reconnect, including a resolve of a comment deleted meanwhile', () => {
    const hub = server();
    const ana = client(1);
    const ben = client(2);
    addComment(ana.doc, comment('c1', 'ana'));
    hub.receive(last(ana.sent), ANA);
    hub.sendTo(ben.doc);
    // Ben goes offline: resolves Ana's comment, writes, reopens, deletes his own.
    setCommentResolved(ben.doc, 'c1', true);
    addComment(ben.doc, comment('c2', 'ben'));
    addComment(ben.doc, comment('c3', 'ben'));
    deleteComment(ben.doc, 'c3');
    addChatMessage(ben.doc, message('m1', 'ben'));
    // Meanwhile Ana deletes her comment.
    deleteComment(ana.doc, 'c1');
    expect(hub.receive(last(ana.sent), ANA)).toBeNull();
    // Back online: his sync step 2 (everything the server lacks plus his whole delete set).
    expect(hub.receive(Y.encodeStateAsUpdate(ben.doc, Y.encodeStateVector(hub.doc)), BEN)).toBeNull();
    hub.sendTo(ben.doc);
    hub.sendTo(ana.doc);
    expect(listComments(hub.doc).map((c) => c.id)).toEqual(['c2']);
    expect(listComments(ana.doc)).toEqual(listComments(ben.doc));
  });

  it('never refuse what the app writes, in any order, online or offline (property)', () => {
    const writers = [OWNER, ANA, BEN];
    const step = fc.record({
      who: fc.integer({ min: 0, max: 2 }),
      action: fc.constantFrom('comment', 'chat', 'resolve', 'reopen', 'delete-own', 'owner-deletes', 'go-offline', 'come-back'),
      pick: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const hub = server();
        const clients = writers.map((_, index) => ({ ...client(index + 1), online: true }));
        let nextId = 0;
        const deliver = (index: number) => {
          const peer = clients[index]!;
          if (!peer.online) return;
          for (const update of peer.sent.splice(0)) expect(hub.receive(update, writers[index]!)).toBeNull();
          for (const other of clients) if (other.online) hub.sendTo(other.doc);
        };
        for (const { who, action, pick } of steps) {
          const peer = clients[who]!;
          const writer = writers[who]!;
          const comments = listComments(peer.doc);
          const chosen = comments.length ? comments[pick % comments.length] : undefined;
          if (action === 'comment') addComment(peer.doc, comment(`c${nextId++}`, writer.userId));
          else if (action === 'chat') addChatMessage(peer.doc, message(`m${nextId++}`, writer.userId));
          else if (action === 'resolve' && chosen) setCommentResolved(peer.doc, chosen.id, true);
          else if (action === 'reopen' && chosen) setCommentResolved(peer.doc, chosen.id, false);
          else if (action === 'delete-own') {
            const own = comments.filter((c) => c.authorId === writer.userId);
            if (own.length) deleteComment(peer.doc, own[pick % own.length]!.id);
          } else if (action === 'owner-deletes' && writer.owner && chosen) deleteComment(peer.doc, chosen.id);
          else if (action === 'go-offline') peer.online = false;
          else if (action === 'come-back' && !peer.online) {
            peer.online = true;
            // Reconnecting sends one sync step 2 instead of the queued updates.
            peer.sent.length = 0;
            expect(hub.receive(Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(hub.doc)), writer)).toBeNull();
          }
          deliver(who);
        }
        for (const [index, peer] of clients.entries()) {
          peer.sent.length = 0;
          expect(hub.receive(Y.encodeStateAsUpdate(peer.doc, Y.encodeStateVector(hub.doc)), writers[index]!)).toBeNull();
        }
        for (const peer of clients) hub.sendTo(peer.doc);
        for (const peer of clients) expect(listComments(peer.doc)).toEqual(listComments(hub.doc));
      }),
      { numRuns: 300 },
    );
  });
});
