import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchPostgresDatabase } from '../../api/testing/test-database.ts';
import { benchColdLoad } from './collab/cold-load.ts';
import { Child, killAllChildren, type ProcessUsage } from './collab/ipc.ts';
import type { ConnectResult, LoadPlan, Mark, VerifyResult, WindowReport } from './collab/load-client.ts';
import { DIALECTS, type Dialect } from './collab/wire.ts';
import { percentile, printTable } from './stats.ts';

/**
 * The sync server under load, beside bare Hocuspocus on the same machine and the same load.
 * Each server runs in its own process; the simulated clients of each load point run in a third
 * one, so the servers' CPU time is theirs alone. Numbers, not assertions.
 *
 * Settings (environment):
 *   COLLAB_BENCH_SECONDS          measured seconds per load point (10)
 *   COLLAB_BENCH_WARMUP_SECONDS   editing before the measurement starts (2)
 *   COLLAB_BENCH_SERVER_WARMUP_SECONDS  unmeasured load on each fresh server before its first point (8),
 *                                 so no point pays for the server's JIT (PGlite's WebAssembly is large)
 *   COLLAB_BENCH_EDIT_INTERVAL_MS each client makes one small edit this often (500)
 *   COLLAB_BENCH_CLIENTS          clients on one document, comma-separated (10,50,100)
 *   COLLAB_BENCH_DOCUMENTS        documents with 2 clients each for the many-documents point (200)
 *   COLLAB_BENCH_COLD_UPDATES     stored updates for the cold-load test (100000)
 *   COLLAB_BENCH_LOAD_REPEATS     timed load() calls before and after compaction (3)
 *   COLLAB_BENCH_SERVER_DATABASE  'pglite', 'postgres' (a scratch database on DATABASE_URL) or both,
 *                                 comma-separated: one CreatorSync server each (default: pglite, plus
 *                                 postgres when DATABASE_URL is set). PostgreSQL's backends run in
 *                                 their own processes: their CPU is read from /proc and shown beside
 *                                 the server's, and the targets are judged on the sum too.
 *   COLLAB_BENCH_CPU_PROFILE      a folder: each server profiles each measured window into it
 *                                 (profiling slows the servers: read its CPU numbers as relative)
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHILDREN = {
  ours: path.join(HERE, 'collab', 'our-server.ts'),
  hocuspocus: path.join(HERE, 'collab', 'hocuspocus-server.ts'),
  clients: path.join(HERE, 'collab', 'load-client.ts'),
};
const PASSWORD = 'Violet-harbour-7-lanterns';
const DRAIN_MS = 2000;
const SATURATED = 0.9;
/** A process that waited this share of the window for a core was slowed by other work on the machine. */
const CONTENDED = 0.1;
const VERIFIED_DOCUMENTS = 3;

interface Settings {
  measureMs: number;
  warmupMs: number;
  serverWarmupMs: number;
  editIntervalMs: number;
  clientCounts: number[];
  documents: number;
  coldUpdates: number;
  loadRepeats: number;
  serverDatabases: ServerDatabase[];
  profileDir: string | undefined;
}

function readSettings(env = process.env): Settings {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
    return value;
  };
  const serverDatabases = (env.COLLAB_BENCH_SERVER_DATABASE ?? (env.DATABASE_URL ? 'pglite,postgres' : 'pglite')).split(',').map((part) => part.trim());
  if (serverDatabases.length === 0 || serverDatabases.some((database) => database !== 'pglite' && database !== 'postgres')) {
    throw new Error('COLLAB_BENCH_SERVER_DATABASE must list pglite and/or postgres');
  }
  return {
    measureMs: number('COLLAB_BENCH_SECONDS', 10) * 1000,
    warmupMs: number('COLLAB_BENCH_WARMUP_SECONDS', 2) * 1000,
    serverWarmupMs: number('COLLAB_BENCH_SERVER_WARMUP_SECONDS', 8) * 1000,
    editIntervalMs: number('COLLAB_BENCH_EDIT_INTERVAL_MS', 500),
    clientCounts: (env.COLLAB_BENCH_CLIENTS ?? '10,50,100').split(',').map((part) => Number(part.trim())).filter((count) => count >= 2),
    documents: number('COLLAB_BENCH_DOCUMENTS', 200),
    coldUpdates: number('COLLAB_BENCH_COLD_UPDATES', 100_000),
    loadRepeats: number('COLLAB_BENCH_LOAD_REPEATS', 3),
    serverDatabases: serverDatabases as ServerDatabase[],
    profileDir: env.COLLAB_BENCH_CPU_PROFILE,
  };
}

interface LoadPoint {
  label: string;
  documents: number;
  clientsPerDocument: number;
}

type ServerDatabase = 'pglite' | 'postgres';
const HOCUSPOCUS = 'Hocuspocus';

interface SystemUnderTest {
  label: string;
  /** CPU ms used so far by the database processes serving this server (PostgreSQL backends), if any. */
  databaseCpu?: () => Promise<DatabaseCpu>;
  child: Child;
  dialect: Dialect;
  wsUrl: string;
  tickets?: LoadPlan['tickets'];
  /** Document names per load point: fresh, empty documents for each point. */
  documentNames: string[][];
}

interface PointResult {
  point: LoadPoint;
  system: string;
  editsPerSecond: number;
  targetEditsPerSecond: number;
  deliveriesPerSecond: number;
  latenciesMs: number[];
  deliveredShare: number;
  serverCpuMsPer1k: number;
  /** PostgreSQL backends' CPU for the same window; undefined where the database runs inside the server. */
  databaseCpuMsPer1k: number | undefined;
  serverCpuShare: number;
  clientCpuShare: number;
  /** Share of the window each process was runnable but waited for a core (other work on the machine). */
  serverWaitShare: number;
  clientWaitShare: number;
  connectMs: number;
  memory: { baseline: ProcessUsage; opened: ProcessUsage; afterLoad: ProcessUsage };
  problems: string[];
}

/** CPU ms per PostgreSQL backend process id, read from /proc (the database runs on this machine). */
type DatabaseCpu = Map<number, number>;
/** USER_HZ: /proc reports CPU times in these ticks on every Linux. */
const PROC_TICKS_PER_SECOND = 100;

function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (in parentheses): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / PROC_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * Watches the backends connected to one database: their CPU between two readings is the database's
 * share of the work. A backend that exits between the readings is missed (the server's pool keeps
 * its connections, so that is rare); one that starts is counted whole.
 */
async function watchPostgresBackends(url: string) {
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  return {
    async read(): Promise<DatabaseCpu> {
      const rows = await sql<Array<{ pid: number }>>`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
      const cpu: DatabaseCpu = new Map();
      for (const { pid } of rows) {
        const milliseconds = processCpuMs(pid);
        if (milliseconds !== undefined) cpu.set(pid, milliseconds);
      }
      return cpu;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

function databaseCpuBetween(from: DatabaseCpu, to: DatabaseCpu): number {
  let total = 0;
  for (const [pid, milliseconds] of to) total += milliseconds - (from.get(pid) ?? 0);
  return total;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const usage = (child: Child, collectGarbage = false) => child.request<ProcessUsage>('usage', { collectGarbage });
const cpuShare = (from: ProcessUsage, to: ProcessUsage) => (to.cpuMicros - from.cpuMicros) / 1000 / (to.atMs - from.atMs);

/** Waits until the server is idle (below 5% of a core for two samples), e.g. after a compaction. */
async function waitForIdle(child: Child, maxMs = 30_000): Promise<void> {
  const started = performance.now();
  let calm = 0;
  let previous = await usage(child);
  while (calm < 2 && performance.now() - started < maxMs) {
    await sleep(250);
    const current = await usage(child);
    calm = cpuShare(previous, current) < 0.05 ? calm + 1 : 0;
    previous = current;
  }
}

async function startServer(label: string, modulePath: string, env: NodeJS.ProcessEnv) {
  const child = new Child(label, modulePath, { env, execArgv: ['--expose-gc'] });
  const { port } = await child.notice<{ port: number }>('ready', 60_000);
  return { child, port };
}

async function postJson(url: string, body: unknown, accessToken?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** One user owning one fresh project per document the load points need, created over HTTP. */
async function prepareProjects(httpUrl: string, points: readonly LoadPoint[]) {
  const registered = await postJson(`${httpUrl}/api/auth/register`, {
    email: `collab-bench-${Date.now()}@example.com`,
    password: PASSWORD,
    displayName: 'Bench',
  });
  if (registered.status !== 201) throw new Error(`bench sign-up failed: HTTP ${registered.status}`);
  const accessToken = registered.json.accessToken as string;
  const documentNames: string[][] = [];
  for (const [pointIndex, point] of points.entries()) {
    const names: string[] = [];
    for (let i = 0; i < point.documents; i++) {
      const created = await postJson(`${httpUrl}/api/projects`, { title: `Bench ${pointIndex}.${i}` }, accessToken);
      if (created.status !== 201 && created.status !== 200) throw new Error(`creating a project failed: HTTP ${created.status}`);
      names.push(created.json.id as string);
    }
    documentNames.push(names);
  }
  return { accessToken, documentNames };
}

async function runPoint(system: SystemUnderTest, point: LoadPoint, pointIndex: number, settings: Settings): Promise<PointResult> {
  const clients = new Child(`load clients for ${system.label}`, CHILDREN.clients);
  const problems: string[] = [];
  try {
    await waitForIdle(system.child);
    const baseline = await usage(system.child, true);
    const plan: LoadPlan = {
      dialect: system.dialect,
      wsUrl: system.wsUrl,
      tickets: system.tickets,
      documents: system.documentNames[pointIndex]!,
      clientsPerDocument: point.clientsPerDocument,
      editIntervalMs: settings.editIntervalMs,
      seed: 1000 + pointIndex,
    };
    const connected = await clients.request<ConnectResult>('connect', { plan }, 180_000);
    const opened = await usage(system.child, true);
    await clients.request<Mark>('start-edits');
    await sleep(settings.warmupMs);
    if (settings.profileDir) await system.child.request('profile-start');
    const [serverStart, clientStart, databaseStart] = await Promise.all([usage(system.child), clients.request<Mark>('mark'), system.databaseCpu?.()]);
    await sleep(settings.measureMs);
    const [serverEnd, clientEnd, databaseEnd] = await Promise.all([usage(system.child), clients.request<Mark>('mark'), system.databaseCpu?.()]);
    if (settings.profileDir) {
      const file = path.join(settings.profileDir, `${system.label}-${point.label.replace(/\W+/g, '-')}.cpuprofile`);
      await system.child.request('profile-stop', { file });
      console.log(`  profile: ${file}`);
    }
    await clients.request<Mark>('stop-edits');
    await sleep(DRAIN_MS);
    const report = await clients.request<WindowReport>('report', { fromMs: clientStart.localMs, toMs: clientEnd.localMs });
    const afterLoad = await usage(system.child, true);
    const verified = await clients.request<VerifyResult>('verify', { documents: VERIFIED_DOCUMENTS });
    await clients.request('close', {}, 30_000);

    const seconds = (clientEnd.localMs - clientStart.localMs) / 1000;
    const deliveries = clientEnd.delivered - clientStart.delivered;
    const serverCpuMs = (serverEnd.cpuMicros - serverStart.cpuMicros) / 1000;
    const targetEditsPerSecond = (point.documents * point.clientsPerDocument * 1000) / settings.editIntervalMs;
    const editsPerSecond = (clientEnd.edits - clientStart.edits) / seconds;
    if (clientEnd.unexpectedCloses.length > 0) problems.push(`${clientEnd.unexpectedCloses.length} sockets closed: ${clientEnd.unexpectedCloses.slice(0, 3).join('; ')}`);
    if (report.incomplete > 0) problems.push(`${report.incomplete} of ${report.editsInWindow} edits not delivered to everyone`);
    if (verified.matching !== verified.checked) problems.push(`server state check failed: ${verified.detail.join('; ')}`);
    if (editsPerSecond < 0.9 * targetEditsPerSecond) problems.push(`edit rate ${editsPerSecond.toFixed(0)}/s below the target ${targetEditsPerSecond.toFixed(0)}/s`);
    return {
      point,
      system: system.label,
      editsPerSecond,
      targetEditsPerSecond,
      deliveriesPerSecond: deliveries / seconds,
      latenciesMs: report.latenciesMs,
      deliveredShare: report.editsInWindow === 0 ? 0 : 1 - report.incomplete / report.editsInWindow,
      serverCpuMsPer1k: deliveries === 0 ? Number.NaN : serverCpuMs / (deliveries / 1000),
      databaseCpuMsPer1k: databaseStart && databaseEnd ? databaseCpuBetween(databaseStart, databaseEnd) / (deliveries / 1000) : undefined,
      serverCpuShare: cpuShare(serverStart, serverEnd),
      clientCpuShare: (clientEnd.cpuMicros - clientStart.cpuMicros) / 1000 / (clientEnd.localMs - clientStart.localMs),
      serverWaitShare: (serverEnd.runQueueWaitMs - serverStart.runQueueWaitMs) / (serverEnd.atMs - serverStart.atMs),
      clientWaitShare: (clientEnd.runQueueWaitMs - clientStart.runQueueWaitMs) / (clientEnd.localMs - clientStart.localMs),
      connectMs: connected.connectMs,
      memory: { baseline, opened, afterLoad },
      problems,
    };
  } finally {
    await clients.stop();
  }
}

function bottleneck(result: PointResult): string {
  const limits: string[] = [];
  if (result.clientCpuShare >= SATURATED) limits.push('CLIENT process saturated');
  if (result.serverCpuShare >= SATURATED) limits.push('server saturated');
  if (result.serverWaitShare >= CONTENDED) limits.push('server starved by other processes');
  if (result.clientWaitShare >= CONTENDED) limits.push('client starved by other processes');
  return limits.join(', ') || 'none';
}

const percent = (share: number) => `${(share * 100).toFixed(0)}%`;
const kib = (bytes: number) => bytes / 1024;

function latencyRows(results: readonly PointResult[]) {
  return results.map((result) => ({
    load: result.point.label,
    server: result.system,
    'edits/s': result.editsPerSecond,
    'deliveries/s': result.deliveriesPerSecond,
    'p50 ms': percentile(result.latenciesMs, 50),
    'p99 ms': percentile(result.latenciesMs, 99),
    delivered: percent(result.deliveredShare),
    'server CPU ms / 1k deliveries': result.serverCpuMsPer1k,
    'PostgreSQL CPU ms / 1k': result.databaseCpuMsPer1k ?? '',
    'server CPU': percent(result.serverCpuShare),
    'client CPU': percent(result.clientCpuShare),
    'waited for a core (server/client)': `${percent(result.serverWaitShare)}/${percent(result.clientWaitShare)}`,
    bottleneck: bottleneck(result),
  }));
}

function memoryRows(results: readonly PointResult[]) {
  return results
    .filter((result) => result.point.documents > 1)
    .map((result) => {
      const { baseline, opened, afterLoad } = result.memory;
      const documents = result.point.documents;
      return {
        server: result.system,
        'open documents': documents,
        'sockets each': result.point.clientsPerDocument,
        'RSS KiB / doc (just opened)': kib((opened.rss - baseline.rss) / documents),
        'heap KiB / doc (just opened)': kib((opened.heapUsed - baseline.heapUsed) / documents),
        'RSS KiB / doc (after edits)': kib((afterLoad.rss - baseline.rss) / documents),
        'heap KiB / doc (after edits)': kib((afterLoad.heapUsed - baseline.heapUsed) / documents),
      };
    });
}

function compareTargets(results: readonly PointResult[]) {
  const lines: string[] = [];
  const labels = [...new Set(results.map((result) => result.point.label))];
  for (const label of labels) {
    const theirs = results.find((result) => result.point.label === label && result.system === HOCUSPOCUS);
    if (!theirs) continue;
    const p99Theirs = percentile(theirs.latenciesMs, 99);
    for (const ours of results.filter((result) => result.point.label === label && result.system !== HOCUSPOCUS)) {
      const verdict = (cpuMsPer1k: number) => {
        const ratio = cpuMsPer1k / theirs.serverCpuMsPer1k;
        return `${ratio <= 1 ? 'MET' : 'MISSED'} (${ratio.toFixed(2)}× Hocuspocus's)`;
      };
      const cpu =
        ours.databaseCpuMsPer1k === undefined
          ? verdict(ours.serverCpuMsPer1k)
          : `server alone ${verdict(ours.serverCpuMsPer1k)}, server + PostgreSQL ${verdict(ours.serverCpuMsPer1k + ours.databaseCpuMsPer1k)}`;
      const p99Ours = percentile(ours.latenciesMs, 99);
      lines.push(
        `${label}, ${ours.system}: CPU per delivered update ${cpu}; ` +
          `p99 ${p99Ours.toFixed(1)} ms vs ${p99Theirs.toFixed(1)} ms (${p99Ours <= p99Theirs ? 'lower or equal' : `${(p99Ours - p99Theirs).toFixed(1)} ms higher`})`,
      );
    }
  }
  return lines;
}

export async function benchCollab(): Promise<void> {
  const settings = readSettings();
  // Point 0 only warms each fresh server up (both paths: busy documents and many documents); it is not reported.
  const warmUp: LoadPoint = { label: 'warm-up', documents: 10, clientsPerDocument: 5 };
  const points: LoadPoint[] = [
    warmUp,
    ...settings.clientCounts.map((clients) => ({ label: `${clients} clients, 1 document`, documents: 1, clientsPerDocument: clients })),
    { label: `${settings.documents} documents × 2 clients`, documents: settings.documents, clientsPerDocument: 2 },
  ];
  console.log(
    `\nSync server under load vs bare Hocuspocus — ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)} at start; ` +
      `one edit per client every ${settings.editIntervalMs} ms, ${settings.warmupMs / 1000} s warm-up + ${settings.measureMs / 1000} s measured per point, each server warmed up for ${settings.serverWarmupMs / 1000} s first`,
  );

  const onSignal = (signal: NodeJS.Signals) => {
    killAllChildren();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'collab-bench-'));
  const scratches: Array<Awaited<ReturnType<typeof createScratchPostgresDatabase>>> = [];
  const watchers: Array<{ close(): Promise<void> }> = [];
  const systems: SystemUnderTest[] = [];
  const results: PointResult[] = [];
  try {
    const staticDir = path.join(dataDir, 'static');
    await mkdir(staticDir);
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>bench</title>');
    const ourEnv: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // A placeholder app, so the server does not warn that no built app was found.
      STATIC_DIR: staticDir,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      SYNC_MESSAGES_PER_SECOND: '100000',
      RATE_LIMIT_MAX: '1000000000',
      RATE_LIMIT_SIGNED_IN_MAX: '1000000000',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      // The demo store would synthesise and encode its beats in the background at start-up.
      DEMO_CATALOG: 'off',
    };
    delete ourEnv.REDIS_URL;
    delete ourEnv.DATABASE_URL;
    for (const database of settings.serverDatabases) {
      const env = { ...ourEnv };
      let databaseCpu: SystemUnderTest['databaseCpu'];
      if (database === 'postgres') {
        const created = await createScratchPostgresDatabase();
        scratches.push(created);
        env.DATABASE_URL = created.url;
        const watcher = await watchPostgresBackends(created.url);
        watchers.push(watcher);
        databaseCpu = () => watcher.read();
      }
      const label = `CreatorSync (${database === 'postgres' ? 'PostgreSQL' : 'PGlite'})`;
      const ours = await startServer(label, CHILDREN.ours, env);
      const httpUrl = `http://127.0.0.1:${ours.port}`;
      const prepared = await prepareProjects(httpUrl, points);
      systems.push({
        label,
        child: ours.child,
        dialect: DIALECTS.yWebsocket,
        wsUrl: `ws://127.0.0.1:${ours.port}/api/collab`,
        tickets: { httpUrl, accessToken: prepared.accessToken },
        documentNames: prepared.documentNames,
        ...(databaseCpu && { databaseCpu }),
      });
    }
    const hocuspocus = await startServer(HOCUSPOCUS, CHILDREN.hocuspocus, process.env);
    systems.push({
      label: HOCUSPOCUS,
      child: hocuspocus.child,
      dialect: DIALECTS.hocuspocus,
      wsUrl: `ws://127.0.0.1:${hocuspocus.port}`,
      documentNames: points.map((point, pointIndex) => Array.from({ length: point.documents }, (_, i) => `bench-${pointIndex}-${i}`)),
    });

    for (const system of systems) {
      const warm = await runPoint(system, warmUp, 0, { ...settings, measureMs: settings.serverWarmupMs, profileDir: undefined });
      console.log(`  ${system.label} warmed up (${warm.editsPerSecond.toFixed(0)} edits/s for ${settings.serverWarmupMs / 1000} s, not reported)`);
    }
    for (const [pointIndex, point] of points.entries()) {
      if (point === warmUp) continue;
      // Alternate which server goes first, so background noise does not always hit the same one.
      const order = pointIndex % 2 === 1 ? systems : [...systems].reverse();
      for (const system of order) {
        const result = await runPoint(system, point, pointIndex, settings);
        results.push(result);
        const p99 = percentile(result.latenciesMs, 99);
        console.log(`  ${point.label} on ${system.label}: p99 ${p99.toFixed(1)} ms, ${result.serverCpuMsPer1k.toFixed(1)} CPU ms / 1k deliveries`);
      }
    }
  } finally {
    await Promise.allSettled(systems.map((system) => system.child.stop(10_000)));
    killAllChildren();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await rm(dataDir, { recursive: true, force: true });
    await Promise.allSettled(watchers.map((watcher) => watcher.close()));
    for (const scratch of scratches) await scratch.drop();
  }

  printTable(
    'Edit-to-everyone latency and server CPU (CreatorSync: real server, tickets, every update stored before it is relayed — ' +
      "PGlite inside the server process, or PostgreSQL whose backends' CPU has its own column; Hocuspocus: bare, no persistence, no auth)",
    latencyRows(results),
  );
  for (const result of results) for (const problem of result.problems) console.log(`  ! ${result.point.label}, ${result.system}: ${problem}`);
  console.log(
    `  'waited for a core': share of the window the process was runnable but not running (/proc/<pid>/schedstat); above ${percent(CONTENDED)} the machine, not the server, set the pace.`,
  );
  if (results.some((result) => result.clientCpuShare >= SATURATED)) {
    console.log('  ! Where the client process was saturated, latencies include its own queueing: they are upper bounds for both servers.');
  }
  console.log('  Targets (report only):');
  for (const line of compareTargets(results)) console.log(`    ${line}`);
  printTable('Server memory per open document (delta after GC, divided by open documents; includes their sockets)', memoryRows(results));
  printTable(`Cold load of one document with ${settings.coldUpdates} stored updates (createDocumentStore.load)`, await benchColdLoad({ updates: settings.coldUpdates, repeats: settings.loadRepeats }));
}
