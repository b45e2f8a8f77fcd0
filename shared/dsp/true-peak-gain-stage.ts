import { TruePeakDetector, truePeakInterpolationBound, truePeakTapsPerPhase } from './true-peak.ts';

/** Construction-time settings: they size the preallocated buffers. */
export interface TruePeakGainStageOptions {
  readonly sampleRate: number;
  readonly channelCount: number;
  /** Attack ramp length in samples; the stage's latency is this plus {@link truePeakTapsPerPhase} - 2. */
  readonly rampLength: number;
}

/** A gain this close to 1 changes no float32 sample (see `#atRest`). */
const unityWithin = 1 - 1e-9;

/**
 * One lookahead gain stage of the true-peak limiter (see
 * `true-peak-limiter.ts`, which runs two in series).
 *
 * How: every input sample's 4× interpolated peak (the same detector the
 * meters use) gives the gain that sample's neighbourhood needs. The gain
 * applied to a delayed output sample is a moving average (the attack ramp,
 * length L) of a running minimum (length H) of those needs. The windows are
 * sized so that every sample that feeds an interpolated point gets a gain no
 * larger than that point requires: the interpolation reads 16 samples, so the
 * delay is D = L + 14 and H = D + 1. Release is a one-pole rise that can only
 * lower the gain further. The channels are linked so the image does not move.
 *
 * Nothing is allocated after construction.
 */
export class TruePeakGainStage {
  readonly #channelCount: number;
  readonly #sampleRate: number;
  readonly #detectors: TruePeakDetector[];
  /** Per channel delay line of D samples (read before write: exactly D samples of delay). */
  readonly #delayLines: Float32Array[];
  readonly #delay: number;
  #delayPosition = 0;
  /** Monotonic deque (indices and values) for the running minimum over H. */
  readonly #holdIndices: Float64Array;
  readonly #holdValues: Float64Array;
  #holdHead = 0;
  #holdTail = 0;
  readonly #holdLength: number;
  /** Ring of the last L held values and their running sum. */
  readonly #rampValues: Float64Array;
  #rampPosition = 0;
  #rampSum: number;
  #sampleIndex = 0;
  #gain = 1;
  #ceiling = 1;
  #releaseCoefficient = 0;

  constructor(options: TruePeakGainStageOptions) {
    const { sampleRate, channelCount } = options;
    this.#sampleRate = sampleRate;
    this.#channelCount = channelCount;
    const rampLength = Math.max(1, Math.round(options.rampLength));
    this.#delay = rampLength + truePeakTapsPerPhase - 2;
    this.#holdLength = this.#delay + 1;
    this.#detectors = Array.from({ length: channelCount }, () => new TruePeakDetector());
    this.#delayLines = Array.from({ length: channelCount }, () => new Float32Array(this.#delay));
    this.#holdIndices = new Float64Array(this.#holdLength + 1);
    this.#holdValues = new Float64Array(this.#holdLength + 1);
    this.#rampValues = new Float64Array(rampLength).fill(1);
    this.#rampSum = rampLength;
    this.setParameters(0, 50);
  }

  /** Latency in samples that the host must compensate. */
  get latency(): number {
    return this.#delay;
  }

  /** Current linear gain (≤ 1). */
  get gain(): number {
    return this.#gain;
  }

  /** Sets the linear ceiling and the release time constant in ms. */
  setParameters(ceiling: number, releaseMs: number): void {
    this.#ceiling = ceiling;
    this.#releaseCoefficient = Math.exp(-1 / (Math.max(0.001, releaseMs / 1000) * this.#sampleRate));
  }

  /** Limits `channels` (one array per channel, as at construction) in place over `[0, frames)`. */
  process(channels: readonly Float32Array[], frames: number): void {
    if (frames > 0 && this.#atRest() && this.#cannotReachCeiling(channels, frames)) {
      this.#passThrough(channels, frames);
      return;
    }
    const channelCount = this.#channelCount;
    const delayLines = this.#delayLines;
    const detectors = this.#detectors;
    const ceiling = this.#ceiling;
    const delayLength = this.#delay;
    const rampValues = this.#rampValues;
    const rampLength = rampValues.length;
    for (let index = 0; index < frames; index++) {
      // 1. What gain does the neighbourhood of the newest sample need?
      let peak = 0;
      for (let channel = 0; channel < channelCount; channel++) {
        const channelPeak = detectors[channel]!.push(channels[channel]![index]!);
        if (channelPeak > peak) peak = channelPeak;
      }
      const required = peak > ceiling ? ceiling / peak : 1;
      // 2. Running minimum over H, then moving average over L.
      const held = this.#pushHold(required);
      this.#rampSum += held - rampValues[this.#rampPosition]!;
      rampValues[this.#rampPosition] = held;
      this.#rampPosition++;
      if (this.#rampPosition === rampLength) {
        // Re-add from scratch once per ramp so rounding cannot accumulate.
        this.#rampPosition = 0;
        let sum = 0;
        for (let k = 0; k < rampLength; k++) sum += rampValues[k]!;
        this.#rampSum = sum;
      }
      const ramped = Math.min(this.#rampSum / rampLength, 1);
      // 3. Release: rise slowly, fall immediately (the ramp already shaped the fall).
      this.#gain = ramped < this.#gain ? ramped : ramped - (ramped - this.#gain) * this.#releaseCoefficient;
      const gain = this.#gain;
      // 4. Apply to the sample that entered D samples ago.
      const position = this.#delayPosition;
      for (let channel = 0; channel < channelCount; channel++) {
        const line = delayLines[channel]!;
        const samples = channels[channel]!;
        const incoming = samples[index]!;
        samples[index] = line[position]! * gain;
        line[position] = incoming;
      }
      this.#delayPosition = position + 1 === delayLength ? 0 : position + 1;
      this.#sampleIndex++;
    }
  }

  /**
   * True when the stage holds no gain reduction: every held and ramped value
   * 1, the ramp's sum exactly its length, and the gain within 1e-9 of unity.
   * Fed only 1s from here, the per-sample path would keep all of that and
   * multiply each delayed sample by the gain, which leaves a float32 sample
   * unchanged: below unity by at most 1e-9, it moves a sample by far less
   * than half the 6e-8 (2^-24) relative spacing of float32 values. The
   * release cannot bring the gain to exactly 1 anyway: near unity each step
   * (1 - gain)·(1 - coefficient) falls below half a double's spacing and the
   * gain stalls some 1e-13 short.
   */
  #atRest(): boolean {
    if (this.#gain < unityWithin || this.#rampSum !== this.#rampValues.length) return false;
    if (this.#holdHead !== this.#holdTail && this.#holdValues[this.#holdHead] !== 1) return false;
    const rampValues = this.#rampValues;
    for (let index = 0; index < rampValues.length; index++) if (rampValues[index] !== 1) return false;
    return true;
  }

  /**
   * True when no interpolated point of this block can exceed the ceiling, so
   * every sample's required gain is exactly 1: each point is computed from
   * the last 16 samples, all among the detector's history and this block,
   * and is at most {@link truePeakInterpolationBound} times their largest
   * magnitude.
   */
  #cannotReachCeiling(channels: readonly Float32Array[], frames: number): boolean {
    const limit = this.#ceiling / truePeakInterpolationBound;
    for (let channel = 0; channel < this.#channelCount; channel++) {
      if (this.#detectors[channel]!.recentSamplePeak > limit) return false;
      const samples = channels[channel]!;
      for (let index = 0; index < frames; index++) if (Math.abs(samples[index]!) > limit) return false;
    }
    return true;
  }

  /**
   * What {@link process} does at rest on a block that cannot reach the
   * ceiling, without the detectors' arithmetic: the detectors take the
   * samples into their history, the hold window holds one 1 (as pushing 1s
   * leaves it), the ramp advances over its 1s, the gain settles at 1, and
   * the block comes out of the delay line unscaled.
   */
  #passThrough(channels: readonly Float32Array[], frames: number): void {
    const delayLength = this.#delay;
    let position = this.#delayPosition;
    for (let channel = 0; channel < this.#channelCount; channel++) {
      const detector = this.#detectors[channel]!;
      const line = this.#delayLines[channel]!;
      const samples = channels[channel]!;
      position = this.#delayPosition;
      for (let index = 0; index < frames; index++) {
        const incoming = samples[index]!;
        detector.feed(incoming);
        samples[index] = line[position]!;
        line[position] = incoming;
        position = position + 1 === delayLength ? 0 : position + 1;
      }
    }
    this.#delayPosition = position;
    this.#gain = 1;
    this.#sampleIndex += frames;
    this.#holdHead = 0;
    this.#holdTail = 1;
    this.#holdIndices[0] = this.#sampleIndex - 1;
    this.#holdValues[0] = 1;
    this.#rampPosition = (this.#rampPosition + frames) % this.#rampValues.length;
  }

  #pushHold(value: number): number {
    const capacity = this.#holdValues.length;
    const indices = this.#holdIndices;
    const values = this.#holdValues;
    const now = this.#sampleIndex;
    // Drop older entries that can never be the minimum again.
    while (this.#holdTail !== this.#holdHead) {
      const last = this.#holdTail === 0 ? capacity - 1 : this.#holdTail - 1;
      if (values[last]! < value) break;
      this.#holdTail = last;
    }
    indices[this.#holdTail] = now;
    values[this.#holdTail] = value;
    this.#holdTail = this.#holdTail + 1 === capacity ? 0 : this.#holdTail + 1;
    // Expire the front once it leaves the window.
    while (indices[this.#holdHead]! <= now - this.#holdLength) {
      this.#holdHead = this.#holdHead + 1 === capacity ? 0 : this.#holdHead + 1;
    }
    return values[this.#holdHead]!;
  }
}
