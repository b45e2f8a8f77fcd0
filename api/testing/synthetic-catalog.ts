import { randomUUID } from 'node:crypto';
import { BEAT_GENRES, BEAT_MOODS, MUSICAL_KEYS } from '../../shared/schemas/beats.ts';
import type { Database } from '../db/database.ts';
import { beats, users } from '../db/schema.ts';

/** Words titles, tags and descriptions are made of, so text searches find realistic shares of the catalogue. */
export const CATALOG_WORDS = ['midnight', 'drive', 'neon', 'rain', 'gold', 'smoke', 'ocean', 'fire', 'ghost', 'velvet', 'summer', 'echo', 'crown', 'storm', 'dream', 'street'];

/**
 * Inserts `rows` published beats (no audio) for latency measurements, straight into the table in
 * batches. A fixed linear congruential sequence makes every run seed the same catalogue; the
 * producer is a row that cannot sign in (its password hash is not a hash).
 */
export async function seedSyntheticCatalog(db: Database, rows: number, onProgress?: (inserted: number) => void): Promise<{ producerId: string }> {
  let state = 42;
  const next = (limit: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % limit);
  const pick = <T>(values: readonly T[]) => values[next(values.length)]!;
  const producerId = randomUUID();
  const now = Date.now();
  await db.insert(users).values({
    id: producerId,
    email: `synthetic-${producerId}@example.invalid`,
    passwordHash: '!synthetic',
    displayName: 'Synthetic Producer',
    createdAt: new Date(now),
    updatedAt: new Date(now),
    passwordChangedAt: new Date(now),
  });
  for (let start = 0; start < rows; start += 500) {
    const batch = Array.from({ length: Math.min(500, rows - start) }, (_, index) => {
      const tags = [pick(CATALOG_WORDS), pick(CATALOG_WORDS)];
      return {
        id: randomUUID(),
        producerId,
        title: `${pick(CATALOG_WORDS)} ${pick(CATALOG_WORDS)} ${start + index}`,
        genre: pick(BEAT_GENRES),
        priceCents: 100 + next(99_900),
        freeDownload: next(10) === 0,
        bpm: 60 + next(120),
        musicalKey: pick(MUSICAL_KEYS),
        mood: pick(BEAT_MOODS),
        tags,
        searchText: tags.join(' '),
        description: Array.from({ length: 12 }, () => pick(CATALOG_WORDS)).join(' '),
        status: 'published',
        playCount: next(1000),
        createdAt: new Date(now - next(1e10)),
        updatedAt: new Date(now),
      };
    });
    await db.insert(beats).values(batch);
    onProgress?.(start + batch.length);
  }
  return { producerId };
}
