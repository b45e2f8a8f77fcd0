/**
 * Test helper run as a separate process by crash-recovery.test.ts: applies one payment event to a
 * PostgreSQL database and, after every grant statement ran but before COMMIT, prints HOLDING and
 * waits forever with the transaction open, so the test can SIGKILL it at exactly that point.
 * Usage: node api/features/payments/crash-child.ts <database-url> <event-json>
 */
import { openDatabase } from '../../db/database.ts';
import { systemClock } from '../../platform/clock.ts';
import { createJsonLogger } from '../../platform/logger.ts';
import { createEventHandler } from './event-handler.ts';
import type { PaymentEvent } from './gateway.ts';
import { createTestGateway } from './test-gateway.ts';

const [url, eventJson] = process.argv.slice(2);
if (!url || !eventJson) throw new Error('usage: crash-child.ts <database-url> <event-json>');
const database = await openDatabase({ kind: 'postgres', url, maxConnections: 2 });
const handler = createEventHandler({
  db: database.db,
  clock: systemClock,
  logger: createJsonLogger('silent'),
  gateway: createTestGateway(),
  beforeCommit: async () => {
    process.stdout.write('HOLDING\n');
    await new Promise(() => {});
  },
});
await handler.handle(JSON.parse(eventJson) as PaymentEvent);
