import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DecodableFormat } from './decodable-formats.ts';
import { decodeAudioFile } from './pcm-decoding.ts';
import { createPcmPeakAccumulator } from './pcm-peaks.ts';

export interface PeaksJob {
  input: string;
  format: DecodableFormat;
  /** The master's length from its metadata, in seconds: where each decoded frame's bucket is. */
  durationSeconds: number;
}

/** Decodes the whole master (no encoding) for its waveform overview; yields between chunks. */
export async function renderPeaks(job: PeaksJob): Promise<number[]> {
  let peaks: ReturnType<typeof createPcmPeakAccumulator> | undefined;
  for await (const chunk of decodeAudioFile(job.input, job.format)) {
    peaks ??= createPcmPeakAccumulator(job.durationSeconds * chunk.sampleRate);
    peaks.push(chunk.channels);
    await nextTurn();
  }
  // decodeAudioFile throws when nothing decodes, so there was at least one chunk.
  return peaks!.result();
}
