/**
 * Formats a preview can be made from: WAV by our own reader, MP3, FLAC and Ogg Vorbis by WASM
 * decoders (no system binaries). Apart from pcm-decoding.ts so the main thread can ask without
 * loading the decoders.
 */
export const DECODABLE_FORMATS = ['wav', 'mp3', 'flac', 'ogg'] as const;
export type DecodableFormat = (typeof DECODABLE_FORMATS)[number];

export const isDecodable = (extension: string): extension is DecodableFormat => (DECODABLE_FORMATS as readonly string[]).includes(extension);
