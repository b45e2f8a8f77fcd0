import { describe, expect, it } from 'vitest';
import { measureLoudness } from '../../shared/dsp/loudness.ts';
import { parseMix } from '../../shared/mix/mix-document.ts';
import { createDemoSong } from '../../shared/mix/engine/demo-song.ts';
import { toEngineConfig } from '../../shared/mix/engine/engine-config.ts';
import { renderOffline } from '../../shared/mix/engine/render-offline.ts';
import { exportMix, type MixRenderFunction } from './export-mix.ts';
import { decodeWav } from './wav-decoder.ts';
import { WavBitDepth } from './wav-encoder.ts';

const nodeRenderer: MixRenderFunction = async ({ config, assets, sampleRate, durationSeconds }) => renderOffline(config, assets, { sampleRate, durationSeconds });

describe('exportMix (Node renderer)', () => {
  const sampleRate = 48000;
  const song = createDemoSong({ sampleRate, durationSeconds: 4, trackCount: 5 });
  const mix = parseMix(song.document).mix;

  it('exports a mastered 16-bit mix that re-measures at its target, and one stem per track', async () => {
    const result = await exportMix(mix, song.assets, { sampleRate, bitDepth: WavBitDepth.sixteen, mastering: { integratedLufs: -14, truePeakDbtp: -1 }, stems: true, tailSeconds: 1 }, nodeRenderer);
    const decoded = decodeWav(result.mix.wav);
    expect(decoded.sampleRate).toBe(sampleRate);
    expect(decoded.channels[0]!.length).toBe(5 * sampleRate);
    const loudness = measureLoudness(decoded.channels, sampleRate);
    expect(Math.abs(loudness.integrated + 14)).toBeLessThan(0.5);
    expect(loudness.truePeak).toBeLessThanOrEqual(-0.95);
    expect(result.mastering?.gainDb).toBeGreaterThan(0);
    expect(result.stems.map((stem) => stem.fileName)).toEqual(['01-kick-1.wav', '02-hats-1.wav', '03-bass-1.wav', '04-pad-1.wav', '05-lead-1.wav']);
    for (const stem of result.stems) expect(stem.loudness.integrated).toBeGreaterThan(-60);
  });

  it('exports the mix unmastered when asked', async () => {
    const result = await exportMix(mix, song.assets, { sampleRate, bitDepth: WavBitDepth.twentyFour, mastering: null, stems: false, tailSeconds: 0 }, nodeRenderer);
    const rendered = renderOffline(toEngineConfig(mix), song.assets, { sampleRate, durationSeconds: 4 });
    const decoded = decodeWav(result.mix.wav);
    let largest = 0;
    for (let index = 0; index < rendered.left.length; index++) largest = Math.max(largest, Math.abs(decoded.channels[0]![index]! - rendered.left[index]!));
    expect(largest).toBeLessThanOrEqual(2 ** -24 + 1e-9);
    expect(result.stems).toEqual([]);
    expect(result.mastering).toBeNull();
  });
});
