import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

const MODERATOR_EMAIL = 'Mod.Erator@Example.com';

describe.each(databaseKinds())('the moderators’ report queue (%s)', (kind) => {
  let t: TestApp;
  let moderator: Awaited<ReturnType<typeof signUp>>;
  beforeAll(async () => {
    t = await createTestApp(kind, { config: { moderatorEmails: [MODERATOR_EMAIL.toLowerCase(), `second.${MODERATOR_EMAIL}`.toLowerCase()] } });
    // Signed up with the address in another case: the configured address matches case-insensitively.
    moderator = await signUp(t.app, { email: MODERATOR_EMAIL, displayName: 'Mo' });
  });
  afterAll(() => t.close());

  /** Someone sends `body` to a listener, who reports it; returns the people and the report. */
  async function reported(body: string, reason = 'harassment') {
    const [sender, listener] = [await signUp(t.app, { displayName: 'Loud Sender' }), await signUp(t.app, { displayName: 'Quiet Listener' })];
    const conversation = await call(t.app, 'POST', '/api/messages/conversations', { token: sender.accessToken, body: { withUserId: listener.userId } });
    const sent = await call(t.app, 'POST', `/api/messages/conversations/${conversation.json.id}/messages`, { token: sender.accessToken, body: { clientId: randomUUID(), body } });
    expect(sent.status, sent.text).toBe(201);
    const report = await call(t.app, 'POST', '/api/messages/reports', {
      token: listener.accessToken,
      body: { conversationId: conversation.json.id, messageId: sent.json.id, reason, details: 'Third time this week.' },
    });
    expect(report.status, report.text).toBe(201);
    // The test clock stands still unless moved: each report a second after the one before.
    t.clock.advance(1000);
    return { sender, listener, reportId: report.json.id as string, messageId: sent.json.id as string };
  }

  it('is closed to everyone but the configured moderators', async () => {
    const { listener, reportId } = await reported('first message');
    const someone = await signUp(t.app);
    for (const token of [someone.accessToken, listener.accessToken]) {
      const listed = await call(t.app, 'GET', '/api/moderation/reports', { token });
      expect(listed.status).toBe(403);
      expect(listed.json.error.code).toBe('moderator_only');
      const reviewed = await call(t.app, 'PUT', `/api/moderation/reports/${reportId}`, { token, body: { status: 'dismissed' } });
      expect(reviewed.status).toBe(403);
    }
    expect((await call(t.app, 'GET', '/api/moderation/reports')).status).toBe(401);
  });

  it('lists open reports oldest first with the evidence, and closes one as resolved with a note', async () => {
    const first = await reported('you will regret this');
    const second = await reported('buy followers at a discount', 'spam');

    const open = await call(t.app, 'GET', '/api/moderation/reports', { token: moderator.accessToken });
    expect(open.status, open.text).toBe(200);
    const mine = open.json.reports.filter((report: { id: string }) => [first.reportId, second.reportId].includes(report.id));
    expect(mine.map((report: { id: string }) => report.id)).toEqual([first.reportId, second.reportId]);
    expect(mine[0]).toMatchObject({
      status: 'open',
      reason: 'harassment',
      details: 'Third time this week.',
      reporter: { id: first.listener.userId, displayName: 'Quiet Listener' },
      reportedUser: { id: first.sender.userId, displayName: 'Loud Sender' },
      messageId: first.messageId,
      messageBody: 'you will regret this',
      reviewedBy: null,
    });

    const resolved = await call(t.app, 'PUT', `/api/moderation/reports/${first.reportId}`, { token: moderator.accessToken, body: { status: 'resolved', note: 'Warned the sender.' } });
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.json).toMatchObject({ status: 'resolved', reviewedBy: { id: moderator.userId, displayName: 'Mo' }, reviewNote: 'Warned the sender.' });
    const stillOpen: string[] = (await call(t.app, 'GET', '/api/moderation/reports', { token: moderator.accessToken })).json.reports.map((report: { id: string }) => report.id);
    expect(stillOpen).not.toContain(first.reportId);
    expect(stillOpen).toContain(second.reportId);
    const done = (await call(t.app, 'GET', '/api/moderation/reports?status=resolved', { token: moderator.accessToken })).json.reports.map((report: { id: string }) => report.id);
    expect(done).toContain(first.reportId);

    // Two moderators on one report at once: one review stands, the other is told.
    const otherModerator = await signUp(t.app, { email: `second.${MODERATOR_EMAIL}` });
    const race = await Promise.all([
      call(t.app, 'PUT', `/api/moderation/reports/${second.reportId}`, { token: moderator.accessToken, body: { status: 'dismissed' } }),
      call(t.app, 'PUT', `/api/moderation/reports/${second.reportId}`, { token: otherModerator.accessToken, body: { status: 'resolved' } }),
    ]);
    expect(race.map((response) => response.status).sort()).toEqual([200, 409]);

    // A second review of the same report (another moderator was quicker) is refused, not overwritten.
    const again = await call(t.app, 'PUT', `/api/moderation/reports/${first.reportId}`, { token: moderator.accessToken, body: { status: 'dismissed' } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('report_already_reviewed');
  });

  it('pages through the queue without skipping or repeating, and refuses bad input with clear codes', async () => {
    // An address that merely contains a moderator's is not one.
    const lookalike = await signUp(t.app, { email: `x${MODERATOR_EMAIL}` });
    expect((await call(t.app, 'GET', '/api/moderation/reports', { token: lookalike.accessToken })).status).toBe(403);

    const token = moderator.accessToken;
    for (let i = 0; i < 5; i++) await reported(`message ${i}`);
    const all = (await call(t.app, 'GET', '/api/moderation/reports?limit=100', { token })).json.reports.map((report: { id: string }) => report.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { reports: Array<{ id: string }>; nextCursor: string | null } } = await call(t.app, 'GET', `/api/moderation/reports?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token });
      paged.push(...page.json.reports.map((report) => report.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);

    expect((await call(t.app, 'GET', '/api/moderation/reports?cursor=not-a-cursor', { token })).json.error.code).toBe('invalid_cursor');
    expect((await call(t.app, 'GET', '/api/moderation/reports?status=burnt', { token })).status).toBe(422);
    expect((await call(t.app, 'PUT', `/api/moderation/reports/${randomUUID()}`, { token, body: { status: 'resolved' } })).json.error.code).toBe('report_not_found');
    const invalid = await call(t.app, 'PUT', `/api/moderation/reports/${randomUUID()}`, { token, body: { status: 'open' } });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.code).toBe('validation_failed');
  });
});
