import type { SongAnalysis } from './analyze-song.ts';
import { isFunctionWord } from './function-words.ts';
import type { Lexicon } from './lexicon.ts';
import { CLOSED_CLASSES, VERNACULAR_AUXILIARIES } from './line-frames.ts';
import type { LinePlan } from './line-plan.ts';
import { endingWords } from './line-rhyme.ts';
import { createPartOfSpeechGuesser, type PartOfSpeechGuesser, type WordClass } from './part-of-speech.ts';
import type { StyleProfile } from './style-profile.ts';
import type { WordSound } from './syllables.ts';

/** A word that can fill a frame slot, with its length and how much the writer and theme favour it. */
export interface Filler {
  readonly text: string;
  readonly syllables: number;
  readonly weight: number;
}

/**
 * Everything one suggestion call knows about the song and the writer: their words and phrases,
 * the song's theme, the line to rhyme with. Built once per call, shared by every ending.
 */
export interface SuggestionContext {
  readonly song: SongAnalysis;
  readonly lexicon: Lexicon;
  readonly classes: PartOfSpeechGuesser;
  /** Writer's content words with counts (song + profile). */
  readonly own: ReadonlyMap<string, number>;
  readonly ownPhrases: readonly string[];
  /** Theme closeness of words to the song, in (0,1]. */
  readonly theme: ReadonlyMap<string, number>;
  /** The same, per word class, when the thesaurus knows parts of speech. */
  readonly themeByClass?: Readonly<Record<WordClass, ReadonlyMap<string, number>>>;
  readonly allowProfanity: boolean;
  readonly target?: { readonly words: readonly WordSound[]; readonly text: string; readonly line: number };
  readonly stanzaEndWords: ReadonlySet<string>;
  readonly auxiliaries: readonly string[];
  /** Slot fillers, built once per call and shared by every ending. */
  readonly pools: Map<string, readonly Filler[]>;
  /** Lyric lines that must not serve as skeletons (the rhyme target and the line being rewritten). */
  readonly skipLines: ReadonlySet<number>;
  /** Content words already used by accepted suggestions: five lines on one crutch word read as a bug. */
  readonly usedWords: Map<string, number>;
}

/**
 * Gathers the writer's words (song and profile), favourite phrases, the song's theme (WordNet
 * neighbours, combined as a noisy-or, per word class when known) and the line to rhyme with.
 */
export function buildSuggestionContext(song: SongAnalysis, text: string, lexicon: Lexicon, profile: StyleProfile | undefined, plan: LinePlan, lineIndex: number | undefined): SuggestionContext {
  const own = new Map<string, number>();
  const ownPhrases: string[] = [];
  for (const line of song.lines) for (const word of line.words) if (!isFunctionWord(word.token.word)) own.set(word.token.word, (own.get(word.token.word) ?? 0) + 1);
  if (profile) {
    for (const [word, count] of Object.entries(profile.words)) own.set(word, (own.get(word) ?? 0) + count);
    ownPhrases.push(...Object.entries(profile.phrases).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 50).map(([phrase]) => phrase));
  }
  ownPhrases.push(...song.vocabulary.favouritePhrases.map((phrase) => phrase.phrase));

  // Theme: WordNet neighbours of the song's content words, combined as a noisy-or so a word
  // related to several of the song's words ("dark" for night, shadow and rain) outranks a word
  // that one gloss happens to mention.
  const theme = new Map<string, number>();
  const songWords = [...own.keys()].filter((word) => song.lines.some((line) => line.words.some((sound) => sound.token.word === word)));
  if (lexicon.thesaurus) {
    for (const word of songWords.slice(-60)) {
      for (const [related, closeness] of lexicon.thesaurus.related(word)) {
        if (related.length >= 3) theme.set(related, 1 - (1 - (theme.get(related) ?? 0)) * (1 - closeness));
      }
    }
  }
  for (const word of songWords) theme.set(word, Math.max(theme.get(word) ?? 0, 0.6));
  const thesaurus = lexicon.thesaurus;
  const themeAs = (part: 'n' | 'v' | 'a' | 'r') => {
    const closeness = new Map<string, number>();
    for (const word of songWords.slice(-60)) {
      for (const [related, value] of thesaurus?.relatedAs?.(word, part) ?? []) {
        if (related.length >= 3) closeness.set(related, 1 - (1 - (closeness.get(related) ?? 0)) * (1 - value));
      }
    }
    return closeness;
  };
  const themeByClass: Record<WordClass, ReadonlyMap<string, number>> | undefined = thesaurus?.relatedAs
    ? { noun: themeAs('n'), verb: themeAs('v'), adjective: themeAs('a'), adverb: themeAs('r') }
    : undefined;
  const target =
    plan.rhymeWithLine === undefined
      ? undefined
      : (() => {
          const line = song.lines[plan.rhymeWithLine] as SongAnalysis['lines'][number];
          return { words: endingWords(line.words), text: line.words.at(-1)?.token.word ?? '', line: plan.rhymeWithLine };
        })();
  const stanzaLength = song.stanzas.find((stanza) => stanza.startLine === plan.stanzaStart)?.scheme.length ?? 0;
  const stanzaEndWords = new Set(
    song.lines
      .slice(plan.stanzaStart, plan.stanzaStart + stanzaLength)
      .filter((_, offset) => plan.stanzaStart + offset !== lineIndex)
      .map((line) => line.words.at(-1)?.token.word ?? ''),
  );
  const writerUses = (word: string) => (own.get(word) ?? 0) > 0 || song.lines.some((line) => line.words.some((sound) => sound.token.word === word));
  return {
    song,
    lexicon,
    classes: createPartOfSpeechGuesser(text, lexicon.thesaurus),
    own,
    ownPhrases,
    theme,
    ...(themeByClass ? { themeByClass } : {}),
    allowProfanity: song.vocabulary.profanityShare > 0 || (profile ? profile.profaneWords > 0 : false),
    ...(target ? { target } : {}),
    stanzaEndWords,
    auxiliaries: [...CLOSED_CLASSES.A as readonly string[], ...VERNACULAR_AUXILIARIES.filter((word) => writerUses(word.split(' ')[0] as string))],
    pools: new Map(),
    usedWords: new Map(),
    skipLines: new Set([plan.rhymeWithLine, lineIndex].filter((line): line is number => line !== undefined)),
  };
}

/** The `limit` keys with the highest values, ties by key, for bounded and deterministic pools. */
export function topByValue(values: ReadonlyMap<string, number>, limit: number): string[] {
  return [...values]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([key]) => key);
}

