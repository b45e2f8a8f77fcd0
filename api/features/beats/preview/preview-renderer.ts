import { Worker } from 'node:worker_threads';
import { UndecodableAudioError, VoiceTagSilentError, VoiceTagTooLongError } from './preview-errors.ts';
import type { DeliveryJob, DeliveryResult } from './render-delivery.ts';
import type { PeaksJob } from './render-peaks.ts';
import type { PreviewJob, PreviewResult } from './render-preview.ts';

export interface VoiceTagJob {
  input: string;
  format: PreviewJob['format'];
  output: string;
}
export interface VoiceTagResult {
  durationSeconds: number;
  bytes: number;
}

/**
 * Makes previews, voice tags and licence delivery files (render-delivery.ts) from files on disk. The
 * beats and licences services depend on this, not on how.
 */
export interface PreviewRenderer {
  render(job: PreviewJob): Promise<PreviewResult>;
  prepareVoiceTag(job: VoiceTagJob): Promise<VoiceTagResult>;
  renderDelivery(job: DeliveryJob): Promise<DeliveryResult>;
  /** The waveform overview of a master only a decoder reads (a WAV's is read directly, wav.ts). */
  renderPeaks(job: PeaksJob): Promise<number[]>;
  /** Stops the worker, if any; pending jobs are rejected. */
  close(): Promise<void>;
}

export type WorkerRequest =
  | { id: number; kind: 'preview'; job: PreviewJob }
  | { id: number; kind: 'voice-tag'; job: VoiceTagJob }
  | { id: number; kind: 'delivery'; job: DeliveryJob }
  | { id: number; kind: 'peaks'; job: PeaksJob };
export interface WorkerError {
  name: string;
  message: string;
  /** VoiceTagTooLongError's length. */
  seconds?: number | undefined;
}
export type WorkerReply = { id: number; ok: true; result: PreviewResult | VoiceTagResult | DeliveryResult | number[] } | { id: number; ok: false; error: WorkerError };

/** Errors the service turns into answers for the uploader; they cross the thread boundary by name. */
function revive(error: WorkerError): Error {
  if (error.name === 'UndecodableAudioError') return new UndecodableAudioError(error.message);
  if (error.name === 'VoiceTagSilentError') return new VoiceTagSilentError();
  if (error.name === 'VoiceTagTooLongError') return new VoiceTagTooLongError(error.seconds ?? 0);
  return Object.assign(new Error(`preview worker: ${error.message}`), { name: error.name });
}

/** On the calling thread: for scripts and benchmarks. Yields between chunks, but a server should use the worker. */
export function createInlinePreviewRenderer(): PreviewRenderer {
  // Loaded on first use, so a process using the worker never loads the decoders on its main thread.
  const rendering = () => import('./render-preview.ts');
  return {
    render: async (job) => (await rendering()).renderPreview(job),
    prepareVoiceTag: async (job) => (await rendering()).prepareVoiceTag(job),
    renderDelivery: async (job) => (await import('./render-delivery.ts')).renderDelivery(job),
    renderPeaks: async (job) => (await import('./render-peaks.ts')).renderPeaks(job),
    close: async () => {},
  };
}

/**
 * One worker thread, started on first use, doing one job at a time (the rest queue): encoding is
 * CPU-bound, so more jobs at once would only share the same cores and multiply the memory. An idle
 * worker is unref'd (it never keeps the process alive), and restarted if it dies; a job running
 * when it died is rejected.
 */
export function createWorkerPreviewRenderer(): PreviewRenderer {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let queue: Promise<unknown> = Promise.resolve();

  function started(): Worker {
    if (worker) return worker;
    const spawned = new Worker(new URL('./preview-worker.ts', import.meta.url));
    spawned.unref();
    spawned.on('message', (reply: WorkerReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (pending.size === 0) spawned.unref();
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(revive(reply.error));
    });
    const fail = (error: Error) => {
      if (worker === spawned) worker = undefined;
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.reject(error);
      }
    };
    spawned.on('error', (error) => fail(new Error('the preview worker failed', { cause: error })));
    spawned.on('exit', (code) => fail(new Error(`the preview worker exited (${code})`)));
    worker = spawned;
    return spawned;
  }

  function run<T>(request: Omit<WorkerRequest, 'id'>): Promise<T> {
    const job = queue.then(
      () =>
        new Promise<T>((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
          const running = started();
          running.ref();
          running.postMessage({ ...request, id });
        }),
    );
    // The next job waits for this one to settle, whatever the outcome.
    queue = job.catch(() => undefined);
    return job;
  }

  return {
    render: (job) => run<PreviewResult>({ kind: 'preview', job }),
    prepareVoiceTag: (job) => run<VoiceTagResult>({ kind: 'voice-tag', job }),
    renderDelivery: (job) => run<DeliveryResult>({ kind: 'delivery', job }),
    renderPeaks: (job) => run<number[]>({ kind: 'peaks', job }),
    async close() {
      const running = worker;
      worker = undefined;
      if (running) await running.terminate();
    },
  };
}
