import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { answerRequests, ownUsage } from './ipc.ts';
import { DIALECTS, decodeServerFrame, editKeys, encodeAuth, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type Dialect } from './wire.ts';

/**
 * Child process: the simulated clients of one load point. It opens every socket (fetching a
 * ticket for each from the HTTP API when the server wants one), syncs, then on command makes a
 * small Y.Text edit per client every `editIntervalMs` and times each edit until the last other
 * client of its document has received it. Senders and receivers share this process's clock.
 */
export interface LoadPlan {
  dialect: Dialect;
  /** Websocket base; the document name is appended as the last path segment. */
  wsUrl: string;
  /** Set for CreatorSync: every connection redeems its own single-use ticket. */
  tickets?: { httpUrl: string; accessToken: string };
  documents: string[];
  clientsPerDocument: number;
  editIntervalMs: number;
  seed: number;
}

export interface ConnectResult {
  connections: number;
  connectMs: number;
}

/** Cumulative counters at one instant; two marks bound a measurement window. */
export interface Mark {
  localMs: number;
  cpuMicros: number;
  runQueueWaitMs: number;
  edits: number;
  delivered: number;
  unexpectedCloses: string[];
}

export interface WindowReport {
  latenciesMs: number[];
  editsInWindow: number;
  /** Edits made in the window that some receiver still had not seen when the report was asked. */
  incomplete: number;
}

export interface VerifyResult {
  checked: number;
  matching: number;
  detail: string[];
}

interface SimulatedClient {
  readonly index: number;
  readonly document: DocumentState;
  readonly doc: Y.Doc;
  readonly text: Y.Text;
  socket: WebSocket;
  sentAt: number;
  timers: NodeJS.Timeout[];
}

interface PendingEdit {
  sentAt: number;
  remaining: number;
  sender: SimulatedClient;
}

interface DocumentState {
  name: string;
  clients: SimulatedClient[];
  pending: Map<string, PendingEdit>;
  insertedCharacters: number;
}

const EDIT_TEXT = 'ab';
const CONNECT_CONCURRENCY = 16;

let plan: LoadPlan | undefined;
const documents: DocumentState[] = [];
const completed: Array<{ sentAt: number; latencyMs: number }> = [];
const unexpectedCloses: string[] = [];
let edits = 0;
let delivered = 0;
let closing = false;

/** mulberry32: reproducible edit phases from the plan's seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function socketUrl(current: LoadPlan, name: string): Promise<string> {
  const base = `${current.wsUrl}/${name}`;
  if (!current.tickets) return base;
  const response = await fetch(`${current.tickets.httpUrl}/api/projects/${name}/ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${current.tickets.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ document: 'song' }),
  });
  if (!response.ok) throw new Error(`ticket for ${name}: HTTP ${response.status}`);
  const { ticket } = (await response.json()) as { ticket: string };
  return `${base}?ticket=${encodeURIComponent(ticket)}`;
}

function receiveEdits(receiver: SimulatedClient, update: Uint8Array) {
  for (const key of editKeys(update)) {
    const pending = receiver.document.pending.get(key);
    // Hocuspocus echoes each update to its sender too; that is not a delivery.
    if (!pending || pending.sender === receiver) continue;
    delivered++;
    if (--pending.remaining > 0) continue;
    receiver.document.pending.delete(key);
    completed.push({ sentAt: pending.sentAt, latencyMs: performance.now() - pending.sentAt });
  }
}

/** Opens one socket and resolves once the server's sync step 2 arrived. */
async function connect(current: LoadPlan, document: DocumentState, index: number): Promise<SimulatedClient> {
  const url = await socketUrl(current, document.name);
  const doc = new Y.Doc();
  const socket = new WebSocket(url, { perMessageDeflate: false });
  const client: SimulatedClient = { index, document, doc, text: doc.getText('bench'), socket, sentAt: 0, timers: [] };
  const { dialect } = current;
  await new Promise<void>((resolve, reject) => {
    let synced = false;
    socket.on('open', () => {
      if (dialect === DIALECTS.hocuspocus) socket.send(encodeAuth(document.name, 'bench'));
      socket.send(encodeSyncStep1(dialect, document.name, Y.encodeStateVector(doc)));
      socket.send(encodeAwareness(dialect, document.name, doc.clientID, { user: { name: `client ${index}` }, cursor: null }));
    });
    socket.on('message', (data: Buffer) => {
      const frame = decodeServerFrame(dialect, data);
      switch (frame.kind) {
        case 'update':
          return receiveEdits(client, frame.update);
        case 'sync-step1':
          return socket.send(encodeSyncStep2(dialect, document.name, Y.encodeStateAsUpdate(doc, frame.stateVector)));
        case 'sync-step2':
          if (!synced) {
            synced = true;
            resolve();
          }
          return;
        case 'denied':
          reject(new Error(`${document.name}: permission denied (${frame.reason})`));
          return socket.close();
      }
    });
    socket.on('error', (error) => {
      if (!synced) reject(error);
    });
    socket.on('close', (code, reason) => {
      if (!synced) reject(new Error(`${document.name}: closed ${code} ${reason.toString()} before syncing`));
      else if (!closing) unexpectedCloses.push(`${document.name}#${index}: ${code} ${reason.toString()}`);
    });
  });
  doc.on('update', (update: Uint8Array) => {
    const [key] = editKeys(update);
    if (!key) return;
    document.pending.set(key, { sentAt: client.sentAt, remaining: document.clients.length - 1, sender: client });
    document.insertedCharacters += EDIT_TEXT.length;
    edits++;
    if (socket.readyState === socket.OPEN) socket.send(encodeUpdate(dialect, document.name, update));
  });
  return client;
}

async function connectAll(current: LoadPlan): Promise<ConnectResult> {
  const started = performance.now();
  const work: Array<() => Promise<void>> = [];
  for (const name of current.documents) {
    const document: DocumentState = { name, clients: [], pending: new Map(), insertedCharacters: 0 };
    documents.push(document);
    for (let index = 0; index < current.clientsPerDocument; index++) {
      work.push(async () => {
        document.clients.push(await connect(current, document, index));
      });
    }
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECT_CONCURRENCY }, async () => {
      while (next < work.length) await work[next++]!();
    }),
  );
  return { connections: work.length, connectMs: performance.now() - started };
}

function startEdits(current: LoadPlan) {
  const random = seededRandom(current.seed);
  for (const document of documents) {
    for (const client of document.clients) {
      const edit = () => {
        client.sentAt = performance.now();
        client.text.insert(client.text.length, EDIT_TEXT);
      };
      // Spread the clients' phases over one interval so edits arrive evenly, not in bursts.
      client.timers.push(
        setTimeout(() => {
          edit();
          client.timers.push(setInterval(edit, current.editIntervalMs));
        }, random() * current.editIntervalMs),
      );
    }
  }
}

function stopEdits() {
  for (const document of documents) {
    for (const client of document.clients) {
      for (const timer of client.timers) clearTimeout(timer);
      client.timers = [];
    }
  }
}

function mark(): Mark {
  const { cpuMicros, runQueueWaitMs } = ownUsage(false);
  return { localMs: performance.now(), cpuMicros, runQueueWaitMs, edits, delivered, unexpectedCloses: [...unexpectedCloses] };
}

function windowReport(fromMs: number, toMs: number): WindowReport {
  const inWindow = (sentAt: number) => sentAt >= fromMs && sentAt < toMs;
  const latenciesMs = completed.filter((entry) => inWindow(entry.sentAt)).map((entry) => entry.latencyMs);
  let incomplete = 0;
  for (const document of documents) for (const pending of document.pending.values()) if (inWindow(pending.sentAt)) incomplete++;
  return { latenciesMs, editsInWindow: latenciesMs.length + incomplete, incomplete };
}

/**
 * Checks that the server holds every edit: a fresh connection asks for the whole document and its
 * text must be exactly as long as everything the clients inserted into it.
 */
async function verify(current: LoadPlan, howMany: number): Promise<VerifyResult> {
  const detail: string[] = [];
  let matching = 0;
  const checked = documents.slice(0, howMany);
  for (const document of checked) {
    const url = await socketUrl(current, document.name);
    const doc = new Y.Doc();
    const socket = new WebSocket(url, { perMessageDeflate: false });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no sync step 2 within 10 s')), 10_000);
        socket.on('open', () => {
          if (current.dialect === DIALECTS.hocuspocus) socket.send(encodeAuth(document.name, 'bench'));
          socket.send(encodeSyncStep1(current.dialect, document.name, new Uint8Array([0])));
        });
        socket.on('message', (data: Buffer) => {
          const frame = decodeServerFrame(current.dialect, data);
          if (frame.kind !== 'sync-step2') return;
          Y.applyUpdate(doc, frame.update);
          clearTimeout(timer);
          resolve();
        });
        socket.on('error', reject);
      });
      const length = doc.getText('bench').length;
      if (length === document.insertedCharacters) matching++;
      else detail.push(`${document.name}: server has ${length} characters, clients inserted ${document.insertedCharacters}`);
    } catch (error) {
      detail.push(`${document.name}: ${String(error)}`);
    } finally {
      socket.close();
      doc.destroy();
    }
  }
  return { checked: checked.length, matching, detail };
}

async function closeAll() {
  closing = true;
  stopEdits();
  const closed: Array<Promise<void>> = [];
  for (const document of documents) {
    for (const client of document.clients) {
      if (client.socket.readyState === client.socket.CLOSED) continue;
      closed.push(new Promise((resolve) => client.socket.once('close', () => resolve())));
      client.socket.close();
    }
  }
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5000).unref());
  await Promise.race([Promise.all(closed), timeout]);
  for (const document of documents) for (const client of document.clients) client.socket.terminate();
}

answerRequests(
  async (request) => {
    switch (request.type) {
      case 'connect':
        plan = request.plan as LoadPlan;
        return connectAll(plan);
      case 'start-edits':
        startEdits(plan!);
        return mark();
      case 'mark':
        return mark();
      case 'stop-edits':
        stopEdits();
        return mark();
      case 'report':
        return windowReport(request.fromMs as number, request.toMs as number);
      case 'verify':
        return verify(plan!, request.documents as number);
      case 'close':
        await closeAll();
        return true;
      default:
        throw new Error(`unknown request ${request.type}`);
    }
  },
  () => closeAll(),
);
