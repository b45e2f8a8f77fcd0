import { parentPort } from 'node:worker_threads';
import { VoiceTagTooLongError } from './preview-errors.ts';
import { renderDelivery } from './render-delivery.ts';
import { renderPeaks } from './render-peaks.ts';
import { prepareVoiceTag, renderPreview } from './render-preview.ts';
import type { WorkerReply, WorkerRequest } from './preview-renderer.ts';

/**
 * The preview worker: runs one job per message (the renderer sends one at a time) and answers with
 * its result or the error's name and message. Loaded by preview-renderer.ts with worker_threads;
 * Node strips the types, so everything this imports must be plain erasable TypeScript.
 */
parentPort?.on('message', (request: WorkerRequest) => {
  const work: Promise<Extract<WorkerReply, { ok: true }>['result']> =
    request.kind === 'preview'
      ? renderPreview(request.job)
      : request.kind === 'voice-tag'
        ? prepareVoiceTag(request.job)
        : request.kind === 'delivery'
          ? renderDelivery(request.job)
          : renderPeaks(request.job);
  work.then(
    (result) => parentPort?.postMessage({ id: request.id, ok: true, result } satisfies WorkerReply),
    (error: unknown) => {
      const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
      const seconds = error instanceof VoiceTagTooLongError ? error.seconds : undefined;
      parentPort?.postMessage({ id: request.id, ok: false, error: { name, message, seconds } } satisfies WorkerReply);
    },
  );
});
