import { describe, expect, it } from 'vitest';
import { LinearSmoother } from './linear-smoother.ts';

describe('LinearSmoother', () => {
  it('reaches the target exactly after the ramp, in equal steps', () => {
    const smoother = new LinearSmoother(1000, 0.01, 0); // 10-sample ramp
    smoother.setTarget(1);
    const values = Array.from({ length: 12 }, () => smoother.next());
    for (let n = 0; n < 9; n++) expect(values[n]).toBeCloseTo((n + 1) / 10, 12);
    expect(values[9]).toBe(1);
    expect(values[11]).toBe(1);
    expect(smoother.isSmoothing).toBe(false);
  });

  it('restarts from where it is when retargeted mid-ramp', () => {
    const smoother = new LinearSmoother(1000, 0.01, 0);
    smoother.setTarget(1);
    for (let n = 0; n < 5; n++) smoother.next();
    smoother.setTarget(0);
    expect(smoother.next()).toBeCloseTo(0.5 - 0.05, 12);
  });

  it('jumps without a ramp on setImmediate', () => {
    const smoother = new LinearSmoother(48000, 0.02, 0);
    smoother.setImmediate(0.3);
    expect(smoother.next()).toBe(0.3);
  });
});
