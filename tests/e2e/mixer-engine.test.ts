import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { measureLoudness } from '../../shared/dsp/loudness.ts';
import { parseMix } from '../../shared/mix/mix-document.ts';
import { createDemoSong } from '../../shared/mix/engine/demo-song.ts';
import { toEngineConfig } from '../../shared/mix/engine/engine-config.ts';
import { outputLatencyFrames } from '../../shared/mix/engine/engine-latency.ts';
import { engineProtocolVersion, mixProcessorName, type TimedEvent } from '../../shared/mix/engine/engine-protocol.ts';
import { offlineStartEvents, renderOffline } from '../../shared/mix/engine/render-offline.ts';
import { decodeWav } from '../../web/audio/wav-decoder.ts';
import { launchChromium, screenshot, VIEWPORTS, WatchedPage } from './browser.ts';

/**
 * The mix engine in Chromium, on the served app (production build, real CSP):
 * the AudioWorklet processor renders a known mix in an OfflineAudioContext
 * and must match the Node render of the same mix; the console's export
 * produces a mastered WAV that re-measures at its loudness target.
 */

const baseUrl = inject('baseUrl');
const distAssets = join(import.meta.dirname, '../../dist/assets');
let browser: Browser;
let context: BrowserContext;
let watched: WatchedPage;
let page: Page;

/** The built processor module, as the server serves it. */
function processorPath(): string {
  const file = readdirSync(distAssets).find((name) => /^mix-processor-[\w-]+\.js$/.test(name));
  if (!file) throw new Error('dist/assets has no mix-processor-*.js: is the mixer route built?');
  return `/assets/${file}`;
}

function toBase64(samples: Float32Array): string {
  return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength).toString('base64');
}

function fromBase64(text: string): Float32Array {
  const bytes = Buffer.from(text, 'base64');
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: VIEWPORTS.laptop, locale: 'en-US', acceptDownloads: true });
  watched = await WatchedPage.open(context);
  page = watched.page;
  await page.goto(`${baseUrl}/mixer`);
  await page.getByRole('heading', { level: 1, name: 'Mixer' }).waitFor({ state: 'visible' });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  expect(watched?.problems() ?? []).toEqual([]);
});

describe('mix engine in Chromium', () => {
  it('renders a known mix in an OfflineAudioContext the same as Node, within -90 dB', async () => {
    const sampleRate = 48000;
    const durationSeconds = 3;
    const song = createDemoSong({ sampleRate, durationSeconds, trackCount: 8 });
    const config = toEngineConfig(parseMix(song.document).mix);
    // A fader move and a mute mid-render, so sample-accurate events are compared too.
    const events: TimedEvent[] = [
      { frame: 30_011, event: { target: 'strip', id: 'track-001', field: 'faderDb', value: -20 } },
      { frame: 70_003, event: { target: 'strip', id: 'track-004', field: 'mute', value: true } },
    ];
    const node = renderOffline(config, song.assets, { sampleRate, durationSeconds, events });
    const assets = Object.fromEntries([...song.assets].map(([id, channels]) => [id, channels.map(toBase64)]));
    const started = performance.now();
    const browserRender = await page.evaluate(
      async ({ url, name, options, frames, latency, rate }) => {
        const decode = (text: string) => {
          const binary = atob(text);
          const bytes = new Uint8Array(binary.length);
          for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
          return new Float32Array(bytes.buffer);
        };
        const encode = (samples: Float32Array) => {
          const bytes = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
          let binary = '';
          for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
          return btoa(binary);
        };
        const offline = new OfflineAudioContext({ numberOfChannels: 2, length: frames + latency, sampleRate: rate });
        await offline.audioWorklet.addModule(url);
        const processorOptions = { ...options, assets: Object.fromEntries(Object.entries(options.assets).map(([id, channels]) => [id, channels.map(decode)])) };
        const worklet = new AudioWorkletNode(offline, name, { numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [2], processorOptions });
        worklet.connect(offline.destination);
        const buffer = await offline.startRendering();
        return { left: encode(buffer.getChannelData(0).slice(latency)), right: encode(buffer.getChannelData(1).slice(latency)) };
      },
      {
        url: processorPath(),
        name: mixProcessorName,
        options: { protocolVersion: engineProtocolVersion, config, assets, events: [...offlineStartEvents(0), ...events], metersPerSecond: 0 },
        frames: durationSeconds * sampleRate,
        latency: outputLatencyFrames(config, sampleRate),
        rate: sampleRate,
      },
    );
    const elapsed = performance.now() - started;
    let largest = 0;
    let peak = 0;
    for (const [channel, reference] of [
      [fromBase64(browserRender.left), node.left],
      [fromBase64(browserRender.right), node.right],
    ] as const) {
      expect(channel.length).toBe(reference.length);
      for (let index = 0; index < reference.length; index++) {
        largest = Math.max(largest, Math.abs(channel[index]! - reference[index]!));
        peak = Math.max(peak, Math.abs(reference[index]!));
      }
    }
    const differenceDb = 20 * Math.log10(largest);
    console.log(`worklet vs Node: max |difference| ${largest.toExponential(2)} (${differenceDb.toFixed(1)} dBFS), peak ${peak.toFixed(3)}, ${elapsed.toFixed(0)} ms round trip`);
    expect(peak).toBeGreaterThan(0.1);
    expect(largest === 0 || differenceDb < -90).toBe(true);
  });

  it('exports a mastered WAV from the console that re-measures within 0.5 LU of its target', async () => {
    const section = page.getByRole('region', { name: 'Export' });
    await section.getByLabel('Sample rate').selectOption('44100');
    await section.getByLabel('Bit depth').selectOption('16');
    await section.getByLabel('Target (LUFS)').fill('-16');
    await section.getByRole('button', { name: 'Export WAV' }).click();
    const link = section.getByRole('link', { name: 'Download mix.wav' });
    await link.waitFor({ state: 'visible', timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    const wav = decodeWav(new Uint8Array(readFileSync(path)));
    expect(wav.sampleRate).toBe(44100);
    expect(wav.bitDepth).toBe(16);
    const loudness = measureLoudness(wav.channels, wav.sampleRate);
    console.log(`exported WAV: ${loudness.integrated.toFixed(3)} LUFS (target -16), ${loudness.truePeak.toFixed(2)} dBTP, ${(wav.channels[0]!.length / wav.sampleRate).toFixed(1)} s`);
    expect(Math.abs(loudness.integrated + 16)).toBeLessThan(0.5);
    expect(loudness.truePeak).toBeLessThanOrEqual(-0.95);
    await expect(section.getByRole('status').textContent()).resolves.toMatch(/LUFS integrated/);
  });

  it('plays in real time: the transport runs and the meters move', async () => {
    await page.getByRole('button', { name: 'Play' }).click();
    const timer = page.getByRole('timer', { name: 'Position' });
    await expect
      .poll(async () => Number.parseFloat((await timer.textContent()) ?? '0'), { timeout: 15_000 })
      .toBeGreaterThan(0.5);
    const integrated = page.getByRole('term').filter({ hasText: 'Momentary' }).locator('xpath=following-sibling::dd[1]');
    await expect.poll(async () => (await integrated.textContent()) ?? '', { timeout: 10_000 }).toMatch(/LUFS/);
    const kickLevel = page.getByRole('meter', { name: 'Kick level' });
    await expect.poll(async () => Number(await kickLevel.evaluate((meter) => (meter as HTMLMeterElement).value)), { timeout: 10_000 }).toBeGreaterThan(-60);
    await screenshot(page, 'mixer-laptop');
    await page.getByRole('button', { name: 'Pause' }).click();
  });
});
