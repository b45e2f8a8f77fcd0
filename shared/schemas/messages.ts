import { z } from 'zod';

/**
 * Wire schemas of buyer–producer messaging (`/api/messages`) and its live socket
 * (`/api/messages/live`). The web validates with the same schemas.
 */

export const MESSAGE_BODY_MIN = 1;
export const MESSAGE_BODY_MAX = 4000;

/** An id the server or the client chose: letters, digits, `_` and `-`, at most 64. */
const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const CreateConversationRequest = z
  .object({
    withUserId: Id,
    /** The beat the conversation is about; omitted or null for a conversation with the person. */
    beatId: Id.nullable().default(null),
  })
  .strict()
  .meta({ id: 'CreateConversationRequest' });
export type CreateConversationRequest = z.infer<typeof CreateConversationRequest>;

export const Message = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    senderId: z.string(),
    /** The id the sending client chose; sending the same one again returns this message instead of a copy. */
    clientId: z.string(),
    /** Empty once a moderator removed the message (`removed`). */
    body: z.string(),
    createdAt: z.string(),
    removed: z.boolean().default(false),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof Message>;

export const ConversationParticipant = z
  .object({ id: z.string(), displayName: z.string(), avatarUrl: z.string().nullable() })
  .meta({ id: 'ConversationParticipant' });
export type ConversationParticipant = z.infer<typeof ConversationParticipant>;

export const Conversation = z
  .object({
    id: z.string(),
    /** The other person in the conversation. */
    with: ConversationParticipant,
    /** The beat it is about, or null; `title` is null when that beat has since been deleted. */
    beat: z.object({ id: z.string(), title: z.string().nullable() }).nullable(),
    lastMessage: Message.nullable(),
    /** Messages from the other person the caller has not marked read. */
    unreadCount: z.number().int(),
    /** When the other person last read up to (their read receipt), or null. */
    otherReadAt: z.string().nullable(),
    /** Whether the caller blocked the other person, or the other person blocked the caller. */
    blockedByMe: z.boolean(),
    blockedMe: z.boolean(),
    createdAt: z.string(),
    /** Time of the last message, or of creation. Lists are ordered by it, newest first. */
    updatedAt: z.string(),
  })
  .meta({ id: 'Conversation' });
export type Conversation = z.infer<typeof Conversation>;

const Limit = z.coerce.number().int().min(1).max(100).default(30);
const Cursor = z.string().max(500).optional().meta({ description: 'Opaque; pass `nextCursor` from the previous page.' });

export const ConversationListQuery = z.object({ limit: Limit, cursor: Cursor }).meta({ id: 'ConversationListQuery' });
export type ConversationListQuery = z.infer<typeof ConversationListQuery>;

export const ConversationPage = z
  .object({ conversations: z.array(Conversation), nextCursor: z.string().nullable() })
  .meta({ id: 'ConversationPage' });
export type ConversationPage = z.infer<typeof ConversationPage>;

export const MessageListQuery = z.object({ limit: Limit, cursor: Cursor }).meta({ id: 'MessageListQuery' });
export type MessageListQuery = z.infer<typeof MessageListQuery>;

/** Newest first; `nextCursor` continues with older messages. */
export const MessagePage = z.object({ messages: z.array(Message), nextCursor: z.string().nullable() }).meta({ id: 'MessagePage' });
export type MessagePage = z.infer<typeof MessagePage>;

export const SendMessageRequest = z
  .object({
    /** Chosen by the client when the message is composed (a UUID), so an offline retry is stored once. */
    clientId: Id,
    body: z.string().trim().min(MESSAGE_BODY_MIN).max(MESSAGE_BODY_MAX),
  })
  .strict()
  .meta({ id: 'SendMessageRequest' });
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;

export const MarkReadRequest = z
  .object({
    /** Read up to and including this message; omitted marks the whole conversation read. */
    upToMessageId: Id.optional(),
  })
  .strict()
  .meta({ id: 'MarkReadRequest' });
export type MarkReadRequest = z.infer<typeof MarkReadRequest>;

export const ReadState = z
  .object({ conversationId: z.string(), unreadCount: z.number().int(), readAt: z.string() })
  .meta({ id: 'ReadState' });
export type ReadState = z.infer<typeof ReadState>;

export const UnreadTotal = z.object({ unreadCount: z.number().int(), conversations: z.number().int() }).meta({ id: 'UnreadTotal' });
export type UnreadTotal = z.infer<typeof UnreadTotal>;

export const BlockRequest = z.object({ userId: Id }).strict().meta({ id: 'BlockRequest' });
export type BlockRequest = z.infer<typeof BlockRequest>;

export const BlockedUser = z.object({ user: ConversationParticipant, blockedAt: z.string() }).meta({ id: 'BlockedUser' });
export const BlockList = z.object({ blocked: z.array(BlockedUser) }).meta({ id: 'BlockList' });
export type BlockList = z.infer<typeof BlockList>;

export const REPORT_REASONS = ['spam', 'harassment', 'scam', 'inappropriate', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const ReportRequest = z
  .object({
    conversationId: Id,
    /** A single message in that conversation; omitted reports the whole conversation. */
    messageId: Id.optional(),
    reason: z.enum(REPORT_REASONS),
    details: z.string().trim().max(2000).default(''),
  })
  .strict()
  .meta({ id: 'ReportRequest' });
export type ReportRequest = z.infer<typeof ReportRequest>;

export const Report = z
  .object({ id: z.string(), conversationId: z.string(), messageId: z.string().nullable(), reason: z.enum(REPORT_REASONS), createdAt: z.string() })
  .meta({ id: 'Report' });
export type Report = z.infer<typeof Report>;

/** A short-lived, single-use ticket for `GET /api/messages/live?ticket=…` (browsers cannot set headers on a websocket). */
export const LiveTicket = z.object({ ticket: z.string(), expiresInSeconds: z.number().int() }).meta({ id: 'LiveTicket' });
export type LiveTicket = z.infer<typeof LiveTicket>;

/** Version of the live protocol; a client seeing another version reloads through the REST routes. */
export const LIVE_PROTOCOL_VERSION = 1;

/**
 * What the live socket pushes (JSON text frames, server → client only; the client sends nothing but
 * pings). `ready` comes first; `message` is a message sent to the caller (or by them on another
 * device); `read` is a read receipt (`readerId` read `conversationId` up to `upToMessageId`);
 * `message-removed` is a message a moderator removed (replace it where shown); `signed-out` comes
 * last, before the server closes the socket because the account was suspended.
 */
export const LiveEvent = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('ready'), version: z.literal(LIVE_PROTOCOL_VERSION), userId: z.string() }),
    z.object({ type: z.literal('message'), message: Message }),
    z.object({ type: z.literal('read'), conversationId: z.string(), readerId: z.string(), upToMessageId: z.string().nullable(), readAt: z.string() }),
    z.object({ type: z.literal('message-removed'), message: Message }),
    z.object({ type: z.literal('signed-out') }),
  ])
  .meta({ id: 'LiveEvent' });
export type LiveEvent = z.infer<typeof LiveEvent>;

/** Whether to be e-mailed about messages left unread for a while (on unless turned off). */
export const MessagePreferences = z.object({ emailUnread: z.boolean() }).strict().meta({ id: 'MessagePreferences' });
export type MessagePreferences = z.infer<typeof MessagePreferences>;
