/**
 * True-peak estimation by 4× oversampling, as ITU-R BS.1770-4 Annex 2
 * prescribes: interpolate three points between every pair of samples and take
 * the largest magnitude among samples and interpolated points.
 *
 * The Annex's 48-tap filter is an example; this one is designed here as a
 * Kaiser-windowed sinc with 16 taps per phase (64 in total). Phase 0 is the
 * identity, so a true-peak reading can never be below the sample peak, and
 * each phase is normalised to unity DC gain.
 */

/** Oversampling factor required by BS.1770-4 Annex 2 for 48 kHz material. */
export const truePeakOversampling = 4;

/** Input samples each interpolated point is computed from. */
export const truePeakTapsPerPhase = 16;

/**
 * Latency in input samples: the peak returned for input sample n belongs to
 * the interval [n - latency, n - latency + 1).
 */
export const truePeakLatency = truePeakTapsPerPhase / 2;

/** Kaiser β: about 60 dB of image rejection with a short transition band. */
const kaiserBeta = 6.5;

function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 40; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/**
 * Interpolation kernels for phases 1..3, each `truePeakTapsPerPhase` long,
 * indexed [phase - 1][j] where j = 0 is the newest input sample.
 */
function designPhases(): Float64Array[] {
  const halfSpan = truePeakTapsPerPhase / 2;
  const phases: Float64Array[] = [];
  for (let phase = 1; phase < truePeakOversampling; phase++) {
    const kernel = new Float64Array(truePeakTapsPerPhase);
    let sum = 0;
    for (let j = 0; j < truePeakTapsPerPhase; j++) {
      // Distance from the interpolated point (n - halfSpan + phase/4) to sample n - j.
      const u = j - halfSpan + phase / truePeakOversampling;
      const x = u / halfSpan;
      const window = Math.abs(x) < 1 ? besselI0(kaiserBeta * Math.sqrt(1 - x * x)) / besselI0(kaiserBeta) : 0;
      const sinc = u === 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
      kernel[j] = sinc * window;
      sum += kernel[j]!;
    }
    for (let j = 0; j < truePeakTapsPerPhase; j++) kernel[j]! /= sum;
    phases.push(kernel);
  }
  return phases;
}

const phaseKernels = designPhases();

/**
 * No point interpolated by the detector can exceed the largest input
 * magnitude among the samples it is computed from times this factor: the
 * largest sum of absolute taps over the phases (phase 0, the sample itself,
 * has 1). A rigorous bound, unlike a rule of thumb such as +3 dB: with
 * every |x| ≤ M, |Σ kⱼ·xⱼ| ≤ Σ |kⱼ|·M. Padded by 1e-9 for the rounding of the
 * sums, which is some 1e-15 relative. The limiter uses it to skip its
 * detectors on blocks that cannot reach its ceiling.
 */
export const truePeakInterpolationBound =
  Math.max(1, ...phaseKernels.map((kernel) => kernel.reduce((sum, tap) => sum + Math.abs(tap), 0))) * (1 + 1e-9);

/**
 * Phases 1 and 3 are mirror images of each other and phase 2 of itself
 * (the interpolated points sit symmetrically between the taps), so all three
 * are computed from the sums and differences of mirrored sample pairs:
 * 24 multiplies per input sample instead of 48.
 */
const halfTaps = truePeakTapsPerPhase / 2;
const outerEven = new Float64Array(halfTaps);
const outerOdd = new Float64Array(halfTaps);
const middleEven = new Float64Array(halfTaps);
for (let j = 0; j < halfTaps; j++) {
  const mirror = truePeakTapsPerPhase - 1 - j;
  outerEven[j] = (phaseKernels[0]![j]! + phaseKernels[0]![mirror]!) / 2;
  outerOdd[j] = (phaseKernels[0]![j]! - phaseKernels[0]![mirror]!) / 2;
  middleEven[j] = (phaseKernels[1]![j]! + phaseKernels[1]![mirror]!) / 2;
}

/**
 * One channel's oversampling peak detector. Keeps the last
 * `truePeakTapsPerPhase` samples in a doubled ring buffer so each push reads a
 * contiguous window without wrapping.
 */
export class TruePeakDetector {
  readonly #history = new Float64Array(2 * truePeakTapsPerPhase);
  #position = 0;

  reset(): void {
    this.#history.fill(0);
    this.#position = 0;
  }

  /** Feeds one sample without computing a peak: the same history as {@link push}, for spans known to be quiet. */
  feed(sample: number): void {
    const taps = truePeakTapsPerPhase;
    this.#position = this.#position === 0 ? taps - 1 : this.#position - 1;
    this.#history[this.#position] = sample;
    this.#history[this.#position + taps] = sample;
  }

  /** Largest magnitude among the last {@link truePeakTapsPerPhase} samples fed (those the next interpolated points read). */
  get recentSamplePeak(): number {
    const history = this.#history;
    let peak = 0;
    for (let index = 0; index < truePeakTapsPerPhase; index++) {
      const magnitude = Math.abs(history[index]!);
      if (magnitude > peak) peak = magnitude;
    }
    return peak;
  }

  /**
   * Feeds one sample; returns the largest magnitude among sample
   * n - {@link truePeakLatency} and the three points interpolated after it.
   */
  push(sample: number): number {
    const history = this.#history;
    const taps = truePeakTapsPerPhase;
    // Newest sample at `start`, older ones at increasing indices.
    this.#position = this.#position === 0 ? taps - 1 : this.#position - 1;
    const start = this.#position;
    history[start] = sample;
    history[start + taps] = sample;
    let peak = Math.abs(history[start + truePeakLatency]!);
    let even1 = 0;
    let odd1 = 0;
    let even2 = 0;
    for (let j = 0; j < halfTaps; j++) {
      const newer = history[start + j]!;
      const older = history[start + taps - 1 - j]!;
      const sum = newer + older;
      even1 += outerEven[j]! * sum;
      odd1 += outerOdd[j]! * (newer - older);
      even2 += middleEven[j]! * sum;
    }
    const phase1 = Math.abs(even1 + odd1);
    const phase2 = Math.abs(even2);
    const phase3 = Math.abs(even1 - odd1);
    if (phase1 > peak) peak = phase1;
    if (phase2 > peak) peak = phase2;
    if (phase3 > peak) peak = phase3;
    return peak;
  }
}

/**
 * Largest true-peak magnitude (linear) over all channels of a finished
 * signal. The detector is flushed with zeros so the last samples count too.
 * An array passed for several channels is scanned once.
 */
export function measureTruePeak(channels: readonly Float32Array[]): number {
  const detector = new TruePeakDetector();
  let peak = 0;
  for (const channel of new Set(channels)) {
    detector.reset();
    for (let index = 0; index < channel.length; index++) {
      const value = detector.push(channel[index]!);
      if (value > peak) peak = value;
    }
    for (let index = 0; index < truePeakLatency; index++) {
      const value = detector.push(0);
      if (value > peak) peak = value;
    }
  }
  return peak;
}
