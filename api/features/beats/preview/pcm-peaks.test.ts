import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPeakAccumulator, readWavFormat, sineWav } from '../wav.ts';
import { createPcmPeakAccumulator } from './pcm-peaks.ts';

describe('waveform peaks of decoded audio', () => {
  it('gives the same peaks however the audio is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 3000 }),
        fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 100 }),
        (samples, cuts, count) => {
          const whole = createPcmPeakAccumulator(samples.length, count);
          whole.push([Float32Array.from(samples)]);
          const chunked = createPcmPeakAccumulator(samples.length, count);
          for (let start = 0, cut = 0; start < samples.length; cut++) {
            const end = Math.min(samples.length, start + cuts[cut % cuts.length]!);
            chunked.push([Float32Array.from(samples.slice(start, end))]);
            start = end;
          }
          expect(chunked.result()).toEqual(whole.result());
        },
      ),
    );
  });

  it('agrees with the WAV reader’s peaks on the same audio, within a step', () => {
    const wav = sineWav({ seconds: 0.5, sampleRate: 8000, channels: 2, frequency: 70, amplitude: 0.6 });
    const format = readWavFormat(wav)!;
    const fromWav = createPeakAccumulator(format, 100);
    fromWav.push(wav.subarray(format.dataOffset));
    const view = new DataView(wav.buffer, format.dataOffset);
    const frames = format.dataBytes / 4;
    const left = new Float32Array(frames).map((_, frame) => view.getInt16(frame * 4, true) / 32_767);
    const right = new Float32Array(frames).map((_, frame) => view.getInt16(frame * 4 + 2, true) / 32_767);
    const decoded = createPcmPeakAccumulator(frames, 100);
    decoded.push([left, right]);
    decoded.result().forEach((peak, index) => expect(Math.abs(peak - fromWav.result()[index]!)).toBeLessThanOrEqual(1));
  });

  it('puts frames beyond the expected length in the last bucket and leaves unreached buckets flat', () => {
    const longer = createPcmPeakAccumulator(4, 4);
    longer.push([Float32Array.of(0.1, 0.2, 0.3, 0.4, 1)]);
    expect(longer.result().slice(-2)).toEqual([0, 127]);
    const shorter = createPcmPeakAccumulator(8, 4);
    shorter.push([Float32Array.of(-1, 1)]);
    expect(shorter.result()).toEqual([-127, 127, 0, 0, 0, 0, 0, 0]);
  });
});
