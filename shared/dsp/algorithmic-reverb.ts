import { OnePoleLowPass } from './one-pole-filter.ts';

/** Reverb settings. Each is clamped to the range in its comment. */
export interface ReverbParameters {
  /** Gap before the tail starts, 0…0.5 s. */
  readonly preDelaySeconds: number;
  /** RT60 at low frequencies: time for the tail to fall by 60 dB, 0.1…30 s. */
  readonly decaySeconds: number;
  /** How much faster highs decay than lows, 0 (bright) … 1 (dark). */
  readonly damping: number;
  /** Room size: scales the delay lengths (echo density and colour), 0…1. */
  readonly size: number;
  /** 0 = dry only, 1 = reverb only (for use on a send). */
  readonly mix: number;
}

/** A medium room, mixed for use as an insert. */
export const defaultReverbParameters: ReverbParameters = {
  preDelaySeconds: 0.02,
  decaySeconds: 1.8,
  damping: 0.4,
  size: 0.7,
  mix: 0.25,
};

const maximumPreDelaySeconds = 0.5;
/** Feedback-delay lengths at size 1, in ms; mutually prime-ish so their echoes do not line up. */
const lineMilliseconds = [43.1, 47.9, 53.3, 59.7, 67.1, 73.9, 81.7, 89.3] as const;
const lineCount = lineMilliseconds.length;
/** Input diffusers (Schroeder allpasses), in ms, and their gain. */
const diffuserMilliseconds = [4.77, 3.59, 12.73, 9.31] as const;
const diffuserGain = 0.7;
/** Output taps: which lines feed left (+1/-1) and right, decorrelating the sides. */
const leftSigns = [1, -1, 1, -1, 1, -1, 1, -1] as const;
const rightSigns = [1, 1, -1, -1, 1, 1, -1, -1] as const;
const outputScale = 1 / Math.sqrt(lineCount);

function clamp(value: number, minimum: number, maximum: number, fallback: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, minimum), maximum) : fallback;
}

/**
 * An 8-line feedback delay network reverb (Jot & Chaigne, 1991) with input
 * diffusion, pre-delay and per-line damping.
 *
 * Why it always decays: the lines are mixed by a Householder matrix
 * I - (2/N)·11ᵀ, which is orthogonal (it preserves energy), and each line is
 * scaled by gᵢ = 10^(-3·lengthᵢ / (RT60·fs)) < 1 and passed through a
 * one-pole low-pass with |H| ≤ 1. So every trip around the loop loses energy,
 * for any setting, and the RT60 holds at low frequencies. The diffusers are
 * allpasses outside the loop. Buffers are sized for the largest size and
 * pre-delay at construction; changing the size re-taps the lines (an audible
 * jump, so it suits a preset change, not automation).
 */
export class AlgorithmicReverb {
  readonly #sampleRate: number;
  readonly #preDelay: Float32Array;
  #preDelayPosition = 0;
  #preDelaySamples = 0;
  readonly #diffusers: Float32Array[];
  readonly #diffuserPositions: Int32Array;
  readonly #lines: Float32Array[];
  readonly #linePositions: Int32Array;
  readonly #lineLengths: Int32Array;
  readonly #lineGains = new Float64Array(lineCount);
  readonly #dampers: OnePoleLowPass[];
  readonly #outputs = new Float64Array(lineCount);
  #dry = 1;
  #wet = 0;

  constructor(sampleRate: number, parameters: ReverbParameters = defaultReverbParameters) {
    this.#sampleRate = sampleRate;
    this.#preDelay = new Float32Array(Math.ceil(maximumPreDelaySeconds * sampleRate) + 1);
    this.#diffusers = diffuserMilliseconds.map((milliseconds) => new Float32Array(Math.max(1, Math.round((milliseconds / 1000) * sampleRate))));
    this.#diffuserPositions = new Int32Array(diffuserMilliseconds.length);
    this.#lines = lineMilliseconds.map((milliseconds) => new Float32Array(Math.max(1, Math.ceil((milliseconds / 1000) * sampleRate))));
    this.#linePositions = new Int32Array(lineCount);
    this.#lineLengths = new Int32Array(lineCount);
    this.#dampers = lineMilliseconds.map(() => new OnePoleLowPass());
    this.setParameters(parameters);
  }

  setParameters(parameters: ReverbParameters): void {
    const sampleRate = this.#sampleRate;
    this.#preDelaySamples = Math.round(clamp(parameters.preDelaySeconds, 0, maximumPreDelaySeconds, 0) * sampleRate);
    const decaySeconds = clamp(parameters.decaySeconds, 0.1, 30, defaultReverbParameters.decaySeconds);
    const damping = clamp(parameters.damping, 0, 1, defaultReverbParameters.damping);
    const size = clamp(parameters.size, 0, 1, defaultReverbParameters.size);
    const scale = 0.25 + 0.75 * size;
    for (let line = 0; line < lineCount; line++) {
      const capacity = this.#lines[line]!.length;
      const length = Math.min(capacity, Math.max(1, Math.round((lineMilliseconds[line]! / 1000) * scale * sampleRate)));
      this.#lineLengths[line] = length;
      if (this.#linePositions[line]! >= length) this.#linePositions[line] = 0;
      this.#lineGains[line] = Math.pow(10, (-3 * length) / (decaySeconds * sampleRate));
      this.#dampers[line]!.setPole(0.85 * damping);
    }
    const mix = clamp(parameters.mix, 0, 1, defaultReverbParameters.mix);
    this.#dry = 1 - mix;
    this.#wet = mix;
  }

  reset(): void {
    this.#preDelay.fill(0);
    for (const diffuser of this.#diffusers) diffuser.fill(0);
    for (const line of this.#lines) line.fill(0);
    for (const damper of this.#dampers) damper.reset();
  }

  /** Processes a stereo block in place over `[0, frames)`. */
  process(left: Float32Array, right: Float32Array, frames: number = left.length): void {
    const preDelay = this.#preDelay;
    const preDelaySize = preDelay.length;
    const lines = this.#lines;
    const positions = this.#linePositions;
    const lengths = this.#lineLengths;
    const gains = this.#lineGains;
    const dampers = this.#dampers;
    const outputs = this.#outputs;
    const dry = this.#dry;
    const wet = this.#wet;
    for (let index = 0; index < frames; index++) {
      const inputLeft = left[index]!;
      const inputRight = right[index]!;
      // Pre-delay (read before write, so 0 samples means no delay at all).
      preDelay[this.#preDelayPosition] = 0.5 * (inputLeft + inputRight);
      let readPosition = this.#preDelayPosition - this.#preDelaySamples;
      if (readPosition < 0) readPosition += preDelaySize;
      let signal = preDelay[readPosition]!;
      this.#preDelayPosition = this.#preDelayPosition + 1 === preDelaySize ? 0 : this.#preDelayPosition + 1;
      // Input diffusion: series allpasses smear the attack into a dense onset.
      for (let stage = 0; stage < this.#diffusers.length; stage++) {
        const buffer = this.#diffusers[stage]!;
        const position = this.#diffuserPositions[stage]!;
        const delayed = buffer[position]!;
        const v = signal + diffuserGain * delayed;
        buffer[position] = v;
        signal = delayed - diffuserGain * v;
        this.#diffuserPositions[stage] = position + 1 === buffer.length ? 0 : position + 1;
      }
      // Feedback delay network.
      let sum = 0;
      let wetLeft = 0;
      let wetRight = 0;
      for (let line = 0; line < lineCount; line++) {
        const out = lines[line]![positions[line]!]!;
        wetLeft += leftSigns[line]! * out;
        wetRight += rightSigns[line]! * out;
        const attenuated = gains[line]! * dampers[line]!.next(out);
        outputs[line] = attenuated;
        sum += attenuated;
      }
      const householder = (2 / lineCount) * sum;
      for (let line = 0; line < lineCount; line++) {
        const position = positions[line]!;
        // Alternate input signs so the lines start decorrelated.
        lines[line]![position] = outputs[line]! - householder + (line % 2 === 0 ? signal : -signal);
        positions[line] = position + 1 >= lengths[line]! ? 0 : position + 1;
      }
      left[index] = dry * inputLeft + wet * outputScale * wetLeft;
      right[index] = dry * inputRight + wet * outputScale * wetRight;
    }
  }
}
