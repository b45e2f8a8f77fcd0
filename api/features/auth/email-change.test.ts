import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastLinkTo } from '../../testing/outbox.ts';
import { call, createTestApp, readOutbox, signUp, TEST_PASSWORD, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

const freshAddress = () => `moved-${randomUUID().slice(0, 8)}@example.com`;

/** What was e-mailed to `email` so far, oldest first. */
async function mailTo(t: TestApp, email: string) {
  return (await readOutbox(t.config.mail.outboxDir)).filter((mail) => mail.to === email);
}

/** The token of the last /confirm-email link e-mailed to `email`, once it arrived. */
const confirmTokenFor = async (t: TestApp, email: string, count = 1) => (await lastLinkTo(t.config.mail.outboxDir, email, '/confirm-email', count)).token;

describe.each(databaseKinds())('changing the e-mail address (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const ask = (accessToken: string, newEmail: string, password = TEST_PASSWORD) => call(t.app, 'POST', '/api/auth/email-change', { token: accessToken, body: { newEmail, password } });
  const confirm = (token: string) => call(t.app, 'POST', '/api/auth/email-change/confirm', { body: { token } });
  const login = (email: string) => call(t.app, 'POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } });

  it('changes only once the link sent to the new address is opened; both addresses are told, in the writer’s language', async () => {
    const writer = await signUp(t.app, { displayName: 'Inès', locale: 'fr' });
    const newEmail = freshAddress();
    const asked = await ask(writer.accessToken, newEmail.toUpperCase());
    expect(asked.status, asked.text).toBe(202);
    expect(asked.json).toEqual({ sentTo: newEmail });
    const token = await confirmTokenFor(t, newEmail);
    expect((await mailTo(t, newEmail))[0]!.subject).toBe('Confirmez votre nouvelle adresse e-mail CreatorSync');
    await expect.poll(async () => (await mailTo(t, writer.email)).length).toBe(1);
    expect((await mailTo(t, writer.email))[0]!.text).toContain(`a demandé à utiliser ${newEmail}`);

    // Nothing changed yet.
    expect((await login(writer.email)).status).toBe(200);
    expect((await login(newEmail)).status).toBe(401);

    // Opened (no session needed): the new address signs in, the old one no longer does; sessions stay.
    const confirmed = await confirm(token);
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.json).toEqual({ email: newEmail, reverted: false });
    expect((await login(newEmail)).status).toBe(200);
    expect((await login(writer.email)).status).toBe(401);
    const profile = await call(t.app, 'GET', '/api/auth/profile', { token: writer.accessToken });
    expect(profile.json.user.email).toBe(newEmail);
    // The old address hears of it, with a way back; the link worked once.
    await expect.poll(async () => (await mailTo(t, writer.email)).length).toBe(2);
    expect((await mailTo(t, writer.email))[1]!.subject).toBe('Votre adresse e-mail CreatorSync a changé');
    expect((await confirm(token)).json.error.code).toBe('email_change_token_invalid');
    // A password reset now goes to the new address.
    expect((await call(t.app, 'POST', '/api/auth/password-reset', { body: { email: newEmail } })).status).toBe(202);
    await expect.poll(async () => (await mailTo(t, newEmail)).map((mail) => mail.subject)).toContain('Choisissez un nouveau mot de passe CreatorSync');
  });

  it('the old address can take the account back: restored, every session signed out, the other links void', async () => {
    const owner = await signUp(t.app, { displayName: 'Owner' });
    const thief = freshAddress();
    await ask(owner.accessToken, thief);
    await confirm(await confirmTokenFor(t, thief));
    const wayBack = await confirmTokenFor(t, owner.email, 2);
    // The thief, still signed in, asks to move again; the way back survives that.
    const thiefSession = (await login(thief)).json.accessToken as string;
    const further = freshAddress();
    expect((await ask(thiefSession, further)).status).toBe(202);
    const furtherToken = await confirmTokenFor(t, further);

    const restored = await confirm(wayBack);
    expect(restored.status, restored.text).toBe(200);
    expect(restored.json).toEqual({ email: owner.email, reverted: true });
    expect((await call(t.app, 'GET', '/api/auth/profile', { token: thiefSession })).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/auth/profile', { token: owner.accessToken })).status).toBe(401);
    expect((await confirm(furtherToken)).json.error.code).toBe('email_change_token_invalid');
    expect((await login(thief)).status).toBe(401);
    expect((await login(owner.email)).status).toBe(200);
    await expect.poll(async () => (await mailTo(t, owner.email)).map((mail) => mail.subject)).toContain('Your CreatorSync e-mail address is restored');
    expect((await mailTo(t, owner.email)).at(-1)!.text).toContain('http://localhost/forgot-password');
  });

  it('refuses what cannot be done, with clear codes, and changes nothing', async () => {
    const writer = await signUp(t.app);
    const other = await signUp(t.app);
    const wrong = await ask(writer.accessToken, freshAddress(), 'not-the-password-at-all');
    expect([wrong.status, wrong.json.error.code]).toEqual([403, 'wrong_password']);
    const same = await ask(writer.accessToken, writer.email);
    expect([same.status, same.json.error.code]).toEqual([422, 'email_unchanged']);
    const taken = await ask(writer.accessToken, other.email);
    expect([taken.status, taken.json.error.code]).toEqual([409, 'email_taken']);
    const malformed = await ask(writer.accessToken, 'not an address');
    expect(malformed.status).toBe(422);
    const signedOut = await call(t.app, 'POST', '/api/auth/email-change', { body: { newEmail: freshAddress(), password: TEST_PASSWORD } });
    expect(signedOut.status).toBe(401);
    for (const token of ['', 'x'.repeat(43), 'not a token']) {
      const refused = await confirm(token);
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
    }

    // Someone signs up with the address before the link is opened: 409, and the link stays unused.
    const contested = freshAddress();
    await ask(writer.accessToken, contested);
    const token = await confirmTokenFor(t, contested);
    await signUp(t.app, { email: contested });
    const late = await confirm(token);
    expect([late.status, late.json.error.code]).toEqual([409, 'email_taken']);
    expect((await login(writer.email)).status).toBe(200);

    // Five requests an hour per account: each one mails an address of the asker's choosing.
    expect((await ask(writer.accessToken, freshAddress())).status).toBe(202);
    const flood = await ask(writer.accessToken, freshAddress());
    expect([flood.status, flood.json.error.code]).toEqual([429, 'rate_limited']);
  });

  it('a newer request voids the older link, and a link lasts 24 hours', async () => {
    const writer = await signUp(t.app);
    const first = freshAddress();
    const second = freshAddress();
    await ask(writer.accessToken, first);
    const firstToken = await confirmTokenFor(t, first);
    await ask(writer.accessToken, second);
    const secondToken = await confirmTokenFor(t, second);
    expect((await confirm(firstToken)).json.error.code).toBe('email_change_token_invalid');
    t.clock.advance(24 * 3_600_000 + 1000);
    expect((await confirm(secondToken)).json.error.code).toBe('email_change_token_invalid');
    expect((await login(writer.email)).status).toBe(200);
  });
});
