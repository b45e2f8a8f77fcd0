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

/** Levels below this are treated as silence by the detector (keeps log10 finite). */
const detectorFloorDb = -120;

/** 20·log10(2): dB per octave of amplitude. */
const dbPerOctave = 20 * Math.LOG10E * Math.LN2;
/** log2(10) / 20: octaves of amplitude per dB. */
const octavesPerDb = 1 / dbPerOctave;

// Scratch words for reading and writing IEEE-754 fields (no allocation per call).
const float32Scratch = new Float32Array(1);
const float32Bits = new Uint32Array(float32Scratch.buffer);

/**
 * 20·log10(x) for a positive float32 value `x` (a sample magnitude), to
 * within 1e-6 dB: the exponent is read from the bits, the mantissa is
 * brought into [√½, √2) and its logarithm is the atanh series
 * ln m = 2(t + t³/3 + t⁵/5 + t⁷/7 + t⁹/9), t = (m - 1)/(m + 1), |t| < 0.172.
 * `Math.log10` per sample was the compressor's main cost.
 */
export function fastAmplitudeToDb(x: number): number {
  float32Scratch[0] = x;
  const bits = float32Bits[0]!;
  let exponent = (bits >>> 23) - 127;
  float32Bits[0] = (bits & 0x7fffff) | 0x3f800000;
  let mantissa = float32Scratch[0]!;
  if (mantissa > Math.SQRT2) {
    mantissa *= 0.5;
    exponent++;
  }
  const t = (mantissa - 1) / (mantissa + 1);
  const t2 = t * t;
  const lnMantissa = 2 * t * (1 + t2 * (1 / 3 + t2 * (1 / 5 + t2 * (1 / 7 + t2 * (1 / 9)))));
  return dbPerOctave * (exponent + lnMantissa * Math.LOG2E);
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
 * e^v, v = r·ln 2 in [0, ln2/32), from a degree-4 Taylor polynomial.
 */
export function fastDbToGain(db: number): number {
  let steps = db * (octavesPerDb * stepsPerOctave);
  if (!(steps > -maxOctaves * stepsPerOctave)) steps = -maxOctaves * stepsPerOctave;
  else if (steps > maxOctaves * stepsPerOctave - 1) steps = maxOctaves * stepsPerOctave - 1;
  const whole = Math.floor(steps);
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
  #smoothedGainDb = 0;

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

  /** One-pole coefficient reaching 1 - 1/e of a step in `milliseconds`. */
  #timeConstantCoefficient(milliseconds: number): number {
    const seconds = Math.max(0.00001, finiteOr(milliseconds, 10) / 1000);
    return Math.exp(-1 / (seconds * this.#sampleRate));
  }
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
