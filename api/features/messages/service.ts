import { randomUUID } from 'node:crypto';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import { tryConsume } from '../../platform/rate-limiters.ts';
import type {
  BlockList,
  Conversation,
  ConversationListQuery,
  ConversationPage,
  CreateConversationRequest,
  LiveEvent,
  MarkReadRequest,
  Message,
  MessageListQuery,
  MessagePreferences,
  MessagePage,
  ReadState,
  Report,
  ReportRequest,
  SendMessageRequest,
  UnreadTotal,
} from '../../../shared/schemas/messages.ts';
import { decodeConversationCursor, decodeMessageCursor, encodeConversationCursor, encodeMessageCursor } from './cursor.ts';
import { orderedPair, otherParticipant } from './participants.ts';
import * as queries from './queries.ts';

export interface MessagesDeps {
  db: Database;
  clock: Clock;
  /** Budget of new messages per user (replays of an already stored message are free). */
  sendLimiter: RateLimiterAbstract;
  /** Pushes a live event to every open socket of these users, on every instance. */
  notify: (userIds: string[], event: LiveEvent) => Promise<void>;
}

export function toMessage(row: queries.MessageRow): Message {
  const removed = row.removedAt !== null;
  return { id: row.id, conversationId: row.conversationId, senderId: row.senderId, clientId: row.clientId, body: removed ? '' : row.body, createdAt: row.createdAt.toISOString(), removed };
}

export function createMessagesService(deps: MessagesDeps) {
  const { db, clock } = deps;

  /** The conversation when the caller is in it; anyone else gets conversation_not_found (nothing revealed). */
  async function mine(userId: string, conversationId: string) {
    const row = await queries.findConversationOf(db, conversationId, userId);
    if (!row) throw new AppError('conversation_not_found');
    return { row, otherId: otherParticipant(row, userId)! };
  }

  /** Conversations as one caller sees them, with people, beats, last messages and unread counts in a few queries. */
  async function present(userId: string, rows: queries.ConversationRow[]): Promise<Conversation[]> {
    const ids = rows.map((row) => row.id);
    const otherIds = [...new Set(rows.map((row) => otherParticipant(row, userId)!))];
    const [people, titles, last, unread, reads, blocks] = await Promise.all([
      queries.findPeople(db, otherIds),
      queries.beatTitles(db, rows.flatMap((row) => (row.beatId ? [row.beatId] : []))),
      queries.lastMessages(db, ids),
      queries.unreadCounts(db, userId, ids),
      queries.readStates(db, ids),
      queries.blocksInvolving(db, userId, otherIds),
    ]);
    const personById = new Map(people.map((person) => [person.id, person]));
    return rows.map((row) => {
      const otherId = otherParticipant(row, userId)!;
      const person = personById.get(otherId);
      const otherRead = reads.find((read) => read.conversationId === row.id && read.userId === otherId);
      const lastMessage = last.get(row.id);
      return {
        id: row.id,
        with: { id: otherId, displayName: person?.displayName ?? '', avatarUrl: person?.avatarUrl ?? null },
        beat: row.topic ? { id: row.topic, title: (row.beatId && titles.get(row.beatId)) || null } : null,
        lastMessage: lastMessage ? toMessage(lastMessage) : null,
        unreadCount: unread.get(row.id) ?? 0,
        otherReadAt: otherRead?.readAt?.toISOString() ?? null,
        blockedByMe: blocks.blockedByMe.has(otherId),
        blockedMe: blocks.blockedMe.has(otherId),
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.lastMessageAt.toISOString(),
      };
    });
  }

  async function refuseIfBlocked(userId: string, otherId: string) {
    const blocks = await queries.blocksBetween(db, userId, otherId);
    if (blocks.aBlockedB || blocks.bBlockedA) throw new AppError('user_blocked');
  }

  return {
    /** Starts (or finds) the conversation of the caller and another person, optionally about a beat. */
    async start(userId: string, request: CreateConversationRequest): Promise<Conversation> {
      const otherId = request.withUserId;
      if (otherId === userId) throw new AppError('cannot_message_self');
      const [person] = await queries.findPeople(db, [otherId]);
      // A deleted account keeps its old conversations but takes no new ones.
      if (!person || person.deletedAt) throw new AppError('recipient_not_found');
      await refuseIfBlocked(userId, otherId);
      if (request.beatId) {
        const beat = await queries.findBeatForConversation(db, request.beatId);
        // Drafts are private to their producer, so only its producer's conversations may name one.
        if (!beat || (beat.status !== 'published' && beat.producerId !== userId && beat.producerId !== otherId)) throw new AppError('beat_not_found');
      }
      const now = clock.now();
      const row = await queries.findOrCreateConversation(db, {
        id: randomUUID(),
        ...orderedPair(userId, otherId),
        topic: request.beatId ?? '',
        beatId: request.beatId,
        createdAt: now,
        lastMessageAt: now,
      });
      return (await present(userId, [row]))[0]!;
    },

    async get(userId: string, conversationId: string): Promise<Conversation> {
      const { row } = await mine(userId, conversationId);
      return (await present(userId, [row]))[0]!;
    },

    async list(userId: string, query: ConversationListQuery): Promise<ConversationPage> {
      const after = query.cursor ? decodeConversationCursor(query.cursor) : undefined;
      const rows = await queries.listConversations(db, userId, query.limit + 1, after && { at: new Date(after.at), id: after.id });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        conversations: await present(userId, page),
        nextCursor: rows.length > query.limit && last ? encodeConversationCursor({ at: last.lastMessageAt.toISOString(), id: last.id }) : null,
      };
    },

    async messages(userId: string, conversationId: string, query: MessageListQuery): Promise<MessagePage> {
      await mine(userId, conversationId);
      const before = query.cursor ? decodeMessageCursor(query.cursor) : undefined;
      const rows = await queries.listMessages(db, conversationId, query.limit + 1, before);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return { messages: page.map(toMessage), nextCursor: rows.length > query.limit && last ? encodeMessageCursor(last.seq) : null };
    },

    /**
     * Sends a message, once: the same clientId again returns the stored message (`created: false`)
     * without checking blocks or spending the rate budget, so a retry after a lost response always
     * gets its answer. New messages are pushed live to both people's open sockets.
     */
    async send(userId: string, conversationId: string, request: SendMessageRequest): Promise<{ message: Message; created: boolean }> {
      const { otherId } = await mine(userId, conversationId);
      const existing = await queries.findMessageByClientId(db, conversationId, userId, request.clientId);
      if (existing) return { message: toMessage(existing), created: false };
      await refuseIfBlocked(userId, otherId);
      const budget = await tryConsume(deps.sendLimiter, userId);
      if (!budget.allowed) {
        throw new AppError('messages_rate_limited', { params: { seconds: budget.retryAfterSeconds }, headers: { 'Retry-After': String(budget.retryAfterSeconds) } });
      }
      const stored = await queries.insertMessage(db, {
        id: randomUUID(),
        conversationId,
        senderId: userId,
        clientId: request.clientId,
        body: request.body,
        createdAt: clock.now(),
      });
      const message = toMessage(stored.message);
      if (stored.created) await deps.notify([otherId, userId], { type: 'message', message });
      return { message, created: stored.created };
    },

    /** Marks the conversation read up to a message (or entirely) and sends the read receipt live. */
    async markRead(userId: string, conversationId: string, request: MarkReadRequest): Promise<ReadState> {
      const { otherId } = await mine(userId, conversationId);
      let upToSeq: number | undefined;
      if (request.upToMessageId) {
        const message = await queries.findMessageIn(db, conversationId, request.upToMessageId);
        if (!message) throw new AppError('message_not_found');
        upToSeq = message.seq;
      }
      const now = clock.now();
      await queries.markRead(db, conversationId, userId, upToSeq, now);
      const unread = await queries.unreadCounts(db, userId, [conversationId]);
      await deps.notify([otherId, userId], {
        type: 'read',
        conversationId,
        readerId: userId,
        upToMessageId: request.upToMessageId ?? null,
        readAt: now.toISOString(),
      });
      return { conversationId, unreadCount: unread.get(conversationId) ?? 0, readAt: now.toISOString() };
    },

    async preferences(userId: string): Promise<MessagePreferences> {
      return { emailUnread: await queries.messageEmailsOf(db, userId) };
    },

    async setPreferences(userId: string, preferences: MessagePreferences): Promise<MessagePreferences> {
      await queries.setMessageEmails(db, userId, preferences.emailUnread);
      return preferences;
    },

    async unreadTotal(userId: string): Promise<UnreadTotal> {
      const counts = await queries.unreadCounts(db, userId);
      let total = 0;
      for (const count of counts.values()) total += count;
      return { unreadCount: total, conversations: [...counts.values()].filter((count) => count > 0).length };
    },

    async block(userId: string, blockedId: string): Promise<void> {
      if (blockedId === userId) throw new AppError('cannot_message_self');
      const [person] = await queries.findPeople(db, [blockedId]);
      if (!person) throw new AppError('recipient_not_found');
      await queries.insertBlock(db, userId, blockedId, clock.now());
    },

    async unblock(userId: string, blockedId: string): Promise<void> {
      await queries.deleteBlock(db, userId, blockedId);
    },

    async blocks(userId: string): Promise<BlockList> {
      const rows = await queries.listBlocks(db, userId);
      return { blocked: rows.map((row) => ({ user: { id: row.id, displayName: row.displayName, avatarUrl: row.avatarUrl }, blockedAt: row.blockedAt.toISOString() })) };
    },

    /** Stores a report for moderation; the reported message's text is copied as evidence. */
    async report(userId: string, request: ReportRequest): Promise<Report> {
      const { otherId } = await mine(userId, request.conversationId);
      const message = request.messageId ? await queries.findMessageIn(db, request.conversationId, request.messageId) : undefined;
      if (request.messageId && !message) throw new AppError('message_not_found');
      const now = clock.now();
      const id = randomUUID();
      await queries.insertReport(db, {
        id,
        reporterId: userId,
        reportedUserId: message?.senderId ?? otherId,
        conversationId: request.conversationId,
        messageId: message?.id ?? null,
        messageBody: message?.body ?? null,
        reason: request.reason,
        details: request.details,
        createdAt: now,
      });
      return { id, conversationId: request.conversationId, messageId: message?.id ?? null, reason: request.reason, createdAt: now.toISOString() };
    },
  };
}

export type MessagesService = ReturnType<typeof createMessagesService>;
