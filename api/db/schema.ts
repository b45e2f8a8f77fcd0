import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, customType, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The database schema. One schema serves PGlite (embedded, the default) and PostgreSQL (DATABASE_URL);
 * `npm run db:generate` turns changes into SQL migrations in drizzle/, applied at start-up.
 */

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    bio: text('bio').notNull().default(''),
    locale: text('locale').notNull().default('en'),
    avatarUrl: text('avatar_url'),
    roles: jsonb('roles').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull(),
    /**
     * Set by a moderator (features/moderation): a suspended account cannot sign in, its sessions are
     * revoked and its published beats and presets are withheld from the store until it is lifted.
     */
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    suspendedBy: text('suspended_by'),
    /** For the other moderators only. */
    suspensionNote: text('suspension_note'),
    /** Told to the person (e-mail, refused sign-in): one of SUSPENSION_REASONS, and the moderator's words to them. */
    suspensionReason: text('suspension_reason'),
    suspensionMessage: text('suspension_message'),
    /** A temporary suspension ends by itself at this time (features/moderation lifts it); null: until a moderator lifts it. */
    suspendedUntil: timestamp('suspended_until', { withTimezone: true }),
    /** E-mail me about messages left unread (features/messages/unread-mail.ts); on unless turned off. */
    messageEmails: boolean('message_emails').notNull().default(true),
    /**
     * The person deleted their account (features/auth/account-deletion.ts): the row stays so sales,
     * licences and conversations keep their other party, but its e-mail, password and profile are gone.
     */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('users_email_unique').on(table.email),
    // The minute sweep that ends temporary suspensions reads only these few rows.
    index('users_suspended_until_idx').on(table.suspendedUntil).where(sql`${table.suspendedUntil} is not null`),
  ],
);

/**
 * A session is one refresh-token family: the chain of rotated refresh tokens that started at one sign-in.
 * Revoking the session revokes every token in the chain, and every access token that names it.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull(),
    // Absolute lifetime: rotation never extends a session beyond this.
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    userAgent: text('user_agent'),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

/** Refresh tokens, stored only as SHA-256 hashes. `usedAt` marks a rotated token: presenting it again is a replay. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** The token its rotation issued (hash): presented again while that one is unused, the answer was lost. */
    replacedBy: text('replaced_by'),
    /** Set on a token that was never presented but was replaced because its parent was presented again. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (table) => [index('refresh_tokens_session_idx').on(table.sessionId)],
);

/**
 * Server-wide secrets (the JWT signing key) when none is configured: every instance that shares the
 * database shares the key, so a token issued by one instance verifies on another.
 */
/**
 * "Forgot your password": one row per link e-mailed. Only the SHA-256 of the token is kept, so a
 * database leak cannot reset anyone's password; a link works once and for a short time.
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [index('password_resets_user_idx').on(table.userId)],
);

/**
 * A signed-in person asked to use another e-mail address (features/auth/email-change.ts), or, once
 * it changed, the way back offered to the old address. Like a reset, only the SHA-256 of the link's
 * token is kept; the address changes when the link is opened.
 */
export const emailChanges = pgTable(
  'email_changes',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    newEmail: text('new_email').notNull(),
    /** A link sent to the old address after a change: opening it restores that address and signs every session out. */
    revert: boolean('revert').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [index('email_changes_user_idx').on(table.userId)],
);

export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Binary columns (Yjs updates and states) as Uint8Array on both drivers. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
  fromDriver: (value) => new Uint8Array(value),
});

/** A song project. Deleting is soft: `deletedAt` set, restorable for 30 days, then purged. */
export const projects = pgTable(
  'projects',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [index('projects_owner_idx').on(table.ownerId)],
);

/** Who may do what in a project: owner, editor, commenter or viewer. */
export const projectMembers = pgTable(
  'project_members',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.userId] }), index('project_members_user_idx').on(table.userId)],
);

/** An invitation, to one e-mail address or as a link anybody holding it can accept until it expires. */
export const projectInvites = pgTable(
  'project_invites',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    email: text('email'),
    tokenHash: text('token_hash').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('project_invites_token_unique').on(table.tokenHash), index('project_invites_project_idx').on(table.projectId)],
);

/**
 * The append-only log of Yjs updates per document, written before an update is relayed to anyone.
 * Compaction folds a prefix of it into `documentSnapshots` and deletes that prefix in one transaction.
 */
export const documentUpdates = pgTable(
  'document_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    documentId: text('document_id').notNull(),
    update: bytea('update').notNull(),
    userId: text('user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('document_updates_document_idx').on(table.documentId, table.id)],
);

export const documentSnapshots = pgTable('document_snapshots', {
  documentId: text('document_id').primaryKey(),
  state: bytea('state').notNull(),
  /** The highest document_updates.id folded into `state`. */
  lastUpdateId: bigint('last_update_id', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Named versions of a project, each a full encoded state. History is never rewritten. */
export const projectVersions = pgTable(
  'project_versions',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** `named` by a person, or `before_restore`: the automatic backup taken before restoring the version called `name`. */
    kind: text('kind').notNull().default('named'),
    state: bytea('state').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('project_versions_project_idx').on(table.projectId, table.createdAt)],
);

/** Sync tickets already used, so each works once on every instance; rows expire with the ticket. */
export const usedTickets = pgTable(
  'used_tickets',
  {
    ticketId: text('ticket_id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('used_tickets_expiry_idx').on(table.expiresAt)],
);

/**
 * Lyrics writing sessions saved from The Finisher. Ids are chosen per user (the client may pick one
 * offline), so the key is (user, id): one writer can never reach another's session, even by id.
 * `contribution` is what the session added to the writer's style profile, subtracted when the
 * session is saved again or deleted, so re-saving never counts a song twice.
 */
export const writingSessions = pgTable(
  'writing_sessions',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    lines: integer('lines').notNull(),
    words: integer('words').notNull(),
    contribution: jsonb('contribution').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.id] }), index('writing_sessions_user_updated_idx').on(table.userId, table.updatedAt)],
);

/** Each writer's learned style: the sum of the contributions of their saved sessions (see shared/lyrics/style-profile.ts). */
export const styleProfiles = pgTable('style_profiles', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  profile: jsonb('profile').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** PostgreSQL's full-text document type; PGlite has it too (it is PostgreSQL compiled to WASM). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Beats in the marketplace. Drafts are seen only by their producer. `searchText` is the title,
 * tags and description the server composed, and `searchVector` its weighted tsvector (title A, tags
 * B, description C), kept by PostgreSQL as a generated column and indexed with GIN. Prices are whole
 * cents. `popularity` (plays + 10 × sales) orders the "trending" sort; both counters are maintained by
 * the analytics feature (deduplicated plays) and the beats service (sales when a purchase is granted).
 */
export const beats = pgTable(
  'beats',
  {
    id: text('id').primaryKey(),
    producerId: text('producer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    genre: text('genre').notNull(),
    priceCents: integer('price_cents').notNull(),
    freeDownload: boolean('free_download').notNull().default(false),
    bpm: integer('bpm'),
    musicalKey: text('musical_key'),
    mood: text('mood'),
    tags: jsonb('tags').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    description: text('description').notNull().default(''),
    searchText: text('search_text').notNull().default(''),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("search_text", '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("description", '')), 'C')`,
      ),
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    audioKey: text('audio_key'),
    audioContentType: text('audio_content_type'),
    audioBytes: bigint('audio_bytes', { mode: 'number' }),
    audioEtag: text('audio_etag'),
    durationSeconds: real('duration_seconds'),
    sampleRate: integer('sample_rate'),
    channels: integer('channels'),
    /** Waveform overview: [min, max] pairs scaled to -127…127, or null when not computed (MP3). */
    peaks: jsonb('peaks').$type<number[]>(),
    /**
     * The public preview made from the master at upload (lower quality MP3 with a tag mixed in); the
     * master (`audio_*`) is only ever served to licence holders. See features/beats/preview/.
     */
    previewKey: text('preview_key'),
    previewContentType: text('preview_content_type'),
    previewBytes: bigint('preview_bytes', { mode: 'number' }),
    previewEtag: text('preview_etag'),
    previewDurationSeconds: real('preview_duration_seconds'),
    /** `generated` (the built-in chime) or `voice` (the producer's voice tag of this beat). */
    previewTag: text('preview_tag'),
    /** The producer's voice tag for this beat, normalised to a small mono WAV; null: the generated tag. */
    voiceTagKey: text('voice_tag_key'),
    voiceTagDurationSeconds: real('voice_tag_duration_seconds'),
    /**
     * Licence delivery files made from the master on first download, when the master is not already
     * that format (an MP3 of a WAV master, a WAV of a FLAC one): see features/licences/delivery-files.ts.
     * Cleared, and the files deleted, when the master is replaced.
     */
    deliveryMp3Key: text('delivery_mp3_key'),
    deliveryWavKey: text('delivery_wav_key'),
    playCount: integer('play_count').notNull().default(0),
    saleCount: integer('sale_count').notNull().default(0),
    popularity: integer('popularity')
      .notNull()
      .generatedAlwaysAs(sql`"play_count" + 10 * "sale_count"`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('beats_search_idx').using('gin', table.searchVector),
    index('beats_producer_idx').on(table.producerId, table.createdAt, table.id),
    index('beats_published_newest_idx').on(table.status, table.createdAt, table.id),
    index('beats_published_price_idx').on(table.status, table.priceCents, table.id),
    index('beats_published_popularity_idx').on(table.status, table.popularity, table.id),
    index('beats_genre_idx').on(table.genre),
  ],
);

export * from './schema-commerce.ts';
export * from './schema-community.ts';
