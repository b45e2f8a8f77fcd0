import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { LiveEvent } from '../../../shared/schemas/messages.ts';
import { eq } from 'drizzle-orm';
import { suspensionAppeals } from '../../db/schema.ts';
import { publishedBeat } from '../../testing/commerce-fixtures.ts';
import { call, readOutbox, signUp, TEST_PASSWORD } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';
import { connectClient, startTestServer, waitFor, type TestServer } from '../../testing/test-server.ts';

const MODERATOR_EMAIL = 'suspensions.moderator@example.com';
/** Configured from the start, with no account until the second-look test signs it up. */
const SECOND_MODERATOR_EMAIL = `second-moderator-${randomUUID().slice(0, 8)}@example.com`;
const masteringPreset = {
  name: 'Suspicious loudness',
  kind: 'mastering',
  parameters: {
    eq: { enabled: false, lowFrequency: 90, lowGainDb: 0, midFrequency: 2500, midGainDb: 0, midQ: 1, highFrequency: 10000, highGainDb: 0 },
    compressor: { enabled: true, thresholdDb: -20, ratio: 3, kneeDb: 6, attackMs: 5, releaseMs: 150, makeupGainDb: 2 },
    limiter: { enabled: true, ceilingDb: -1, releaseMs: 60 },
    targetLufs: -9,
  },
};

/** A live messages socket that records what it receives and how it ends. */
async function openLive(server: TestServer, accessToken: string) {
  const ticket = (await call(server.app, 'POST', '/api/messages/live/ticket', { token: accessToken })).json.ticket as string;
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/messages/live?ticket=${encodeURIComponent(ticket)}`);
  const events: LiveEvent[] = [];
  socket.on('message', (data) => events.push(LiveEvent.parse(JSON.parse(String(data)))));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await waitFor(() => events.some((event) => event.type === 'ready'), 5000, 'ready event');
  return { socket, events, closed };
}

describe.each(databaseKinds())('moderation actions: removing a message, suspending and reinstating an account (%s)', (kind) => {
  let s: TestServer;
  let moderator: Awaited<ReturnType<typeof signUp>>;
  beforeAll(async () => {
    s = await startTestServer(kind, { config: { moderatorEmails: [MODERATOR_EMAIL, SECOND_MODERATOR_EMAIL] } });
    moderator = await signUp(s.app, { email: MODERATOR_EMAIL, displayName: 'Mo' });
  });
  afterAll(() => s.close());

  /** A producer with a published beat messages a buyer, who reports the message. */
  async function scamReported() {
    const { producer, beatId } = await publishedBeat(s.app, { title: 'Bait Beat' });
    const buyer = await signUp(s.app, { displayName: 'Careful Buyer' });
    const conversation = (await call(s.app, 'POST', '/api/messages/conversations', { token: producer.accessToken, body: { withUserId: buyer.userId } })).json;
    const sent = await call(s.app, 'POST', `/api/messages/conversations/${conversation.id}/messages`, {
      token: producer.accessToken,
      body: { clientId: randomUUID(), body: 'Pay me outside the app, half price' },
    });
    expect(sent.status, sent.text).toBe(201);
    const report = await call(s.app, 'POST', '/api/messages/reports', { token: buyer.accessToken, body: { conversationId: conversation.id, messageId: sent.json.id, reason: 'scam' } });
    expect(report.status, report.text).toBe(201);
    return { producer, beatId, buyer, conversationId: conversation.id as string, messageId: sent.json.id as string, reportId: report.json.id as string };
  }

  const catalogIds = async () => (await call(s.app, 'GET', '/api/beats?limit=100&sort=newest')).json.beats.map((beat: { id: string }) => beat.id) as string[];

  it('resolving a report can remove the message and suspend the sender: sessions, sockets, sign-in and the store all follow', async () => {
    const scam = await scamReported();
    expect(await catalogIds()).toContain(scam.beatId);
    const presetId = (await call(s.app, 'POST', '/api/plugins', { token: scam.producer.accessToken, body: masteringPreset })).json.id as string;
    expect((await call(s.app, 'POST', `/api/plugins/${presetId}/publish`, { token: scam.producer.accessToken })).status).toBe(200);
    expect((await call(s.app, 'GET', `/api/plugins/${presetId}`)).status).toBe(200);

    // The producer is online: editing a song and listening for messages; the buyer too.
    const projectId = (await call(s.app, 'POST', '/api/projects', { token: scam.producer.accessToken, body: { title: 'Side project' } })).json.id as string;
    const song = connectClient(s, scam.producer.accessToken, projectId);
    await song.synced();
    const songClosed = new Promise<number>((resolve) => song.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)));
    const producerLive = await openLive(s, scam.producer.accessToken);
    const buyerLive = await openLive(s, scam.buyer.accessToken);

    const resolved = await call(s.app, 'PUT', `/api/moderation/reports/${scam.reportId}`, {
      token: moderator.accessToken,
      body: { status: 'resolved', note: 'Off-platform payment scam.', removeMessage: true, suspendAccount: true },
    });
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.json).toMatchObject({ status: 'resolved', actions: ['message_removed', 'account_suspended'], messageBody: 'Pay me outside the app, half price' });

    // Every socket of the suspended account closes, on the sync server and the live messages socket.
    expect(await songClosed).toBe(4401);
    expect(await producerLive.closed).toBe(4401);
    expect(producerLive.events.at(-1)).toEqual({ type: 'signed-out' });
    song.destroy();

    // The message is gone for both people (live and on the next fetch); the report keeps the evidence.
    await waitFor(() => buyerLive.events.some((event) => event.type === 'message-removed'), 5000, 'removal pushed');
    expect(buyerLive.events.find((event) => event.type === 'message-removed')).toMatchObject({ message: { id: scam.messageId, body: '', removed: true } });
    const thread = await call(s.app, 'GET', `/api/messages/conversations/${scam.conversationId}/messages`, { token: scam.buyer.accessToken });
    expect(thread.json.messages.find((message: { id: string }) => message.id === scam.messageId)).toMatchObject({ body: '', removed: true });
    const conversation = await call(s.app, 'GET', `/api/messages/conversations/${scam.conversationId}`, { token: scam.buyer.accessToken });
    expect(conversation.json.lastMessage).toMatchObject({ body: '', removed: true });
    buyerLive.socket.close();

    // The session is over, signing in again is refused, and so is a refresh.
    const profile = await call(s.app, 'GET', '/api/auth/profile', { token: scam.producer.accessToken });
    expect(profile.status).toBe(401);
    const login = await call(s.app, 'POST', '/api/auth/login', { body: { email: scam.producer.email, password: TEST_PASSWORD } });
    expect(login.status).toBe(403);
    expect(login.json.error.code).toBe('account_suspended');
    const wrongPassword = await call(s.app, 'POST', '/api/auth/login', { body: { email: scam.producer.email, password: 'not the password at all' } });
    expect(wrongPassword.json.error.code).toBe('invalid_credentials');
    const refreshed = await call(s.app, 'POST', '/api/auth/refresh', { cookie: scam.producer.refreshCookie });
    expect(refreshed.status).toBe(401);

    // Their beat has left the store: not listed, not found, not for sale.
    expect(await catalogIds()).not.toContain(scam.beatId);
    expect((await call(s.app, 'GET', `/api/beats/${scam.beatId}`)).status).toBe(404);
    const checkout = await call(s.app, 'POST', `/api/beats/${scam.beatId}/purchase`, { token: scam.buyer.accessToken, body: { tier: 'basic' } });
    expect(checkout.json.error.code).toBe('beat_not_found');
    expect((await call(s.app, 'GET', `/api/plugins/${presetId}`)).json.error.code).toBe('preset_not_found');

    // The person is told, without the moderators' note.
    await expect.poll(async () => (await readOutbox(s.config.mail.outboxDir)).filter((mail) => mail.to === scam.producer.email).length).toBe(1);
    const notice = (await readOutbox(s.config.mail.outboxDir)).find((mail) => mail.to === scam.producer.email)!;
    expect(notice.subject).toBe('Your CreatorSync account is suspended');
    expect(notice.text).not.toContain('Off-platform payment scam.');

    const listed = await call(s.app, 'GET', '/api/moderation/suspensions', { token: moderator.accessToken });
    expect(listed.json.suspensions[0]).toMatchObject({ user: { id: scam.producer.userId }, suspendedBy: { id: moderator.userId, displayName: 'Mo' }, note: 'Off-platform payment scam.' });

    // Reinstated: signing in works again and the beat is back in the store.
    const lifted = await call(s.app, 'DELETE', `/api/moderation/suspensions/${scam.producer.userId}`, { token: moderator.accessToken });
    expect(lifted.status, lifted.text).toBe(204);
    expect((await call(s.app, 'POST', '/api/auth/login', { body: { email: scam.producer.email, password: TEST_PASSWORD } })).status).toBe(200);
    expect(await catalogIds()).toContain(scam.beatId);
    expect((await call(s.app, 'GET', `/api/beats/${scam.beatId}`)).status).toBe(200);
    await expect.poll(async () => (await readOutbox(s.config.mail.outboxDir)).filter((mail) => mail.to === scam.producer.email).map((mail) => mail.subject)).toContain('Your CreatorSync account is active again');
    expect((await call(s.app, 'GET', `/api/plugins/${presetId}`)).status).toBe(200);
    const after = (await call(s.app, 'GET', '/api/moderation/suspensions', { token: moderator.accessToken })).json.suspensions.map((entry: { user: { id: string } }) => entry.user.id);
    expect(after).not.toContain(scam.producer.userId);
  });

  it('a draft stays a draft through a suspension, and only what the moderator did is recorded', async () => {
    const scam = await scamReported();
    const draft = (await call(s.app, 'POST', '/api/beats', { token: scam.producer.accessToken, body: { title: 'Unfinished', genre: 'trap', price: 20 } })).json.id as string;
    // Suspended directly first; resolving the report afterwards records no second suspension.
    expect((await call(s.app, 'POST', '/api/moderation/suspensions', { token: moderator.accessToken, body: { userId: scam.producer.userId, note: 'Spam wave' } })).status).toBe(204);
    const resolved = await call(s.app, 'PUT', `/api/moderation/reports/${scam.reportId}`, { token: moderator.accessToken, body: { status: 'resolved', suspendAccount: true } });
    expect(resolved.json.actions).toEqual([]);
    expect((await call(s.app, 'DELETE', `/api/moderation/suspensions/${scam.producer.userId}`, { token: moderator.accessToken })).status).toBe(204);
    const producer = (await call(s.app, 'POST', '/api/auth/login', { body: { email: scam.producer.email, password: TEST_PASSWORD } })).json.accessToken as string;
    expect((await call(s.app, 'GET', `/api/beats/${draft}`, { token: producer })).json.status).toBe('draft');
    expect((await call(s.app, 'GET', `/api/beats/${draft}`)).status).toBe(404);
  });

  it('refuses what moderators may not do, with clear codes, and changes nothing', async () => {
    const scam = await scamReported();
    const token = moderator.accessToken;
    const someone = await signUp(s.app);
    for (const [method, path, body] of [
      ['GET', '/api/moderation/suspensions', undefined],
      ['POST', '/api/moderation/suspensions', { userId: scam.producer.userId }],
      ['DELETE', `/api/moderation/suspensions/${scam.producer.userId}`, undefined],
    ] as const) {
      const refused = await call(s.app, method, path, { token: someone.accessToken, body });
      expect(refused.status).toBe(403);
      expect(refused.json.error.code).toBe('moderator_only');
    }
    const unknown = await call(s.app, 'POST', '/api/moderation/suspensions', { token, body: { userId: randomUUID() } });
    expect(unknown.json.error.code).toBe('account_not_found');
    const self = await call(s.app, 'POST', '/api/moderation/suspensions', { token, body: { userId: moderator.userId } });
    expect(self.status).toBe(403);
    expect(self.json.error.code).toBe('moderator_not_suspendable');
    const notSuspended = await call(s.app, 'DELETE', `/api/moderation/suspensions/${scam.producer.userId}`, { token });
    expect(notSuspended.status).toBe(409);
    expect(notSuspended.json.error.code).toBe('account_not_suspended');
    // Dismissing cannot act; the report stays open and the message stays.
    const dismiss = await call(s.app, 'PUT', `/api/moderation/reports/${scam.reportId}`, { token, body: { status: 'dismissed', removeMessage: true } });
    expect(dismiss.status).toBe(422);
    const open = (await call(s.app, 'GET', '/api/moderation/reports?limit=100', { token })).json.reports.map((report: { id: string }) => report.id);
    expect(open).toContain(scam.reportId);
    const thread = await call(s.app, 'GET', `/api/messages/conversations/${scam.conversationId}/messages`, { token: scam.buyer.accessToken });
    expect(thread.json.messages[0]).toMatchObject({ removed: false, body: 'Pay me outside the app, half price' });

    // Terms the page never offers are refused whole, as is a duration without a suspension.
    for (const body of [
      { status: 'resolved', suspendAccount: true, suspensionDays: 0 },
      { status: 'resolved', suspendAccount: true, suspensionDays: 366 },
      { status: 'resolved', suspendAccount: true, suspensionDays: 1.5 },
      { status: 'resolved', suspensionDays: 7 },
      { status: 'resolved', messageToAccount: 'Stop it.' },
      { status: 'resolved', suspendAccount: true, messageToAccount: 'x'.repeat(1001) },
    ]) {
      const refused = await call(s.app, 'PUT', `/api/moderation/reports/${scam.reportId}`, { token, body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
    }
    const unknownReason = await call(s.app, 'POST', '/api/moderation/suspensions', { token, body: { userId: scam.producer.userId, reason: 'vibes' } });
    expect(unknownReason.status).toBe(422);
    expect((await call(s.app, 'POST', '/api/auth/login', { body: { email: scam.producer.email, password: TEST_PASSWORD } })).status).toBe(200);

    expect((await call(s.app, 'POST', '/api/moderation/suspensions', { token, body: { userId: scam.producer.userId } })).status).toBe(204);
    const twice = await call(s.app, 'POST', '/api/moderation/suspensions', { token, body: { userId: scam.producer.userId } });
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe('account_already_suspended');
  });

  it('a report against a moderator cannot suspend them, and then nothing of the review happens', async () => {
    const listener = await signUp(s.app);
    const conversation = (await call(s.app, 'POST', '/api/messages/conversations', { token: moderator.accessToken, body: { withUserId: listener.userId } })).json;
    const sent = await call(s.app, 'POST', `/api/messages/conversations/${conversation.id}/messages`, { token: moderator.accessToken, body: { clientId: randomUUID(), body: 'Hello from the team' } });
    const report = (await call(s.app, 'POST', '/api/messages/reports', { token: listener.accessToken, body: { conversationId: conversation.id, messageId: sent.json.id, reason: 'other' } })).json;
    const review = await call(s.app, 'PUT', `/api/moderation/reports/${report.id}`, { token: moderator.accessToken, body: { status: 'resolved', removeMessage: true, suspendAccount: true } });
    expect(review.json.error.code).toBe('moderator_not_suspendable');
    const open = (await call(s.app, 'GET', '/api/moderation/reports?limit=100', { token: moderator.accessToken })).json.reports.map((entry: { id: string }) => entry.id);
    expect(open).toContain(report.id);
    const thread = await call(s.app, 'GET', `/api/messages/conversations/${conversation.id}/messages`, { token: listener.accessToken });
    expect(thread.json.messages[0].removed).toBe(false);
  });

  it('the person is told why and until when, in their language; an open-ended suspension says so', async () => {
    const someone = await signUp(s.app, { displayName: 'Cover Artist' });
    const suspended = await call(s.app, 'POST', '/api/moderation/suspensions', {
      token: moderator.accessToken,
      body: { userId: someone.userId, reason: 'copyright', note: 'Three takedown notices.', messageToAccount: 'Only upload beats you made.' },
    });
    expect(suspended.status, suspended.text).toBe(204);
    const refused = await call(s.app, 'POST', '/api/auth/login', { body: { email: someone.email, password: TEST_PASSWORD } });
    expect(refused.json.error).toEqual({ code: 'account_suspended', message: 'This account is suspended until a moderator lifts it. Reason: copyright infringement.' });
    const inFrench = await call(s.app, 'POST', '/api/auth/login', { body: { email: someone.email, password: TEST_PASSWORD }, headers: { 'accept-language': 'fr' } });
    expect(inFrench.json.error.message).toBe('Ce compte est suspendu jusqu’à ce qu’un modérateur lève la suspension. Motif : violation du droit d’auteur.');

    await expect.poll(async () => (await readOutbox(s.config.mail.outboxDir)).filter((mail) => mail.to === someone.email).length).toBe(1);
    const notice = (await readOutbox(s.config.mail.outboxDir)).find((mail) => mail.to === someone.email)!;
    expect(notice.text).toContain('Reason: copyright infringement.');
    expect(notice.text).toContain('The suspension lasts until a moderator lifts it.');
    expect(notice.text).toContain("The moderator's message to you:\nOnly upload beats you made.");
    expect(notice.text).not.toContain('Three takedown notices.');

    const listed = (await call(s.app, 'GET', '/api/moderation/suspensions', { token: moderator.accessToken })).json.suspensions.find((entry: { user: { id: string } }) => entry.user.id === someone.userId);
    expect(listed).toMatchObject({ reason: 'copyright', until: null, messageToAccount: 'Only upload beats you made.', note: 'Three takedown notices.' });
    // Open-ended: no sweep ends it, however long it has been.
    expect(await s.moderation.liftLapsedSuspensions()).toBe(0);
  });

  it('a suspended person appeals with their credentials; a moderator turns it down with reasons or grants it by lifting', async () => {
    const someone = await signUp(s.app, { displayName: 'Sample Flipper' });
    const outbox = async () => (await readOutbox(s.config.mail.outboxDir)).filter((mail) => mail.to === someone.email);
    const appeal = (body: Record<string, unknown>) => call(s.app, 'POST', '/api/auth/suspension-appeal', { body: { email: someone.email, password: TEST_PASSWORD, ...body } });
    const appealStatus = (password = TEST_PASSWORD) => call(s.app, 'POST', '/api/auth/suspension-appeal/status', { body: { email: someone.email, password } });
    const message = 'The samples are cleared: I attached the licences to my beats.';

    // Not suspended: nothing to appeal.
    expect((await appeal({ message })).json.error.code).toBe('account_not_suspended');
    expect((await appealStatus()).json.error.code).toBe('account_not_suspended');
    expect((await call(s.app, 'POST', '/api/moderation/suspensions', { token: moderator.accessToken, body: { userId: someone.userId, reason: 'copyright', note: 'Uncleared samples' } })).status).toBe(204);
    await expect.poll(async () => (await outbox()).length).toBe(1);
    expect((await appealStatus()).json).toEqual({ appeal: null });
    expect((await appealStatus('not-the-password-at-all')).json.error.code).toBe('invalid_credentials');

    // Wrong password: the sign-in's answer, and nothing filed. Too short a message: a field error.
    const wrong = await appeal({ message, password: 'not-the-password-at-all' });
    expect([wrong.status, wrong.json.error.code]).toEqual([401, 'invalid_credentials']);
    expect((await appeal({ message: 'short' })).status).toBe(422);
    const filed = await appeal({ message });
    expect(filed.status, filed.text).toBe(202);
    const again = await appeal({ message: `${message} Please look again.` });
    expect([again.status, again.json.error.code]).toEqual([409, 'appeal_already_open']);
    // The person can see where it stands (the sign-in page shows it instead of a second form).
    expect((await appealStatus()).json).toEqual({ appeal: { status: 'open', createdAt: expect.any(String), decidedAt: null, response: null } });
    await expect.poll(async () => (await outbox()).map((mail) => mail.subject)).toContain('We received your appeal');

    const listed = async () =>
      (await call(s.app, 'GET', '/api/moderation/suspensions', { token: moderator.accessToken })).json.suspensions.find((entry: { user: { id: string } }) => entry.user.id === someone.userId);
    expect((await listed()).appeal).toEqual({ message, createdAt: expect.any(String) });

    // Turned down, with reasons the person receives; the suspension stands, and they may appeal again.
    const notModerator = await call(s.app, 'POST', `/api/moderation/suspensions/${someone.userId}/appeal-rejection`, { token: (await signUp(s.app)).accessToken, body: { response: 'No.' } });
    expect(notModerator.status).toBe(403);
    const rejected = await call(s.app, 'POST', `/api/moderation/suspensions/${someone.userId}/appeal-rejection`, {
      token: moderator.accessToken,
      body: { response: 'The licences you attached do not cover commercial use.' },
    });
    expect(rejected.status, rejected.text).toBe(204);
    expect((await call(s.app, 'POST', `/api/moderation/suspensions/${someone.userId}/appeal-rejection`, { token: moderator.accessToken, body: { response: 'Again' } })).json.error.code).toBe('no_open_appeal');
    await expect.poll(async () => (await outbox()).map((mail) => mail.subject)).toContain('Your appeal was not granted');
    expect((await outbox()).find((mail) => mail.subject === 'Your appeal was not granted')!.text).toContain('Their reasons:\nThe licences you attached do not cover commercial use.');
    expect((await listed()).appeal).toBeNull();
    expect((await appealStatus()).json).toEqual({
      appeal: { status: 'rejected', createdAt: expect.any(String), decidedAt: expect.any(String), response: 'The licences you attached do not cover commercial use.' },
    });
    expect((await call(s.app, 'POST', '/api/auth/login', { body: { email: someone.email, password: TEST_PASSWORD } })).json.error.code).toBe('account_suspended');

    // A second appeal, granted by lifting the suspension: it is closed, and the person can sign in.
    expect((await appeal({ message: 'I replaced every sample with my own recordings.' })).status).toBe(202);
    expect((await appealStatus()).json.appeal).toMatchObject({ status: 'open', response: null });
    expect((await call(s.app, 'DELETE', `/api/moderation/suspensions/${someone.userId}`, { token: moderator.accessToken })).status).toBe(204);
    expect((await call(s.app, 'POST', '/api/auth/login', { body: { email: someone.email, password: TEST_PASSWORD } })).status).toBe(200);
    const rows = await s.database.db.select().from(suspensionAppeals).where(eq(suspensionAppeals.userId, someone.userId));
    expect(rows.map((row) => row.outcome).sort()).toEqual(['granted', 'rejected']);
    expect(rows.every((row) => row.closedAt !== null)).toBe(true);
    // Suspended again later: the appeals of the earlier suspension are not this one's.
    s.clock.advance(1000);
    expect((await call(s.app, 'POST', '/api/moderation/suspensions', { token: moderator.accessToken, body: { userId: someone.userId, reason: 'spam', note: 'Again' } })).status).toBe(204);
    expect((await appealStatus()).json).toEqual({ appeal: null });
  });

  it('an appeal is turned down by a moderator other than the one who suspended, once there is another', async () => {
    const someone = await signUp(s.app, { displayName: 'Loop Digger' });
    expect((await call(s.app, 'POST', '/api/moderation/suspensions', { token: moderator.accessToken, body: { userId: someone.userId, reason: 'spam', note: 'Flooding' } })).status).toBe(204);
    const message = 'Those were replies to people who asked me for beats.';
    expect((await call(s.app, 'POST', '/api/auth/suspension-appeal', { body: { email: someone.email, password: TEST_PASSWORD, message } })).status).toBe(202);
    const entry = async (token: string) =>
      (await call(s.app, 'GET', '/api/moderation/suspensions', { token })).json.suspensions.find((suspension: { user: { id: string } }) => suspension.user.id === someone.userId);
    // Alone (the second address has no account yet), the moderator who suspended decides.
    expect((await entry(moderator.accessToken)).appealNeedsAnotherModerator).toBe(false);

    const second = await signUp(s.app, { email: SECOND_MODERATOR_EMAIL, displayName: 'Second Look' });
    expect((await entry(moderator.accessToken)).appealNeedsAnotherModerator).toBe(true);
    expect((await entry(second.accessToken)).appealNeedsAnotherModerator).toBe(false);
    const reject = (token: string) => call(s.app, 'POST', `/api/moderation/suspensions/${someone.userId}/appeal-rejection`, { token, body: { response: 'The reports show unsolicited links.' } });
    const refused = await reject(moderator.accessToken);
    expect([refused.status, refused.json.error.code]).toEqual([409, 'appeal_needs_another_moderator']);
    expect((await entry(moderator.accessToken)).appeal).toMatchObject({ message });
    expect((await reject(second.accessToken)).status).toBe(204);
    expect((await entry(moderator.accessToken)).appeal).toBeNull();
    // Granting stays open to the one who suspended: lifting it is always allowed.
    expect((await call(s.app, 'POST', '/api/auth/suspension-appeal', { body: { email: someone.email, password: TEST_PASSWORD, message: `${message} Again.` } })).status).toBe(202);
    expect((await call(s.app, 'DELETE', `/api/moderation/suspensions/${someone.userId}`, { token: moderator.accessToken })).status).toBe(204);
  });

  // Last in this file: it moves the shared clock a week on, past every access token issued above.
  it('a suspension for a number of days ends by itself on time: sign-in, the store and an e-mail follow', async () => {
    const scam = await scamReported();
    const resolved = await call(s.app, 'PUT', `/api/moderation/reports/${scam.reportId}`, {
      token: moderator.accessToken,
      body: { status: 'resolved', note: 'First offence.', suspendAccount: true, suspensionDays: 7, messageToAccount: 'Keep payments inside the app.' },
    });
    expect(resolved.status, resolved.text).toBe(200);
    const until = new Date(s.clock.now().getTime() + 7 * 86_400_000);
    const refused = await call(s.app, 'POST', '/api/auth/login', { body: { email: scam.producer.email, password: TEST_PASSWORD } });
    expect(refused.json.error.message).toBe(`This account is suspended until ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC. Reason: a scam or fraud.`);

    await expect.poll(async () => (await readOutbox(s.config.mail.outboxDir)).filter((mail) => mail.to === scam.producer.email).length).toBe(1);
    const notice = (await readOutbox(s.config.mail.outboxDir)).find((mail) => mail.to === scam.producer.email)!;
    expect(notice.text).toContain('Reason: a scam or fraud.');
    expect(notice.text).toContain(`The suspension ends on ${new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(until)}`);
    expect(notice.text).toContain('Keep payments inside the app.');
    const listed = (await call(s.app, 'GET', '/api/moderation/suspensions', { token: moderator.accessToken })).json.suspensions.find((entry: { user: { id: string } }) => entry.user.id === scam.producer.userId);
    expect(listed).toMatchObject({ reason: 'scam', until: until.toISOString(), messageToAccount: 'Keep payments inside the app.' });

    // A minute early, nothing ends.
    s.clock.advance(7 * 86_400_000 - 60_000);
    expect(await s.moderation.liftLapsedSuspensions()).toBe(0);
    expect((await call(s.app, 'POST', '/api/auth/login', { body: { email: scam.producer.email, password: TEST_PASSWORD } })).status).toBe(403);
    expect(await catalogIds()).not.toContain(scam.beatId);

    // On time: lifted once (a second sweep finds nothing), the beat is back, the person is told.
    s.clock.advance(60_000);
    expect(await s.moderation.liftLapsedSuspensions()).toBe(1);
    expect(await s.moderation.liftLapsedSuspensions()).toBe(0);
    expect((await call(s.app, 'POST', '/api/auth/login', { body: { email: scam.producer.email, password: TEST_PASSWORD } })).status).toBe(200);
    expect(await catalogIds()).toContain(scam.beatId);
    await expect.poll(async () => (await readOutbox(s.config.mail.outboxDir)).filter((mail) => mail.to === scam.producer.email).map((mail) => mail.subject)).toContain('Your CreatorSync account is active again');
    const ended = (await readOutbox(s.config.mail.outboxDir)).filter((mail) => mail.to === scam.producer.email).at(-1)!;
    expect(ended.text).toContain('The suspension of your CreatorSync account has ended.');
    const moderatorAgain = (await call(s.app, 'POST', '/api/auth/login', { body: { email: MODERATOR_EMAIL, password: TEST_PASSWORD } })).json.accessToken as string;
    const after = (await call(s.app, 'GET', '/api/moderation/suspensions', { token: moderatorAgain })).json.suspensions.map((entry: { user: { id: string } }) => entry.user.id);
    expect(after).not.toContain(scam.producer.userId);
  });
});
