import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database.ts';
import { documentUpdates } from '../db/schema.ts';
import { manualClock } from '../platform/clock.ts';
import { createTestDatabase, databaseKinds } from '../testing/test-database.ts';
import { createUpdateLogWriter, insertRowsFor, type InsertRows, type UpdateRow } from './update-log-writer.ts';

const row = (documentId: string, byte: number, userId: string | null = 'user-1'): UpdateRow => ({ documentId, update: new Uint8Array([byte, 255, 0, byte]), userId });

describe.each(databaseKinds())('update log writer (%s)', (kind) => {
  let database: DatabaseHandle;
  const clock = manualClock(new Date('2026-03-01T12:00:00Z'));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  /** The driver's insert, counting the statements it runs. */
  function countingInsert() {
    const insert = insertRowsFor(database.db);
    const statements: number[] = [];
    const counted: InsertRows = (rows, createdAt) => {
      statements.push(rows.length);
      return insert(rows, createdAt);
    };
    return { counted, statements };
  }

  const stored = async (prefix: string) =>
    (await database.db.select().from(documentUpdates).orderBy(asc(documentUpdates.id))).filter((stored) => stored.documentId.startsWith(prefix));

  it('commits the appends of many documents made in one turn in one statement, in append order', async () => {
    const { counted, statements } = countingInsert();
    const writer = createUpdateLogWriter({ db: database.db, clock, insert: counted });
    await Promise.all([writer.append([row('one-a', 1), row('one-a', 2)]), writer.append([row('one-b', 3, null)]), writer.append([row('one-a', 4)])]);
    expect(statements).toEqual([4]);
    const rows = await stored('one-');
    expect(rows.map((stored) => [stored.documentId, stored.update[0], stored.userId])).toEqual([
      ['one-a', 1, 'user-1'],
      ['one-a', 2, 'user-1'],
      ['one-b', 3, null],
      ['one-a', 4, 'user-1'],
    ]);
    expect([...rows[0]!.update]).toEqual([1, 255, 0, 1]);
    expect(rows.every((stored) => stored.createdAt.getTime() === clock.now().getTime())).toBe(true);
  });

  it('resolves an append only once its rows are stored, and writes one commit at a time', async () => {
    const { counted, statements } = countingInsert();
    const writer = createUpdateLogWriter({ db: database.db, clock, insert: counted });
    const first = writer.append([row('two-a', 1)]);
    let firstDone = false;
    void first.then(() => (firstDone = true));
    // Appended while the first commit is being written: they wait and go together in the next one.
    await new Promise((resolve) => setImmediate(resolve));
    const later = [writer.append([row('two-b', 2)]), writer.append([row('two-c', 3)])];
    await first;
    expect(firstDone).toBe(true);
    expect((await stored('two-')).map((stored) => stored.documentId)).toEqual(['two-a']);
    await Promise.all(later);
    expect(statements).toEqual([1, 2]);
    expect((await stored('two-')).map((stored) => stored.documentId)).toEqual(['two-a', 'two-b', 'two-c']);
  });

  it('refuses every append of a failed commit, stores none of it, and keeps working afterwards', async () => {
    const writer = createUpdateLogWriter({ db: database.db, clock });
    // PostgreSQL text cannot hold NUL: the statement fails inside the database.
    const results = await Promise.allSettled([writer.append([row('three-a', 1)]), writer.append([row('three-\u0000', 2)])]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await stored('three-')).toEqual([]);
    for (let round = 0; round < 3; round++) await writer.append([row('three-b', round)]);
    await Promise.all([writer.append([row('three-c', 7)]), writer.append([row('three-c', 8)])]);
    expect((await stored('three-')).map((stored) => [stored.documentId, stored.update[0]])).toEqual([
      ['three-b', 0],
      ['three-b', 1],
      ['three-b', 2],
      ['three-c', 7],
      ['three-c', 8],
    ]);
  });

  it('stores a commit larger than the prepared statements cover', async () => {
    const writer = createUpdateLogWriter({ db: database.db, clock });
    await writer.append(Array.from({ length: 150 }, (_, index) => row('four-a', index % 256)));
    const rows = await stored('four-');
    expect(rows).toHaveLength(150);
    expect(rows.map((stored) => stored.update[0])).toEqual(Array.from({ length: 150 }, (_, index) => index % 256));
  });

  it('does not run inside a transaction someone else has open', async () => {
    const writer = createUpdateLogWriter({ db: database.db, clock });
    let appended: Promise<void> | undefined;
    await expect(
      database.db.transaction(async (tx) => {
        await tx.insert(documentUpdates).values({ documentId: 'five-tx', update: new Uint8Array([1]), userId: null, createdAt: clock.now() });
        appended = writer.append([row('five-a', 1)]);
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await appended;
    expect((await stored('five-')).map((stored) => stored.documentId)).toEqual(['five-a']);
  });
});

describe('update log writer commit delay', () => {
  const clock = manualClock();
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

  it('commits at once when appends are rare, and lets fast ones wait for company', async () => {
    const statements: number[] = [];
    const insert: InsertRows = async (rows) => {
      statements.push(rows.length);
    };
    const writer = createUpdateLogWriter({ db: undefined as never, clock, insert, commitDelayMs: 20 });
    const started = performance.now();
    await writer.append([row('d', 1)]);
    // A lone update is not held back for the delay.
    expect(performance.now() - started).toBeLessThan(15);
    expect(statements).toEqual([1]);

    const appended: Array<Promise<void>> = [];
    for (let index = 0; index < 60; index++) {
      appended.push(writer.append([row(`d${index % 7}`, index)]));
      await nextTurn();
    }
    await Promise.all(appended);
    expect(statements.reduce((sum, rows) => sum + rows, 0)).toBe(61);
    // Once they came fast, commits carried several rows each.
    expect(statements.length).toBeLessThan(40);
    expect(Math.max(...statements)).toBeGreaterThan(1);
  });

  it('stops waiting for company once a commit is full', async () => {
    const statements: number[] = [];
    const insert: InsertRows = async (rows) => {
      statements.push(rows.length);
    };
    const writer = createUpdateLogWriter({ db: undefined as never, clock, insert, commitDelayMs: 5_000, fullGroupRows: 4 });
    const started = performance.now();
    // Different documents in quick succession: the first commit would wait the whole delay.
    await Promise.all([writer.append([row('full-a', 1)]), writer.append([row('full-b', 2), row('full-b', 3)]), writer.append([row('full-c', 4)])]);
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(statements).toEqual([4]);
  });

  it('never holds back one busy document on its own', async () => {
    const statements: number[] = [];
    const insert: InsertRows = async (rows) => {
      statements.push(rows.length);
    };
    const writer = createUpdateLogWriter({ db: undefined as never, clock, insert, commitDelayMs: 20 });
    const started = performance.now();
    for (let index = 0; index < 60; index++) {
      await writer.append([row('busy', index)]);
    }
    expect(statements).toEqual(Array.from({ length: 60 }, () => 1));
    expect(performance.now() - started).toBeLessThan(600);
  });
});

