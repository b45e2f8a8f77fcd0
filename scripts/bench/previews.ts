import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { encodeFlac, encodeMp3, sine } from '../../api/features/beats/preview/audio-fixtures.ts';
import { createWorkerPreviewRenderer } from '../../api/features/beats/preview/preview-renderer.ts';
import { renderDelivery, type DeliveryJob } from '../../api/features/beats/preview/render-delivery.ts';
import { renderPeaks } from '../../api/features/beats/preview/render-peaks.ts';
import { renderPreview, type PreviewJob } from '../../api/features/beats/preview/render-preview.ts';
import { sineWav } from '../../api/features/beats/wav.ts';
import { percentile, printTable } from './stats.ts';

const RUNS = 3;

/**
 * `npm run bench -- previews`: making the tagged public preview of a 3-minute master (the preview
 * is its first 120 s), per master format, on the calling thread and in the preview worker, with the
 * main thread's event-loop delay while the worker encodes (what requests would feel); then the
 * licence delivery files made on a first download (the whole song), and the waveform of a
 * compressed master (decoded whole at upload).
 */
export async function benchPreviews(): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'cs-bench-previews-'));
  try {
    const seconds = 180;
    const wav = path.join(folder, 'master.wav');
    await writeFile(wav, sineWav({ seconds, sampleRate: 44_100, channels: 2, frequency: 220 }));
    const flac = path.join(folder, 'master.flac');
    const tone = sine({ seconds, sampleRate: 44_100, frequency: 220 });
    await writeFile(flac, encodeFlac([tone, tone], 44_100));
    const mp3 = path.join(folder, 'master.mp3');
    await writeFile(mp3, await encodeMp3(tone, 44_100, 192));

    const rows: Array<Record<string, string | number>> = [];
    const output = path.join(folder, 'preview.mp3');
    const cases: Array<[string, PreviewJob]> = [
      ['WAV 44.1 kHz stereo 16-bit', { input: wav, format: 'wav', output, durationSeconds: seconds, voiceTag: null }],
      ['FLAC 44.1 kHz stereo', { input: flac, format: 'flac', output, durationSeconds: seconds, voiceTag: null }],
      ['MP3 44.1 kHz mono 192 kb/s', { input: mp3, format: 'mp3', output, durationSeconds: seconds, voiceTag: null }],
    ];
    for (const [master, job] of cases) {
      const times: number[] = [];
      let bytes = 0;
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        bytes = (await renderPreview(job)).bytes;
        times.push(performance.now() - started);
      }
      rows.push({ master, where: 'calling thread', 'median ms': percentile(times, 50), 'preview bytes': bytes, 'event-loop p99 ms': '(blocked between chunks)' });
    }

    const renderer = createWorkerPreviewRenderer();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    try {
      await renderer.render(cases[0]![1]); // Start the worker and compile the decoders once.
      const times: number[] = [];
      let bytes = 0;
      delay.enable();
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        bytes = (await renderer.render(cases[0]![1])).bytes;
        times.push(performance.now() - started);
      }
      delay.disable();
      rows.push({ master: cases[0]![0], where: 'preview worker', 'median ms': percentile(times, 50), 'preview bytes': bytes, 'event-loop p99 ms': delay.percentile(99) / 1e6 });
    } finally {
      await renderer.close();
    }
    printTable(`Tagged preview of a ${seconds / 60}-minute master (first 120 s, mono 22.05 kHz, 96 kb/s MP3), median of ${RUNS}`, rows);

    // What a licence holder's first download of a file the master is not waits for (then it is stored).
    const delivered: Array<Record<string, string | number>> = [];
    const deliveries: Array<[string, string, DeliveryJob]> = [
      ['WAV 44.1 kHz stereo 16-bit', 'MP3 320 kb/s stereo', { input: wav, format: 'wav', output: path.join(folder, 'delivery.mp3'), file: 'mp3' }],
      ['FLAC 44.1 kHz stereo', 'MP3 320 kb/s stereo', { input: flac, format: 'flac', output: path.join(folder, 'delivery.mp3'), file: 'mp3' }],
      ['FLAC 44.1 kHz stereo', 'WAV 16-bit', { input: flac, format: 'flac', output: path.join(folder, 'delivery.wav'), file: 'wav' }],
    ];
    for (const [master, file, job] of deliveries) {
      const times: number[] = [];
      let bytes = 0;
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        bytes = (await renderDelivery(job)).bytes;
        times.push(performance.now() - started);
      }
      delivered.push({ master, file, 'median ms': percentile(times, 50), 'ms per second of audio': percentile(times, 50) / seconds, bytes });
    }
    printTable(`Licence delivery files of a ${seconds / 60}-minute master (whole song, untagged), made once on the first download, calling thread, median of ${RUNS}`, delivered);

    // What an upload of a compressed master adds: decoding all of it for the waveform.
    const waveforms: Array<Record<string, string | number>> = [];
    for (const [master, input, format] of [
      ['FLAC 44.1 kHz stereo', flac, 'flac'],
      ['MP3 44.1 kHz mono 192 kb/s', mp3, 'mp3'],
    ] as const) {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        await renderPeaks({ input, format, durationSeconds: seconds });
        times.push(performance.now() - started);
      }
      waveforms.push({ master, 'median ms': percentile(times, 50) });
    }
    printTable(`Waveform peaks of a ${seconds / 60}-minute compressed master (decoded whole at upload), calling thread, median of ${RUNS}`, waveforms);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
