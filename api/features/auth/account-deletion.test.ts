import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beats, projects, subscriptions, users } from '../../db/schema.ts';
import { publishedBeat } from '../../testing/commerce-fixtures.ts';
import { call, createTestApp, signUp, TEST_PASSWORD, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

describe.each(databaseKinds())('deleting one’s account (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const remove = (token: string, password = TEST_PASSWORD) => call(t.app, 'DELETE', '/api/auth/account', { token, body: { password } });

  async function invite(projectId: string, owner: { accessToken: string }, role: 'editor' | 'commenter' | 'viewer', person: { accessToken: string }) {
    const made = await call(t.app, 'POST', `/api/projects/${projectId}/invites`, { token: owner.accessToken, body: { role } });
    expect((await call(t.app, 'POST', '/api/projects/invites/accept', { token: person.accessToken, body: { token: made.json.token } })).status).toBe(200);
  }

  it('erases the person and what only they had, while buyers keep their licences and collaborators keep the songs', async () => {
    const { producer, beatId } = await publishedBeat(t.app, { title: 'Parting Gift', price: 15 });
    const buyer = await signUp(t.app, { displayName: 'Loyal Buyer' });
    const order = await call(t.app, 'POST', `/api/beats/${beatId}/purchase`, { token: buyer.accessToken, body: { tier: 'basic' } });
    const paid = await call(t.app, 'POST', `/api/payments/test-checkout/${order.json.order.id}`, { token: buyer.accessToken, body: { outcome: 'succeed' } });
    const licenceId = paid.json.items[0].licenceId as string;
    const { beatId: unsold } = await publishedBeat(t.app, { title: 'Never Sold', producer });
    const profile = await call(t.app, 'PUT', '/api/auth/profile', { token: producer.accessToken, body: { bio: 'Beats from the harbour', avatarUrl: 'https://example.com/me.png' } });
    expect(profile.status, profile.text).toBe(200);

    // A song written with an editor and a viewer, and one written alone.
    const shared = (await call(t.app, 'POST', '/api/projects', { token: producer.accessToken, body: { title: 'Co-write' } })).json.id as string;
    const alone = (await call(t.app, 'POST', '/api/projects', { token: producer.accessToken, body: { title: 'Solo' } })).json.id as string;
    const [viewer, editor] = [await signUp(t.app), await signUp(t.app, { displayName: 'Heir Editor' })];
    await invite(shared, producer, 'viewer', viewer);
    t.clock.advance(1000);
    await invite(shared, producer, 'editor', editor);
    // And they are a member of someone else's song.
    const friendSong = (await call(t.app, 'POST', '/api/projects', { token: editor.accessToken, body: { title: 'Friend’s song' } })).json.id as string;
    await invite(friendSong, editor, 'editor', producer);
    const conversation = (await call(t.app, 'POST', '/api/messages/conversations', { token: buyer.accessToken, body: { withUserId: producer.userId } })).json.id as string;
    await call(t.app, 'POST', `/api/messages/conversations/${conversation}/messages`, { token: producer.accessToken, body: { clientId: randomUUID(), body: 'Thanks for buying!' } });

    const wrong = await remove(producer.accessToken, 'not my password');
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.code).toBe('wrong_password');
    const deleted = await remove(producer.accessToken);
    expect(deleted.status, deleted.text).toBe(204);

    // Signed out everywhere; the address and password lead nowhere; the address can start afresh.
    expect((await call(t.app, 'GET', '/api/auth/profile', { token: producer.accessToken })).status).toBe(401);
    expect((await call(t.app, 'POST', '/api/auth/refresh', { cookie: producer.refreshCookie })).status).toBe(401);
    expect((await call(t.app, 'POST', '/api/auth/login', { body: { email: producer.email, password: TEST_PASSWORD } })).json.error.code).toBe('invalid_credentials');
    const [row] = await t.database.db.select().from(users).where(eq(users.id, producer.userId));
    expect(row).toMatchObject({ bio: '', avatarUrl: null, roles: [] });
    expect(row!.email).not.toContain(producer.email);
    expect(row!.deletedAt).not.toBeNull();
    const again = await signUp(t.app, { email: producer.email });
    expect(again.userId).not.toBe(producer.userId);

    // The unsold beat is gone with its files; the sold one left the store, but the buyer's licence still delivers.
    await expect.poll(async () => (await t.database.db.select({ id: beats.id }).from(beats).where(eq(beats.id, unsold))).length).toBe(0);
    expect(await t.database.db.select({ id: beats.id }).from(beats).where(eq(beats.id, beatId))).toHaveLength(1);
    expect((await call(t.app, 'GET', `/api/beats/${beatId}`)).status).toBe(404);
    expect((await call(t.app, 'GET', `/api/licences/${licenceId}/downloads`, { token: buyer.accessToken })).status).toBe(200);
    expect((await call(t.app, 'GET', `/api/licences/${licenceId}/contract.pdf`, { token: buyer.accessToken })).status).toBe(200);

    // The co-written song passed to the editor (who joined after the viewer: editors come first); the solo one is in the bin.
    const sharedNow = await call(t.app, 'GET', `/api/projects/${shared}`, { token: editor.accessToken });
    expect(sharedNow.json).toMatchObject({ ownerId: editor.userId, role: 'owner', deletedAt: null });
    const members = (await call(t.app, 'GET', `/api/projects/${shared}/members`, { token: editor.accessToken })).json.members.map((member: { userId: string }) => member.userId);
    expect(members).not.toContain(producer.userId);
    const friendMembers = (await call(t.app, 'GET', `/api/projects/${friendSong}/members`, { token: editor.accessToken })).json.members.map((member: { userId: string }) => member.userId);
    expect(friendMembers).not.toContain(producer.userId);
    const [solo] = await t.database.db.select().from(projects).where(eq(projects.id, alone));
    expect(solo!.deletedAt).not.toBeNull();

    // The buyer keeps the conversation, but cannot start a new one with a deleted account.
    const thread = await call(t.app, 'GET', `/api/messages/conversations/${conversation}/messages`, { token: buyer.accessToken });
    expect(thread.json.messages[0].body).toBe('Thanks for buying!');
    const fresh = await call(t.app, 'POST', '/api/messages/conversations', { token: buyer.accessToken, body: { withUserId: producer.userId, beatId: null } });
    expect(fresh.json.error.code).toBe('recipient_not_found');
  });

  it('stops a paid plan from renewing before erasing anything', async () => {
    const pro = await signUp(t.app);
    const subscribed = await call(t.app, 'POST', '/api/subscriptions/subscribe', { token: pro.accessToken, body: { plan: 'pro', interval: 'month' } });
    expect(subscribed.status, subscribed.text).toBeLessThan(300);
    expect((await call(t.app, 'GET', '/api/subscriptions/status', { token: pro.accessToken })).json).toMatchObject({ plan: 'pro', cancelAtPeriodEnd: false });
    expect((await remove(pro.accessToken)).status).toBe(204);
    const [row] = await t.database.db.select().from(subscriptions).where(eq(subscriptions.userId, pro.userId));
    expect(row!.cancelAtPeriodEnd).toBe(true);
  });

  it('refuses without a session or without the password, and deletes nothing', async () => {
    const person = await signUp(t.app);
    expect((await call(t.app, 'DELETE', '/api/auth/account', { body: { password: TEST_PASSWORD } })).status).toBe(401);
    expect((await call(t.app, 'DELETE', '/api/auth/account', { token: person.accessToken, body: {} })).status).toBe(422);
    expect((await call(t.app, 'GET', '/api/auth/profile', { token: person.accessToken })).status).toBe(200);
  });
});
