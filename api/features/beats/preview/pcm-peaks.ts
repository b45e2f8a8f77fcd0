import { scaledPeaks } from '../wav.ts';

/**
 * The waveform overview of decoded audio: `count` [min, max] pairs over the whole song, scaled to
 * -127…127 like the WAV reader's (wav.ts), for masters only a decoder can read (MP3, FLAC, Ogg). The
 * number of frames is known beforehand from the file's metadata, so each frame lands in its bucket as
 * it is decoded and memory stays at one chunk; frames beyond the estimate go to the last bucket, and
 * buckets never reached (a shorter file than its metadata said) stay silent.
 */
export function createPcmPeakAccumulator(expectedFrames: number, count = 800) {
  const frames = Math.max(1, Math.floor(expectedFrames));
  const buckets = Math.min(count, frames);
  const minimum = new Float64Array(buckets);
  const maximum = new Float64Array(buckets);
  let frame = 0;

  return {
    push(channels: readonly Float32Array[]): void {
      const length = channels[0]?.length ?? 0;
      for (let index = 0; index < length; index++, frame++) {
        const bucket = Math.min(buckets - 1, Math.floor((frame * buckets) / frames));
        for (const channel of channels) {
          const value = channel[index]!;
          if (value < minimum[bucket]!) minimum[bucket] = value;
          if (value > maximum[bucket]!) maximum[bucket] = value;
        }
      }
    },
    result: () => scaledPeaks(minimum, maximum),
  };
}
