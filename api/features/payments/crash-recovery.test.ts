import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { openDatabase, type DatabaseHandle } from '../../db/database.ts';
import { licences, orders } from '../../db/schema.ts';
import { manualClock } from '../../platform/clock.ts';
import { createMemoryLogger } from '../../platform/logger.ts';
import { loadSigningKeys } from '../../platform/signing-keys.ts';
import { deliver, publishedBeat, sessionCompleted, WEBHOOK_SECRET } from '../../testing/commerce-fixtures.ts';
import { startFakeStripe, type FakeStripe } from '../../testing/fake-stripe.ts';
import { call, signUp } from '../../testing/test-app.ts';
import { createScratchPostgresDatabase } from '../../testing/test-database.ts';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

/**
 * The real thing on PostgreSQL: a separate process applies a payment event and is SIGKILLed while it
 * holds the transaction open after the grant statements, before COMMIT. The server rolls it back; the
 * redelivered event then grants exactly once. (PGlite is one in-process connection, so there is no
 * second process to kill: payments-stripe.test.ts covers it with an error thrown inside the transaction.)
 */
describe.skipIf(!process.env.DATABASE_URL)('a payment event handler killed mid-transaction (postgres)', () => {
  let scratch: Awaited<ReturnType<typeof createScratchPostgresDatabase>>;
  let database: DatabaseHandle;
  let stripe: FakeStripe;
  let storageDir: string;
  let app: ReturnType<typeof createApp>['app'];
  let closeApp: () => Promise<void>;
  beforeAll(async () => {
    scratch = await createScratchPostgresDatabase();
    database = await openDatabase({ kind: 'postgres', url: scratch.url, maxConnections: 5 });
    stripe = await startFakeStripe();
    storageDir = await mkdtemp(path.join(os.tmpdir(), 'cs-crash-'));
    const clock = manualClock(new Date());
    const config = testConfig({
      rateLimit: { windowSeconds: 900, max: 100_000, signedInMax: 100_000, signUpsPerHour: 100_000 },
      storage: { dir: storageDir, s3: undefined },
      payments: { stripeSecretKey: 'sk_test_fake', stripeWebhookSecret: WEBHOOK_SECRET, stripeApiBase: stripe.url },
    });
    const keys = await loadSigningKeys(database.db, config.jwtSecret, clock.now());
    const built = createApp({ config, database, clock, logger: createMemoryLogger(), keys });
    app = built.app;
    closeApp = () => built.sync.close();
  });
  afterAll(async () => {
    await closeApp();
    await database.close();
    await scratch.drop();
    await stripe.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  it('grants exactly once after the process is killed before commit and the event is redelivered', async () => {
    const { beatId } = await publishedBeat(app);
    const buyer = await signUp(app);
    const purchase = await call(app, 'POST', `/api/beats/${beatId}/purchase`, { token: buyer.accessToken, body: { tier: 'exclusive' } });
    const orderId = purchase.json.order.id as string;
    const sessionId = /cs_fake_\w+/.exec(purchase.json.checkoutUrl)![0];
    const event = sessionCompleted({ orderId, sessionId, paymentIntent: `pi_${sessionId}`, amountTotal: Math.round(purchase.json.order.total * 100) });

    const child = spawn(process.execPath, [CHILD, scratch.url, JSON.stringify(event)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('HOLDING') && resolve());
      child.once('exit', (code) => reject(new Error(`child exited (${code}) before holding the transaction: ${stderr}`)));
    });
    // The grant is written but not committed: nobody else can see it.
    expect(await database.db.select().from(licences).where(eq(licences.beatId, beatId))).toHaveLength(0);
    const exited = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // PostgreSQL rolled the dead connection's transaction back, event id included: the redelivery applies it.
    const redelivered = await deliver(app, event);
    expect(redelivered.status, redelivered.text).toBe(200);
    expect(redelivered.json.duplicate).toBe(false);
    expect((await deliver(app, event)).json.duplicate).toBe(true);
    expect(await database.db.select().from(licences).where(eq(licences.beatId, beatId))).toHaveLength(1);
    const [order] = await database.db.select().from(orders).where(eq(orders.id, orderId));
    expect(order!.status).toBe('paid');
  }, 60_000);
});
