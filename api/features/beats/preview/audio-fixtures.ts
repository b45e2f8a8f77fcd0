/**
 * Small audio files built in memory for tests and benchmarks: a FLAC writer (verbatim subframes —
 * valid FLAC, just not compressed), an AAC (ADTS) stream we accept but cannot decode, and float
 * PCM helpers. No encoder binaries, nothing read from disk.
 */

/** CRC-8, polynomial x^8 + x^2 + x + 1 (FLAC frame headers). */
function crc8(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

/** CRC-16, polynomial x^16 + x^15 + x^2 + 1 (FLAC frames). */
function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** FLAC's UTF-8-like coding of a frame number (enough for 2^21 frames). */
function codedNumber(value: number): number[] {
  if (value < 0x80) return [value];
  if (value < 0x800) return [0xc0 | (value >> 6), 0x80 | (value & 0x3f)];
  if (value < 0x10000) return [0xe0 | (value >> 12), 0x80 | ((value >> 6) & 0x3f), 0x80 | (value & 0x3f)];
  return [0xf0 | (value >> 18), 0x80 | ((value >> 12) & 0x3f), 0x80 | ((value >> 6) & 0x3f), 0x80 | (value & 0x3f)];
}

/**
 * A 16-bit FLAC file of the given channels (equal lengths, -1…1). Blocks of 4,096 samples, each
 * subframe stored verbatim: a real FLAC stream any decoder reads, about as big as a WAV.
 */
export function encodeFlac(channels: Float32Array[], sampleRate: number): Uint8Array {
  const blockSize = 4096;
  const frames = channels[0]!.length;
  // Frame headers name common rates by code (0 would mean "see STREAMINFO", which not every parser follows).
  const rateCode = ({ 8000: 0b0100, 16_000: 0b0101, 22_050: 0b0110, 24_000: 0b0111, 32_000: 0b1000, 44_100: 0b1001, 48_000: 0b1010 } as Record<number, number>)[sampleRate] ?? 0;
  const parts: Uint8Array[] = [];
  const streamInfo = new Uint8Array(4 + 4 + 34);
  streamInfo.set([0x66, 0x4c, 0x61, 0x43], 0);
  streamInfo.set([0x80, 0, 0, 34], 4);
  const view = new DataView(streamInfo.buffer);
  view.setUint16(8, blockSize);
  view.setUint16(10, blockSize);
  // Sample rate (20 bits), channels - 1 (3), bits per sample - 1 (5), total samples (36).
  const packed = BigInt(sampleRate) << 44n | BigInt(channels.length - 1) << 41n | 15n << 36n | BigInt(frames);
  view.setBigUint64(18, packed);
  parts.push(streamInfo);

  for (let start = 0, number = 0; start < frames; start += blockSize, number++) {
    const length = Math.min(blockSize, frames - start);
    const header = [0xff, 0xf8, 0x70 | rateCode, ((channels.length - 1) << 4) | (0b100 << 1), ...codedNumber(number), (length - 1) >> 8, (length - 1) & 0xff];
    header.push(crc8(Uint8Array.from(header)));
    const frame = new Uint8Array(header.length + channels.length * (1 + length * 2) + 2);
    frame.set(header, 0);
    let offset = header.length;
    const frameView = new DataView(frame.buffer);
    for (const channel of channels) {
      frame[offset++] = 0x02; // VERBATIM subframe, no wasted bits.
      for (let index = 0; index < length; index++, offset += 2) {
        frameView.setInt16(offset, Math.round(Math.max(-1, Math.min(1, channel[start + index]!)) * 32767));
      }
    }
    frameView.setUint16(offset, crc16(frame.subarray(0, offset)));
    parts.push(frame);
  }
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const file = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    file.set(part, at);
    at += part.length;
  }
  return file;
}

/** An AAC stream (ADTS frames, 44.1 kHz stereo) whose payload is silence-shaped filler: sniffed and timed as AAC, not decodable here. */
export function adtsAac(frames: number): Uint8Array {
  const frameLength = 7 + 200;
  const bytes = new Uint8Array(frames * frameLength);
  for (let frame = 0; frame < frames; frame++) {
    const at = frame * frameLength;
    // Sync, MPEG-4, layer 0, no CRC; AAC LC, 44.1 kHz (index 4), 2 channels; frame length; fullness 0x7FF.
    bytes.set([0xff, 0xf1, 0x50, 0x80 | (frameLength >> 11), (frameLength >> 3) & 0xff, ((frameLength & 7) << 5) | 0x1f, 0xfc], at);
  }
  return bytes;
}

/** A sine as float samples. */
export function sine(options: { seconds: number; sampleRate: number; frequency: number; amplitude?: number }): Float32Array {
  const { seconds, sampleRate, frequency, amplitude = 0.5 } = options;
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let index = 0; index < samples.length; index++) samples[index] = amplitude * Math.sin((2 * Math.PI * frequency * index) / sampleRate);
  return samples;
}

/** Power of one frequency over a stretch of samples (Goertzel), normalised by its length. */
export function toneEnergy(samples: Float32Array, sampleRate: number, frequency: number, from: number, to: number): number {
  const start = Math.max(0, Math.round(from * sampleRate));
  const end = Math.min(samples.length, Math.round(to * sampleRate));
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / sampleRate);
  let previous = 0;
  let beforePrevious = 0;
  for (let index = start; index < end; index++) {
    const current = samples[index]! + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  const power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  return power / Math.max(1, end - start) ** 2;
}

/** An MP3 decoded whole (WASM mpg123) and mixed to mono: for checking what a preview sounds like. */
export async function decodeMp3(bytes: Uint8Array): Promise<{ samples: Float32Array; sampleRate: number }> {
  const { MPEGDecoder } = await import('mpg123-decoder');
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    const { channelData, sampleRate } = decoder.decode(bytes);
    const samples = new Float32Array(channelData[0]!.length);
    for (const channel of channelData) for (let index = 0; index < samples.length; index++) samples[index] = samples[index]! + channel[index]! / channelData.length;
    return { samples, sampleRate };
  } finally {
    decoder.free();
  }
}

/** A mono MP3 of float samples, encoded with the same lamejs the previews use. */
export async function encodeMp3(samples: Float32Array, sampleRate: number, kbps: number): Promise<Uint8Array> {
  const { createMp3Encoder } = await import('./mp3-encoder.ts');
  const encoder = createMp3Encoder(sampleRate, kbps);
  const parts = [...encoder.encode(samples), ...encoder.finish()];
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
