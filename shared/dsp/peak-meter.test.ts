import { describe, expect, it } from 'vitest';
import { PeakMeter } from './peak-meter.ts';

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
