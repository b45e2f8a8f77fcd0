import { bigint, bigserial, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { beats, users } from './schema.ts';

/**
 * Marketplace community tables: conversations and messages between buyers and producers, blocks
 * and reports, seller analytics events and the mixer-preset (plugin) catalogue. Re-exported by
 * schema.ts so drizzle-kit and the typed database see one schema. (References to users and beats
 * are functions, so the import cycle with schema.ts is harmless.)
 */

/**
 * A conversation between two people, optionally about one beat. The pair is stored ordered
 * (`userLowId` < `userHighId`) and `topic` is the beat id or '' so that one unique index makes
 * "start a conversation" idempotent; `topic` stays when the beat is deleted (its `beatId` is nulled).
 */
export const conversations = pgTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    userLowId: text('user_low_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userHighId: text('user_high_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull().default(''),
    beatId: text('beat_id').references(() => beats.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('conversations_pair_topic_unique').on(table.userLowId, table.userHighId, table.topic),
    index('conversations_low_recent_idx').on(table.userLowId, table.lastMessageAt, table.id),
    index('conversations_high_recent_idx').on(table.userHighId, table.lastMessageAt, table.id),
  ],
);

/**
 * One row per person per conversation: how far they have read. `lastReadSeq` is the `seq` of the
 * last message read (0: nothing), so unread = messages from the other person with a higher seq.
 */
export const conversationReads = pgTable(
  'conversation_reads',
  {
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadSeq: bigint('last_read_seq', { mode: 'number' }).notNull().default(0),
    readAt: timestamp('read_at', { withTimezone: true }),
    /**
     * The newest message this person was e-mailed about, and when (features/messages/unread-mail.ts):
     * each message at most once, no second e-mail about a conversation before it is read, and at most
     * one such e-mail an hour per person.
     */
    emailedSeq: bigint('emailed_seq', { mode: 'number' }).notNull().default(0),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.conversationId, table.userId] }), index('conversation_reads_user_idx').on(table.userId)],
);

/**
 * Messages. `seq` orders them (and pages them) across the whole table; `clientId` is chosen by the
 * sending device, and (conversation, sender, clientId) is unique, so a message composed offline and
 * sent again after a lost response is stored once.
 */
export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    senderId: text('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Removed by a moderator: the text is gone for both people (a report keeps its own copy). */
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('messages_client_id_unique').on(table.conversationId, table.senderId, table.clientId),
    uniqueIndex('messages_seq_unique').on(table.seq),
    index('messages_conversation_seq_idx').on(table.conversationId, table.seq),
    // The unread-mail sweep reads the last day's messages only.
    index('messages_created_idx').on(table.createdAt),
  ],
);

/** `blockerId` blocked `blockedId`: neither can start a conversation with the other, nor send in one. */
export const userBlocks = pgTable(
  'user_blocks',
  {
    blockerId: text('blocker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: text('blocked_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.blockerId, table.blockedId] }), index('user_blocks_blocked_idx').on(table.blockedId)],
);

/**
 * Reports for moderation. The reported message's text is copied (`messageBody`) so the evidence
 * survives the conversation being deleted; `status` is for the moderators' tools.
 */
export const messageReports = pgTable(
  'message_reports',
  {
    id: text('id').primaryKey(),
    reporterId: text('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reportedUserId: text('reported_user_id').references(() => users.id, { onDelete: 'set null' }),
    conversationId: text('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    messageId: text('message_id').references(() => messages.id, { onDelete: 'set null' }),
    messageBody: text('message_body'),
    reason: text('reason').notNull(),
    details: text('details').notNull().default(''),
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The moderator who resolved or dismissed it (features/moderation), when, and their note. */
    reviewedBy: text('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    /** What the reviewing moderator did besides closing it: `message_removed`, `account_suspended`. */
    actions: jsonb('actions').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (table) => [index('message_reports_status_idx').on(table.status, table.createdAt)],
);

/**
 * A suspended person's appeal against the suspension (the internal complaint the EU's Digital
 * Services Act asks platforms to offer). One open appeal per account (the partial unique index); a
 * moderator closes it by lifting the suspension (`granted`) or with a reasoned `rejected`, and a
 * suspension that ends by itself closes it as `lapsed`.
 */
export const suspensionAppeals = pgTable(
  'suspension_appeals',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    outcome: text('outcome'),
    response: text('response'),
    closedBy: text('closed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [uniqueIndex('suspension_appeals_open_unique').on(table.userId).where(sql`closed_at is null`)],
);

/**
 * Counted plays: one row per listener per beat per UTC day (the unique index is the
 * deduplication). `listenerKey` is `u:<userId>` or `g:<salted hash of address + User-Agent>`;
 * `producerId` is copied so a producer's analytics never join through beats.
 */
export const beatPlays = pgTable(
  'beat_plays',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    beatId: text('beat_id')
      .notNull()
      .references(() => beats.id, { onDelete: 'cascade' }),
    producerId: text('producer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    listenerKey: text('listener_key').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    country: text('country').notNull().default('unknown'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('beat_plays_listener_day_unique').on(table.beatId, table.listenerKey, table.day),
    index('beat_plays_producer_day_idx').on(table.producerId, table.day),
  ],
);

/** Downloads (free downloads and licence files), written by `recordDownload`. */
export const beatDownloads = pgTable(
  'beat_downloads',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    beatId: text('beat_id')
      .notNull()
      .references(() => beats.id, { onDelete: 'cascade' }),
    producerId: text('producer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('beat_downloads_producer_day_idx').on(table.producerId, table.day)],
);

/**
 * Mixer presets ("plugins"): a channel-strip or mastering chain, validated against the console's
 * ranges before it is stored. Drafts are seen only by their author. `installCount` is the number
 * of rows in `mixPresetInstalls` for it, kept in step in the same transaction.
 */
export const mixPresets = pgTable(
  'mix_presets',
  {
    id: text('id').primaryKey(),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    tags: jsonb('tags').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    parameters: jsonb('parameters').notNull(),
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    installCount: integer('install_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('mix_presets_author_idx').on(table.authorId, table.createdAt),
    index('mix_presets_published_newest_idx').on(table.status, table.publishedAt, table.id),
    index('mix_presets_published_popular_idx').on(table.status, table.installCount, table.id),
  ],
);

/** Who applied which preset, once per person. */
export const mixPresetInstalls = pgTable(
  'mix_preset_installs',
  {
    presetId: text('preset_id')
      .notNull()
      .references(() => mixPresets.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    firstAppliedAt: timestamp('first_applied_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.presetId, table.userId] })],
);

/**
 * A Pro producer's storefront customisation (features/storefronts): a headline, an accent colour from
 * the app's palette, a few links and one featured beat. Kept when the plan lapses, shown only while
 * the producer is on Pro.
 */
export const storefronts = pgTable('storefronts', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  headline: text('headline').notNull().default(''),
  accent: text('accent').notNull().default('violet'),
  links: jsonb('links').$type<Array<{ label: string; url: string }>>().notNull().default(sql`'[]'::jsonb`),
  featuredBeatId: text('featured_beat_id').references(() => beats.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
