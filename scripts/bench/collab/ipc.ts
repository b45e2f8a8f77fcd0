import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The benchmark's processes talk over Node's IPC channel: the parent sends a request with an id,
 * the child answers with the same id. Every child is registered here so that, whatever happens
 * (an exception, Ctrl-C, a normal end), none outlives the run.
 */
export interface Request {
  id: number;
  type: string;
  [key: string]: unknown;
}

export interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** CPU and memory of one process, as it sees itself. */
export interface ProcessUsage {
  /** User + system CPU since the process started, in microseconds. */
  cpuMicros: number;
  /** performance.timeOrigin + now(), so two processes' samples share a time base. */
  atMs: number;
  /**
   * Time spent runnable but waiting for a core (Linux /proc/self/schedstat), in ms; NaN elsewhere.
   * On a shared machine this says whether a slow server was slow or just not scheduled.
   */
  runQueueWaitMs: number;
  rss: number;
  heapUsed: number;
  external: number;
}

function runQueueWaitMs(): number {
  try {
    return Number(readFileSync('/proc/self/schedstat', 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

export function ownUsage(collectGarbage: boolean): ProcessUsage {
  if (collectGarbage && typeof gc === 'function') {
    // Twice: the first pass can leave work for finalizers that the second one collects.
    gc();
    gc();
  }
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  return {
    cpuMicros: cpu.user + cpu.system,
    atMs: performance.timeOrigin + performance.now(),
    runQueueWaitMs: runQueueWaitMs(),
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    external: memory.external,
  };
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function killAllNow() {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/** A child process started from a TypeScript module, answering requests over IPC. */
export class Child {
  readonly name: string;
  readonly process: ChildProcess;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly exited: Promise<void>;
  private readonly notices: Array<(message: Record<string, unknown>) => void> = [];

  constructor(name: string, modulePath: string, options: { env?: NodeJS.ProcessEnv; execArgv?: string[] } = {}) {
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.on('exit', killAllNow);
    }
    this.name = name;
    this.process = fork(modulePath, [], {
      env: options.env ?? process.env,
      execArgv: options.execArgv ?? [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    live.add(this.process);
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code, signal) => {
        live.delete(this.process);
        for (const { reject } of this.waiting.values()) reject(new Error(`${name} exited (code ${code}, signal ${signal})`));
        this.waiting.clear();
        resolve();
      });
    });
    this.process.on('message', (message: Record<string, unknown>) => {
      if (typeof message.id === 'number' && typeof message.ok === 'boolean') {
        const reply = message as unknown as Reply;
        const waiter = this.waiting.get(reply.id);
        if (!waiter) return;
        this.waiting.delete(reply.id);
        if (reply.ok) waiter.resolve(reply.value);
        else waiter.reject(new Error(`${name}: ${reply.error}`));
        return;
      }
      for (const notice of this.notices) notice(message);
    });
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  /** Resolves with the first unsolicited message of that type (e.g. 'ready'). */
  notice<T>(type: string, timeoutMs: number): Promise<T> {
    return withTimeout(
      new Promise<T>((resolve, reject) => {
        this.notices.push((message) => {
          if (message.type === type) resolve(message as T);
        });
        void this.exited.then(() => reject(new Error(`${this.name} exited before '${type}'`)));
      }),
      timeoutMs,
      `${this.name}: no '${type}'`,
    );
  }

  request<T>(type: string, body: Record<string, unknown> = {}, timeoutMs = 60_000): Promise<T> {
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
    });
    this.process.send({ ...body, id, type } satisfies Request);
    return withTimeout(answer, timeoutMs, `${this.name}: '${type}' timed out`);
  }

  /** Asks politely, then kills. Always resolves once the process is gone. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    if (this.process.connected) this.process.send({ id: 0, type: 'exit' } satisfies Request);
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Kills every child still running (used on errors and signals). */
export function killAllChildren(): void {
  killAllNow();
}

async function withTimeout<T>(work: Promise<T>, milliseconds: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(what)), milliseconds);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The child's side: answers requests with `handle`, exits on 'exit' or when the parent goes away
 * (the IPC channel closes), so an orphan never keeps a port or a core busy.
 */
export function answerRequests(handle: (request: Request) => Promise<unknown> | unknown, onExit: () => Promise<void> | void = () => {}): void {
  const send = (message: unknown) => {
    if (process.connected) process.send!(message);
  };
  let exiting = false;
  const exit = async () => {
    if (exiting) return;
    exiting = true;
    try {
      await onExit();
    } finally {
      process.exit(0);
    }
  };
  process.on('disconnect', () => void exit());
  process.on('message', (message: Request) => {
    if (message.type === 'exit') return void exit();
    void (async () => {
      try {
        send({ id: message.id, ok: true, value: await handle(message) } satisfies Reply);
      } catch (error) {
        send({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Reply);
      }
    })();
  });
}

/** For children: announce something to the parent without being asked. */
export function announce(message: Record<string, unknown>): void {
  if (process.connected) process.send!(message);
}
