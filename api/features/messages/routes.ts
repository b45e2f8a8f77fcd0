import { createRoute, z } from '@hono/zod-openapi';
import {
  BlockList,
  BlockRequest,
  Conversation,
  ConversationListQuery,
  ConversationPage,
  CreateConversationRequest,
  LiveTicket,
  MarkReadRequest,
  Message,
  MessageListQuery,
  MessagePage,
  MessagePreferences,
  ReadState,
  Report,
  ReportRequest,
  SendMessageRequest,
  UnreadTotal,
} from '../../../shared/schemas/messages.ts';
import { createRouter, errorResponses } from '../../http/openapi-hono.ts';
import { requireAuth } from '../auth/require-auth.ts';
import type { AuthService } from '../auth/service.ts';
import type { MessagesService } from './service.ts';

const bearer = [{ bearerAuth: [] }];
const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const ConversationParams = z.object({ id: Id });
const UserParams = z.object({ userId: Id });
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
const tags = ['messages'];

const routes = {
  start: createRoute({
    method: 'post', path: '/conversations', tags, security: bearer,
    summary: 'Start a conversation with a person, optionally about a beat; the same pair and beat return the existing one',
    request: body(CreateConversationRequest),
    responses: { 200: { description: 'The conversation (new or existing)', ...json(Conversation) }, ...errorResponses(401, 403, 404, 422) },
  }),
  list: createRoute({
    method: 'get', path: '/conversations', tags, security: bearer,
    summary: 'Your conversations, most recent first, with the last message and unread count',
    request: { query: ConversationListQuery },
    responses: { 200: { description: 'One page', ...json(ConversationPage) }, ...errorResponses(400, 401, 422) },
  }),
  get: createRoute({
    method: 'get', path: '/conversations/{id}', tags, security: bearer, summary: 'One of your conversations',
    request: { params: ConversationParams },
    responses: { 200: { description: 'The conversation', ...json(Conversation) }, ...errorResponses(401, 404) },
  }),
  messages: createRoute({
    method: 'get', path: '/conversations/{id}/messages', tags, security: bearer,
    summary: 'Messages of one of your conversations, newest first; `nextCursor` pages to older ones',
    request: { params: ConversationParams, query: MessageListQuery },
    responses: { 200: { description: 'One page', ...json(MessagePage) }, ...errorResponses(400, 401, 404, 422) },
  }),
  send: createRoute({
    method: 'post', path: '/conversations/{id}/messages', tags, security: bearer,
    summary: 'Send a message (1–4,000 characters); the same clientId again returns the stored message (200) instead of a copy',
    request: { params: ConversationParams, ...body(SendMessageRequest) },
    responses: {
      201: { description: 'Stored and pushed to the other person', ...json(Message) },
      200: { description: 'Already stored (a retry)', ...json(Message) },
      ...errorResponses(401, 403, 404, 422, 429),
    },
  }),
  read: createRoute({
    method: 'post', path: '/conversations/{id}/read', tags, security: bearer,
    summary: 'Mark read up to a message (or all); the other person gets a read receipt',
    request: { params: ConversationParams, body: { required: false, ...json(MarkReadRequest) } },
    responses: { 200: { description: 'Read state', ...json(ReadState) }, ...errorResponses(401, 404, 422) },
  }),
  unread: createRoute({
    method: 'get', path: '/unread', tags, security: bearer, summary: 'Unread messages across all your conversations',
    responses: { 200: { description: 'Totals', ...json(UnreadTotal) }, ...errorResponses(401) },
  }),
  blocks: createRoute({
    method: 'get', path: '/blocks', tags, security: bearer, summary: 'People you blocked',
    responses: { 200: { description: 'Blocked people', ...json(BlockList) }, ...errorResponses(401) },
  }),
  block: createRoute({
    method: 'post', path: '/blocks', tags, security: bearer,
    summary: 'Block a person: neither of you can start a conversation with the other or send in one',
    request: body(BlockRequest),
    responses: { 204: { description: 'Blocked' }, ...errorResponses(401, 404, 422) },
  }),
  unblock: createRoute({
    method: 'delete', path: '/blocks/{userId}', tags, security: bearer, summary: 'Unblock a person',
    request: { params: UserParams },
    responses: { 204: { description: 'Unblocked' }, ...errorResponses(401) },
  }),
  report: createRoute({
    method: 'post', path: '/reports', tags, security: bearer, summary: 'Report a conversation or one message in it to the moderators',
    request: body(ReportRequest),
    responses: { 201: { description: 'Stored for moderation', ...json(Report) }, ...errorResponses(401, 404, 422) },
  }),
  preferences: createRoute({
    method: 'get', path: '/preferences', tags, security: bearer, summary: 'Whether you are e-mailed about messages left unread',
    responses: { 200: { description: 'Your message preferences', ...json(MessagePreferences) }, ...errorResponses(401) },
  }),
  setPreferences: createRoute({
    method: 'put', path: '/preferences', tags, security: bearer,
    summary: 'Turns e-mails about unread messages on or off (sent when a message stays unread for 10 minutes, at most one an hour)',
    request: { body: { required: true, ...json(MessagePreferences) } },
    responses: { 200: { description: 'Saved', ...json(MessagePreferences) }, ...errorResponses(401, 413, 415, 422) },
  }),
  ticket: createRoute({
    method: 'post', path: '/live/ticket', tags, security: bearer,
    summary: 'A 30-second single-use ticket for the live socket: open `/api/messages/live?ticket=…` (JSON events: ready, message, read)',
    responses: { 200: { description: 'Ticket', ...json(LiveTicket) }, ...errorResponses(401) },
  }),
};

export function messageRoutes(deps: { auth: AuthService; messages: MessagesService; issueLiveTicket: (userId: string) => Promise<LiveTicket> }) {
  const { messages } = deps;
  const router = createRouter();
  router.use('*', requireAuth(deps.auth));
  const me = (c: { get(key: 'auth'): { userId: string } }) => c.get('auth').userId;
  const personal = (c: { header(name: string, value: string): void }) => c.header('Cache-Control', 'private, no-store');

  router.openapi(routes.start, async (c) => c.json(await messages.start(me(c), c.req.valid('json')), 200));
  router.openapi(routes.list, async (c) => {
    personal(c);
    return c.json(await messages.list(me(c), c.req.valid('query')), 200);
  });
  router.openapi(routes.get, async (c) => {
    personal(c);
    return c.json(await messages.get(me(c), c.req.valid('param').id), 200);
  });
  router.openapi(routes.messages, async (c) => {
    personal(c);
    return c.json(await messages.messages(me(c), c.req.valid('param').id, c.req.valid('query')), 200);
  });
  router.openapi(routes.send, async (c) => {
    const sent = await messages.send(me(c), c.req.valid('param').id, c.req.valid('json'));
    return sent.created ? c.json(sent.message, 201) : c.json(sent.message, 200);
  });
  router.openapi(routes.read, async (c) => {
    // The body is optional: without one (no Content-Type), the whole conversation is marked read.
    const request = c.req.header('content-type') ? c.req.valid('json') : {};
    return c.json(await messages.markRead(me(c), c.req.valid('param').id, request), 200);
  });
  router.openapi(routes.unread, async (c) => {
    personal(c);
    return c.json(await messages.unreadTotal(me(c)), 200);
  });
  router.openapi(routes.blocks, async (c) => {
    personal(c);
    return c.json(await messages.blocks(me(c)), 200);
  });
  router.openapi(routes.block, async (c) => {
    await messages.block(me(c), c.req.valid('json').userId);
    return c.body(null, 204);
  });
  router.openapi(routes.unblock, async (c) => {
    await messages.unblock(me(c), c.req.valid('param').userId);
    return c.body(null, 204);
  });
  router.openapi(routes.report, async (c) => c.json(await messages.report(me(c), c.req.valid('json')), 201));
  router.openapi(routes.preferences, async (c) => {
    personal(c);
    return c.json(await messages.preferences(me(c)), 200);
  });
  router.openapi(routes.setPreferences, async (c) => c.json(await messages.setPreferences(me(c), c.req.valid('json')), 200));
  router.openapi(routes.ticket, async (c) => {
    personal(c);
    return c.json(await deps.issueLiveTicket(me(c)), 200);
  });
  return router;
}
