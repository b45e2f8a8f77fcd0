import { Worker } from 'node:worker_threads';
import type { LoopSpec } from './synth.ts';

/** Renders demo loops to WAV bytes. */
export interface LoopRenderer {
  render(spec: LoopSpec): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * Synthesising a loop takes a few hundred milliseconds of CPU: on the main thread that would stall
 * every request and sync socket of a first start (the demo store seeds while a newcomer opens the
 * app). One worker thread renders the loops one after another and is closed after the seeding.
 */
export function startSynthThread(): LoopRenderer {
  const worker = new Worker(new URL('./synth-worker.ts', import.meta.url));
  const pending = new Map<number, { resolve: (wav: Uint8Array) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: { id: number; wav: Uint8Array }) => {
    pending.get(reply.id)?.resolve(reply.wav);
    pending.delete(reply.id);
  });
  worker.on('error', (error) => failAll(new Error('the demo synthesiser failed', { cause: error })));
  worker.on('exit', (code) => failAll(new Error(`the demo synthesiser exited (${code})`)));
  return {
    render(spec) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, spec });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
