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
    let smoothedGainDb = this.#smoothedGainDb;
    for (let index = 0; index < frames; index++) {
      let peak = 0;
      // Indexed loops: per-sample code must not create iterators.
      for (let channel = 0; channel < detectChannels.length; channel++) {
        const magnitude = Math.abs(detectChannels[channel]![index]!);
        if (magnitude > peak) peak = magnitude;
      }
      const levelDb = peak > 0 ? Math.max(20 * Math.log10(peak), detectorFloorDb) : detectorFloorDb;
      const targetGainDb = compressorGainDb(levelDb, thresholdDb, ratio, kneeDb);
      const coefficient = targetGainDb < smoothedGainDb ? attack : release;
      smoothedGainDb = targetGainDb + coefficient * (smoothedGainDb - targetGainDb);
      const gain = Math.pow(10, (smoothedGainDb + makeupGainDb) / 20);
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
