import { describe, expect, it } from 'vitest';
import { RmsMeter } from './rms-meter.ts';

const sine = (amplitude: number, length: number) => Float32Array.from({ length }, (_, n) => amplitude * Math.sin((2 * Math.PI * 1000 * n) / 48000));

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
