import * as Y from 'yjs';
import { createDocumentStore, type StoredUpdate } from '../../../api/collab/document-store.ts';
import { openDatabase, type DatabaseHandle } from '../../../api/db/database.ts';
import { systemClock } from '../../../api/platform/clock.ts';
import { createTestDatabase } from '../../../api/testing/test-database.ts';
import { percentile } from '../stats.ts';

/**
 * Cold load of a long-edited document: `updates` small Y.Text edits appended to the log (as the sync
 * server stores them, one row per update), then `load()` timed before and after `compact()`.
 */
export interface ColdLoadRow extends Record<string, string | number> {
  database: string;
  'stored updates': number;
  'load before compaction ms (median)': number;
  'compact() ms': number;
  'load after compaction ms (median)': number;
  'speed-up': string;
  'snapshot KiB': number;
}

/** Small edits a writer would make: mostly typing at a cursor, some deletions, seeded. */
export function generateUpdates(count: number, userId: string): StoredUpdate[] {
  const doc = new Y.Doc();
  const text = doc.getText('lyrics');
  const updates: StoredUpdate[] = [];
  doc.on('update', (update: Uint8Array) => updates.push({ update, userId }));
  let state = 0x9e3779b9;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  let cursor = 0;
  while (updates.length < count) {
    if (random() < 0.02) cursor = Math.floor(random() * (text.length + 1));
    if (random() < 0.1 && cursor > 0) {
      text.delete(cursor - 1, 1);
      cursor--;
    } else {
      text.insert(cursor, random() < 0.15 ? ' ' : String.fromCharCode(97 + Math.floor(random() * 26)));
      cursor++;
    }
  }
  doc.destroy();
  return updates;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export async function benchColdLoad(options: { updates: number; repeats: number }): Promise<ColdLoadRow[]> {
  const targets: Array<{ label: string; open: () => Promise<DatabaseHandle> }> = [{ label: 'PGlite (embedded)', open: () => openDatabase({ kind: 'pglite' }) }];
  if (process.env.DATABASE_URL) targets.push({ label: 'PostgreSQL', open: () => createTestDatabase('postgres') });
  else console.log('(DATABASE_URL not set: cold load measured on PGlite only)');
  const updates = generateUpdates(options.updates, 'bench-user');
  const rows: ColdLoadRow[] = [];
  for (const target of targets) {
    const database = await target.open();
    try {
      const store = createDocumentStore({ db: database.db, clock: systemClock });
      const documentId = `cold-load-${Date.now()}`;
      // Rows are inserted in batches here only to keep the set-up short; load() cannot tell.
      for (let from = 0; from < updates.length; from += 1000) await store.append(documentId, updates.slice(from, from + 1000));
      const before: number[] = [];
      let expected = '';
      for (let i = 0; i < options.repeats; i++) {
        const { ms, value } = await timed(() => store.load(documentId));
        before.push(ms);
        expected = value.doc.getText('lyrics').toString();
        value.doc.destroy();
      }
      const compacted = await timed(() => store.compact(documentId));
      const after: number[] = [];
      let snapshotBytes = 0;
      for (let i = 0; i < options.repeats; i++) {
        const { ms, value } = await timed(() => store.load(documentId));
        after.push(ms);
        if (value.doc.getText('lyrics').toString() !== expected) throw new Error('compaction changed the document');
        snapshotBytes = Y.encodeStateAsUpdate(value.doc).byteLength;
        value.doc.destroy();
      }
      const beforeMedian = percentile(before, 50);
      const afterMedian = percentile(after, 50);
      rows.push({
        database: target.label,
        'stored updates': compacted.value,
        'load before compaction ms (median)': beforeMedian,
        'compact() ms': compacted.ms,
        'load after compaction ms (median)': afterMedian,
        'speed-up': `${(beforeMedian / afterMedian).toFixed(0)}×`,
        'snapshot KiB': snapshotBytes / 1024,
      });
    } finally {
      await database.close();
    }
  }
  return rows;
}
