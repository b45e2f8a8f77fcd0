import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { beats, subscriptions, users } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { BeatsService } from '../beats/service.ts';
import { DEMO_BEATS, DEMO_PRODUCER } from './catalog.ts';
import { startSynthThread, type LoopRenderer } from './synth-thread.ts';

export type SeedOutcome = 'seeded' | 'catalog_not_empty' | 'already_seeded';

/**
 * Fills an empty marketplace with the demo store: a demo producer (whose password is the hash of
 * random bytes nobody kept, so nobody can sign in as it) and a dozen published beats whose audio
 * is synthesised here and goes through the normal beats service (storage, type check, peaks).
 * Never seeds into a catalog that has any beat, and never twice: the demo producer's unique
 * e-mail is claimed first, so of several instances starting together only one seeds.
 */
export async function seedDemoCatalog(deps: {
  db: Database;
  beats: BeatsService;
  clock: Clock;
  logger: Logger;
  /** Renders the loops; a worker thread by default. */
  synth?: () => LoopRenderer;
}): Promise<SeedOutcome> {
  const { db, clock, logger } = deps;
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(beats);
  if (Number(count) > 0) return 'catalog_not_empty';
  const now = clock.now();
  const producerId = randomUUID();
  const claimed = await db
    .insert(users)
    .values({
      id: producerId,
      email: DEMO_PRODUCER.email,
      passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
      displayName: DEMO_PRODUCER.displayName,
      bio: DEMO_PRODUCER.bio,
      roles: ['producer'],
      createdAt: now,
      updatedAt: now,
      passwordChangedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (claimed.length === 0) return 'already_seeded';
  // The house store is on Pro (no Stripe subscription behind it): a dozen beats is over Free's limit.
  await db.insert(subscriptions).values({ userId: producerId, plan: 'pro', status: 'active', updatedAt: now }).onConflictDoNothing();

  const synth = (deps.synth ?? startSynthThread)();
  try {
    for (const [index, { beat, feel }] of DEMO_BEATS.entries()) {
      const wav = await synth.render({ bpm: beat.bpm ?? 90, musicalKey: beat.musicalKey ?? 'C minor', seed: index + 1, feel });
      const created = await deps.beats.create(producerId, beat);
      const body = Readable.toWeb(Readable.from([Buffer.from(wav)])) as WebReadableStream<Uint8Array> as unknown as ReadableStream<Uint8Array>;
      await deps.beats.uploadAudio(producerId, created.id, body, wav.length);
      await deps.beats.setPublished(producerId, created.id, true);
    }
  } finally {
    await synth.close();
  }
  logger.info('demo store seeded', { beats: DEMO_BEATS.length });
  return 'seeded';
}
