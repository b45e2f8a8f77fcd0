import { z } from 'zod';
import { FlowDensity } from '../lyrics/cadence.ts';
import { Emotion } from '../lyrics/emotion-words.ts';
import { ArcShape } from '../lyrics/emotional-tone.ts';
import { SectionKind } from '../lyrics/line-kinds.ts';
import { Meter } from '../lyrics/meter.ts';
import { RhymeType } from '../lyrics/rhyme.ts';
import { SchemeName } from '../lyrics/rhyme-scheme.ts';
import { SectionEvidence } from '../lyrics/structure.ts';

/**
 * The AI songwriter's API (`/api/ai/*`): requests, and responses that mirror the lyrics engine's
 * shapes (shared/lyrics). Everything a writer reads is a stable key or a number; the UI words it
 * through the catalogs.
 */

/** How much lyric text one request may carry: a long song is ~3,000 characters and ~100 lines. */
export const LYRICS_LIMITS = { maxCharacters: 20_000, maxLines: 1_000 } as const;

const values = <T extends Record<string, string>>(object: T) => Object.values(object) as [T[keyof T], ...T[keyof T][]];

export const LyricsText = z
  .string()
  .max(LYRICS_LIMITS.maxCharacters)
  .refine((text) => lineCount(text) <= LYRICS_LIMITS.maxLines, { message: 'too_many_lines' })
  .meta({
    description: `Lyrics, one line per line; section headers such as "[Chorus]" are recognised. At most ${LYRICS_LIMITS.maxCharacters} characters and ${LYRICS_LIMITS.maxLines} lines (422 validation_failed, detail code too_big or too_many_lines).`,
  });

/** Lines as the engine splits them (\n, \r\n or \r). */
export function lineCount(text: string): number {
  let count = 1;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) count += 1;
  }
  return count;
}

// ---- analyze-style ----

export const AnalyzeStyleRequest = z
  .object({
    text: LyricsText,
    bpm: z.number().min(10).max(1000).optional().meta({ description: 'Tempo of the beat; adds syllables per beat and flow density to `cadence.tempo`.' }),
  })
  .strict()
  .meta({ id: 'AnalyzeStyleRequest' });
export type AnalyzeStyleRequest = z.infer<typeof AnalyzeStyleRequest>;

const NumberSummary = z.strictObject({
  count: z.number(),
  mean: z.number(),
  median: z.number(),
  min: z.number(),
  max: z.number(),
  standardDeviation: z.number(),
});

const Cadence = z.strictObject({
  lineCount: z.number().int(),
  totalSyllables: z.number().int(),
  syllablesPerLine: NumberSummary,
  lineLengthDistribution: z.record(z.string(), z.number().int()).meta({ description: 'Line length in syllables → number of lines.' }),
  meter: z.enum(values(Meter)),
  stressRegularity: z.number(),
  lengthConsistency: z.number(),
  tempo: z
    .strictObject({
      bpm: z.number(),
      beatsPerBar: z.number(),
      barsPerLine: z.number(),
      syllablesPerBar: z.number(),
      syllablesPerBeat: z.number(),
      syllablesPerSecond: z.number(),
      secondsPerLine: z.number(),
      density: z.enum(values(FlowDensity)),
      lineSyllablesPerBeat: z.array(z.number()),
    })
    .optional()
    .meta({ description: 'Present when `bpm` was given.' }),
});

const Vocabulary = z.strictObject({
  totalWords: z.number().int(),
  distinctWords: z.number().int(),
  typeTokenRatio: z.number(),
  movingTypeTokenRatio: z.number(),
  hapaxShare: z.number(),
  signatureWords: z.array(z.strictObject({ word: z.string(), count: z.number().int(), score: z.number() })),
  favouritePhrases: z.array(z.strictObject({ phrase: z.string(), count: z.number().int() })),
  profanityShare: z.number(),
  slangShare: z.number(),
});

const EMOTIONS = values(Emotion);
const EmotionalTone = z.strictObject({
  lines: z.array(z.strictObject({ valence: z.number(), emotions: z.partialRecord(z.enum(EMOTIONS), z.number()) })),
  sections: z.array(
    z.strictObject({ startLine: z.number().int(), endLine: z.number().int(), valence: z.number(), dominantEmotion: z.enum(EMOTIONS).optional() }),
  ),
  valence: z.number(),
  emotions: z.record(z.enum(EMOTIONS), z.number()),
  arc: z.array(z.number()),
  shape: z.enum(values(ArcShape)),
});

const SECTION_KINDS = values(SectionKind);
const Structure = z.strictObject({
  sections: z.array(
    z.strictObject({
      kind: z.enum(SECTION_KINDS),
      number: z.number().int().optional(),
      startLine: z.number().int(),
      endLine: z.number().int(),
      evidence: z.enum(values(SectionEvidence)),
    }),
  ),
  order: z.array(z.enum(SECTION_KINDS)),
  form: z.string(),
  repeatedLines: z.array(z.strictObject({ text: z.string(), lines: z.array(z.number().int()) })),
  repetitionShare: z.number(),
});

export const AnalyzeStyleResponse = z
  .strictObject({
    lines: z.array(
      z.strictObject({
        text: z.string(),
        syllables: z.number().int(),
        stress: z.string().meta({ description: 'One digit per syllable: 1 stressed, 2 secondary, 0 weak.' }),
        rhymeKey: z.string().meta({ description: 'Sounds from the last word’s stressed vowel ("AY T"); equal keys rhyme perfectly.' }),
      }),
    ),
    stanzas: z.array(z.strictObject({ startLine: z.number().int(), scheme: z.string().meta({ example: 'ABAB' }) })),
    cadence: Cadence,
    vocabulary: Vocabulary,
    emotionalTone: EmotionalTone,
    structure: Structure,
  })
  .meta({ id: 'AnalyzeStyleResponse', description: 'Lyric lines only (headers and blank lines skipped); `startLine` and section lines index `lines`.' });
export type AnalyzeStyleResponse = z.infer<typeof AnalyzeStyleResponse>;

// ---- suggest-lyrics ----

export const SuggestLyricsRequest = z
  .object({
    text: LyricsText,
    line: z
      .number()
      .int()
      .min(0)
      .max(LYRICS_LIMITS.maxLines)
      .meta({ description: 'Where the new line goes, counting lyric lines from 0; an existing line there is being rewritten, past the end appends.' }),
    count: z.number().int().min(1).max(20).optional().meta({ description: 'How many lines to propose (default 5).' }),
    seed: z.number().int().min(0).max(2_147_483_647).optional().meta({ description: 'Same seed, same suggestions (default 1).' }),
  })
  .strict()
  .meta({ id: 'SuggestLyricsRequest' });
export type SuggestLyricsRequest = z.infer<typeof SuggestLyricsRequest>;

const RHYME_TYPES = values(RhymeType);
const RhymeStrength = z.strictObject({ type: z.enum(RHYME_TYPES), strength: z.number() });

export const SuggestionReason = z
  .strictObject({
    rhymesWith: z.strictObject({ text: z.string(), line: z.number().int(), type: z.enum(RHYME_TYPES), strength: z.number() }).optional(),
    syllables: z.number().int(),
    targetSyllables: z.number().int(),
    themeWords: z.array(z.string()).meta({ description: 'Words on the song’s theme.' }),
    ownWords: z.array(z.string()).meta({ description: 'Words the writer has used before.' }),
    ownPhrase: z.string().optional(),
    echoesLine: z.number().int().optional().meta({ description: 'Lyric line whose shape the suggestion borrows.' }),
  })
  .meta({ id: 'SuggestionReason' });

export const SuggestLyricsResponse = z
  .strictObject({
    plan: z.strictObject({
      stanzaStart: z.number().int(),
      positionInStanza: z.number().int(),
      expectedScheme: z.string(),
      rhymeWithLine: z.number().int().optional(),
      targetSyllables: z.number().int(),
    }),
    endings: z.array(
      z.strictObject({ ending: z.string(), syllables: z.number().int(), rhyme: RhymeStrength.optional(), theme: z.number(), own: z.boolean(), score: z.number() }),
    ),
    suggestions: z.array(
      z.strictObject({
        rank: z.number().int().meta({ description: '1 is the best.' }),
        text: z.string(),
        ending: z.string(),
        syllables: z.number().int(),
        score: z.number(),
        why: SuggestionReason,
      }),
    ),
    personalized: z.boolean().meta({ description: 'Whether the writer’s learned profile (from saved sessions) steered the suggestions.' }),
  })
  .meta({ id: 'SuggestLyricsResponse' });
export type SuggestLyricsResponse = z.infer<typeof SuggestLyricsResponse>;

// ---- generate-rhymes ----

/** The rhyme types generate-rhymes can look for (identical is the same word, not a rhyme). */
export const RHYME_SEARCH_TYPES = ['perfect', 'multisyllabic', 'slant', 'assonance', 'consonance'] as const;
export type RhymeSearchType = (typeof RHYME_SEARCH_TYPES)[number];
export const DEFAULT_RHYME_TYPES: readonly RhymeSearchType[] = ['perfect', 'multisyllabic', 'slant'];

const Word = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}][\p{L}'’-]*$/u, { message: 'not_a_word' });

export const GenerateRhymesRequest = z
  .object({
    word: Word.optional(),
    phrase: z.string().trim().min(1).max(100).regex(/\p{L}/u, { message: 'not_a_phrase' }).optional().meta({ description: 'A line ending of several words ("cold rain").' }),
    types: z
      .array(z.enum(RHYME_SEARCH_TYPES))
      .min(1)
      .max(RHYME_SEARCH_TYPES.length)
      .refine((types) => new Set(types).size === types.length, { message: 'duplicate_types' })
      .optional()
      .meta({ description: `Default ${DEFAULT_RHYME_TYPES.join(', ')}.` }),
    limit: z.number().int().min(1).max(200).optional().meta({ description: 'Most words per type (default 40).' }),
    topic: Word.optional().meta({ description: 'A word whose meaning the `related` list should stay close to.' }),
  })
  .strict()
  .refine((body) => (body.word === undefined) !== (body.phrase === undefined), { message: 'word_or_phrase', path: ['word'] })
  .meta({ id: 'GenerateRhymesRequest', description: 'Exactly one of `word` or `phrase`.' });
export type GenerateRhymesRequest = z.infer<typeof GenerateRhymesRequest>;

const RhymeWord = z.strictObject({ word: z.string(), strength: z.number(), syllables: z.number().int() });

export const GenerateRhymesResponse = z
  .strictObject({
    target: z.strictObject({ text: z.string(), syllables: z.number().int(), rhymeKey: z.string() }),
    groups: z.array(
      z.strictObject({
        type: z.enum(RHYME_SEARCH_TYPES),
        count: z.number().int(),
        bySyllables: z.array(z.strictObject({ syllables: z.number().int(), words: z.array(RhymeWord) })),
      }),
    ).meta({ description: 'One group per requested type, in the requested order; words strongest and most common first.' }),
    related: z
      .array(RhymeWord.extend({ type: z.enum(RHYME_SEARCH_TYPES), closeness: z.number() }))
      .meta({ description: 'Rhymes close in meaning to `topic` (empty without one), closest first.' }),
  })
  .meta({ id: 'GenerateRhymesResponse' });
export type GenerateRhymesResponse = z.infer<typeof GenerateRhymesResponse>;

// ---- user-patterns ----

/** Traits of a writer's style: the UI words `ai.trait.<key>.<level>` with `value` (and `detail`). */
export const STYLE_TRAIT_KEYS = ['lineLength', 'lengthVariation', 'rhythm', 'rhymeHabit', 'internalRhyme', 'scheme', 'mood', 'emotion', 'language', 'slang', 'form'] as const;
export const STYLE_TRAIT_LEVELS = [
  'short', 'medium', 'long',
  'steady', 'varied',
  'loose', 'regular', 'strict',
  'rare', 'some', 'dense',
  'dark', 'neutral', 'bright',
  'clean', 'explicit',
  'standard', 'heavy',
  'favourite',
] as const;
export const StyleTrait = z
  .strictObject({
    key: z.enum(STYLE_TRAIT_KEYS),
    level: z.enum(STYLE_TRAIT_LEVELS),
    value: z.number().meta({ description: 'The number behind the level (mean syllables, a share in [0,1], a rate per line…).' }),
    detail: z.string().optional().meta({ description: 'A data token, never prose: a meter, rhyme type, scheme ("ABAB"), emotion or form.' }),
  })
  .meta({ id: 'StyleTrait' });
export type StyleTrait = z.infer<typeof StyleTrait>;

export const StyleSummary = z
  .strictObject({
    sessions: z.number().int(),
    syllablesPerLine: z.strictObject({ mean: z.number(), standardDeviation: z.number(), mostCommon: z.number().int().optional() }),
    stressRegularity: z.number(),
    favouriteMeter: z.string().optional(),
    rhymeHabits: z.record(z.string(), z.number()).meta({ description: 'Rhyme type → share of the rhyme links in the writer’s stanzas.' }),
    internalRhymesPerLine: z.number(),
    favouriteScheme: z.string().optional(),
    favouriteSchemeName: z.enum(values(SchemeName)).optional(),
    topWords: z.array(z.string()),
    topEndWords: z.array(z.string()),
    topPhrases: z.array(z.string()),
    profanityShare: z.number(),
    slangShare: z.number(),
    valencePerLine: z.number(),
    favouriteEmotion: z.string().optional(),
    favouriteForm: z.string().optional(),
  })
  .meta({ id: 'StyleSummary' });

export const UserPatternsResponse = z
  .strictObject({
    sessions: z.number().int().meta({ description: 'Saved sessions the profile learned from.' }),
    updatedAt: z.string().nullable(),
    traits: z.array(StyleTrait),
    summary: StyleSummary,
  })
  .meta({ id: 'UserPatternsResponse' });
export type UserPatternsResponse = z.infer<typeof UserPatternsResponse>;

// ---- save-progress and sessions ----

export const WritingSessionId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
  .meta({ description: 'Chosen by the client (a UUID made offline) or by the server; unique per writer.' });

export const SaveProgressRequest = z
  .object({
    id: WritingSessionId.optional(),
    title: z.string().trim().min(1).max(120),
    text: LyricsText,
  })
  .strict()
  .meta({ id: 'SaveProgressRequest' });
export type SaveProgressRequest = z.infer<typeof SaveProgressRequest>;

export const WritingSession = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    lines: z.number().int().meta({ description: 'Lyric lines.' }),
    words: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WritingSession' });
export type WritingSession = z.infer<typeof WritingSession>;

export const WritingSessionWithText = WritingSession.extend({ text: z.string() }).meta({ id: 'WritingSessionWithText' });
export type WritingSessionWithText = z.infer<typeof WritingSessionWithText>;
export const WritingSessionList = z.strictObject({ sessions: z.array(WritingSession) }).meta({ id: 'WritingSessionList' });
