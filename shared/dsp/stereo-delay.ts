import { BiquadType, createBiquadCoefficients, designBiquadInto } from './biquad-coefficients.ts';
import { BiquadFilter } from './biquad.ts';

/** Delay settings as the channel strip / send effect exposes them. */
export interface StereoDelayParameters {
  /** Echo time in seconds; use `noteDurationSeconds` for tempo sync. */
  readonly timeSeconds: number;
  /** Echo level relative to the previous one, 0…0.95. */
  readonly feedback: number;
  /** High-pass corner in the echo path (thins repeats), Hz. */
  readonly lowCutHz: number;
  /** Low-pass corner in the echo path (darkens repeats), Hz. */
  readonly highCutHz: number;
  /** Alternate echoes between left and right. */
  readonly pingPong: boolean;
  /** 0 = dry only, 1 = echoes only (for use on a send). */
  readonly mix: number;
}

/** A dotted-eighth-at-120-bpm slapback with darkened repeats. */
export const defaultStereoDelayParameters: StereoDelayParameters = {
  timeSeconds: 0.375,
  feedback: 0.35,
  lowCutHz: 120,
  highCutHz: 6000,
  pingPong: false,
  mix: 0.3,
};

/** Feedback cap: keeps every echo 0.45 dB quieter than the one before, so the tail always dies away. */
export const maximumDelayFeedback = 0.95;

/** Length of the crossfade between the old and the new time when the time changes. */
const timeCrossfadeSeconds = 0.05;

/** Butterworth Q: the pass filters' magnitude never exceeds 1, so the loop gain stays ≤ feedback. */
const butterworthQ = Math.SQRT1_2;

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

/**
 * A stereo feedback delay with filtered repeats and optional ping-pong.
 *
 * Why it cannot run away: each pass through the loop multiplies by the
 * feedback (≤ {@link maximumDelayFeedback}) and by Butterworth high- and
 * low-pass filters whose gain is ≤ 1 at every frequency. Time changes
 * crossfade between two read positions (a convex mix, so no gain either)
 * instead of sliding the read head, which would pitch-shift and could stretch
 * energy. All buffers are sized for `maxDelaySeconds` at construction.
 */
export class StereoDelay {
  readonly #sampleRate: number;
  readonly #lines: [Float32Array, Float32Array];
  #writePosition = 0;
  readonly #echoFilterCoefficients = [createBiquadCoefficients(), createBiquadCoefficients()] as const;
  readonly #filters: BiquadFilter[];
  #delaySamples: number;
  #nextDelaySamples: number;
  #pendingDelaySamples: number;
  #fadeRemaining = 0;
  readonly #fadeLength: number;
  #feedback = 0;
  #pingPong = false;
  #dry = 1;
  #wet = 0;
  readonly #maxDelaySamples: number;

  constructor(sampleRate: number, maxDelaySeconds = 4, parameters: StereoDelayParameters = defaultStereoDelayParameters) {
    this.#sampleRate = sampleRate;
    this.#maxDelaySamples = Math.max(2, Math.ceil(maxDelaySeconds * sampleRate));
    this.#lines = [new Float32Array(this.#maxDelaySamples + 2), new Float32Array(this.#maxDelaySamples + 2)];
    const [lowCut, highCut] = this.#echoFilterCoefficients;
    // Per channel: high-pass then low-pass, sharing one design each.
    this.#filters = [new BiquadFilter(lowCut), new BiquadFilter(highCut), new BiquadFilter(lowCut), new BiquadFilter(highCut)];
    this.#fadeLength = Math.max(1, Math.round(timeCrossfadeSeconds * sampleRate));
    this.#delaySamples = this.#clampDelay(parameters.timeSeconds);
    this.#nextDelaySamples = this.#delaySamples;
    this.#pendingDelaySamples = this.#delaySamples;
    this.setParameters(parameters);
  }

  /** Applies settings; out-of-range or non-finite values are clamped to safe ones. */
  setParameters(parameters: StereoDelayParameters): void {
    const sampleRate = this.#sampleRate;
    this.#feedback = Math.min(Math.max(finiteOr(parameters.feedback, 0), 0), maximumDelayFeedback);
    this.#pingPong = parameters.pingPong === true;
    const mix = Math.min(Math.max(finiteOr(parameters.mix, 0), 0), 1);
    this.#dry = 1 - mix;
    this.#wet = mix;
    const [lowCut, highCut] = this.#echoFilterCoefficients;
    designBiquadInto(lowCut, BiquadType.highPass, finiteOr(parameters.lowCutHz, 20), butterworthQ, 0, sampleRate);
    designBiquadInto(highCut, BiquadType.lowPass, finiteOr(parameters.highCutHz, sampleRate / 2), butterworthQ, 0, sampleRate);
    this.#pendingDelaySamples = this.#clampDelay(parameters.timeSeconds);
  }

  reset(): void {
    this.#lines[0].fill(0);
    this.#lines[1].fill(0);
    for (const filter of this.#filters) filter.reset();
  }

  /** Processes a stereo block in place over `[0, frames)`. */
  process(left: Float32Array, right: Float32Array, frames: number = left.length): void {
    const [lineLeft, lineRight] = this.#lines;
    const size = lineLeft.length;
    const [highPassLeft, lowPassLeft, highPassRight, lowPassRight] = this.#filters as [BiquadFilter, BiquadFilter, BiquadFilter, BiquadFilter];
    const feedback = this.#feedback;
    const pingPong = this.#pingPong;
    const dry = this.#dry;
    const wet = this.#wet;
    for (let index = 0; index < frames; index++) {
      if (this.#fadeRemaining === 0 && this.#pendingDelaySamples !== this.#delaySamples) {
        this.#nextDelaySamples = this.#pendingDelaySamples;
        this.#fadeRemaining = this.#fadeLength;
      }
      let readLeft = readAt(lineLeft, this.#writePosition, this.#delaySamples, size);
      let readRight = readAt(lineRight, this.#writePosition, this.#delaySamples, size);
      if (this.#fadeRemaining > 0) {
        const toNew = 1 - this.#fadeRemaining / this.#fadeLength;
        readLeft += toNew * (readAt(lineLeft, this.#writePosition, this.#nextDelaySamples, size) - readLeft);
        readRight += toNew * (readAt(lineRight, this.#writePosition, this.#nextDelaySamples, size) - readRight);
        this.#fadeRemaining--;
        if (this.#fadeRemaining === 0) this.#delaySamples = this.#nextDelaySamples;
      }
      const echoLeft = lowPassLeft.processSample(highPassLeft.processSample(readLeft));
      const echoRight = lowPassRight.processSample(highPassRight.processSample(readRight));
      const inputLeft = left[index]!;
      const inputRight = right[index]!;
      if (pingPong) {
        // Mono input enters on the left; each echo crosses to the other side.
        lineLeft[this.#writePosition] = 0.5 * (inputLeft + inputRight) + feedback * echoRight;
        lineRight[this.#writePosition] = feedback * echoLeft;
      } else {
        lineLeft[this.#writePosition] = inputLeft + feedback * echoLeft;
        lineRight[this.#writePosition] = inputRight + feedback * echoRight;
      }
      this.#writePosition = this.#writePosition + 1 === size ? 0 : this.#writePosition + 1;
      left[index] = dry * inputLeft + wet * echoLeft;
      right[index] = dry * inputRight + wet * echoRight;
    }
  }

  #clampDelay(seconds: number): number {
    return Math.min(Math.max(finiteOr(seconds, 0.25) * this.#sampleRate, 1), this.#maxDelaySamples);
  }
}

/** Linear interpolation `delay` samples behind `writePosition` (a convex mix of two samples). */
function readAt(line: Float32Array, writePosition: number, delay: number, size: number): number {
  const whole = Math.floor(delay);
  const fraction = delay - whole;
  let first = writePosition - whole;
  if (first < 0) first += size;
  let second = first - 1;
  if (second < 0) second += size;
  return line[first]! + fraction * (line[second]! - line[first]!);
}
