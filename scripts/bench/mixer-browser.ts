import { cpus, loadavg } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { engineProtocolVersion, mixProcessorName } from '../../shared/mix/engine/engine-protocol.ts';
import { createDemoSong } from '../../shared/mix/engine/demo-song.ts';
import { benchSourceCount, createBenchMix } from './mixer-browser/bench-mix.ts';
import { renderWithEngine, renderWithNativeNodes, storeSource, type RenderTiming } from './mixer-browser/in-page.ts';
import { ensureProcessorBuilt, serveApp } from './mixer-browser/serve-app.ts';
import { printTable } from './stats.ts';

/** The targets; reported beside the table, not asserted (a shared machine makes timings noisy). */
const targets = { perTrackCheaperThanNative: 3, realTimeFactorAt64: 5 } as const;

export interface MixerBrowserBenchOptions {
  readonly seconds?: number;
  readonly sampleRate?: number;
  readonly runs?: number;
  readonly trackCounts?: readonly number[];
}

/** Uploads the demo song's five instruments, made stereo, as the shared input of both renderers. */
async function uploadSources(page: Page, seconds: number, sampleRate: number): Promise<void> {
  const song = createDemoSong({ sampleRate, durationSeconds: seconds, trackCount: benchSourceCount });
  const sources = [...song.assets.values()];
  for (const [index, channels] of sources.entries()) {
    const left = channels[0]!;
    const stereo = [left, channels[1] ?? left.slice()];
    const encoded = stereo.map((channel) => Buffer.from(channel.buffer, channel.byteOffset, channel.byteLength).toString('base64'));
    await page.evaluate(storeSource, { index, channels: encoded, sampleRate });
  }
}

/**
 * Our single-AudioWorklet mix engine against the same mix built from native
 * Web Audio nodes, both rendered by Chromium in an OfflineAudioContext from
 * the same synthesised audio: real-time factor and share of one core for
 * 8/32/64 stereo tracks with full strips and two sends, plus reverb and
 * delay buses and the master, and the cost of one track beyond the fixed
 * buses-and-master cost. Fastest of `runs` for every cell. Meters are off
 * in the engine (as in export), since the native graph has none.
 *
 * Loads the built processor by URL from the served app, as the Chromium
 * suite does; the render functions travel in `page.evaluate`, so the app
 * needs no benchmark hook and no bundle grows.
 */
export async function benchMixerBrowser(options: MixerBrowserBenchOptions = {}): Promise<string> {
  const seconds = options.seconds ?? 20;
  const sampleRate = options.sampleRate ?? 48000;
  const runs = options.runs ?? 3;
  const trackCounts = options.trackCounts ?? [8, 32, 64];
  const processorUrl = ensureProcessorBuilt();
  const app = await serveApp();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    // Any page of the app will do: it gives the origin (and CSP) the worklet module is allowed under.
    await page.goto(`${app.baseUrl}/mixer`);
    await uploadSources(page, seconds, sampleRate);
    const time = async (trackCount: number, renderSeconds = seconds) => {
      const mix = createBenchMix(trackCount, renderSeconds);
      const renderFrames = Math.round(renderSeconds * sampleRate);
      const engine = () =>
        page.evaluate(renderWithEngine, { processorUrl, processorName: mixProcessorName, protocolVersion: engineProtocolVersion, config: mix.config, assetSources: mix.assetSources, frames: renderFrames, sampleRate });
      const native = () => page.evaluate(renderWithNativeNodes, { plan: mix.native, frames: renderFrames, sampleRate });
      const engineRuns: RenderTiming[] = [];
      const nativeRuns: RenderTiming[] = [];
      // Alternate the two, so a burst of load from another process hits both alike.
      for (let run = 0; run < runs; run++) {
        engineRuns.push(await engine());
        nativeRuns.push(await native());
      }
      for (const [name, timings] of [['engine', engineRuns], ['native', nativeRuns]] as const) {
        if (trackCount > 0 && timings.some((timing) => !(timing.peak > 0.01))) throw new Error(`${name} rendered silence for ${trackCount} tracks`);
      }
      return { engine: Math.min(...engineRuns.map((timing) => timing.milliseconds)), native: Math.min(...nativeRuns.map((timing) => timing.milliseconds)) };
    };
    // Warm up the JIT, the worklet module cache and the graph code paths.
    await time(8, 2);
    const fixed = await time(0);
    const audioMs = seconds * 1000;
    const rows: Array<Record<string, string | number>> = [];
    for (const trackCount of trackCounts) {
      const measured = await time(trackCount);
      const enginePerTrack = (measured.engine - fixed.engine) / trackCount / seconds;
      const nativePerTrack = (measured.native - fixed.native) / trackCount / seconds;
      rows.push({
        tracks: trackCount,
        'engine ms': measured.engine,
        'engine × RT': audioMs / measured.engine,
        'engine % core': (measured.engine / audioMs) * 100,
        'native ms': measured.native,
        'native × RT': audioMs / measured.native,
        'native % core': (measured.native / audioMs) * 100,
        'engine ms/track/s': enginePerTrack,
        'native ms/track/s': nativePerTrack,
        'per track: native / engine': nativePerTrack / enginePerTrack,
      });
    }
    const [oneMinuteLoad] = loadavg();
    const table = printTable(
      `Mixer in Chromium ${browser.version()}, OfflineAudioContext, ${seconds} s at ${sampleRate} Hz, fastest of ${runs}; ` +
        `buses + master alone: engine ${fixed.engine.toFixed(0)} ms, native ${fixed.native.toFixed(0)} ms ` +
        `(ms/track/s = render ms per track per second of audio, beyond buses + master)\n` +
        `Machine: ${cpus().length} cores shared with other work (1-minute load average ${oneMinuteLoad!.toFixed(1)} at the end), so absolute times are pessimistic.`,
      rows,
    );
    const verdicts = [...rows.map((row) => ({ tracks: row.tracks, ratio: Number(row['per track: native / engine']) }))].map(
      ({ tracks, ratio }) => `per track at ${tracks} tracks ${ratio.toFixed(2)}× cheaper than native (target ≥ ${targets.perTrackCheaperThanNative}×: ${ratio >= targets.perTrackCheaperThanNative ? 'met' : 'not met'})`,
    );
    const at64 = rows.find((row) => row.tracks === 64);
    if (at64) {
      const factor = Number(at64['engine × RT']);
      verdicts.push(`64 tracks at ${factor.toFixed(2)}× real time, ${Number(at64['engine % core']).toFixed(1)}% of a core (target ≥ ${targets.realTimeFactorAt64}×: ${factor >= targets.realTimeFactorAt64 ? 'met' : 'not met'})`);
    }
    const report = verdicts.map((line) => `- ${line}`).join('\n');
    console.log(report);
    return `${table}\n${report}`;
  } finally {
    await browser.close();
    await app.stop();
  }
}
