import { describe, expect, it } from 'vitest';
import { OnePoleLowPass } from './one-pole-filter.ts';

describe('OnePoleLowPass', () => {
  it('passes DC with unity gain', () => {
    const filter = new OnePoleLowPass();
    filter.setCutoff(100, 48000);
    let y = 0;
    for (let n = 0; n < 48000; n++) y = filter.next(1);
    expect(y).toBeCloseTo(1, 9);
  });

  it('never amplifies: output peak ≤ input peak for a step and a square wave', () => {
    const filter = new OnePoleLowPass();
    filter.setPole(0.9);
    let peak = 0;
    for (let n = 0; n < 2000; n++) peak = Math.max(peak, Math.abs(filter.next(n % 20 < 10 ? 1 : -1)));
    expect(peak).toBeLessThanOrEqual(1);
  });

  it('is a pass-through at or above Nyquist', () => {
    const filter = new OnePoleLowPass();
    filter.setCutoff(30000, 48000);
    expect(filter.next(0.7)).toBe(0.7);
  });
});
