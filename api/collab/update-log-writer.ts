import type { Database } from '../db/database.ts';
import { documentUpdates } from '../db/schema.ts';
import type { Clock } from '../platform/clock.ts';

/** One row of the update log: an update of one document and who made it. */
export interface UpdateRow {
  documentId: string;
  update: Uint8Array;
  userId: string | null;
}

/** Writes rows in one statement, in order; resolves once they are committed. */
export type InsertRows = (rows: readonly UpdateRow[], createdAt: Date) => Promise<void>;

/**
 * Group commit for the update log of every document on this instance. An append waits for the
 * next commit; a commit is one multi-row INSERT (one transaction) of everything appended since the
 * previous one started, and only one is written at a time. So when many documents are busy, their
 * updates share a statement — the per-statement cost (a round trip to PostgreSQL; PGlite's bind,
 * execute and WAL write on this very thread) is paid once per commit instead of once per update.
 *
 * When updates are rare a commit starts at the end of the current event-loop turn: nothing waits.
 * When appends of different documents come faster than one per half `commitDelayMs` on average, a
 * commit waits up to `commitDelayMs` for more (or until it holds `fullGroupRows`), as PostgreSQL's
 * commit_delay does when commit_siblings others are active: a few milliseconds of latency, only under
 * a load where they buy several rows a statement. That trade is worth it because a commit's fixed
 * cost dwarfs a row's: in PGlite a one-row commit costs about 0.15 ms of CPU when commits come back
 * to back and 0.5 ms when the process was idle in between (cold caches), each further row about
 * 0.02 ms. One busy document alone never waits: its room already gathers whatever arrives during a
 * commit into its next append, so waiting would buy it nothing but latency.
 *
 * Rows keep the order of their appends (the log's ids follow it). An append resolves only once its
 * rows are committed, which is what lets a room relay them; if the statement fails, every append
 * in it is refused and nothing of it is stored.
 */
export function createUpdateLogWriter(deps: { db: Database; clock: Clock; insert?: InsertRows; commitDelayMs?: number; fullGroupRows?: number }) {
  const insert = deps.insert ?? insertRowsFor(deps.db);
  const commitDelayMs = deps.commitDelayMs ?? COMMIT_DELAY_MS;
  const fullGroupRows = deps.fullGroupRows ?? PREPARED_MAX_ROWS;
  let waiting: Array<{ rows: readonly UpdateRow[]; resolve: () => void; reject: (error: unknown) => void }> = [];
  let waitingRows = 0;
  let writing = false;
  let scheduled = false;
  /** The commit delay's timer while a commit waits for company. */
  let delayTimer: NodeJS.Timeout | undefined;
  /** Moving average of the time between appends of different documents, in ms; starts "idle". */
  let averageGapMs = Number.POSITIVE_INFINITY;
  let lastAppendAt = Number.NEGATIVE_INFINITY;
  let lastDocumentId: string | undefined;

  function schedule(waitedAlready: boolean) {
    if (writing) return;
    if (scheduled) {
      // A full group stops waiting: more company would only make the statement larger.
      if (delayTimer && waitingRows >= fullGroupRows) {
        clearTimeout(delayTimer);
        delayTimer = undefined;
        setImmediate(commit);
      }
      return;
    }
    scheduled = true;
    if (!waitedAlready && averageGapMs < commitDelayMs / 2 && waitingRows < fullGroupRows) delayTimer = setTimeout(commit, commitDelayMs);
    // After the poll phase: every socket read in this turn has appended by then.
    else setImmediate(commit);
  }

  async function commit() {
    scheduled = false;
    delayTimer = undefined;
    const group = waiting;
    waiting = [];
    waitingRows = 0;
    writing = true;
    try {
      const rows = group.length === 1 ? group[0]!.rows : group.flatMap((entry) => entry.rows);
      await insert(rows, deps.clock.now());
      for (const entry of group) entry.resolve();
    } catch (error) {
      for (const entry of group) entry.reject(error);
    } finally {
      writing = false;
      // These waited for the commit just written: they go next, without a delay of their own.
      if (waiting.length > 0) schedule(true);
    }
  }

  return {
    /** Resolves once every row is durable (committed), after everything appended before it. */
    append(rows: readonly UpdateRow[]): Promise<void> {
      if (rows.length === 0) return Promise.resolve();
      const now = performance.now();
      const documentId = rows[0]!.documentId;
      const gap = documentId === lastDocumentId ? IDLE_GAP_MS : Math.min(now - lastAppendAt, IDLE_GAP_MS);
      lastAppendAt = now;
      lastDocumentId = documentId;
      averageGapMs = Number.isFinite(averageGapMs) ? averageGapMs + (gap - averageGapMs) * GAP_SMOOTHING : gap;
      return new Promise<void>((resolve, reject) => {
        waiting.push({ rows, resolve, reject });
        waitingRows += rows.length;
        schedule(false);
      });
    },
  };
}

/**
 * The longest a commit waits for company (see createUpdateLogWriter). At 800 appends a second over
 * 200 documents (npm run bench -- collab, PGlite), 10 ms instead of 3 ms cut the server's CPU per
 * relayed update by about a quarter, for about 6 ms more latency.
 */
const COMMIT_DELAY_MS = 10;
/** Weight of the newest gap in the moving average: about the last ten appends count. */
const GAP_SMOOTHING = 0.1;
/** Gaps longer than this count as this, so one quiet minute does not take minutes to forget. */
const IDLE_GAP_MS = 100;

export type UpdateLogWriter = ReturnType<typeof createUpdateLogWriter>;

const COLUMNS = 'insert into document_updates (document_id, update, user_id, created_at) values ';
const OID = { text: 25, bytea: 17, timestamptz: 1184 } as const;
/** Statements for up to this many rows are prepared once and kept; larger ones are parsed each time. */
const PREPARED_MAX_ROWS = 64;

/** `($2, $3, $4, $1), ($5, $6, $7, $1), …`: $1 is the shared timestamp, then three per row. */
function insertText(rowCount: number): string {
  const tuples: string[] = [];
  for (let row = 0; row < rowCount; row++) tuples.push(`($${row * 3 + 2}, $${row * 3 + 3}, $${row * 3 + 4}, $1)`);
  return COLUMNS + tuples.join(', ');
}

function parameters(rows: readonly UpdateRow[], createdAt: Date): Array<string | Uint8Array | null> {
  const values: Array<string | Uint8Array | null> = [createdAt.toISOString()];
  for (const row of rows) values.push(row.documentId, row.update, row.userId);
  return values;
}

/**
 * The cheapest way to run the insert on the driver behind `db`. Drizzle's query builder costs more
 * CPU than the insert itself at these sizes, so the two drivers the app opens get a prepared
 * statement; anything else goes through drizzle.
 */
export function insertRowsFor(db: Database): InsertRows {
  const client: unknown = (db as unknown as { $client?: unknown }).$client;
  if (isPglite(client)) return pgliteInsert(client);
  if (isPostgresJs(client)) return postgresJsInsert(client);
  return async (rows, createdAt) => {
    await db.insert(documentUpdates).values(rows.map((row) => ({ ...row, createdAt })));
  };
}

/** The part of postgres.js used here. */
interface PostgresJs {
  unsafe(query: string, parameters: unknown[], options: { prepare: boolean }): PromiseLike<unknown>;
}

function isPostgresJs(client: unknown): client is PostgresJs {
  return typeof client === 'function' && typeof (client as Partial<PostgresJs>).unsafe === 'function';
}

function postgresJsInsert(sql: PostgresJs): InsertRows {
  const texts = new Map<number, string>();
  return async (rows, createdAt) => {
    let text = texts.get(rows.length);
    if (!text) {
      text = insertText(rows.length);
      if (rows.length <= PREPARED_MAX_ROWS) texts.set(rows.length, text);
    }
    // postgres.js prepares a statement per distinct text and reuses it on each connection.
    await sql.unsafe(text, parameters(rows, createdAt), { prepare: rows.length <= PREPARED_MAX_ROWS });
  };
}

/** The part of PGlite used here (the same exclusive sections its own `query()` runs in). */
interface Pglite {
  execProtocol(message: Uint8Array): Promise<unknown>;
  _runExclusiveQuery<T>(work: () => Promise<T>): Promise<T>;
  _runExclusiveTransaction<T>(work: () => Promise<T>): Promise<T>;
}

function isPglite(client: unknown): client is Pglite {
  return typeof client === 'object' && client !== null && typeof (client as Partial<Pglite>).execProtocol === 'function' && typeof (client as Partial<Pglite>)._runExclusiveTransaction === 'function';
}

/**
 * PGlite's `query()` makes six calls into the database per statement (parse, describe, bind,
 * describe, execute, sync) and plans the statement each time. Here a named statement per row count
 * is parsed once; a commit is then one call: bind + execute + sync, the update bound as binary.
 * It waits for the same locks as `query()`, so it never runs inside someone else's transaction.
 */
function pgliteInsert(client: Pglite): InsertRows {
  const serialize = import('@electric-sql/pglite').then((module) => module.protocol.serialize);
  // Named statements belong to the database session, shared by every writer on it.
  let statements = preparedOn.get(client);
  if (!statements) preparedOn.set(client, (statements = { rowCounts: new Set(), generation: 0 }));
  const session = statements;
  return async (rows, createdAt) => {
    const { parse, bind, execute, sync } = await serialize;
    const keep = rows.length <= PREPARED_MAX_ROWS;
    return client._runExclusiveTransaction(() =>
      client._runExclusiveQuery(async () => {
        const name = keep ? `cs_append_${session.generation}_${rows.length}` : '';
        const parts: Uint8Array[] = [];
        if (!keep || !session.rowCounts.has(rows.length)) {
          const types: number[] = [OID.timestamptz];
          for (let row = 0; row < rows.length; row++) types.push(OID.text, OID.bytea, OID.text);
          parts.push(parse({ name, text: insertText(rows.length), types }));
        }
        parts.push(bind({ statement: name, values: parameters(rows, createdAt) }), execute({}), sync());
        try {
          await client.execProtocol(concat(parts));
        } catch (error) {
          // After a failure the named statements' state is unknown: new names, parsed afresh.
          session.rowCounts.clear();
          session.generation++;
          throw error;
        }
        if (keep) session.rowCounts.add(rows.length);
      }),
    );
  };
}

const preparedOn = new WeakMap<Pglite, { rowCounts: Set<number>; generation: number }>();

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.byteLength;
  const message = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    message.set(part, offset);
    offset += part.byteLength;
  }
  return message;
}
