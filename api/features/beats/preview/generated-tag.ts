/**
 * The built-in audio tag, used when a producer has not uploaded a voice tag: a noise swoosh rising
 * into a three-note chime (E6, G#6, B6, a major triad going up) that rings out. Distinctive enough
 * to be heard over any beat, short enough not to spoil it. Pure and deterministic (a seeded PRNG for
 * the noise): the same sample rate always gives the same samples, so tests can look for it.
 */

export const GENERATED_TAG_SECONDS = 1.3;

/** The chime's notes: onset (seconds into the tag) and fundamental (Hz). Tests listen for these. */
export const CHIME_NOTES: ReadonlyArray<{ at: number; frequency: number }> = [
  { at: 0.3, frequency: 1318.51 },
  { at: 0.45, frequency: 1661.22 },
  { at: 0.6, frequency: 1975.53 },
];

/** Bell-ish partials: ratio to the fundamental and relative level. */
const PARTIALS = [
  { ratio: 1, level: 1 },
  { ratio: 2, level: 0.35 },
  { ratio: 3.01, level: 0.12 },
];

/** Mulberry32, uniform in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The tag at `sampleRate`, mono, peak-normalised to 1. Partials above 45 % of the rate are left out. */
export function renderGeneratedTag(sampleRate: number): Float32Array {
  const length = Math.round(GENERATED_TAG_SECONDS * sampleRate);
  const samples = new Float32Array(length);
  const nyquistGuard = 0.45 * sampleRate;

  // Swoosh: white noise through a state-variable band-pass sweeping up 400 Hz → 4 kHz over 0.45 s.
  const random = seededRandom(0x7a6);
  const swooshLength = Math.round(0.45 * sampleRate);
  let low = 0;
  let band = 0;
  for (let index = 0; index < swooshLength; index++) {
    const progress = index / swooshLength;
    const centre = Math.min(nyquistGuard * 0.8, 400 * 10 ** progress);
    const f = 2 * Math.sin((Math.PI * centre) / sampleRate);
    const damping = 0.5;
    const input = random() * 2 - 1;
    const high = input - low - damping * band;
    band += f * high;
    low += f * band;
    const envelope = Math.sin(Math.PI * progress) ** 2;
    samples[index] = samples[index]! + 0.5 * band * envelope;
  }

  // Chime: each note a few partials with a 3 ms attack and an exponential ring-out.
  for (const note of CHIME_NOTES) {
    const start = Math.round(note.at * sampleRate);
    for (let index = start; index < length; index++) {
      const t = (index - start) / sampleRate;
      const envelope = Math.min(1, t / 0.003) * Math.exp(-t / 0.3);
      let value = 0;
      for (const partial of PARTIALS) {
        const frequency = note.frequency * partial.ratio;
        if (frequency < nyquistGuard) value += partial.level * Math.sin(2 * Math.PI * frequency * t);
      }
      samples[index] = samples[index]! + 0.4 * envelope * value;
    }
  }

  // Fade the last 50 ms so the tag never ends on a click.
  const fade = Math.round(0.05 * sampleRate);
  for (let index = 0; index < fade; index++) samples[length - 1 - index] = samples[length - 1 - index]! * (index / fade);

  let peak = 0;
  for (const value of samples) peak = Math.max(peak, Math.abs(value));
  if (peak > 0) for (let index = 0; index < length; index++) samples[index] = samples[index]! / peak;
  return samples;
}
