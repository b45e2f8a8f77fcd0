import { createRandom } from '../../shared/lyrics/seeded-random.ts';

/**
 * WAV (RIFF/WAVE, integer PCM) encoding for export. Pure: channels in, bytes
 * out, so it is tested in Node.
 */

/** Integer PCM depths we write: 16-bit for distribution, 24-bit for masters and stems. */
export const WavBitDepth = { sixteen: 16, twentyFour: 24 } as const;
export type WavBitDepth = (typeof WavBitDepth)[keyof typeof WavBitDepth];

const headerBytes = 44;
/** WAVE_FORMAT_PCM. */
const pcmFormat = 1;

export interface WavEncodeOptions {
  /**
   * Add TPDF dither (±1 step, triangular) before rounding. Rounding alone
   * turns quiet detail (fades, reverb tails) into distortion correlated with
   * the signal; dither trades it for a constant, benign noise floor. Worth it
   * at 16-bit, inaudible either way at 24.
   */
  readonly dither?: boolean;
  /** Dither seed, so the same export gives the same bytes. */
  readonly seed?: number;
}

/**
 * Encodes equal-length channels as interleaved little-endian PCM. Samples
 * are rounded to the nearest step (optionally dithered) and clipped to the
 * format's range (+1.0 becomes the largest positive code).
 */
export function encodeWav(channels: readonly Float32Array[], sampleRate: number, bitDepth: WavBitDepth, options: WavEncodeOptions = {}): Uint8Array<ArrayBuffer> {
  if (channels.length === 0) throw new RangeError('encodeWav needs at least one channel');
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) throw new RangeError(`Invalid sample rate ${sampleRate}`);
  const frames = Math.min(...channels.map((channel) => channel.length));
  const channelCount = channels.length;
  const bytesPerSample = bitDepth / 8;
  const blockAlign = channelCount * bytesPerSample;
  const dataBytes = frames * blockAlign;
  const bytes = new Uint8Array(headerBytes + dataBytes + (dataBytes % 2));
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index++) bytes[offset + index] = text.charCodeAt(index);
  };
  ascii(0, 'RIFF');
  // RIFF size counts everything after this field, including the pad byte of an odd data chunk.
  view.setUint32(4, bytes.length - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, pcmFormat, true);
  view.setUint16(22, channelCount, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, bitDepth, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);

  const scale = 2 ** (bitDepth - 1);
  const maximum = scale - 1;
  const random = options.dither ? createRandom(options.seed ?? 1) : null;
  let offset = headerBytes;
  for (let frame = 0; frame < frames; frame++) {
    for (let channel = 0; channel < channelCount; channel++) {
      const sample = channels[channel]![frame]!;
      // NaN becomes silence rather than a full-scale click.
      const noise = random ? random.next() - random.next() : 0;
      const code = Number.isNaN(sample) ? 0 : Math.max(-scale, Math.min(maximum, Math.round(sample * scale + noise)));
      if (bitDepth === 16) {
        view.setInt16(offset, code, true);
      } else {
        bytes[offset] = code & 0xff;
        bytes[offset + 1] = (code >> 8) & 0xff;
        bytes[offset + 2] = (code >> 16) & 0xff;
      }
      offset += bytesPerSample;
    }
  }
  return bytes;
}
