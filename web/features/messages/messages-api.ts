import {
  BlockList,
  Conversation,
  ConversationPage,
  LiveTicket,
  Message,
  MessagePage,
  MessagePreferences,
  ReadState,
  Report,
  UnreadTotal,
  type ReportReason,
} from '../../../shared/schemas/messages.ts';
import type { ApiClient } from '../../api/api-client.ts';

const conversationPath = (id: string) => `/api/messages/conversations/${encodeURIComponent(id)}` as const;

/** Typed calls to /api/messages/* (all signed in). */
export class MessagesApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** Opens (or finds) the conversation with a person, optionally about a beat. */
  start(withUserId: string, beatId: string | null = null): Promise<Conversation> {
    return this.#client.request({ method: 'POST', path: '/api/messages/conversations', body: { withUserId, beatId }, authenticated: true, schema: Conversation });
  }

  conversations(cursor?: string | null): Promise<ConversationPage> {
    const query = new URLSearchParams({ limit: '50' });
    if (cursor) query.set('cursor', cursor);
    return this.#client.request({ method: 'GET', path: `/api/messages/conversations?${query}`, authenticated: true, schema: ConversationPage });
  }

  conversation(id: string): Promise<Conversation> {
    return this.#client.request({ method: 'GET', path: conversationPath(id), authenticated: true, schema: Conversation });
  }

  /** Newest first; `nextCursor` pages to older messages. */
  messages(id: string, cursor?: string | null): Promise<MessagePage> {
    const query = new URLSearchParams({ limit: '50' });
    if (cursor) query.set('cursor', cursor);
    return this.#client.request({ method: 'GET', path: `${conversationPath(id)}/messages?${query}`, authenticated: true, schema: MessagePage });
  }

  /** Sends once per clientId: a retry after a lost answer returns the stored message, not a copy. */
  send(conversationId: string, clientId: string, body: string): Promise<Message> {
    return this.#client.request({ method: 'POST', path: `${conversationPath(conversationId)}/messages`, body: { clientId, body }, authenticated: true, schema: Message });
  }

  markRead(conversationId: string, upToMessageId?: string): Promise<ReadState> {
    return this.#client.request({
      method: 'POST',
      path: `${conversationPath(conversationId)}/read`,
      body: upToMessageId ? { upToMessageId } : {},
      authenticated: true,
      schema: ReadState,
    });
  }

  unread(): Promise<UnreadTotal> {
    return this.#client.request({ method: 'GET', path: '/api/messages/unread', authenticated: true, schema: UnreadTotal });
  }

  blocks(): Promise<BlockList> {
    return this.#client.request({ method: 'GET', path: '/api/messages/blocks', authenticated: true, schema: BlockList });
  }

  async block(userId: string): Promise<void> {
    await this.#client.request({ method: 'POST', path: '/api/messages/blocks', body: { userId }, authenticated: true });
  }

  async unblock(userId: string): Promise<void> {
    await this.#client.request({ method: 'DELETE', path: `/api/messages/blocks/${encodeURIComponent(userId)}`, authenticated: true });
  }

  report(conversationId: string, reason: ReportReason, details: string, messageId?: string): Promise<Report> {
    return this.#client.request({
      method: 'POST',
      path: '/api/messages/reports',
      body: { conversationId, reason, details, ...(messageId ? { messageId } : {}) },
      authenticated: true,
      schema: Report,
    });
  }

  preferences(): Promise<MessagePreferences> {
    return this.#client.request({ method: 'GET', path: '/api/messages/preferences', authenticated: true, schema: MessagePreferences });
  }

  setPreferences(preferences: MessagePreferences): Promise<MessagePreferences> {
    return this.#client.request({ method: 'PUT', path: '/api/messages/preferences', body: preferences, authenticated: true, schema: MessagePreferences });
  }

  liveTicket(): Promise<LiveTicket> {
    return this.#client.request({ method: 'POST', path: '/api/messages/live/ticket', authenticated: true, schema: LiveTicket });
  }
}
