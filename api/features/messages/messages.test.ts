import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

describe.each(databaseKinds())('messages over HTTP (%s)', (kind) => {
  let t: TestApp;
  let alice: Awaited<ReturnType<typeof signUp>>;
  let bob: Awaited<ReturnType<typeof signUp>>;
  let eve: Awaited<ReturnType<typeof signUp>>;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { messagesPerMinute: 1000 } });
    [alice, bob, eve] = [await signUp(t.app, { displayName: 'Alice' }), await signUp(t.app, { displayName: 'Bob' }), await signUp(t.app, { displayName: 'Eve' })];
  });
  afterAll(() => t.close());

  const start = (who: { accessToken: string }, body: unknown) => call(t.app, 'POST', '/api/messages/conversations', { token: who.accessToken, body });
  const send = (who: { accessToken: string }, conversationId: string, body: unknown) =>
    call(t.app, 'POST', `/api/messages/conversations/${conversationId}/messages`, { token: who.accessToken, body });

  async function publishedBeat(producer: { accessToken: string }) {
    const created = await call(t.app, 'POST', '/api/beats', { token: producer.accessToken, body: { title: 'Night Drive', genre: 'trap', price: 30 } });
    return created.json.id as string;
  }

  it('starts a conversation once per pair and topic, whoever starts it', async () => {
    const first = await start(alice, { withUserId: bob.userId });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ with: { id: bob.userId, displayName: 'Bob' }, beat: null, lastMessage: null, unreadCount: 0 });
    const again = await start(alice, { withUserId: bob.userId });
    const fromBob = await start(bob, { withUserId: alice.userId, beatId: null });
    expect(again.json.id).toBe(first.json.id);
    expect(fromBob.json.id).toBe(first.json.id);
    expect(fromBob.json.with.id).toBe(alice.userId);

    // A beat is its own topic; drafts of the pair's producer may be named, others' drafts may not.
    const beatId = await publishedBeat(bob);
    const aboutBeat = await start(alice, { withUserId: bob.userId, beatId });
    expect(aboutBeat.json.id).not.toBe(first.json.id);
    expect(aboutBeat.json.beat).toEqual({ id: beatId, title: 'Night Drive' });
    expect((await start(alice, { withUserId: bob.userId, beatId })).json.id).toBe(aboutBeat.json.id);
    const evesDraft = await publishedBeat(eve);
    expect((await start(alice, { withUserId: bob.userId, beatId: evesDraft })).json.error.code).toBe('beat_not_found');
  });

  it('refuses yourself, unknown people and bad bodies with codes', async () => {
    expect((await start(alice, { withUserId: alice.userId })).json.error.code).toBe('cannot_message_self');
    expect((await start(alice, { withUserId: 'nobody-here' })).json.error.code).toBe('recipient_not_found');
    expect((await start(alice, { withUserId: 'has spaces' })).status).toBe(422);
    expect((await call(t.app, 'POST', '/api/messages/conversations', { body: { withUserId: bob.userId } })).status).toBe(401);
  });

  it('sends, lists with last message and unread counts, pages messages, and marks read', async () => {
    const conversation = (await start(alice, { withUserId: eve.userId })).json;
    const bodies = Array.from({ length: 5 }, (_, index) => `hello ${index}`);
    for (const [index, body] of bodies.entries()) {
      const sent = await send(alice, conversation.id, { clientId: `c-${index}`, body });
      expect(sent.status).toBe(201);
      expect(sent.json).toMatchObject({ conversationId: conversation.id, senderId: alice.userId, clientId: `c-${index}`, body });
      t.clock.advance(1000);
    }
    const list = await call(t.app, 'GET', '/api/messages/conversations', { token: eve.accessToken });
    expect(list.status).toBe(200);
    const seen = list.json.conversations.find((entry: { id: string }) => entry.id === conversation.id);
    expect(seen).toMatchObject({ unreadCount: 5, lastMessage: { body: 'hello 4' }, with: { id: alice.userId } });
    expect((await call(t.app, 'GET', '/api/messages/unread', { token: eve.accessToken })).json).toEqual({ unreadCount: 5, conversations: 1 });
    // The sender has read their own messages.
    expect((await call(t.app, 'GET', `/api/messages/conversations/${conversation.id}`, { token: alice.accessToken })).json.unreadCount).toBe(0);

    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await call(t.app, 'GET', `/api/messages/conversations/${conversation.id}/messages${query}`, { token: eve.accessToken });
      expect(page.status).toBe(200);
      pages.push(...page.json.messages.map((message: { body: string }) => message.body));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(pages).toEqual([...bodies].reverse());

    const third = (await call(t.app, 'GET', `/api/messages/conversations/${conversation.id}/messages?limit=3`, { token: eve.accessToken })).json.messages[2];
    const partly = await call(t.app, 'POST', `/api/messages/conversations/${conversation.id}/read`, { token: eve.accessToken, body: { upToMessageId: third.id } });
    expect(partly.json).toMatchObject({ conversationId: conversation.id, unreadCount: 2 });
    const all = await call(t.app, 'POST', `/api/messages/conversations/${conversation.id}/read`, { token: eve.accessToken, body: {} });
    expect(all.json.unreadCount).toBe(0);
    expect((await call(t.app, 'GET', '/api/messages/unread', { token: eve.accessToken })).json.unreadCount).toBe(0);
    expect((await call(t.app, 'GET', `/api/messages/conversations/${conversation.id}`, { token: alice.accessToken })).json.otherReadAt).not.toBeNull();
    expect((await call(t.app, 'GET', `/api/messages/conversations/${conversation.id}/messages?cursor=forged`, { token: eve.accessToken })).json.error.code).toBe(
      'invalid_cursor',
    );
  });

  it('stores a message composed offline once, however often it is retried', async () => {
    const conversation = (await start(bob, { withUserId: eve.userId })).json;
    const offline = { clientId: 'b1c7f7a4-2f57-4c5c-9a55-3c1f0d7a2e11', body: 'Written on the train' };
    const responses = [await send(bob, conversation.id, offline), await send(bob, conversation.id, offline)];
    // Two retries racing each other after reconnecting.
    responses.push(...(await Promise.all([send(bob, conversation.id, offline), send(bob, conversation.id, offline)])));
    expect(responses[0]!.status).toBe(201);
    expect(responses.slice(1).map((response) => response.status)).toEqual([200, 200, 200]);
    expect(new Set(responses.map((response) => response.json.id)).size).toBe(1);
    const stored = await call(t.app, 'GET', `/api/messages/conversations/${conversation.id}/messages`, { token: eve.accessToken });
    expect(stored.json.messages.filter((message: { clientId: string }) => message.clientId === offline.clientId)).toHaveLength(1);
  });

  it('limits text to 1–4,000 characters', async () => {
    const conversation = (await start(alice, { withUserId: bob.userId })).json;
    expect((await send(alice, conversation.id, { clientId: 'empty', body: '   ' })).status).toBe(422);
    expect((await send(alice, conversation.id, { clientId: 'long', body: 'x'.repeat(4001) })).json.error.code).toBe('validation_failed');
    expect((await send(alice, conversation.id, { clientId: 'max', body: 'x'.repeat(4000) })).status).toBe(201);
  });

  it('lets nobody read or write another pair’s conversation', async () => {
    const conversation = (await start(alice, { withUserId: bob.userId })).json;
    await send(alice, conversation.id, { clientId: 'private-1', body: 'just between us' });
    for (const [method, path, body] of [
      ['GET', `/api/messages/conversations/${conversation.id}`, undefined],
      ['GET', `/api/messages/conversations/${conversation.id}/messages`, undefined],
      ['POST', `/api/messages/conversations/${conversation.id}/messages`, { clientId: 'intruder', body: 'hi' }],
      ['POST', `/api/messages/conversations/${conversation.id}/read`, {}],
      ['POST', '/api/messages/reports', { conversationId: conversation.id, reason: 'spam' }],
    ] as const) {
      const response = await call(t.app, method, path, { token: eve.accessToken, body });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.json.error.code).toBe('conversation_not_found');
      expect(response.text).not.toContain('just between us');
    }
    const evesList = await call(t.app, 'GET', '/api/messages/conversations', { token: eve.accessToken });
    expect(evesList.json.conversations.map((entry: { id: string }) => entry.id)).not.toContain(conversation.id);
  });

  it('blocks both ways: no new conversation, no sending, until unblocked', async () => {
    const [mallory, victim] = [await signUp(t.app), await signUp(t.app)];
    const conversation = (await start(mallory, { withUserId: victim.userId })).json;
    expect((await send(mallory, conversation.id, { clientId: 'm1', body: 'buy my beats' })).status).toBe(201);
    expect((await call(t.app, 'POST', '/api/messages/blocks', { token: victim.accessToken, body: { userId: mallory.userId } })).status).toBe(204);

    const blockedSend = await send(mallory, conversation.id, { clientId: 'm2', body: 'hello?' });
    expect(blockedSend.status).toBe(403);
    expect(blockedSend.json.error.code).toBe('user_blocked');
    expect((await start(mallory, { withUserId: victim.userId })).json.error.code).toBe('user_blocked');
    // The blocker cannot write to the person they blocked either.
    expect((await send(victim, conversation.id, { clientId: 'v1', body: 'stop' })).json.error.code).toBe('user_blocked');
    // A retry of a message stored before the block still gets its answer.
    expect((await send(mallory, conversation.id, { clientId: 'm1', body: 'buy my beats' })).status).toBe(200);

    const seenByVictim = await call(t.app, 'GET', `/api/messages/conversations/${conversation.id}`, { token: victim.accessToken });
    expect(seenByVictim.json).toMatchObject({ blockedByMe: true, blockedMe: false });
    expect((await call(t.app, 'GET', '/api/messages/blocks', { token: victim.accessToken })).json.blocked[0].user.id).toBe(mallory.userId);
    expect((await call(t.app, 'DELETE', `/api/messages/blocks/${mallory.userId}`, { token: victim.accessToken })).status).toBe(204);
    expect((await send(mallory, conversation.id, { clientId: 'm3', body: 'sorry' })).status).toBe(201);
  });

  it('stores reports of a conversation or a message, with the message text as evidence', async () => {
    const conversation = (await start(eve, { withUserId: bob.userId })).json;
    const message = (await send(bob, conversation.id, { clientId: 'r1', body: 'send me your password' })).json;
    const report = await call(t.app, 'POST', '/api/messages/reports', {
      token: eve.accessToken,
      body: { conversationId: conversation.id, messageId: message.id, reason: 'scam', details: 'phishing' },
    });
    expect(report.status).toBe(201);
    expect(report.json).toMatchObject({ conversationId: conversation.id, messageId: message.id, reason: 'scam' });
    const stored = await t.database.db.query.messageReports.findFirst();
    expect(stored).toMatchObject({ reporterId: eve.userId, reportedUserId: bob.userId, messageBody: 'send me your password', status: 'open' });
    const unknownMessage = await call(t.app, 'POST', '/api/messages/reports', { token: eve.accessToken, body: { conversationId: conversation.id, messageId: 'nope', reason: 'spam' } });
    expect(unknownMessage.json.error.code).toBe('message_not_found');
    expect((await call(t.app, 'POST', '/api/messages/reports', { token: eve.accessToken, body: { conversationId: conversation.id, reason: 'because' } })).status).toBe(422);
  });

  it('rate-limits new messages per user with Retry-After', async () => {
    const limited = await createTestApp(kind, { config: { messagesPerMinute: 3 } });
    try {
      const [one, two] = [await signUp(limited.app), await signUp(limited.app)];
      const conversation = (await call(limited.app, 'POST', '/api/messages/conversations', { token: one.accessToken, body: { withUserId: two.userId } })).json;
      const sendAs = (clientId: string) =>
        call(limited.app, 'POST', `/api/messages/conversations/${conversation.id}/messages`, { token: one.accessToken, body: { clientId, body: 'spam' } });
      for (const clientId of ['a', 'b', 'c']) expect((await sendAs(clientId)).status).toBe(201);
      const refused = await sendAs('d');
      expect(refused.status).toBe(429);
      expect(refused.json.error.code).toBe('messages_rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Retrying a stored message costs nothing.
      expect((await sendAs('a')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
