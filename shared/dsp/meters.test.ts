import { describe, expect, it } from 'vitest';
import { PeakMeter } from './peak-meter.ts';
import { RmsMeter } from './rms-meter.ts';
import { TruePeakMeter } from './true-peak-meter.ts';
import { measureTruePeak } from './true-peak.ts';

const sine = (amplitude: number, length: number) => Float32Array.from({ length }, (_, n) => amplitude * Math.sin((2 * Math.PI * 1000 * n) / 48000));

describe('PeakMeter', () => {
  it('rises instantly, holds the peak and falls at 20 dB per 1.7 s', () => {
    const meter = new PeakMeter(48000);
    meter.process(sine(0.5, 480));
    expect(meter.displayDb).toBeCloseTo(-6.02, 2);
    const silence = new Float32Array(48000 * 1.7);
    meter.process(silence);
    expect(meter.displayDb).toBeCloseTo(-26.02, 1);
    expect(meter.holdDb).toBeCloseTo(-6.02, 2);
    meter.resetHold();
    expect(meter.holdDb).toBe(-Infinity);
  });
});

describe('RmsMeter', () => {
  it('reads a full-scale sine as -3.01 dBFS and DC as its value', () => {
    const meter = new RmsMeter(48000);
    meter.process(sine(1, 48000));
    expect(meter.rmsDb).toBeCloseTo(-3.01, 2);
    meter.process(new Float32Array(48000).fill(0.25));
    expect(meter.rms).toBeCloseTo(0.25, 6);
  });

  it('forgets what left the window', () => {
    const meter = new RmsMeter(48000, 0.1);
    meter.process(sine(1, 4800));
    meter.process(new Float32Array(4800));
    expect(meter.rms).toBe(0);
  });
});

describe('TruePeakMeter', () => {
  it('agrees with the offline true-peak measurement and holds its maximum', () => {
    // EBU Tech 3341 case 19 shape: fs/4 at 45°, samples at ±1 but peaks at +3 dBTP.
    const signal = Float32Array.from({ length: 4800 }, (_, n) => 1.41 * Math.sin((Math.PI / 2) * n + Math.PI / 4));
    const meter = new TruePeakMeter(2);
    for (let start = 0; start < 4800; start += 128) meter.process([signal.subarray(start), signal.subarray(start)], Math.min(128, 4800 - start));
    // Two silent blocks: the first flushes the detector's 8-sample latency.
    meter.process([new Float32Array(128), new Float32Array(128)], 128);
    meter.process([new Float32Array(128), new Float32Array(128)], 128);
    expect(meter.maximumDb).toBeCloseTo(20 * Math.log10(measureTruePeak([signal])), 6);
    expect(meter.maximumDb).toBeGreaterThan(2.8);
    expect(meter.blockPeakDb).toBe(-Infinity);
  });
});
