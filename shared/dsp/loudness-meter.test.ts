import { describe, expect, it } from 'vitest';
import { LoudnessMeter } from './loudness-meter.ts';
import { measureLoudness } from './loudness.ts';

function toneSequence(sampleRate: number, segments: ReadonlyArray<readonly [number, number]>): Float32Array {
  const total = segments.reduce((sum, [, seconds]) => sum + Math.round(seconds * sampleRate), 0);
  const signal = new Float32Array(total);
  let start = 0;
  for (const [levelDbfs, seconds] of segments) {
    const length = Math.round(seconds * sampleRate);
    const amplitude = Math.pow(10, levelDbfs / 20);
    for (let n = start; n < start + length; n++) signal[n] = amplitude * Math.sin((2 * Math.PI * 1000 * n) / sampleRate);
    start += length;
  }
  return signal;
}

function runMeter(meter: LoudnessMeter, channels: Float32Array[], blockSize: number): void {
  const length = channels[0]!.length;
  for (let start = 0; start < length; start += blockSize) {
    const frames = Math.min(blockSize, length - start);
    meter.process(channels.map((channel) => channel.subarray(start)), frames);
  }
}

describe('LoudnessMeter (real time)', () => {
  it('agrees with the offline measurement on EBU Tech 3341 case 4 and Tech 3342 case 4', () => {
    for (const segments of [
      [[-72, 10], [-36, 10], [-23, 60], [-36, 10], [-72, 10]],
      [[-50, 20], [-35, 20], [-20, 20], [-35, 20], [-50, 20]],
    ] as const) {
      const signal = toneSequence(48000, segments);
      const meter = new LoudnessMeter(48000, 2);
      runMeter(meter, [signal, signal], 128);
      const offline = measureLoudness([signal, signal], 48000);
      expect(Math.abs(meter.integrated - offline.integrated)).toBeLessThan(0.05);
      expect(Math.abs(meter.loudnessRange - offline.loudnessRange)).toBeLessThan(0.1);
      expect(Math.abs(meter.shortTermMax - offline.shortTermMax)).toBeLessThan(0.05);
    }
  });

  it('shows -23 LUFS momentary and short-term for EBU Tech 3341 case 1 at 44.1 kHz, whatever the block size', () => {
    const signal = toneSequence(44100, [[-23, 5]]);
    for (const blockSize of [1, 128, 1000]) {
      const meter = new LoudnessMeter(44100, 2);
      runMeter(meter, [signal, signal], blockSize);
      expect(Math.abs(meter.momentary + 23)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(meter.shortTerm + 23)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(meter.integrated + 23)).toBeLessThanOrEqual(0.1);
    }
  });

  it('starts over on reset', () => {
    const signal = toneSequence(48000, [[-23, 4]]);
    const meter = new LoudnessMeter(48000, 2);
    runMeter(meter, [signal, signal], 512);
    meter.reset();
    expect(meter.integrated).toBe(-Infinity);
    expect(meter.momentaryMax).toBe(-Infinity);
  });
});
