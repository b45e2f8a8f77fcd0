/**
 * Sample-peak meter with the ballistics of a digital peak programme meter:
 * instant rise, a fall at a fixed rate in dB per second (20 dB in 1.7 s, the
 * IEC 60268-18 return time), and a peak-hold value until `resetHold`. The
 * falling display value is what the UI draws; the hold is the number above it.
 */
export class PeakMeter {
  readonly #fallPerSample: number;
  #displayDb = -Infinity;
  #holdDb = -Infinity;

  constructor(sampleRate: number, fallDbPerSecond = 20 / 1.7) {
    this.#fallPerSample = fallDbPerSecond / sampleRate;
  }

  /** Level the meter shows now, dBFS. */
  get displayDb(): number {
    return this.#displayDb;
  }

  /** Highest sample peak since the last `resetHold`, dBFS. */
  get holdDb(): number {
    return this.#holdDb;
  }

  resetHold(): void {
    this.#holdDb = -Infinity;
  }

  /** Feeds one block of one channel (call once per channel per meter, or use one meter per channel). */
  process(samples: Float32Array, frames: number = samples.length): void {
    // Per block, not per sample: the display only moves once per block anyway.
    let peak = 0;
    for (let index = 0; index < frames; index++) {
      const magnitude = Math.abs(samples[index]!);
      if (magnitude > peak) peak = magnitude;
    }
    const peakDb = 20 * Math.log10(peak);
    const fallen = this.#displayDb - this.#fallPerSample * frames;
    this.#displayDb = Math.max(peakDb, fallen);
    if (peakDb > this.#holdDb) this.#holdDb = peakDb;
  }
}
