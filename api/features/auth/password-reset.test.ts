import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import { lastLinkTo } from '../../testing/outbox.ts';
import { call, createTestApp, readOutbox, signUp, TEST_PASSWORD, type TestApp } from '../../testing/test-app.ts';
import { databaseKinds } from '../../testing/test-database.ts';

const NEW_PASSWORD = 'Copper-meadow-41-foxgloves';

/** The token in the last reset link e-mailed to `email`, once `count` e-mails reached it. */
const linkTokenFor = async (t: TestApp, email: string, count = 1) => (await lastLinkTo(t.config.mail.outboxDir, email, '/reset-password', count)).token;

describe.each(databaseKinds())('forgot your password (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const ask = (email: string) => call(t.app, 'POST', '/api/auth/password-reset', { body: { email } });
  const confirm = (token: string, newPassword = NEW_PASSWORD) => call(t.app, 'POST', '/api/auth/password-reset/confirm', { body: { token, newPassword } });
  const login = (email: string, password: string) => call(t.app, 'POST', '/api/auth/login', { body: { email, password } });

  it('e-mails a link in the writer’s language; the link sets a new password once, signs out every session and voids older links', async () => {
    const writer = await signUp(t.app, { displayName: 'Inès', locale: 'fr' });
    const asked = await ask(writer.email.toUpperCase());
    expect(asked.status).toBe(202);
    expect(asked.json).toEqual({ accepted: true });
    const older = await linkTokenFor(t, writer.email);
    t.clock.advance(1000);
    await ask(writer.email);
    await expect.poll(async () => (await readOutbox(t.config.mail.outboxDir)).filter((mail) => mail.to === writer.email).length).toBe(2);
    const token = await linkTokenFor(t, writer.email, 2);
    expect(token).not.toBe(older);
    const mail = (await readOutbox(t.config.mail.outboxDir)).at(-1)!;
    expect(mail.subject).toBe('Choisissez un nouveau mot de passe CreatorSync');
    expect(mail.text).toContain('Bonjour Inès');

    expect((await confirm(token)).status).toBe(204);
    // Every session ended, the old password is gone, the new one works.
    expect((await call(t.app, 'GET', '/api/auth/profile', { token: writer.accessToken })).status).toBe(401);
    expect((await call(t.app, 'POST', '/api/auth/refresh', { cookie: writer.refreshCookie })).status).toBe(401);
    expect((await login(writer.email, TEST_PASSWORD)).status).toBe(401);
    expect((await login(writer.email, NEW_PASSWORD)).status).toBe(200);
    // The link worked once; the older one died with it.
    for (const used of [token, older]) {
      const again = await confirm(used, 'Another-long-passphrase-93');
      expect(again.status).toBe(400);
      expect(again.json.error.code).toBe('reset_token_invalid');
    }
  });

  it('lets the owner back in at once when guesses against the old password had locked sign-in', async () => {
    const writer = await signUp(t.app);
    for (let i = 0; i < 5; i++) await login(writer.email, 'a wrong guess, again');
    expect((await login(writer.email, TEST_PASSWORD)).json.error.code).toBe('login_throttled');
    await ask(writer.email);
    expect((await confirm(await linkTokenFor(t, writer.email))).status).toBe(204);
    expect((await login(writer.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('answers the same for an unknown address and sends nothing; a suspended account gets no link either', async () => {
    const before = (await readOutbox(t.config.mail.outboxDir)).length;
    const unknown = await ask('nobody-here@example.com');
    expect(unknown.status).toBe(202);
    expect(unknown.json).toEqual({ accepted: true });
    const suspended = await signUp(t.app);
    await t.database.db.update(users).set({ suspendedAt: t.clock.now() }).where(eq(users.id, suspended.userId));
    expect((await ask(suspended.email)).json).toEqual({ accepted: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await readOutbox(t.config.mail.outboxDir)).length).toBe(before);
  });

  it('refuses an expired, mangled or unknown token and a weak password, changing nothing', async () => {
    const writer = await signUp(t.app);
    await ask(writer.email);
    const token = await linkTokenFor(t, writer.email);
    const common = await confirm(token, 'password123');
    expect(common.json.error.code).toBe('password_too_common');
    const short = await confirm(token, 'short');
    expect(short.status).toBe(422);
    const oneCharacterOff = token.slice(0, 42) + (token.endsWith('A') ? 'B' : 'A');
    for (const bad of [token.slice(0, 40), oneCharacterOff, 'not a token at all']) {
      expect((await confirm(bad)).json.error.code).toBe('reset_token_invalid');
    }
    t.clock.advance(31 * 60 * 1000);
    expect((await confirm(token)).json.error.code).toBe('reset_token_invalid');
    expect((await login(writer.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('sends at most three links an hour to one address, and still answers the same', async () => {
    const writer = await signUp(t.app);
    for (let i = 0; i < 5; i++) expect((await ask(writer.email)).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await readOutbox(t.config.mail.outboxDir)).filter((mail) => mail.to === writer.email)).toHaveLength(3);
  });
});

describe('forgot your password, through a real SMTP server', () => {
  const received: Array<{ from: string; to: string[]; raw: Buffer }> = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  let t: TestApp;
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await createTestApp('pglite', {
      config: { publicOrigin: 'https://creatorsync.example', mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'CreatorSync <no-reply@creatorsync.example>', outboxDir: '/nonexistent' } },
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('delivers the reset e-mail over SMTP with a link on the public origin', async () => {
    const writer = await signUp(t.app, { displayName: 'Sam' });
    expect((await call(t.app, 'POST', '/api/auth/password-reset', { body: { email: writer.email } })).status).toBe(202);
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]!.from).toBe('no-reply@creatorsync.example');
    expect(received[0]!.to).toEqual([writer.email]);
    const mail = await simpleParser(received[0]!.raw);
    expect(mail.subject).toBe('Choose a new CreatorSync password');
    expect(mail.text).toMatch(/^Hi Sam,/);
    expect(mail.text).toMatch(/https:\/\/creatorsync\.example\/reset-password#token=[A-Za-z0-9_-]{43}\n/);
  });

  it('does not trust the Host header for the link when no public origin is set', async () => {
    const bare = await createTestApp('pglite');
    try {
      const spoofed = await bare.app.request('https://evil.example/api/auth/password-reset', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'someone@example.com' }),
      });
      expect(spoofed.status).toBe(503);
      expect(((await spoofed.json()) as { error: { code: string } }).error.code).toBe('password_reset_unavailable');
    } finally {
      await bare.close();
    }
  });
});
