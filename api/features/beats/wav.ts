/**
 * A small reader for RIFF/WAVE files: enough to find the format and the sample data and to turn it
 * into a waveform overview. PCM 8/16/24/32-bit integer and 32/64-bit float, any channel count
 * (WAVE_FORMAT_EXTENSIBLE included). Pure: bytes in, values out.
 */

export interface WavFormat {
  /** 1 = integer PCM, 3 = IEEE float. */
  encoding: 'pcm' | 'float';
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Where the sample data starts, and how many bytes of it there are (clipped to the file). */
  dataOffset: number;
  dataBytes: number;
}

const ascii = (bytes: Uint8Array, offset: number) => String.fromCharCode(bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!, bytes[offset + 3]!);

/**
 * The format of a WAV file, or undefined when the bytes are not a WAV this reader understands.
 * `bytes` may be only the start of the file (enough to reach the `data` chunk header); `fileBytes`
 * is then the whole file's size, so the data length is clipped to what the file really holds.
 */
export function readWavFormat(bytes: Uint8Array, fileBytes = bytes.length): WavFormat | undefined {
  if (bytes.length < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 12;
  let format: Omit<WavFormat, 'dataOffset' | 'dataBytes'> | undefined;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ' && size >= 16 && body + 16 <= bytes.length) {
      let tag = view.getUint16(body, true);
      // WAVE_FORMAT_EXTENSIBLE keeps the real tag in the first two bytes of the sub-format GUID.
      if (tag === 0xfffe && size >= 40 && body + 26 <= bytes.length) tag = view.getUint16(body + 24, true);
      const bitsPerSample = view.getUint16(body + 14, true);
      const encoding = tag === 1 ? 'pcm' : tag === 3 ? 'float' : undefined;
      const channels = view.getUint16(body + 2, true);
      const sampleRate = view.getUint32(body + 4, true);
      const supported =
        encoding === 'pcm' ? [8, 16, 24, 32].includes(bitsPerSample) : encoding === 'float' ? [32, 64].includes(bitsPerSample) : false;
      if (!encoding || !supported || channels < 1 || sampleRate < 1) return undefined;
      format = { encoding, channels, sampleRate, bitsPerSample };
    } else if (id === 'data') {
      if (!format) return undefined;
      return { ...format, dataOffset: body, dataBytes: Math.max(0, Math.min(size, fileBytes - body)) };
    }
    // Chunks are padded to an even length.
    offset = body + size + (size % 2);
  }
  return undefined;
}

/** One sample as -1…1. */
function sampleAt(view: DataView, offset: number, format: WavFormat): number {
  switch (format.bitsPerSample) {
    case 8:
      return (view.getUint8(offset) - 128) / 128;
    case 16:
      return view.getInt16(offset, true) / 32768;
    case 24: {
      const value = view.getUint8(offset) | (view.getUint8(offset + 1) << 8) | (view.getInt8(offset + 2) << 16);
      return value / 8388608;
    }
    case 32:
      return format.encoding === 'float' ? view.getFloat32(offset, true) : view.getInt32(offset, true) / 2147483648;
    default:
      return view.getFloat64(offset, true);
  }
}

/**
 * Builds `count` [min, max] pairs over the sample data fed to it in chunks of any size (all channels
 * mixed into one envelope), so a long file is never held in memory. Values are scaled to integers
 * -127…127, which keeps 800 pairs to a few kilobytes of JSON. Files shorter than `count` frames give
 * one pair per frame.
 */
export function createPeakAccumulator(format: WavFormat, count = 800) {
  const bytesPerSample = format.bitsPerSample / 8;
  const frameBytes = bytesPerSample * format.channels;
  const frames = Math.floor(format.dataBytes / frameBytes);
  const buckets = Math.min(count, frames);
  const minimum = new Float64Array(buckets);
  const maximum = new Float64Array(buckets);
  // A frame split across two chunks waits here for the rest of its bytes.
  const carry = new Uint8Array(frameBytes);
  const carryView = new DataView(carry.buffer);
  let carried = 0;
  let frame = 0;

  function addFrame(view: DataView, offset: number) {
    if (frame >= frames) return;
    const bucket = Math.floor((frame * buckets) / frames);
    for (let channel = 0; channel < format.channels; channel++) {
      const value = sampleAt(view, offset + channel * bytesPerSample, format);
      if (value < minimum[bucket]!) minimum[bucket] = value;
      if (value > maximum[bucket]!) maximum[bucket] = value;
    }
    frame++;
  }

  return {
    push(chunk: Uint8Array) {
      const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      let offset = 0;
      if (carried > 0) {
        const needed = Math.min(frameBytes - carried, chunk.length);
        carry.set(chunk.subarray(0, needed), carried);
        carried += needed;
        offset = needed;
        if (carried < frameBytes) return;
        addFrame(carryView, 0);
        carried = 0;
      }
      for (; offset + frameBytes <= chunk.length; offset += frameBytes) addFrame(view, offset);
      carry.set(chunk.subarray(offset), 0);
      carried = chunk.length - offset;
    },
    result: () => scaledPeaks(minimum, maximum),
  };
}

/** Per-bucket minima and maxima (-1…1) as the waveform's [min, max] pairs, scaled to -127…127. */
export function scaledPeaks(minimum: Float64Array, maximum: Float64Array): number[] {
  const scale = (value: number) => Math.max(-127, Math.min(127, Math.round(value * 127)));
  const peaks = new Array<number>(minimum.length * 2);
  for (let bucket = 0; bucket < minimum.length; bucket++) {
    peaks[bucket * 2] = scale(minimum[bucket]!);
    peaks[bucket * 2 + 1] = scale(maximum[bucket]!);
  }
  return peaks;
}

/**
 * Turns sample data fed in chunks of any size into float samples (-1…1), one array per channel; a
 * frame split across two chunks is completed by the next one. For decoding a WAV without holding it.
 */
export function createPcmReader(format: WavFormat) {
  const bytesPerSample = format.bitsPerSample / 8;
  const frameBytes = bytesPerSample * format.channels;
  let pending = new Uint8Array(0);
  return {
    push(chunk: Uint8Array): Float32Array[] {
      const bytes = pending.length === 0 ? chunk : concatenate(pending, chunk);
      const frames = Math.floor(bytes.length / frameBytes);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const channels = Array.from({ length: format.channels }, () => new Float32Array(frames));
      for (let frame = 0; frame < frames; frame++) {
        for (let channel = 0; channel < format.channels; channel++) {
          channels[channel]![frame] = sampleAt(view, frame * frameBytes + channel * bytesPerSample, format);
        }
      }
      pending = bytes.slice(frames * frameBytes);
      return channels;
    },
  };
}

function concatenate(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first, 0);
  joined.set(second, first.length);
  return joined;
}

/** A 16-bit PCM mono WAV of `samples` (-1…1, clipped), e.g. a normalised voice tag. */
export function encodeMonoWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  writeHeader(view, bytes, { sampleRate, channels: 1, dataBytes: samples.length * 2 });
  for (let index = 0; index < samples.length; index++) {
    view.setInt16(44 + index * 2, Math.round(Math.max(-1, Math.min(1, samples[index]!)) * 32767), true);
  }
  return bytes;
}

function writeHeader(view: DataView, bytes: Uint8Array, header: { sampleRate: number; channels: number; dataBytes: number; bitsPerSample?: number }) {
  const text = (offset: number, value: string) => {
    for (let index = 0; index < 4; index++) bytes[offset + index] = value.charCodeAt(index);
  };
  const { sampleRate, channels, dataBytes } = header;
  const bytesPerSample = (header.bitsPerSample ?? 16) / 8;
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * bytesPerSample, true);
  view.setUint16(32, channels * bytesPerSample, true);
  view.setUint16(34, bytesPerSample * 8, true);
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
}

/**
 * The 44-byte header of a PCM WAV (16 or 24 bits per sample, interleaved): for a file written as a
 * stream, whose header is rewritten once the data's length is known.
 */
export function pcmWavHeader(header: { sampleRate: number; channels: number; bitsPerSample: 16 | 24; dataBytes: number }): Uint8Array {
  const bytes = new Uint8Array(44);
  writeHeader(new DataView(bytes.buffer), bytes, header);
  return bytes;
}

/**
 * Interleaved little-endian integer PCM (16 or 24 bits) of float channels from a decoder that
 * normalised `sourceBits`-bit integers by their largest value (as the FLAC decoder does): each
 * sample is turned back into that integer, then widened, so a lossless source comes back bit for bit.
 */
export function encodePcm(channels: readonly Float32Array[], bitsPerSample: 16 | 24, sourceBits: number = bitsPerSample): Uint8Array {
  const bits = Math.min(bitsPerSample, Math.max(8, sourceBits));
  const largest = 2 ** (bits - 1) - 1;
  const widen = 2 ** (bitsPerSample - bits);
  const bytesPerSample = bitsPerSample / 8;
  const frames = channels[0]?.length ?? 0;
  const out = new Uint8Array(frames * channels.length * bytesPerSample);
  let offset = 0;
  for (let frame = 0; frame < frames; frame++) {
    for (const channel of channels) {
      const sample = Math.max(-largest - 1, Math.min(largest, Math.round((channel[frame] ?? 0) * largest))) * widen;
      out[offset++] = sample & 0xff;
      out[offset++] = (sample >> 8) & 0xff;
      if (bytesPerSample === 3) out[offset++] = (sample >> 16) & 0xff;
    }
  }
  return out;
}

/** Peaks of a WAV held in memory; see createPeakAccumulator. */
export function wavPeaks(bytes: Uint8Array, format: WavFormat, count = 800): number[] {
  const accumulator = createPeakAccumulator(format, count);
  accumulator.push(bytes.subarray(format.dataOffset, format.dataOffset + format.dataBytes));
  return accumulator.result();
}

/**
 * A 16-bit PCM WAV of a sine tone, for tests and fixtures. `seconds` may be fractional; the
 * amplitude is 0…1.
 */
export function sineWav(options: { seconds: number; sampleRate?: number; channels?: number; frequency?: number; amplitude?: number }): Uint8Array {
  const { seconds, sampleRate = 44_100, channels = 1, frequency = 440, amplitude = 0.5 } = options;
  const frames = Math.round(seconds * sampleRate);
  const dataBytes = frames * channels * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  writeHeader(view, bytes, { sampleRate, channels, dataBytes });
  for (let frame = 0; frame < frames; frame++) {
    const value = Math.round(Math.sin((2 * Math.PI * frequency * frame) / sampleRate) * amplitude * 32767);
    for (let channel = 0; channel < channels; channel++) view.setInt16(44 + (frame * channels + channel) * 2, value, true);
  }
  return bytes;
}
