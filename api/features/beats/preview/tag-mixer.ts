/**
 * Lays a tag over the music at regular intervals, ducking the music a little under it, and fades the
 * end out when the preview is cut short. Streaming and pure: mono samples in chunks of any size,
 * positions counted from the start, nothing allocated per sample.
 */

export interface TagMixOptions {
  sampleRate: number;
  /** The tag's samples at `sampleRate`, peak-normalised; null mixes nothing (tests, comparisons). */
  tag: Float32Array | null;
  /** When the first tag starts, and the time from one tag's start to the next (seconds). */
  firstAtSeconds: number;
  everySeconds: number;
  /** The tag's level, and the music's gain while a tag plays (ramped in and out). */
  tagGain: number;
  duckGain: number;
  /** The sample at which output stops; the last `fadeSeconds` before it fade out. Infinity: no fade. */
  endSample: number;
  fadeSeconds: number;
}

/** Music ducks over 20 ms before a tag and comes back over 150 ms after it. */
const DUCK_ATTACK_SECONDS = 0.02;
const DUCK_RELEASE_SECONDS = 0.15;
/** Above this the sum is bent smoothly towards ±1 instead of clipping. */
const SOFT_CLIP_KNEE = 0.8;

function softClip(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude <= SOFT_CLIP_KNEE) return value;
  const headroom = 1 - SOFT_CLIP_KNEE;
  return Math.sign(value) * (SOFT_CLIP_KNEE + headroom * Math.tanh((magnitude - SOFT_CLIP_KNEE) / headroom));
}

export function createTagMixer(options: TagMixOptions) {
  const { sampleRate, tag } = options;
  const first = Math.round(options.firstAtSeconds * sampleRate);
  const every = Math.max(1, Math.round(options.everySeconds * sampleRate));
  const attack = Math.max(1, Math.round(DUCK_ATTACK_SECONDS * sampleRate));
  const release = Math.max(1, Math.round(DUCK_RELEASE_SECONDS * sampleRate));
  const tagLength = tag?.length ?? 0;
  const fadeLength = Math.max(1, Math.round(options.fadeSeconds * sampleRate));
  const fadeFrom = options.endSample - fadeLength;
  let position = 0;

  /** How far the music is ducked at `offset` samples after a tag's start (0 = not at all, 1 = fully). */
  function duckAmount(offset: number): number {
    if (offset < 0) return offset >= -attack ? 1 + offset / attack : 0;
    if (offset < tagLength) return 1;
    return offset < tagLength + release ? 1 - (offset - tagLength) / release : 0;
  }

  return {
    /** Mixes in place and returns how many leading samples of `music` belong to the preview (the rest is past its end). */
    process(music: Float32Array): number {
      const count = Math.max(0, Math.min(music.length, options.endSample - position));
      for (let index = 0; index < count; index++, position++) {
        let value = music[index]!;
        if (tag && position >= first - attack) {
          // The nearest tag start at or after position - (tag + release), whichever cycle that is.
          const sinceFirst = position - first;
          const cycle = sinceFirst < 0 ? 0 : Math.floor(sinceFirst / every);
          const offset = sinceFirst - cycle * every;
          // Near the end of a cycle, the next tag's attack may already have begun.
          const nextOffset = offset - every;
          const duck = Math.max(duckAmount(offset), duckAmount(nextOffset));
          value *= 1 - (1 - options.duckGain) * duck;
          if (offset >= 0 && offset < tagLength) value += options.tagGain * tag[offset]!;
        }
        if (position >= fadeFrom) value *= Math.max(0, (options.endSample - position) / fadeLength);
        music[index] = softClip(value);
      }
      return count;
    },
    /** Samples mixed so far. */
    get position() {
      return position;
    },
  };
}
