import { compressorGainDb } from './compressor-curve.ts';

/** User-facing compressor settings. */
export interface CompressorParameters {
  readonly thresholdDb: number;
  /** Input dB above threshold per output dB above threshold; ≥ 1. */
  readonly ratio: number;
  /** Width of the soft knee in dB; 0 is a hard knee. */
  readonly kneeDb: number;
  readonly attackMs: number;
  readonly releaseMs: number;
  readonly makeupGainDb: number;
}

/** Gentle vocal-style settings: 4:1 from -18 dB with a 6 dB knee. */
export const defaultCompressorParameters: CompressorParameters = {
  thresholdDb: -18,
  ratio: 4,
  kneeDb: 6,
  attackMs: 10,
  releaseMs: 120,
  makeupGainDb: 0,
};

/** The stereo loop runs its detector this many frames ahead of the envelope (one render quantum). */
const detectorChunkFrames = 128;

/**
 * An envelope this close to its target has arrived: 1e-9 dB is a gain
 * within 1.2e-10 of the target's, which moves no float32 sample (their
 * relative spacing is at least 6e-8).
 */
const settledWithinDb = 1e-9;

/** True when no key sample in `[0, frames)` rises above `quietBelow`. */
function isQuiet(keyLeft: Float32Array, keyRight: Float32Array, frames: number, quietBelow: number): boolean {
  for (let index = 0; index < frames; index++) {
    if (Math.abs(keyLeft[index]!) > quietBelow || Math.abs(keyRight[index]!) > quietBelow) return false;
  }
  return true;
}

/** Levels below this are treated as silence by the detector (keeps log10 finite). */
const detectorFloorDb = -120;

/** 20·log10(2): dB per octave of amplitude. */
const dbPerOctave = 20 * Math.LOG10E * Math.LN2;
/** log2(10) / 20: octaves of amplitude per dB. */
const octavesPerDb = 1 / dbPerOctave;

// Scratch words for reading IEEE-754 fields (no allocation per call).
const float32Scratch = new Float32Array(1);
const float32Bits = new Uint32Array(float32Scratch.buffer);

/** fastAmplitudeToDb splits the mantissa into 128 intervals by its top 7 bits. */
const mantissaIntervals = 128;
/** 2^(127 - e) for every biased float32 exponent e: brings x into [1, 2) by an exact scaling. */
const exponentScales = Float64Array.from({ length: 256 }, (_, biased) => Math.pow(2, 127 - biased));
/** 1 / c and log2(c) for the centre c of every mantissa interval. */
const inverseCentres = Float64Array.from({ length: mantissaIntervals }, (_, index) => 1 / (1 + (index + 0.5) / mantissaIntervals));
const log2Centres = Float64Array.from({ length: mantissaIntervals }, (_, index) => Math.log2(1 + (index + 0.5) / mantissaIntervals));

/**
 * 20·log10(x) for a positive float32 value `x` (a sample magnitude), to
 * within 1e-11 dB for normal numbers (subnormals read far below -700 dB):
 * the exponent and the top 7 mantissa bits are read from the bits, which
 * pick a table entry c with x = 2^e · c · (1 + r), |r| < 1/256, and
 * ln(1 + r) is a 4-term series (error below r⁵/5). No division: the
 * division of the previous atanh series, and `Math.log10` before it, were
 * the compressor's main cost.
 */
export function fastAmplitudeToDb(x: number): number {
  float32Scratch[0] = x;
  const bits = float32Bits[0]!;
  const biased = bits >>> 23;
  const interval = (bits >>> 16) & (mantissaIntervals - 1);
  const r = x * exponentScales[biased]! * inverseCentres[interval]! - 1;
  const lnRatio = r * (1 - r * (1 / 2 - r * (1 / 3 - r * (1 / 4))));
  return dbPerOctave * (biased - 127 + log2Centres[interval]! + lnRatio * Math.LOG2E);
}

/** fastDbToGain works in 1/32 octave steps over ±maxOctaves (±843 dB: beyond float32 either way). */
const stepsPerOctave = 32;
const maxOctaves = 140;
/** 2^k for k in [-maxOctaves, maxOctaves], and 2^(j/32) for j in [0, 32). */
const wholeOctaves = Float64Array.from({ length: 2 * maxOctaves + 1 }, (_, index) => Math.pow(2, index - maxOctaves));
const octaveSteps = Float64Array.from({ length: stepsPerOctave }, (_, index) => Math.pow(2, index / stepsPerOctave));

/**
 * 10^(db/20), relative error below 1e-10 (1e-9 dB), exactly 1 at 0 dB;
 * `db` is clamped to ±843 dB, past which a float32 sample times the gain is 0
 * or infinite anyway. Splits into 2^k · 2^(j/32) from tables times
 * e^v, v = r·ln 2 in (-ln2/32, ln2/32), from a degree-4 Taylor polynomial.
 * The steps are truncated (`| 0`) rather than floored: `Math.floor` cost
 * more than the rest of the function, and a remainder of either sign
 * suits the polynomial as well (`>> 5` and `& 31` still split a negative
 * step count into whole octaves and steps correctly).
 */
export function fastDbToGain(db: number): number {
  let steps = db * (octavesPerDb * stepsPerOctave);
  if (!(steps > -maxOctaves * stepsPerOctave)) steps = -maxOctaves * stepsPerOctave;
  else if (steps > maxOctaves * stepsPerOctave - 1) steps = maxOctaves * stepsPerOctave - 1;
  const whole = steps | 0;
  const v = (steps - whole) * (Math.LN2 / stepsPerOctave);
  const fraction = 1 + v * (1 + v * (1 / 2 + v * (1 / 6 + v * (1 / 24))));
  return wholeOctaves[(whole >> 5) + maxOctaves]! * octaveSteps[whole & 31]! * fraction;
}

/**
 * A feed-forward, stereo-linked compressor with an optional sidechain.
 *
 * The detector takes the instantaneous peak over all detection channels, maps
 * it through the static curve, then smooths the resulting gain in the dB
 * domain with separate attack and release time constants ("smooth branching"
 * in Giannoulis et al.). Smoothing after the curve keeps the static curve
 * exact for steady signals, which is what the tests check. Linking channels
 * keeps the stereo image from wandering when one side is louder.
 */
export class Compressor {
  readonly #sampleRate: number;
  #thresholdDb = 0;
  #ratio = 1;
  #kneeDb = 0;
  #attackCoefficient = 0;
  #releaseCoefficient = 0;
  #makeupGainDb = 0;
  /** Detector peaks at or below this (linear) get {@link #quietTargetDb} without taking a logarithm. */
  #quietBelow = 0;
  #quietTargetDb = 0;
  /** The static curve's constants, for the stereo loop's inlined copy of `compressorGainDb`. */
  #slope = 0;
  #kneeFactor = 0;
  #smoothedGainDb = 0;
  /** The stereo loop's detector output for one chunk. */
  readonly #targets = new Float64Array(detectorChunkFrames);

  constructor(sampleRate: number, parameters: CompressorParameters = defaultCompressorParameters) {
    this.#sampleRate = sampleRate;
    this.setParameters(parameters);
  }

  /** Applies settings, clamped to a safe range (ratio ≥ 1, knee ≥ 0, times ≥ 0.01 ms). */
  setParameters(parameters: CompressorParameters): void {
    this.#thresholdDb = finiteOr(parameters.thresholdDb, 0);
    this.#ratio = Math.max(1, finiteOr(parameters.ratio, 1));
    this.#kneeDb = Math.max(0, finiteOr(parameters.kneeDb, 0));
    this.#makeupGainDb = finiteOr(parameters.makeupGainDb, 0);
    this.#attackCoefficient = this.#timeConstantCoefficient(parameters.attackMs);
    this.#releaseCoefficient = this.#timeConstantCoefficient(parameters.releaseMs);
    // Below the knee the curve is 0 dB; when the knee starts under the detector floor, only silence is skipped.
    const kneeStartDb = this.#thresholdDb - this.#kneeDb / 2;
    this.#quietBelow = kneeStartDb > detectorFloorDb ? Math.pow(10, kneeStartDb / 20) : 0;
    this.#quietTargetDb = compressorGainDb(detectorFloorDb, this.#thresholdDb, this.#ratio, this.#kneeDb);
    this.#slope = 1 / this.#ratio - 1;
    this.#kneeFactor = this.#kneeDb > 0 ? this.#slope / (2 * this.#kneeDb) : 0;
  }

  /** Current gain reduction in dB (≤ 0), for the channel strip's meter. */
  get gainReductionDb(): number {
    return this.#smoothedGainDb;
  }

  reset(): void {
    this.#smoothedGainDb = 0;
  }

  /**
   * Compresses `channels` in place over `[0, frames)`. When `sidechain` is
   * given, its channels drive the detector instead of the input (ducking,
   * de-essing with a filtered copy).
   */
  process(channels: readonly Float32Array[], frames: number, sidechain?: readonly Float32Array[]): void {
    const detectChannels = sidechain ?? channels;
    if (channels.length === 2 && detectChannels.length <= 2 && detectChannels.length > 0) {
      this.#processStereo(channels[0]!, channels[1]!, detectChannels[0]!, detectChannels[detectChannels.length - 1]!, frames);
      return;
    }
    const thresholdDb = this.#thresholdDb;
    const ratio = this.#ratio;
    const kneeDb = this.#kneeDb;
    const attack = this.#attackCoefficient;
    const release = this.#releaseCoefficient;
    const makeupGainDb = this.#makeupGainDb;
    const quietBelow = this.#quietBelow;
    const quietTargetDb = this.#quietTargetDb;
    let smoothedGainDb = this.#smoothedGainDb;
    for (let index = 0; index < frames; index++) {
      let peak = 0;
      // Indexed loops: per-sample code must not create iterators.
      for (let channel = 0; channel < detectChannels.length; channel++) {
        const magnitude = Math.abs(detectChannels[channel]![index]!);
        if (magnitude > peak) peak = magnitude;
      }
      // The level in dB is only needed where the curve is not flat (fast log: see fastAmplitudeToDb).
      const targetGainDb =
        peak <= quietBelow ? quietTargetDb : compressorGainDb(Math.max(fastAmplitudeToDb(peak), detectorFloorDb), thresholdDb, ratio, kneeDb);
      const coefficient = targetGainDb < smoothedGainDb ? attack : release;
      smoothedGainDb = targetGainDb + coefficient * (smoothedGainDb - targetGainDb);
      const gain = fastDbToGain(smoothedGainDb + makeupGainDb);
      for (let channel = 0; channel < channels.length; channel++) channels[channel]![index]! *= gain;
    }
    this.#smoothedGainDb = smoothedGainDb;
  }

  /**
   * The stereo case of {@link process} (every mixer strip), with the channel
   * loops unrolled and the static curve inlined with its constants
   * precomputed (the same curve up to rounding). A mono key passes its one
   * channel as both sides.
   *
   * Split into two loops per chunk: the detector (peak, log, curve) for the
   * whole chunk into {@link #targets}, then the envelope, exp and gain. One
   * loop doing all of it is bound by the latency of its long per-sample
   * chain, which the processor could overlap across only a few samples;
   * each shorter loop overlaps many.
   */
  #processStereo(left: Float32Array, right: Float32Array, keyLeft: Float32Array, keyRight: Float32Array, frames: number): void {
    if (this.#smoothedGainDb === this.#quietTargetDb && isQuiet(keyLeft, keyRight, frames, this.#quietBelow)) {
      this.#applySettledGain(left, right, frames);
      return;
    }
    const thresholdDb = this.#thresholdDb;
    const kneeDb = this.#kneeDb;
    const halfKneeDb = kneeDb / 2;
    const slope = this.#slope;
    const kneeFactor = this.#kneeFactor;
    const attack = this.#attackCoefficient;
    const release = this.#releaseCoefficient;
    const attackComplement = 1 - attack;
    const releaseComplement = 1 - release;
    const makeupGainDb = this.#makeupGainDb;
    const quietBelow = this.#quietBelow;
    const quietTargetDb = this.#quietTargetDb;
    const targets = this.#targets;
    let smoothedGainDb = this.#smoothedGainDb;
    for (let chunkStart = 0; chunkStart < frames; chunkStart += detectorChunkFrames) {
      const chunkEnd = Math.min(frames, chunkStart + detectorChunkFrames);
      for (let index = chunkStart; index < chunkEnd; index++) {
        let peak = 0;
        const leftMagnitude = Math.abs(keyLeft[index]!);
        if (leftMagnitude > peak) peak = leftMagnitude;
        const rightMagnitude = Math.abs(keyRight[index]!);
        if (rightMagnitude > peak) peak = rightMagnitude;
        let targetGainDb = quietTargetDb;
        if (peak > quietBelow) {
          // compressorGainDb inlined, its divisions taken out of the loop.
          const overshoot = Math.max(fastAmplitudeToDb(peak), detectorFloorDb) - thresholdDb;
          if (2 * overshoot <= -kneeDb) targetGainDb = 0;
          else if (2 * overshoot < kneeDb) {
            const intoKnee = overshoot + halfKneeDb;
            targetGainDb = kneeFactor * intoKnee * intoKnee;
          } else targetGainDb = slope * overshoot;
        }
        targets[index - chunkStart] = targetGainDb;
      }
      for (let index = chunkStart; index < chunkEnd; index++) {
        const targetGainDb = targets[index - chunkStart]!;
        // Both branches' next values, then a choice: the recursion's critical path is one
        // multiply-add, not compare → select → subtract → multiply → add.
        const attacked = attack * smoothedGainDb + attackComplement * targetGainDb;
        const released = release * smoothedGainDb + releaseComplement * targetGainDb;
        smoothedGainDb = targetGainDb < smoothedGainDb ? attacked : released;
        const gain = fastDbToGain(smoothedGainDb + makeupGainDb);
        left[index]! *= gain;
        right[index]! *= gain;
      }
    }
    // A release never reaches its target exactly (each step only scales the distance); once it is
    // too close to matter, land on it, so a quiet passage can take the settled path above.
    if (Math.abs(smoothedGainDb - quietTargetDb) < settledWithinDb) smoothedGainDb = quietTargetDb;
    this.#smoothedGainDb = smoothedGainDb;
  }

  /**
   * A block whose detector stays on the flat part of the curve, with the
   * envelope already at that level: every sample gets the same gain, which
   * at 0 dB is no change at all. (The per-sample path would compute the same
   * gain each sample, to within a rounding the float32 output cannot show.)
   */
  #applySettledGain(left: Float32Array, right: Float32Array, frames: number): void {
    const gain = fastDbToGain(this.#quietTargetDb + this.#makeupGainDb);
    if (gain === 1) return;
    for (let index = 0; index < frames; index++) {
      left[index]! *= gain;
      right[index]! *= gain;
    }
  }

  /** One-pole coefficient reaching 1 - 1/e of a step in `milliseconds`. */
  #timeConstantCoefficient(milliseconds: number): number {
    const seconds = Math.max(0.00001, finiteOr(milliseconds, 10) / 1000);
    return Math.exp(-1 / (seconds * this.#sampleRate));
  }
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
