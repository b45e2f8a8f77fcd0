import { parentPort } from 'node:worker_threads';
import { encodeWav, renderLoop, type LoopSpec } from './synth.ts';

/** The demo store's synthesiser off the main thread: one loop per message, answered as WAV bytes. */
parentPort?.on('message', (request: { id: number; spec: LoopSpec }) => {
  const wav = encodeWav(renderLoop(request.spec));
  parentPort?.postMessage({ id: request.id, wav }, [wav.buffer as ArrayBuffer]);
});
