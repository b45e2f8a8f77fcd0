/** A decoded WAV file. */
export interface DecodedWav {
  readonly sampleRate: number;
  readonly bitDepth: number;
  readonly channels: Float32Array[];
}

/**
 * Reads an integer-PCM (16/24/32-bit) or 32-bit float WAV: enough to check
 * our own exports (tests re-measure them) and to import plain WAV stems.
 * Walks the RIFF chunks, so files with extra chunks (LIST, bext) are fine.
 */
export function decodeWav(bytes: Uint8Array): DecodedWav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (offset: number) => String.fromCharCode(bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!, bytes[offset + 3]!);
  if (bytes.length < 12 || text(0) !== 'RIFF' || text(8) !== 'WAVE') throw new Error('Not a RIFF/WAVE file');
  let format = 0;
  let channelCount = 0;
  let sampleRate = 0;
  let bitDepth = 0;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = text(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = view.getUint16(body, true);
      channelCount = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      bitDepth = view.getUint16(body + 14, true);
      // WAVE_FORMAT_EXTENSIBLE: the real format is the sub-format GUID's first two bytes.
      if (format === 0xfffe && size >= 26) format = view.getUint16(body + 24, true);
    } else if (id === 'data') {
      if (channelCount === 0) throw new Error('WAV data chunk before its fmt chunk');
      return { sampleRate, bitDepth, channels: readSamples(view, body, Math.min(size, bytes.length - body), format, channelCount, bitDepth) };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV file has no data chunk');
}

function readSamples(view: DataView, start: number, size: number, format: number, channelCount: number, bitDepth: number): Float32Array[] {
  const bytesPerSample = bitDepth / 8;
  const frames = Math.floor(size / (bytesPerSample * channelCount));
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  let offset = start;
  for (let frame = 0; frame < frames; frame++) {
    for (let channel = 0; channel < channelCount; channel++) {
      let value: number;
      if (format === 3 && bitDepth === 32) value = view.getFloat32(offset, true);
      else if (format === 1 && bitDepth === 16) value = view.getInt16(offset, true) / 32768;
      else if (format === 1 && bitDepth === 24) value = ((view.getUint8(offset) | (view.getUint8(offset + 1) << 8) | (view.getInt8(offset + 2) << 16)) / 8388608);
      else if (format === 1 && bitDepth === 32) value = view.getInt32(offset, true) / 2147483648;
      else throw new Error(`Unsupported WAV encoding: format ${format}, ${bitDepth}-bit`);
      channels[channel]![frame] = value;
      offset += bytesPerSample;
    }
  }
  return channels;
}
