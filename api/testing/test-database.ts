import { randomBytes } from 'node:crypto';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * The databases every database test runs on: PGlite always, PostgreSQL too when DATABASE_URL is set.
 * Tests loop over this list (`describe.each`) so one suite proves both engines behave alike.
 */
export function databaseKinds(): DatabaseKind[] {
  if (process.env.DATABASE_URL) return ['pglite', 'postgres'];
  if (!announced) {
    announced = true;
    console.info('DATABASE_URL is not set: database tests run on PGlite only (set it to run them on PostgreSQL too).');
  }
  return ['pglite'];
}
let announced = false;

/**
 * A new, empty PostgreSQL database on the DATABASE_URL server, for tests that start the server as a
 * separate process and need a URL rather than a handle. `drop()` removes it.
 */
export async function createScratchPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is required for PostgreSQL tests');
  const { default: postgres } = await import('postgres');
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const name = `cs_test_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/**
 * A fresh, migrated, empty database. On PostgreSQL each call creates its own database (dropped by
 * close()), so suites running in parallel never see each other's rows.
 */
export async function createTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'pglite') return openDatabase({ kind: 'pglite' });
  const scratch = await createScratchPostgresDatabase();
  const handle = await openDatabase({ kind: 'postgres', url: scratch.url, maxConnections: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}
