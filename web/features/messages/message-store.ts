import type { Dexie, EntityTable } from 'dexie';
import { Conversation, Message } from '../../../shared/schemas/messages.ts';

/** A message written on this device and not yet confirmed by the server. */
export interface QueuedMessage {
  /** The id the server will dedupe retries by (also the row key). */
  clientId: string;
  userId: string;
  conversationId: string;
  body: string;
  createdAt: string;
}

/**
 * Messaging on the device: the outbox (messages composed offline, sent when the connection
 * returns, each once thanks to its clientId) and the last conversations and threads seen, so the
 * inbox opens offline. Everything is per user.
 */
export interface MessageStore {
  queue(message: QueuedMessage): Promise<void>;
  queued(userId: string): Promise<QueuedMessage[]>;
  unqueue(clientId: string): Promise<void>;
  saveConversations(userId: string, conversations: readonly Conversation[]): Promise<void>;
  loadConversations(userId: string): Promise<Conversation[] | null>;
  saveThread(userId: string, conversationId: string, messages: readonly Message[]): Promise<void>;
  loadThread(userId: string, conversationId: string): Promise<Message[] | null>;
  /**
   * Forgets what the account read here (its conversation list and threads), at sign-out. Its outbox
   * stays unless `outboxToo`: those messages have not reached anyone yet and go out at the next sign-in.
   */
  forget(userId: string, options?: { outboxToo?: boolean }): Promise<void>;
}

interface ListRow {
  key: string;
  items: unknown[];
}

type MessageDatabase = Dexie & { outbox: EntityTable<QueuedMessage, 'clientId'>; lists: EntityTable<ListRow, 'key'> };

function parsed<T>(rows: unknown[], schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T[] {
  return rows.flatMap((row) => {
    const result = schema.safeParse(row);
    return result.success ? [result.data] : [];
  });
}

/** The message store in IndexedDB (Dexie loads with the messages page). */
export function createDexieMessageStore(): MessageStore {
  let database: Promise<MessageDatabase> | null = null;
  const open = (): Promise<MessageDatabase> => {
    database ??= import('dexie').then(({ Dexie: DexieDatabase }) => {
      const db = new DexieDatabase('creatorsync-messages') as MessageDatabase;
      db.version(1).stores({ outbox: 'clientId, userId', lists: 'key' });
      return db;
    });
    return database;
  };
  return {
    async queue(message) {
      await (await open()).outbox.put(message);
    },
    async queued(userId) {
      const rows = await (await open()).outbox.where('userId').equals(userId).toArray();
      return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async unqueue(clientId) {
      await (await open()).outbox.delete(clientId);
    },
    async saveConversations(userId, conversations) {
      await (await open()).lists.put({ key: `${userId}:conversations`, items: [...conversations] });
    },
    async loadConversations(userId) {
      const row = await (await open()).lists.get(`${userId}:conversations`);
      return row ? parsed(row.items, Conversation) : null;
    },
    async saveThread(userId, conversationId, messages) {
      await (await open()).lists.put({ key: `${userId}:thread:${conversationId}`, items: [...messages] });
    },
    async loadThread(userId, conversationId) {
      const row = await (await open()).lists.get(`${userId}:thread:${conversationId}`);
      return row ? parsed(row.items, Message) : null;
    },
    async forget(userId, options = {}) {
      const db = await open();
      await db.lists.where('key').startsWith(`${userId}:`).delete();
      if (options.outboxToo) await db.outbox.where('userId').equals(userId).delete();
    },
  };
}
