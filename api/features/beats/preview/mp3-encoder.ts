import { Mp3Encoder } from '@breezystack/lamejs';

/** lamejs wants whole MPEG frames; 1,152 samples per frame, 16 frames per call keeps calls cheap. */
const BLOCK_SAMPLES = 1152 * 16;

/**
 * Mono MP3 encoding (lamejs, pure JavaScript) of float samples fed in chunks of any size. Each call
 * returns the MP3 bytes ready so far, so the caller can write them out and memory stays flat.
 */
export function createMp3Encoder(sampleRate: number, kbps: number) {
  const encoder = new Mp3Encoder(1, sampleRate, kbps);
  const block = new Int16Array(BLOCK_SAMPLES);
  let filled = 0;

  return {
    encode(samples: Float32Array): Uint8Array[] {
      const out: Uint8Array[] = [];
      for (let index = 0; index < samples.length; index++) {
        const value = samples[index]!;
        block[filled++] = value >= 1 ? 32767 : value <= -1 ? -32768 : Math.round(value * 32767);
        if (filled === BLOCK_SAMPLES) {
          const bytes = encoder.encodeBuffer(block);
          // lamejs reuses its output buffer: copy before the next call.
          if (bytes.length > 0) out.push(bytes.slice());
          filled = 0;
        }
      }
      return out;
    },
    finish(): Uint8Array[] {
      const out: Uint8Array[] = [];
      if (filled > 0) {
        const bytes = encoder.encodeBuffer(block.subarray(0, filled));
        if (bytes.length > 0) out.push(bytes.slice());
        filled = 0;
      }
      const tail = encoder.flush();
      if (tail.length > 0) out.push(tail.slice());
      return out;
    },
  };
}
