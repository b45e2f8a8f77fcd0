import { dbToGain } from './decibels.ts';
import { LinearSmoother } from './linear-smoother.ts';

/** Fader positions at or below this are treated as fully closed (-∞ dB). */
export const faderMinimumDb = -96;

/** Longest ramp a fader move takes; long enough to be click-free, short enough to feel immediate. */
export const faderRampSeconds = 0.02;

/** Linear gain for a fader setting in dB; settings at or below {@link faderMinimumDb} (or NaN) close the fader. */
export function faderGain(gainDb: number): number {
  return gainDb > faderMinimumDb ? dbToGain(gainDb) : 0;
}

/**
 * A channel fader: gain set in dB, applied to every channel of a block with a
 * linear ramp in the amplitude domain, so moving it produces no zipper noise
 * and all channels move together sample-accurately.
 */
export class Fader {
  readonly #smoother: LinearSmoother;

  constructor(sampleRate: number, gainDb = 0) {
    this.#smoother = new LinearSmoother(sampleRate, faderRampSeconds, faderGain(gainDb));
  }

  /** Sets the target gain in dB; the change is ramped. */
  setGainDb(gainDb: number): void {
    this.#smoother.setTarget(faderGain(gainDb));
  }

  /** Current linear gain (mid-ramp values included). */
  get gain(): number {
    return this.#smoother.current;
  }

  /** Applies the gain in place to `channels` over `[0, frames)`. */
  process(channels: readonly Float32Array[], frames: number): void {
    const smoother = this.#smoother;
    if (!smoother.isSmoothing) {
      const gain = smoother.current;
      if (gain === 1) return;
      for (const channel of channels) for (let index = 0; index < frames; index++) channel[index]! *= gain;
      return;
    }
    for (let index = 0; index < frames; index++) {
      const gain = smoother.next();
      // Indexed loop: per-sample code must not create iterators.
      for (let channel = 0; channel < channels.length; channel++) channels[channel]![index]! *= gain;
    }
  }
}
