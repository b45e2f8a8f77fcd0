import { describe, expect, it } from 'vitest';
import type { SaveProgressRequest } from '../../../shared/schemas/ai.ts';
import { DraftBook, SaveState } from './draft-book.ts';
import { createMemoryDraftStore, moveDrafts, type Draft, type DraftStore } from './draft-store.ts';

class Offline extends Error {}

function setup(store: DraftStore = createMemoryDraftStore()) {
  let clock = 1000;
  let ids = 0;
  const sent: SaveProgressRequest[] = [];
  const api = { online: true, reject: null as Error | null };
  const book = new DraftBook({
    store,
    now: () => (clock += 10),
    newId: () => `draft-${++ids}`,
    save: (request) => {
      if (!api.online) return Promise.reject(new Offline('offline'));
      if (api.reject) return Promise.reject(api.reject);
      sent.push(request);
      return Promise.resolve();
    },
    isNetworkError: (error) => error instanceof Offline,
    untitled: 'Untitled',
  });
  return { book, store, sent, api };
}

describe('DraftBook', () => {
  it('starts a writer with no drafts on an empty, stored draft', async () => {
    const { book, store } = setup();
    await book.load();
    expect(book.drafts).toHaveLength(1);
    expect(book.current?.title).toBe('Untitled');
    expect(await store.list()).toHaveLength(1);
  });

  it('keeps several titled drafts, newest edit first, and survives a reload', async () => {
    const { book, store } = setup();
    await book.load();
    const first = book.currentId;
    const second = await book.create('Second');
    await book.edit(first, { title: 'First', text: 'city lights' });
    expect(book.drafts.map((draft) => draft.title)).toEqual(['First', 'Second']);
    const reloaded = setup(store).book;
    await reloaded.load();
    expect(reloaded.drafts.map((draft) => draft.id)).toEqual([first, second.id]);
    expect(reloaded.current?.text).toBe('city lights');
  });

  it('queues a save made offline and sends it, once, when back online', async () => {
    const { book, sent, api } = setup();
    await book.load();
    await book.edit(book.currentId, { title: 'Night drive', text: 'we ride tonight' });
    api.online = false;
    await book.save(book.currentId, true);
    expect(book.saveState).toBe(SaveState.queued);
    expect(book.pendingCount).toBe(1);
    api.online = true;
    await Promise.all([book.flush(), book.flush()]);
    expect(sent).toEqual([{ id: book.currentId, title: 'Night drive', text: 'we ride tonight' }]);
    expect(book.saveState).toBe(SaveState.saved);
    expect(book.current?.savedText).toBe('we ride tonight');
    expect(book.pendingCount).toBe(0);
  });

  it('keeps a refused save queued with its reason, and a blank title falls back', async () => {
    const { book, api, sent } = setup();
    await book.load();
    await book.edit(book.currentId, { title: '  ', text: 'x' });
    api.reject = new Error('validation_failed');
    await book.save(book.currentId, true);
    expect(book.saveState).toBe(SaveState.failed);
    expect(book.saveError).toBe(api.reject);
    expect(book.pendingCount).toBe(1);
    api.reject = null;
    await book.flush();
    expect(sent[0]?.title).toBe('Untitled');
  });

  it('removing the last draft leaves a fresh one', async () => {
    const { book } = setup();
    await book.load();
    const only = book.currentId;
    await book.remove(only);
    expect(book.drafts).toHaveLength(1);
    expect(book.currentId).not.toBe(only);
  });
});

describe('moving drafts between stores', () => {
  const draft = (id: string, updatedAt: number, text = id): Draft => ({ id, title: id, text, updatedAt, savePending: false, savedText: null });

  it('moves every draft, keeps the newer copy of one both hold, and empties the source', async () => {
    const guest = createMemoryDraftStore([draft('a', 5, 'guest a'), draft('b', 1, 'old b')]);
    const account = createMemoryDraftStore([draft('b', 9, 'account b'), draft('c', 3)]);
    expect(await moveDrafts(guest, account)).toBe(2);
    expect(await guest.list()).toEqual([]);
    const texts = Object.fromEntries((await account.list()).map((item) => [item.id, item.text]));
    expect(texts).toEqual({ a: 'guest a', b: 'account b', c: 'c' });
    expect(await moveDrafts(guest, account)).toBe(0);
  });
});
