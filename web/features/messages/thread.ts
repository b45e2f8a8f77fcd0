import type { Conversation, Message } from '../../../shared/schemas/messages.ts';

/**
 * Adds messages to a thread kept oldest first: a message already there (same id, or the same
 * clientId sent from this device) is replaced, not repeated, so a live push and the REST answer for
 * the same send never show twice.
 */
export function mergeMessages(thread: readonly Message[], incoming: readonly Message[]): Message[] {
  const byKey = new Map<string, Message>();
  for (const message of [...thread, ...incoming]) {
    const existing = [...byKey.entries()].find(([, known]) => known.id === message.id || known.clientId === message.clientId);
    if (existing) byKey.delete(existing[0]);
    byKey.set(message.id, message);
  }
  return [...byKey.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * The conversation list after a message arrived: its conversation moves to the top with the new
 * last message; the unread count grows for messages from the other person unless that thread is open.
 * Null when the conversation is not in the list (the caller reloads it).
 */
export function applyIncoming(conversations: readonly Conversation[], message: Message, options: { me: string; openConversationId: string | null }): Conversation[] | null {
  const conversation = conversations.find((candidate) => candidate.id === message.conversationId);
  if (!conversation) return null;
  const unread = message.senderId !== options.me && options.openConversationId !== conversation.id;
  const updated: Conversation = {
    ...conversation,
    lastMessage: message,
    updatedAt: message.createdAt,
    unreadCount: conversation.unreadCount + (unread ? 1 : 0),
  };
  return [updated, ...conversations.filter((candidate) => candidate.id !== conversation.id)];
}
