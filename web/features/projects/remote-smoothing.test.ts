import { describe, expect, it } from 'vitest';
import { easeOut, glideValue, RemoteSmoother } from './remote-smoothing.ts';

function fakeFrames() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, () => void>();
  return {
    scheduler: {
      now: () => now,
      request: (callback: () => void) => {
        pending.set(next, callback);
        return next++;
      },
      cancel: (handle: number) => void pending.delete(handle),
    },
    /** Advances the clock by `ms` and runs the frames that were waiting. */
    tick(ms: number) {
      now += ms;
      const callbacks = [...pending.values()];
      pending.clear();
      for (const callback of callbacks) callback();
    },
    get waiting() {
      return pending.size;
    },
  };
}

describe('glideValue', () => {
  it('starts at from, ends exactly at to, and moves monotonically in between', () => {
    const glide = { from: -10, to: 2, startedAt: 100, durationMs: 80 };
    expect(glideValue(glide, 100)).toBe(-10);
    expect(glideValue(glide, 180)).toBe(2);
    expect(glideValue(glide, 500)).toBe(2);
    let previous = -10;
    for (let t = 100; t <= 180; t += 5) {
      const value = glideValue(glide, t);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });

  it('eases out: more than half way at half time', () => {
    expect(easeOut(0.5)).toBeGreaterThan(0.5);
    expect(easeOut(-1)).toBe(0);
    expect(easeOut(2)).toBe(1);
  });
});

describe('RemoteSmoother', () => {
  it('shows the first value at once, then glides a remote change over the glide time', () => {
    const frames = fakeFrames();
    let redraws = 0;
    const smoother = new RemoteSmoother({ scheduler: frames.scheduler, onFrame: () => redraws++, durationMs: 80 });
    smoother.setTarget('vocal.faderDb', 0);
    expect(smoother.value('vocal.faderDb', 99)).toBe(0);
    smoother.setTarget('vocal.faderDb', -12);
    expect(smoother.value('vocal.faderDb', 99)).toBe(0);
    frames.tick(40);
    const midway = smoother.value('vocal.faderDb', 99);
    expect(midway).toBeLessThan(0);
    expect(midway).toBeGreaterThan(-12);
    frames.tick(40);
    expect(smoother.value('vocal.faderDb', 99)).toBe(-12);
    expect(smoother.moving).toBe(false);
    frames.tick(16);
    expect(frames.waiting).toBe(0);
    expect(redraws).toBeGreaterThanOrEqual(2);
  });

  it('snaps local changes and does not re-glide when the document echoes them', () => {
    const frames = fakeFrames();
    const smoother = new RemoteSmoother({ scheduler: frames.scheduler, onFrame: () => {} });
    smoother.setTarget('pan', 0);
    smoother.setLocal('pan', 0.5);
    smoother.setTarget('pan', 0.5);
    expect(smoother.value('pan', 0)).toBe(0.5);
    expect(frames.waiting).toBe(0);
  });

  it('retargets a glide in flight from where it is, without a jump', () => {
    const frames = fakeFrames();
    const smoother = new RemoteSmoother({ scheduler: frames.scheduler, onFrame: () => {}, durationMs: 80 });
    smoother.setTarget('f', 0);
    smoother.setTarget('f', 10);
    frames.tick(40);
    const shown = smoother.value('f', 0);
    smoother.setTarget('f', -10);
    expect(smoother.value('f', 0)).toBeCloseTo(shown, 10);
    frames.tick(80);
    expect(smoother.value('f', 0)).toBe(-10);
  });
});
