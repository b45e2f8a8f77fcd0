import { dbToGain } from '../../dsp/decibels.ts';

const clickSeconds = 0.04;
const decaySeconds = 0.008;
const downbeatHz = 1760;
const beatHz = 1320;

/**
 * The click track: a short decaying sine on every beat, higher on the first
 * beat of the bar. Synthesised, so nothing is downloaded. It follows the
 * song position (a seek or loop jump re-aligns it) and is mixed after the
 * master bus, so it is never metered, limited or exported.
 */
export class Metronome {
  enabled = false;
  #gain = dbToGain(-12);
  readonly #sampleRate: number;
  readonly #clickFrames: number;
  readonly #decayPerFrame: number;
  /** Frames left of the click in progress, its phase step and envelope. */
  #remaining = 0;
  #phase = 0;
  #phaseStep = 0;
  #envelope = 0;

  constructor(sampleRate: number) {
    this.#sampleRate = sampleRate;
    this.#clickFrames = Math.round(clickSeconds * sampleRate);
    this.#decayPerFrame = Math.exp(-1 / (decaySeconds * sampleRate));
  }

  setLevelDb(levelDb: number): void {
    this.#gain = dbToGain(Math.min(levelDb, 0));
  }

  /** Stops a click in progress (transport jumps). */
  reset(): void {
    this.#remaining = 0;
  }

  /**
   * Adds clicks for song frames `[position, position + frames)` into the
   * output at `offset`.
   */
  addTo(left: Float32Array, right: Float32Array, offset: number, position: number, frames: number, tempoBpm: number, beatsPerBar: number): void {
    if (!this.enabled) return;
    const beatFrames = (60 * this.#sampleRate) / tempoBpm;
    for (let index = 0; index < frames; index++) {
      const frame = position + index;
      // A beat sounds on the first frame at or after its exact time.
      const beat = Math.floor(frame / beatFrames);
      if (Math.ceil(beat * beatFrames) === frame) {
        const hz = beat % beatsPerBar === 0 ? downbeatHz : beatHz;
        this.#remaining = this.#clickFrames;
        this.#phase = 0;
        this.#phaseStep = (2 * Math.PI * hz) / this.#sampleRate;
        this.#envelope = this.#gain;
      }
      if (this.#remaining === 0) continue;
      const value = Math.sin(this.#phase) * this.#envelope;
      this.#phase += this.#phaseStep;
      this.#envelope *= this.#decayPerFrame;
      this.#remaining--;
      left[offset + index]! += value;
      right[offset + index]! += value;
    }
  }
}
