import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, readOutbox, signUp, TEST_PASSWORD, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

const MINUTE = 60_000;
const MODERATOR = 'unread-mail.moderator@example.com';

describe.each(databaseKinds())('e-mails about unread messages (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { publicOrigin: 'https://creatorsync.example', moderatorEmails: [MODERATOR] } });
  });
  afterAll(() => t.close());

  const mailTo = async (email: string) => (await readOutbox(t.config.mail.outboxDir)).filter((mail) => mail.to === email);
  const conversation = async (from: { accessToken: string }, to: { userId: string }) =>
    (await call(t.app, 'POST', '/api/messages/conversations', { token: from.accessToken, body: { withUserId: to.userId } })).json.id as string;
  const send = async (from: { accessToken: string }, conversationId: string, body: string) => {
    const sent = await call(t.app, 'POST', `/api/messages/conversations/${conversationId}/messages`, { token: from.accessToken, body: { clientId: randomUUID(), body } });
    expect(sent.status, sent.text).toBe(201);
    return sent.json.id as string;
  };
  /** A fresh access token (the clock moves hours here, past the first one's life). */
  const signIn = async (person: { email: string }) => ({ accessToken: (await call(t.app, 'POST', '/api/auth/login', { body: { email: person.email, password: TEST_PASSWORD } })).json.accessToken as string });
  /** A sweep after the clock moved on; the mail goes out after the sweep returns. */
  const sweepAfter = async (milliseconds: number) => {
    t.clock.advance(milliseconds);
    return t.unreadMail.sendDue();
  };

  it('a message left unread for 10 minutes is e-mailed once, in the reader’s language, with who wrote and a preview', async () => {
    const buyer = await signUp(t.app, { displayName: 'Curious Buyer' });
    const producer = await signUp(t.app, { displayName: 'Busy Producer', locale: 'es' });
    const id = await conversation(buyer, producer);
    await send(buyer, id, 'Hi! Is the exclusive\n\nstill available?');
    await send(buyer, id, 'I can pay today.');

    expect(await sweepAfter(9 * MINUTE)).toBe(0);
    expect(await sweepAfter(2 * MINUTE)).toBe(1);
    await expect.poll(async () => (await mailTo(producer.email)).length).toBe(1);
    const [mail] = await mailTo(producer.email);
    expect(mail!.subject).toBe('2 mensajes nuevos de Curious Buyer en CreatorSync');
    expect(mail!.text).toContain('Curious Buyer — 2 mensajes nuevos:\n«I can pay today.»');
    expect(mail!.text).toContain('https://creatorsync.example/messages');
    // The sender is not told about their own messages, and nothing is sent twice.
    expect(await mailTo(buyer.email)).toEqual([]);
    expect(await sweepAfter(MINUTE)).toBe(0);

    // More messages while the first e-mail is still unread wait: no stream of e-mails about one conversation.
    await send(buyer, id, 'Hello?');
    expect(await sweepAfter(2 * 3_600_000)).toBe(0);
    // Once read, the next unread message can be told again (after the hour's cool-down).
    await call(t.app, 'POST', `/api/messages/conversations/${id}/read`, { token: (await signIn(producer)).accessToken });
    await send(await signIn(buyer), id, 'Found another beat, never mind.');
    expect(await sweepAfter(11 * MINUTE)).toBe(1);
    await expect.poll(async () => (await mailTo(producer.email)).length).toBe(2);
    expect((await mailTo(producer.email))[1]!.text).toContain('«Found another beat, never mind.»');
  });

  it('reading in time, turning the e-mails off, a removed message or a block sends nothing', async () => {
    const writer = await signUp(t.app, { displayName: 'Writer' });
    const reader = await signUp(t.app, { displayName: 'Prompt Reader' });
    const quiet = await signUp(t.app, { displayName: 'Quiet One' });
    const blocker = await signUp(t.app, { displayName: 'Blocker' });
    const listener = await signUp(t.app, { displayName: 'Listener' });
    const moderator = await signUp(t.app, { email: MODERATOR });
    const read = await conversation(writer, reader);
    await send(writer, read, 'Quick question');
    await call(t.app, 'POST', `/api/messages/conversations/${read}/read`, { token: reader.accessToken });

    expect((await call(t.app, 'GET', '/api/messages/preferences', { token: quiet.accessToken })).json).toEqual({ emailUnread: true });
    const off = await call(t.app, 'PUT', '/api/messages/preferences', { token: quiet.accessToken, body: { emailUnread: false } });
    expect(off.json).toEqual({ emailUnread: false });
    expect((await call(t.app, 'GET', '/api/messages/preferences', { token: quiet.accessToken })).json).toEqual({ emailUnread: false });
    expect((await call(t.app, 'PUT', '/api/messages/preferences', { token: quiet.accessToken, body: { emailUnread: 'no' } })).status).toBe(422);
    await send(writer, await conversation(writer, quiet), 'Are you there?');

    const blocked = await conversation(writer, blocker);
    await send(writer, blocked, 'Buy my followers');
    await call(t.app, 'POST', '/api/messages/blocks', { token: blocker.accessToken, body: { userId: writer.userId } });

    // Reported and removed by a moderator before anyone read it.
    const reported = await conversation(writer, listener);
    const spam = await send(writer, reported, 'Cheap streams, DM me');
    const report = (await call(t.app, 'POST', '/api/messages/reports', { token: listener.accessToken, body: { conversationId: reported, messageId: spam, reason: 'spam' } })).json.id as string;
    const removed = await call(t.app, 'PUT', `/api/moderation/reports/${report}`, { token: moderator.accessToken, body: { status: 'resolved', removeMessage: true } });
    expect(removed.json.actions).toEqual(['message_removed']);

    expect(await sweepAfter(11 * MINUTE)).toBe(0);
    for (const person of [reader, quiet, blocker, listener]) expect(await mailTo(person.email)).toEqual([]);

    // A day-old unread message is not news: turned back on later, nothing old is sent.
    await call(t.app, 'PUT', '/api/messages/preferences', { token: quiet.accessToken, body: { emailUnread: true } });
    expect(await sweepAfter(25 * 3_600_000)).toBe(0);
  });

  it('several conversations make one e-mail', async () => {
    const producer = await signUp(t.app, { displayName: 'Popular Producer' });
    const fans = await Promise.all(['Fan A', 'Fan B'].map((displayName) => signUp(t.app, { displayName })));
    for (const fan of fans) await send(fan, await conversation(fan, producer), `Love your beats — ${fan.userId.slice(0, 4)}`);
    expect(await sweepAfter(11 * MINUTE)).toBe(1);
    await expect.poll(async () => (await mailTo(producer.email)).length).toBe(1);
    const [mail] = await mailTo(producer.email);
    expect(mail!.subject).toBe('2 unread messages on CreatorSync');
    expect(mail!.text).toContain('Fan A — 1 new message');
    expect(mail!.text).toContain('Fan B — 1 new message');
  });
});
