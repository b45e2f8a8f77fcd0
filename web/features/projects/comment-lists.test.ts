import { describe, expect, it } from 'vitest';
import type { ChatMessage, ProjectComment } from '../../../shared/project/comments-document.ts';
import { groupComments, newEntries, orderChat } from './comment-lists.ts';

const comment = (id: string, resolved: boolean): ProjectComment => ({
  id,
  authorId: 'u',
  authorName: 'Ada',
  text: id,
  anchor: { kind: 'song' },
  resolved,
  createdAt: '2026-01-01T00:00:00Z',
});

const message = (id: string, createdAt: string): ChatMessage => ({ id, authorId: 'u', authorName: 'Ada', text: id, createdAt });

describe('comment lists', () => {
  it('splits open from resolved comments and keeps their order', () => {
    const { open, resolved } = groupComments([comment('a', false), comment('b', true), comment('c', false), comment('d', true)]);
    expect(open.map((c) => c.id)).toEqual(['a', 'c']);
    expect(resolved.map((c) => c.id)).toEqual(['b', 'd']);
  });

  it('orders the chat by the writer’s time, array order breaking ties', () => {
    // A message written offline at 10:00 merged after one sent online at 10:05.
    const merged = [message('online', '2026-01-01T10:05:00Z'), message('offline', '2026-01-01T10:00:00Z'), message('same', '2026-01-01T10:05:00Z')];
    expect(orderChat(merged).map((m) => m.id)).toEqual(['offline', 'online', 'same']);
  });

  it('finds what arrived since the last look', () => {
    expect(newEntries(new Set(['a']), [comment('a', false), comment('b', false)]).map((c) => c.id)).toEqual(['b']);
    expect(newEntries(new Set(['a', 'b']), [comment('a', false)])).toEqual([]);
  });
});
