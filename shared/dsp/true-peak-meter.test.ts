import { describe, expect, it } from 'vitest';
import { TruePeakMeter } from './true-peak-meter.ts';
import { measureTruePeak } from './true-peak.ts';

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
