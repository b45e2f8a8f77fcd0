import { sharedMeterBufferBytes } from './meter-layout.ts';

/**
 * Meter frames through shared memory, for pages that are cross-origin
 * isolated: the audio thread writes, the UI reads on animation frames, and
 * no message is posted at all. A sequence lock keeps reads consistent
 * without blocking the writer: the sequence is odd while a frame is being
 * written, and a reader that sees it odd or changed across its copy retries.
 *
 * Layout: Int32 [sequence, frame length] (8 bytes), then the Float64 frame.
 */
export class SharedMeterBuffer {
  readonly buffer: SharedArrayBuffer;
  readonly #lock: Int32Array;
  readonly #frame: Float64Array;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(sharedMeterBufferBytes)) {
    this.buffer = buffer;
    this.#lock = new Int32Array(buffer, 0, 2);
    this.#frame = new Float64Array(buffer, 8);
  }

  /** Audio thread: publishes a frame. Returns false when it does not fit (then post it instead). */
  write(values: Float64Array): boolean {
    if (values.length > this.#frame.length) return false;
    Atomics.add(this.#lock, 0, 1);
    this.#frame.set(values);
    Atomics.store(this.#lock, 1, values.length);
    Atomics.add(this.#lock, 0, 1);
    return true;
  }

  /**
   * UI thread: copies the newest frame of `length` values into `into`.
   * Returns false when none is available (nothing written yet, a frame of
   * another layout, or a writer that kept overtaking the copy).
   */
  read(into: Float64Array, attempts = 4): boolean {
    const lock = this.#lock;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const before = Atomics.load(lock, 0);
      if (before === 0 || before % 2 === 1) continue;
      if (Atomics.load(lock, 1) !== into.length) return false;
      into.set(this.#frame.subarray(0, into.length));
      if (Atomics.load(lock, 0) === before) return true;
    }
    return false;
  }
}
