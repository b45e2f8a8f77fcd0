import { and, desc, eq, gt, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { beats, conversationReads, conversations, messageReports, messages, userBlocks, users } from '../../db/schema.ts';

export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

export async function findPeople(db: Database, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, displayName: users.displayName, avatarUrl: users.avatarUrl, deletedAt: users.deletedAt }).from(users).where(inArray(users.id, ids));
}

export async function findBeatForConversation(db: Database, beatId: string) {
  const [row] = await db.select({ id: beats.id, producerId: beats.producerId, status: beats.status }).from(beats).where(eq(beats.id, beatId));
  return row;
}

export async function beatTitles(db: Database, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: beats.id, title: beats.title }).from(beats).where(inArray(beats.id, ids));
  return new Map(rows.map((row) => [row.id, row.title]));
}

/** Blocks between two people, in each direction. */
export async function blocksBetween(db: Database, a: string, b: string) {
  const rows = await db
    .select({ blockerId: userBlocks.blockerId })
    .from(userBlocks)
    .where(or(and(eq(userBlocks.blockerId, a), eq(userBlocks.blockedId, b)), and(eq(userBlocks.blockerId, b), eq(userBlocks.blockedId, a))));
  return { aBlockedB: rows.some((row) => row.blockerId === a), bBlockedA: rows.some((row) => row.blockerId === b) };
}

/** Blocks involving `userId` and any of `others`: who `userId` blocked, and who blocked `userId`. */
export async function blocksInvolving(db: Database, userId: string, others: string[]) {
  if (others.length === 0) return { blockedByMe: new Set<string>(), blockedMe: new Set<string>() };
  const rows = await db
    .select()
    .from(userBlocks)
    .where(
      or(and(eq(userBlocks.blockerId, userId), inArray(userBlocks.blockedId, others)), and(eq(userBlocks.blockedId, userId), inArray(userBlocks.blockerId, others))),
    );
  return {
    blockedByMe: new Set(rows.filter((row) => row.blockerId === userId).map((row) => row.blockedId)),
    blockedMe: new Set(rows.filter((row) => row.blockedId === userId).map((row) => row.blockerId)),
  };
}

/** Creates the conversation unless the pair already has one on the topic; either way returns it. */
export async function findOrCreateConversation(db: Database, values: typeof conversations.$inferInsert): Promise<ConversationRow> {
  return db.transaction(async (tx) => {
    await tx.insert(conversations).values(values).onConflictDoNothing();
    const [row] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.userLowId, values.userLowId), eq(conversations.userHighId, values.userHighId), eq(conversations.topic, values.topic ?? '')));
    if (!row) throw new Error('conversation vanished right after it was created');
    await tx
      .insert(conversationReads)
      .values([
        { conversationId: row.id, userId: row.userLowId },
        { conversationId: row.id, userId: row.userHighId },
      ])
      .onConflictDoNothing();
    return row;
  });
}

/** The conversation if `userId` is one of its two people. */
export async function findConversationOf(db: Database, id: string, userId: string): Promise<ConversationRow | undefined> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, id), or(eq(conversations.userLowId, userId), eq(conversations.userHighId, userId))));
  return row;
}

/** A page of `userId`'s conversations, most recent first, strictly after the cursor. */
export async function listConversations(db: Database, userId: string, limit: number, after?: { at: Date; id: string }) {
  const mine = or(eq(conversations.userLowId, userId), eq(conversations.userHighId, userId));
  const page = after
    ? or(lt(conversations.lastMessageAt, after.at), and(eq(conversations.lastMessageAt, after.at), lt(conversations.id, after.id)))
    : undefined;
  return db
    .select()
    .from(conversations)
    .where(page ? and(mine, page) : mine)
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .limit(limit);
}

/** The newest message of each conversation. */
export async function lastMessages(db: Database, conversationIds: string[]): Promise<Map<string, MessageRow>> {
  if (conversationIds.length === 0) return new Map();
  const newest = db
    .select({ seq: sql<number>`max(${messages.seq})`.as('newest_seq') })
    .from(messages)
    .where(inArray(messages.conversationId, conversationIds))
    .groupBy(messages.conversationId)
    .as('newest');
  const rows = await db.select().from(messages).innerJoin(newest, eq(messages.seq, newest.seq));
  return new Map(rows.map((row) => [row.messages.conversationId, row.messages]));
}

/** Per conversation: how far each person has read. */
export async function readStates(db: Database, conversationIds: string[]) {
  if (conversationIds.length === 0) return [];
  return db.select().from(conversationReads).where(inArray(conversationReads.conversationId, conversationIds));
}

/** Messages from others that `userId` has not read, per conversation. */
export async function unreadCounts(db: Database, userId: string, conversationIds?: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ conversationId: messages.conversationId, count: sql<number>`count(*)::int` })
    .from(messages)
    .innerJoin(conversationReads, and(eq(conversationReads.conversationId, messages.conversationId), eq(conversationReads.userId, userId)))
    .where(
      and(
        ne(messages.senderId, userId),
        gt(messages.seq, conversationReads.lastReadSeq),
        conversationIds ? inArray(messages.conversationId, conversationIds) : undefined,
      ),
    )
    .groupBy(messages.conversationId);
  return new Map(rows.map((row) => [row.conversationId, Number(row.count)]));
}

export async function listMessages(db: Database, conversationId: string, limit: number, beforeSeq?: number) {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), beforeSeq === undefined ? undefined : lt(messages.seq, beforeSeq)))
    .orderBy(desc(messages.seq))
    .limit(limit);
}

export async function findMessageByClientId(db: Database, conversationId: string, senderId: string, clientId: string) {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.senderId, senderId), eq(messages.clientId, clientId)));
  return row;
}

export async function findMessageIn(db: Database, conversationId: string, messageId: string) {
  const [row] = await db.select().from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.id, messageId)));
  return row;
}

/**
 * Stores a message once per (conversation, sender, clientId): a retry returns the stored row with
 * `created: false`. The conversation moves to the top of both lists, and the sender has read
 * everything up to their own message.
 */
export async function insertMessage(db: Database, values: Omit<typeof messages.$inferInsert, 'seq'>): Promise<{ message: MessageRow; created: boolean }> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx.insert(messages).values(values).onConflictDoNothing().returning();
    if (!inserted) {
      const [existing] = await tx
        .select()
        .from(messages)
        .where(and(eq(messages.conversationId, values.conversationId), eq(messages.senderId, values.senderId), eq(messages.clientId, values.clientId)));
      if (!existing) throw new Error('message conflicted but is not there');
      return { message: existing, created: false };
    }
    await tx.update(conversations).set({ lastMessageAt: inserted.createdAt }).where(eq(conversations.id, inserted.conversationId));
    await tx
      .update(conversationReads)
      .set({ lastReadSeq: sql`greatest(${conversationReads.lastReadSeq}, ${inserted.seq})` })
      .where(and(eq(conversationReads.conversationId, inserted.conversationId), eq(conversationReads.userId, inserted.senderId)));
    return { message: inserted, created: true };
  });
}

/** Moves the read pointer forward (never back) to `upToSeq`, or to the newest message when undefined. */
export async function markRead(db: Database, conversationId: string, userId: string, upToSeq: number | undefined, at: Date) {
  const target =
    upToSeq === undefined
      ? sql`coalesce((select max(${messages.seq}) from ${messages} where ${messages.conversationId} = ${conversationId}), 0)`
      : sql`${upToSeq}`;
  await db
    .insert(conversationReads)
    .values({ conversationId, userId, lastReadSeq: 0, readAt: at })
    .onConflictDoNothing();
  await db
    .update(conversationReads)
    .set({ lastReadSeq: sql`greatest(${conversationReads.lastReadSeq}, ${target})`, readAt: at })
    .where(and(eq(conversationReads.conversationId, conversationId), eq(conversationReads.userId, userId)));
}

export async function insertBlock(db: Database, blockerId: string, blockedId: string, at: Date) {
  await db.insert(userBlocks).values({ blockerId, blockedId, createdAt: at }).onConflictDoNothing();
}

export async function deleteBlock(db: Database, blockerId: string, blockedId: string) {
  await db.delete(userBlocks).where(and(eq(userBlocks.blockerId, blockerId), eq(userBlocks.blockedId, blockedId)));
}

export async function listBlocks(db: Database, blockerId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, avatarUrl: users.avatarUrl, blockedAt: userBlocks.createdAt })
    .from(userBlocks)
    .innerJoin(users, eq(users.id, userBlocks.blockedId))
    .where(eq(userBlocks.blockerId, blockerId))
    .orderBy(desc(userBlocks.createdAt));
}

export async function insertReport(db: Database, values: typeof messageReports.$inferInsert) {
  await db.insert(messageReports).values(values);
}

/** Whether the person wants e-mails about unread messages (features/messages/unread-mail.ts). */
export async function messageEmailsOf(db: Database, userId: string): Promise<boolean> {
  const [row] = await db.select({ on: users.messageEmails }).from(users).where(eq(users.id, userId));
  return row?.on ?? true;
}

export async function setMessageEmails(db: Database, userId: string, on: boolean): Promise<void> {
  await db.update(users).set({ messageEmails: on }).where(eq(users.id, userId));
}
