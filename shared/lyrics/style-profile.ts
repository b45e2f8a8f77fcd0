import { z } from 'zod';
import type { SongAnalysis } from './analyze-song.ts';
import { isFunctionWord } from './function-words.ts';
import { round } from './statistics.ts';
import { isProfane, isSlang } from './vocabulary.ts';
import type { Lexicon } from './lexicon.ts';

/**
 * A writer's style, learned from every saved session. Every field is an integer count or a map
 * of integer counts, so merging is plain addition: commutative and associative exactly (no
 * floating-point drift), which lets profiles built on several devices merge in any order.
 * Averages and shares are derived on read by {@link summarizeStyle}.
 */
const Counts = z.record(z.string(), z.number().int().nonnegative());
export const StyleProfileSchema = z.object({
  version: z.literal(1),
  sessions: z.number().int().nonnegative(),
  lines: z.number().int().nonnegative(),
  syllables: z.number().int().nonnegative(),
  /** Sum of squared line lengths, for the standard deviation. */
  syllableSquares: z.number().int().nonnegative(),
  lineLengths: Counts,
  /** Sum over sessions of stress regularity in thousandths. */
  stressRegularityMilli: z.number().int().nonnegative(),
  meters: Counts,
  /** Rhyme links in schemes and internal rhymes, by type. */
  rhymeTypes: Counts,
  internalRhymes: z.number().int().nonnegative(),
  /** Stanza schemes ("ABAB") and their names ("alternate"). */
  schemes: Counts,
  schemeNames: Counts,
  words: Counts,
  endWords: Counts,
  phrases: Counts,
  totalWords: z.number().int().nonnegative(),
  profaneWords: z.number().int().nonnegative(),
  slangWords: z.number().int().nonnegative(),
  /** Sum of line valences (may be negative) and emotion word counts. */
  valence: z.number().int(),
  emotions: Counts,
  sections: Counts,
  forms: Counts,
});
export type StyleProfile = z.infer<typeof StyleProfileSchema>;

/** The profile of a writer with no sessions yet: the identity of {@link mergeStyleProfiles}. */
export function emptyStyleProfile(): StyleProfile {
  return {
    version: 1, sessions: 0, lines: 0, syllables: 0, syllableSquares: 0, lineLengths: {}, stressRegularityMilli: 0, meters: {},
    rhymeTypes: {}, internalRhymes: 0, schemes: {}, schemeNames: {}, words: {}, endWords: {}, phrases: {}, totalWords: 0,
    profaneWords: 0, slangWords: 0, valence: 0, emotions: {}, sections: {}, forms: {},
  };
}

/** Parses stored JSON (from IndexedDB or the API) into a profile; throws a ZodError on bad data. */
export function parseStyleProfile(value: unknown): StyleProfile {
  return StyleProfileSchema.parse(value);
}

const COUNT_MAPS = ['lineLengths', 'meters', 'rhymeTypes', 'schemes', 'schemeNames', 'words', 'endWords', 'phrases', 'emotions', 'sections', 'forms'] as const;
const TOTALS = ['sessions', 'lines', 'syllables', 'syllableSquares', 'stressRegularityMilli', 'internalRhymes', 'totalWords', 'profaneWords', 'slangWords', 'valence'] as const;

/** Adds two profiles. Keys come out sorted so equal profiles serialise to equal JSON. */
export function mergeStyleProfiles(a: StyleProfile, b: StyleProfile): StyleProfile {
  const merged = emptyStyleProfile();
  for (const field of TOTALS) merged[field] = a[field] + b[field];
  for (const field of COUNT_MAPS) merged[field] = addCounts(a[field], b[field]);
  return merged;
}

function addCounts(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): Record<string, number> {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const sum: Record<string, number> = {};
  for (const key of keys) sum[key] = (a[key] ?? 0) + (b[key] ?? 0);
  return sum;
}

/** The profile contribution of one saved session. */
export function profileFromSong(song: SongAnalysis, lexicon: Lexicon): StyleProfile {
  const profile = emptyStyleProfile();
  profile.sessions = 1;
  const counted = song.lines.filter((line) => line.syllables > 0);
  profile.lines = counted.length;
  const bump = (counts: Record<string, number>, key: string, by = 1) => {
    counts[key] = (counts[key] ?? 0) + by;
  };
  for (const line of counted) {
    profile.syllables += line.syllables;
    profile.syllableSquares += line.syllables * line.syllables;
    bump(profile.lineLengths, String(line.syllables));
    const last = line.words.at(-1)?.token.word;
    if (last) bump(profile.endWords, last);
  }
  if (counted.length > 0) {
    profile.stressRegularityMilli = Math.round(song.cadence.stressRegularity * 1000);
    bump(profile.meters, song.cadence.meter);
  }
  for (const stanza of song.stanzas) {
    for (const link of stanza.links) bump(profile.rhymeTypes, link.rhyme.type);
    if (stanza.scheme.length >= 2) {
      bump(profile.schemes, stanza.scheme);
      bump(profile.schemeNames, stanza.name);
    }
  }
  for (const rhymes of song.internalRhymes) {
    profile.internalRhymes += rhymes.length;
    for (const rhyme of rhymes) bump(profile.rhymeTypes, `internal-${rhyme.type}`);
  }
  for (const line of song.lines) {
    for (const word of line.words) {
      const text = word.token.word;
      profile.totalWords += 1;
      if (!isFunctionWord(text)) bump(profile.words, text);
      if (isProfane(text)) profile.profaneWords += 1;
      if (isSlang(text, lexicon)) profile.slangWords += 1;
    }
  }
  for (const phrase of song.vocabulary.favouritePhrases) bump(profile.phrases, phrase.phrase, phrase.count);
  for (const tone of song.emotionalTone.lines) {
    profile.valence += tone.valence;
    for (const [emotion, count] of Object.entries(tone.emotions)) bump(profile.emotions, emotion, count ?? 0);
  }
  for (const kind of song.structure.order) bump(profile.sections, kind);
  if (song.structure.form) bump(profile.forms, song.structure.form);
  // Sort keys so a fresh profile serialises like a merged one.
  return mergeStyleProfiles(emptyStyleProfile(), profile);
}

/** Learns from a saved session: the profile after adding it. */
export function observeSong(profile: StyleProfile, song: SongAnalysis, lexicon: Lexicon): StyleProfile {
  return mergeStyleProfiles(profile, profileFromSong(song, lexicon));
}

/**
 * Keeps only the most used words and phrases, for storage limits. Not part of merging (pruning
 * before a merge would break associativity); call it when saving, never between merges you
 * expect to commute.
 */
export function pruneStyleProfile(profile: StyleProfile, keep = 2000): StyleProfile {
  const top = (counts: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(counts)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, keep)
        .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );
  return { ...profile, words: top(profile.words), endWords: top(profile.endWords), phrases: top(profile.phrases) };
}

/** The readable summary of a profile, for the UI and for steering suggestions. */
export interface StyleSummary {
  readonly sessions: number;
  readonly syllablesPerLine: { readonly mean: number; readonly standardDeviation: number; readonly mostCommon?: number };
  readonly stressRegularity: number;
  readonly favouriteMeter?: string;
  /** Share of scheme links of each rhyme type (perfect, slant, multisyllabic…). */
  readonly rhymeHabits: Readonly<Record<string, number>>;
  readonly internalRhymesPerLine: number;
  readonly favouriteScheme?: string;
  readonly favouriteSchemeName?: string;
  readonly topWords: readonly string[];
  readonly topEndWords: readonly string[];
  readonly topPhrases: readonly string[];
  readonly profanityShare: number;
  readonly slangShare: number;
  readonly valencePerLine: number;
  readonly favouriteEmotion?: string;
  readonly favouriteForm?: string;
}

/** Derives averages, shares and favourites from the counts; `limit` bounds the word and phrase lists. */
export function summarizeStyle(profile: StyleProfile, limit = 20): StyleSummary {
  const mean = profile.lines ? profile.syllables / profile.lines : 0;
  const variance = profile.lines ? profile.syllableSquares / profile.lines - mean * mean : 0;
  const ranked = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([key]) => key);
  const schemeLinks = Object.entries(profile.rhymeTypes).filter(([type]) => !type.startsWith('internal-'));
  const linkTotal = schemeLinks.reduce((total, [, count]) => total + count, 0);
  const optional = <K extends string>(key: K, value: string | undefined) => (value === undefined ? {} : { [key]: value });
  const mostCommon = ranked(profile.lineLengths)[0];
  return {
    sessions: profile.sessions,
    syllablesPerLine: { mean: round(mean, 2), standardDeviation: round(Math.sqrt(Math.max(0, variance)), 2), ...(mostCommon ? { mostCommon: Number(mostCommon) } : {}) },
    stressRegularity: profile.sessions ? round(profile.stressRegularityMilli / 1000 / profile.sessions) : 0,
    ...optional('favouriteMeter', ranked(profile.meters)[0]),
    rhymeHabits: Object.fromEntries(schemeLinks.map(([type, count]) => [type, round(count / linkTotal)])),
    internalRhymesPerLine: profile.lines ? round(profile.internalRhymes / profile.lines) : 0,
    ...optional('favouriteScheme', ranked(profile.schemes)[0]),
    ...optional('favouriteSchemeName', ranked(profile.schemeNames)[0]),
    topWords: ranked(profile.words).slice(0, limit),
    topEndWords: ranked(profile.endWords).slice(0, limit),
    topPhrases: ranked(profile.phrases).slice(0, limit),
    profanityShare: profile.totalWords ? round(profile.profaneWords / profile.totalWords) : 0,
    slangShare: profile.totalWords ? round(profile.slangWords / profile.totalWords) : 0,
    valencePerLine: profile.lines ? round(profile.valence / profile.lines) : 0,
    ...optional('favouriteEmotion', ranked(profile.emotions)[0]),
    ...optional('favouriteForm', ranked(profile.forms)[0]),
  };
}
