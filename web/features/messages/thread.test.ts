import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../shared/schemas/messages.ts';
import { applyIncoming, mergeMessages } from './thread.ts';

const message = (id: string, clientId: string, createdAt: string, senderId = 'them'): Message => ({ id, conversationId: 'c1', senderId, clientId, body: id, createdAt, removed: false });

const conversation = (id: string, unreadCount = 0): Conversation => ({
  id,
  with: { id: 'them', displayName: 'Them', avatarUrl: null },
  beat: null,
  lastMessage: null,
  unreadCount,
  otherReadAt: null,
  blockedByMe: false,
  blockedMe: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('mergeMessages', () => {
  it('keeps one copy per message and orders oldest first', () => {
    const thread = [message('m2', 'k2', '2026-01-01T00:00:02Z'), message('m1', 'k1', '2026-01-01T00:00:01Z')];
    const merged = mergeMessages(thread, [message('m2', 'k2', '2026-01-01T00:00:02Z'), message('m3', 'k3', '2026-01-01T00:00:03Z')]);
    expect(merged.map((item) => item.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('treats the same clientId as the same message', () => {
    const merged = mergeMessages([message('m1', 'k1', '2026-01-01T00:00:01Z')], [message('m1-server', 'k1', '2026-01-01T00:00:01Z')]);
    expect(merged.map((item) => item.id)).toEqual(['m1-server']);
  });
});

describe('applyIncoming', () => {
  it('moves the conversation to the top and counts unread from the other person', () => {
    const list = [conversation('c0'), conversation('c1', 1)];
    const updated = applyIncoming(list, message('m1', 'k1', '2026-01-02T00:00:00Z'), { me: 'me', openConversationId: null });
    expect(updated?.map((item) => [item.id, item.unreadCount])).toEqual([
      ['c1', 2],
      ['c0', 0],
    ]);
  });

  it('does not count my own messages or the open thread', () => {
    const list = [conversation('c1')];
    expect(applyIncoming(list, message('m1', 'k1', '2026-01-02T00:00:00Z', 'me'), { me: 'me', openConversationId: null })?.[0]?.unreadCount).toBe(0);
    expect(applyIncoming(list, message('m1', 'k1', '2026-01-02T00:00:00Z'), { me: 'me', openConversationId: 'c1' })?.[0]?.unreadCount).toBe(0);
    expect(applyIncoming(list, { ...message('m1', 'k1', '2026-01-02T00:00:00Z'), conversationId: 'zz' }, { me: 'me', openConversationId: null })).toBeNull();
  });
});
