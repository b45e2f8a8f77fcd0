import { round } from '../../../shared/lyrics/statistics.ts';
import type { StyleProfile, StyleSummary } from '../../../shared/lyrics/style-profile.ts';
import type { StyleTrait } from '../../../shared/schemas/ai.ts';

/**
 * Where a number turns from one word into the next. Line lengths follow common practice (pop
 * lines run 6–10 syllables, rap bars 11–16); shares are of all words or all lines.
 */
export const TRAIT_THRESHOLDS = {
  shortLine: 7,
  longLine: 11,
  steadyDeviation: 2,
  looseRhythm: 0.6,
  strictRhythm: 0.8,
  someInternalRhymes: 0.1,
  denseInternalRhymes: 0.4,
  darkValence: -0.5,
  brightValence: 0.5,
  explicitShare: 0.01,
  someSlang: 0.03,
  heavySlang: 0.1,
} as const;

const SCHEME_RHYMES = new Set(['perfect', 'multisyllabic', 'slant', 'assonance', 'consonance']);

/**
 * A writer's style as traits: a stable key, a level word from a fixed list and the number behind it,
 * so the UI can say "Your lines are long (13 syllables on average)" in any language. No prose here.
 */
export function describeStyle(profile: StyleProfile, summary: StyleSummary): StyleTrait[] {
  if (summary.sessions === 0 || profile.lines === 0) return [];
  const t = TRAIT_THRESHOLDS;
  const traits: StyleTrait[] = [];
  const mean = summary.syllablesPerLine.mean;
  traits.push({ key: 'lineLength', level: mean < t.shortLine ? 'short' : mean <= t.longLine ? 'medium' : 'long', value: mean });
  const deviation = summary.syllablesPerLine.standardDeviation;
  traits.push({ key: 'lengthVariation', level: deviation <= t.steadyDeviation ? 'steady' : 'varied', value: deviation });
  const rhythm = summary.stressRegularity;
  traits.push({
    key: 'rhythm',
    level: rhythm < t.looseRhythm ? 'loose' : rhythm < t.strictRhythm ? 'regular' : 'strict',
    value: rhythm,
    ...(summary.favouriteMeter ? { detail: summary.favouriteMeter } : {}),
  });
  const [habit, habitShare] = Object.entries(summary.rhymeHabits)
    .filter(([type]) => SCHEME_RHYMES.has(type))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [];
  if (habit !== undefined && habitShare !== undefined) traits.push({ key: 'rhymeHabit', level: 'favourite', value: habitShare, detail: habit });
  const internal = summary.internalRhymesPerLine;
  traits.push({ key: 'internalRhyme', level: internal < t.someInternalRhymes ? 'rare' : internal < t.denseInternalRhymes ? 'some' : 'dense', value: internal });
  if (summary.favouriteScheme) {
    traits.push({ key: 'scheme', level: 'favourite', value: share(profile.schemes, summary.favouriteScheme), detail: summary.favouriteScheme });
  }
  const valence = summary.valencePerLine;
  traits.push({ key: 'mood', level: valence < t.darkValence ? 'dark' : valence > t.brightValence ? 'bright' : 'neutral', value: valence });
  if (summary.favouriteEmotion) {
    traits.push({ key: 'emotion', level: 'favourite', value: share(profile.emotions, summary.favouriteEmotion), detail: summary.favouriteEmotion });
  }
  const profanity = summary.profanityShare;
  traits.push({ key: 'language', level: profanity === 0 ? 'clean' : profanity < t.explicitShare ? 'some' : 'explicit', value: profanity });
  const slang = summary.slangShare;
  traits.push({ key: 'slang', level: slang < t.someSlang ? 'standard' : slang < t.heavySlang ? 'some' : 'heavy', value: slang });
  if (summary.favouriteForm) traits.push({ key: 'form', level: 'favourite', value: share(profile.forms, summary.favouriteForm), detail: summary.favouriteForm });
  return traits;
}

function share(counts: Readonly<Record<string, number>>, key: string): number {
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return total ? round((counts[key] ?? 0) / total) : 0;
}
