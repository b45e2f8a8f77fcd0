import { and, asc, eq, gt, lte, max, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../db/database.ts';
import { documentSnapshots, documentUpdates } from '../db/schema.ts';
import type { Clock } from '../platform/clock.ts';
import { createUpdateLogWriter, type InsertRows } from './update-log-writer.ts';

/**
 * Durable storage of Yjs documents: an append-only log of updates plus a compacted snapshot.
 * The sync server appends every update here before relaying it; loading reads snapshot + tail.
 */
export interface StoredUpdate {
  update: Uint8Array;
  userId: string | null;
}

export function createDocumentStore(deps: { db: Database; clock: Clock; insertRows?: InsertRows }) {
  const { db, clock } = deps;
  // One writer per instance: appends of every document share its commits.
  const log = createUpdateLogWriter({ db, clock, ...(deps.insertRows && { insert: deps.insertRows }) });

  async function readState(database: Database, documentId: string) {
    const [snapshot] = await database.select().from(documentSnapshots).where(eq(documentSnapshots.documentId, documentId));
    const after = snapshot?.lastUpdateId ?? 0;
    const tail = await database
      .select({ id: documentUpdates.id, update: documentUpdates.update })
      .from(documentUpdates)
      .where(and(eq(documentUpdates.documentId, documentId), gt(documentUpdates.id, after)))
      .orderBy(asc(documentUpdates.id));
    return { snapshot, tail };
  }

  /** The document as stored: snapshot plus every update after it. */
  async function load(documentId: string): Promise<{ doc: Y.Doc; tailLength: number }> {
    const { snapshot, tail } = await readState(db, documentId);
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, snapshot.state);
      for (const row of tail) Y.applyUpdate(doc, row.update);
    });
    return { doc, tailLength: tail.length };
  }

  return {
    /**
     * Appends updates in order; resolves once they are durable. Appends of all documents made in
     * the same event-loop turn (or while the previous commit is written) share one statement.
     */
    append(documentId: string, updates: readonly StoredUpdate[]): Promise<void> {
      return log.append(updates.map(({ update, userId }) => ({ documentId, update, userId })));
    },

    load,

    /** Encoded full state, for version history and read-only views. */
    async encodedState(documentId: string): Promise<Uint8Array> {
      const { doc } = await load(documentId);
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return state;
    },

    /**
     * Folds the log into the snapshot and deletes the folded updates, in one transaction under a
     * per-document advisory lock, so two instances compacting at once cannot lose or double anything.
     * Returns how many updates were folded.
     */
    async compact(documentId: string): Promise<number> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'cs-doc:' + documentId}))`);
        const [{ upTo } = { upTo: null }] = await tx
          .select({ upTo: max(documentUpdates.id) })
          .from(documentUpdates)
          .where(eq(documentUpdates.documentId, documentId));
        if (upTo === null) return 0;
        const { snapshot, tail } = await readState(tx, documentId);
        const folded = tail.filter((row) => row.id <= upTo);
        if (folded.length === 0) return 0;
        const doc = new Y.Doc({ gc: true });
        if (snapshot) Y.applyUpdate(doc, snapshot.state);
        for (const row of folded) Y.applyUpdate(doc, row.update);
        const state = Y.encodeStateAsUpdate(doc);
        doc.destroy();
        const values = { documentId, state, lastUpdateId: upTo, updatedAt: clock.now() };
        await tx
          .insert(documentSnapshots)
          .values(values)
          .onConflictDoUpdate({ target: documentSnapshots.documentId, set: { state, lastUpdateId: upTo, updatedAt: values.updatedAt } });
        await tx.delete(documentUpdates).where(and(eq(documentUpdates.documentId, documentId), lte(documentUpdates.id, upTo)));
        return folded.length;
      });
    },

    async countUpdates(documentId: string): Promise<number> {
      const [row] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(documentUpdates)
        .where(eq(documentUpdates.documentId, documentId));
      return row?.count ?? 0;
    },
  };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
