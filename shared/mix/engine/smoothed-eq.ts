import { BiquadType, createBiquadCoefficients, designBiquadInto } from '../../dsp/biquad-coefficients.ts';
import { BiquadFilter } from '../../dsp/biquad.ts';
import type { ThreeBandEqParameters } from '../../dsp/three-band-eq.ts';

/** Same shelf slope as `ThreeBandEq` (S = 1, no overshoot). */
const shelfQ = Math.SQRT1_2;
/** Coefficients are redesigned every this many samples while a move glides. */
export const eqRampChunkFrames = 32;
/** Length of a glide between EQ settings (the fader's 20 ms). */
const rampSeconds = 0.02;
/** A flat EQ keeps filtering this long before it is bypassed, so the filters' residue dies out first. */
const bypassAfterSeconds = 0.5;

/**
 * One channel through the three bands: in one pass when all three filter,
 * otherwise only those that are not transparent (a band at 0 dB whose
 * residue has died out), one pass each. Bit for bit the same as the full
 * cascade (see `BiquadFilter.isTransparent` and `processCascade`); most
 * strips touch one or two bands.
 */
function filterBands(low: BiquadFilter, mid: BiquadFilter, high: BiquadFilter, samples: Float32Array, frames: number): void {
  const lowActive = !low.isTransparent;
  const midActive = !mid.isTransparent;
  const highActive = !high.isTransparent;
  if (lowActive && midActive && highActive) {
    BiquadFilter.processCascade(low, mid, high, samples, frames);
    return;
  }
  if (lowActive) low.process(samples, samples, frames);
  if (midActive) mid.process(samples, samples, frames);
  if (highActive) high.process(samples, samples, frames);
}

/** The seven EQ settings in a fixed order: 0-2 low (f, gain, –), mid f, gain, Q, high f, gain. */
const fieldCount = 7;

function writeFields(parameters: ThreeBandEqParameters, out: Float64Array): void {
  // Frequencies and Q glide in the log domain (as a knob taper does), gains in dB.
  out[0] = Math.log(Math.max(parameters.lowFrequency, 1));
  out[1] = parameters.lowGainDb;
  out[2] = Math.log(Math.max(parameters.midFrequency, 1));
  out[3] = parameters.midGainDb;
  out[4] = Math.log(Math.max(parameters.midQ, 1e-3));
  out[5] = Math.log(Math.max(parameters.highFrequency, 1));
  out[6] = parameters.highGainDb;
}

/**
 * A stereo 3-band channel EQ (low shelf, peak, high shelf) whose moves glide.
 * Stepping biquad coefficients once per block is audible as zipper noise on
 * a sweep, so a change ramps the settings over 20 ms, redesigning the shared
 * coefficients every {@link eqRampChunkFrames} samples. A flat EQ is bypassed
 * (most strips never touch theirs), after its filters' residue has died out.
 * Allocates only in the constructor.
 */
export class SmoothedEq {
  readonly #sampleRate: number;
  readonly #low = createBiquadCoefficients();
  readonly #mid = createBiquadCoefficients();
  readonly #high = createBiquadCoefficients();
  readonly #filters: BiquadFilter[];
  readonly #current = new Float64Array(fieldCount);
  readonly #target = new Float64Array(fieldCount);
  readonly #step = new Float64Array(fieldCount);
  readonly #rampChunks: number;
  #remainingChunks = 0;
  /** Samples until the chunk in progress ends and the next design step is due. */
  #chunkLeft = 0;
  #flatFrames = 0;
  readonly #bypassAfterFrames: number;

  constructor(sampleRate: number, parameters: ThreeBandEqParameters) {
    this.#sampleRate = sampleRate;
    this.#filters = [this.#low, this.#mid, this.#high, this.#low, this.#mid, this.#high].map((coefficients) => new BiquadFilter(coefficients));
    this.#rampChunks = Math.max(1, Math.round((rampSeconds * sampleRate) / eqRampChunkFrames));
    this.#bypassAfterFrames = Math.round(bypassAfterSeconds * sampleRate);
    writeFields(parameters, this.#target);
    this.#current.set(this.#target);
    this.#design();
    this.#flatFrames = this.#isFlat() ? this.#bypassAfterFrames : 0;
  }

  /** Starts a glide to new settings. */
  setParameters(parameters: ThreeBandEqParameters): void {
    writeFields(parameters, this.#target);
    for (let field = 0; field < fieldCount; field++) this.#step[field] = (this.#target[field]! - this.#current[field]!) / this.#rampChunks;
    this.#remainingChunks = this.#rampChunks;
    this.#chunkLeft = 0;
    this.#flatFrames = 0;
  }

  /** Filters both channels in place over `[0, frames)`. */
  process(left: Float32Array, right: Float32Array, frames: number): void {
    if (this.#remainingChunks === 0) {
      if (this.#flatFrames >= this.#bypassAfterFrames) return;
      const [lowLeft, midLeft, highLeft, lowRight, midRight, highRight] = this.#filters as [BiquadFilter, BiquadFilter, BiquadFilter, BiquadFilter, BiquadFilter, BiquadFilter];
      filterBands(lowLeft, midLeft, highLeft, left, frames);
      filterBands(lowRight, midRight, highRight, right, frames);
      if (this.#isFlat()) {
        this.#flatFrames += frames;
        if (this.#flatFrames >= this.#bypassAfterFrames) for (const filter of this.#filters) filter.reset();
      }
      return;
    }
    this.#glide(left, right, frames);
  }

  #glide(left: Float32Array, right: Float32Array, frames: number): void {
    const [lowLeft, midLeft, highLeft, lowRight, midRight, highRight] = this.#filters as [BiquadFilter, BiquadFilter, BiquadFilter, BiquadFilter, BiquadFilter, BiquadFilter];
    for (let index = 0; index < frames; index++) {
      if (this.#chunkLeft === 0 && this.#remainingChunks > 0) {
        this.#remainingChunks--;
        if (this.#remainingChunks === 0) this.#current.set(this.#target);
        else for (let field = 0; field < fieldCount; field++) this.#current[field]! += this.#step[field]!;
        this.#design();
        this.#chunkLeft = eqRampChunkFrames;
      }
      if (this.#chunkLeft > 0) this.#chunkLeft--;
      left[index] = highLeft.processSample(midLeft.processSample(lowLeft.processSample(left[index]!)));
      right[index] = highRight.processSample(midRight.processSample(lowRight.processSample(right[index]!)));
    }
  }

  #isFlat(): boolean {
    const current = this.#current;
    return current[1] === 0 && current[3] === 0 && current[6] === 0;
  }

  #design(): void {
    const current = this.#current;
    const sampleRate = this.#sampleRate;
    designBiquadInto(this.#low, BiquadType.lowShelf, Math.exp(current[0]!), shelfQ, current[1]!, sampleRate);
    designBiquadInto(this.#mid, BiquadType.peaking, Math.exp(current[2]!), Math.exp(current[4]!), current[3]!, sampleRate);
    designBiquadInto(this.#high, BiquadType.highShelf, Math.exp(current[5]!), shelfQ, current[6]!, sampleRate);
  }
}
