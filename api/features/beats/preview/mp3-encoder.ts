import { Mp3Encoder } from '@breezystack/lamejs';

/** lamejs wants whole MPEG frames; 1,152 samples per frame, 16 frames per call keeps calls cheap. */
const BLOCK_SAMPLES = 1152 * 16;

const toInt16 = (value: number) => (value >= 1 ? 32767 : value <= -1 ? -32768 : Math.round(value * 32767));

/**
 * MP3 encoding (lamejs, pure JavaScript) of float samples fed in chunks of any size: mono, or stereo
 * with `channelCount` 2 (then `encode` takes the left and the right channel). Each call returns the
 * MP3 bytes ready so far, so the caller can write them out and memory stays flat.
 */
export function createMp3Encoder(sampleRate: number, kbps: number, channelCount: 1 | 2 = 1) {
  const encoder = new Mp3Encoder(channelCount, sampleRate, kbps);
  const blocks = Array.from({ length: channelCount }, () => new Int16Array(BLOCK_SAMPLES));
  let filled = 0;
  const encodeBlocks = (length: number) =>
    length === BLOCK_SAMPLES
      ? encoder.encodeBuffer(blocks[0]!, blocks[1])
      : encoder.encodeBuffer(blocks[0]!.subarray(0, length), blocks[1]?.subarray(0, length));

  return {
    encode(...channels: Float32Array[]): Uint8Array[] {
      if (channels.length !== channelCount) throw new RangeError(`expected ${channelCount} channel(s), got ${channels.length}`);
      const out: Uint8Array[] = [];
      const length = channels[0]!.length;
      for (let index = 0; index < length; index++) {
        for (let channel = 0; channel < channelCount; channel++) blocks[channel]![filled] = toInt16(channels[channel]![index]!);
        if (++filled === BLOCK_SAMPLES) {
          const bytes = encodeBlocks(BLOCK_SAMPLES);
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
        const bytes = encodeBlocks(filled);
        if (bytes.length > 0) out.push(bytes.slice());
        filled = 0;
      }
      const tail = encoder.flush();
      if (tail.length > 0) out.push(tail.slice());
      return out;
    },
  };
}
