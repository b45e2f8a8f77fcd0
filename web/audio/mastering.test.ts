import { describe, expect, it } from 'vitest';
import { measureLoudness } from '../../shared/dsp/loudness.ts';
import { parseMix } from '../../shared/mix/mix-document.ts';
import { createDemoSong } from '../../shared/mix/engine/demo-song.ts';
import { toEngineConfig } from '../../shared/mix/engine/engine-config.ts';
import { renderOffline } from '../../shared/mix/engine/render-offline.ts';
import { masterToTarget } from './mastering.ts';
import { decodeWav } from './wav-decoder.ts';
import { encodeWav, WavBitDepth } from './wav-encoder.ts';

const sampleRate = 44100;

describe('masterToTarget', () => {
  const song = createDemoSong({ sampleRate, durationSeconds: 8, trackCount: 10 });
  const render = renderOffline(toEngineConfig(parseMix(song.document).mix), song.assets, { sampleRate, durationSeconds: 8 });

  for (const target of [
    { integratedLufs: -14, truePeakDbtp: -1 },
    { integratedLufs: -23, truePeakDbtp: -1 },
    { integratedLufs: -9, truePeakDbtp: -1 },
  ]) {
    it(`masters the demo mix to ${target.integratedLufs} LUFS under ${target.truePeakDbtp} dBTP, also after 24-bit export`, () => {
      const result = masterToTarget([render.left, render.right], sampleRate, target);
      expect(Math.abs(result.after.integrated - target.integratedLufs)).toBeLessThan(0.5);
      expect(result.after.truePeak).toBeLessThanOrEqual(target.truePeakDbtp + 0.01);
      const reread = measureLoudness(decodeWav(encodeWav(result.channels, sampleRate, WavBitDepth.twentyFour)).channels, sampleRate);
      expect(Math.abs(reread.integrated - target.integratedLufs)).toBeLessThan(0.5);
      expect(reread.truePeak).toBeLessThanOrEqual(target.truePeakDbtp + 0.01);
      console.log(`target ${target.integratedLufs}: before ${result.before.integrated.toFixed(2)} LUFS, gain ${result.gainDb.toFixed(2)} dB, after ${result.after.integrated.toFixed(3)} LUFS / ${result.after.truePeak.toFixed(2)} dBTP; WAV ${reread.integrated.toFixed(3)} LUFS`);
    });
  }

  it('leaves silence alone', () => {
    const silence = [new Float32Array(sampleRate), new Float32Array(sampleRate)];
    const result = masterToTarget(silence, sampleRate);
    expect(result.gainDb).toBe(0);
    expect(result.channels[0]!.every((sample) => sample === 0)).toBe(true);
  });
});
