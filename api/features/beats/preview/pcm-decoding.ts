import { createReadStream } from 'node:fs';
import { FLACDecoder } from '@wasm-audio-decoders/flac';
import { OggVorbisDecoder } from '@wasm-audio-decoders/ogg-vorbis';
import { MPEGDecoder } from 'mpg123-decoder';
import { createPcmReader } from '../wav.ts';
import { readWavFileFormat } from '../wav-file.ts';
import type { DecodableFormat } from './decodable-formats.ts';
import { UndecodableAudioError } from './preview-errors.ts';


/** Decoded audio: one array per channel, at the stream's sample rate. */
export interface PcmChunk {
  sampleRate: number;
  channels: Float32Array[];
  /** The source's integer sample size when the decoder says (FLAC): how the floats were normalised. */
  bitDepth?: number;
}

const READ_CHUNK_BYTES = 64 * 1024;

/**
 * Decodes a file chunk by chunk. Stop iterating early (break) to decode only the start: the file
 * is read lazily and the decoder is freed either way, so memory stays at about one chunk.
 */
export async function* decodeAudioFile(file: string, format: DecodableFormat): AsyncGenerator<PcmChunk> {
  let decodedAny = false;
  for await (const chunk of decoders[format](file)) {
    if (chunk.channels.length === 0 || chunk.channels[0]!.length === 0) continue;
    decodedAny = true;
    yield chunk;
  }
  if (!decodedAny) throw new UndecodableAudioError(`no audio could be decoded from this ${format} file`);
}

const decoders: Record<DecodableFormat, (file: string) => AsyncGenerator<PcmChunk>> = {
  async *wav(file) {
    const format = await readWavFileFormat(file);
    if (!format) throw new UndecodableAudioError('not a WAV this reader understands');
    if (format.dataBytes === 0) return;
    const reader = createPcmReader(format);
    const stream = createReadStream(file, { start: format.dataOffset, end: format.dataOffset + format.dataBytes - 1, highWaterMark: READ_CHUNK_BYTES });
    for await (const bytes of stream) yield { sampleRate: format.sampleRate, channels: reader.push(bytes as Buffer) };
  },

  async *mp3(file) {
    const decoder = new MPEGDecoder();
    await decoder.ready;
    try {
      for await (const bytes of createReadStream(file, { highWaterMark: READ_CHUNK_BYTES })) {
        const decoded = decoder.decode(bytes as Buffer);
        if (decoded.samplesDecoded > 0) yield { sampleRate: decoded.sampleRate, channels: decoded.channelData };
      }
    } finally {
      decoder.free();
    }
  },

  flac: (file) => decodeFlushing(new FLACDecoder(), file),
  ogg: (file) => decodeFlushing(new OggVorbisDecoder(), file),
};

/** The FLAC and Ogg Vorbis decoders share one shape: decode chunk by chunk, then flush what they hold back. */
async function* decodeFlushing(decoder: FLACDecoder | OggVorbisDecoder, file: string): AsyncGenerator<PcmChunk> {
  await decoder.ready;
  try {
    for await (const bytes of createReadStream(file, { highWaterMark: READ_CHUNK_BYTES })) {
      const decoded = await decoder.decode(bytes as Buffer);
      if (decoded.samplesDecoded > 0) yield { sampleRate: decoded.sampleRate, channels: decoded.channelData, ...bitDepthOf(decoded) };
    }
    const rest = await decoder.flush();
    if (rest.samplesDecoded > 0) yield { sampleRate: rest.sampleRate, channels: rest.channelData, ...bitDepthOf(rest) };
  } finally {
    decoder.free();
  }
}

const bitDepthOf = (decoded: object): { bitDepth?: number } =>
  'bitDepth' in decoded && typeof decoded.bitDepth === 'number' && decoded.bitDepth > 0 ? { bitDepth: decoded.bitDepth } : {};

/** All channels averaged into one (a new array; the input is left alone). */
export function downmix(channels: Float32Array[]): Float32Array {
  const first = channels[0]!;
  if (channels.length === 1) return first.slice();
  const mono = new Float32Array(first.length);
  for (const channel of channels) for (let index = 0; index < mono.length; index++) mono[index] = mono[index]! + channel[index]!;
  const scale = 1 / channels.length;
  for (let index = 0; index < mono.length; index++) mono[index] = mono[index]! * scale;
  return mono;
}
