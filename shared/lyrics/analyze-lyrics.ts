import { analyzeSong, type AnalyzeOptions } from './analyze-song.ts';
import type { Cadence } from './cadence.ts';
import type { EmotionalTone } from './emotional-tone.ts';
import type { Lexicon } from './lexicon.ts';
import type { Structure } from './structure.ts';
import type { Vocabulary } from './vocabulary.ts';

/** The public analysis shape: what the lyrics screen shows and the API returns. */
export interface LyricsAnalysis {
  /** Lyric lines only (headers and blank lines skipped), in order. */
  readonly lines: readonly {
    readonly text: string;
    readonly syllables: number;
    /** One digit per syllable: 1 stressed, 2 secondary, 0 weak. */
    readonly stress: string;
    /** Sounds from the last word's stressed vowel ("AY T"); equal keys rhyme perfectly. */
    readonly rhymeKey: string;
  }[];
  /** `startLine` indexes `lines`; `scheme` has one letter per line of the stanza. */
  readonly stanzas: readonly { readonly startLine: number; readonly scheme: string }[];
  readonly cadence: Cadence;
  readonly vocabulary: Vocabulary;
  readonly emotionalTone: EmotionalTone;
  readonly structure: Structure;
}

/**
 * Analyses lyrics: syllables, stress and rhyme key per line, rhyme scheme per stanza, cadence
 * (with syllables per beat when `bpm` is given), vocabulary, emotional tone and structure. The
 * one entry point the Web Worker and the API call; the lexicon is loaded by the caller.
 */
export function analyzeLyrics(text: string, lexicon: Lexicon, options: AnalyzeOptions = {}): LyricsAnalysis {
  const song = analyzeSong(text, lexicon, options);
  return {
    lines: song.lines.map((line, index) => ({
      text: line.text,
      syllables: line.syllables,
      stress: line.stress,
      rhymeKey: song.rhymeKeys[index] ?? '',
    })),
    stanzas: song.stanzas.map((stanza) => ({ startLine: stanza.startLine, scheme: stanza.scheme })),
    cadence: song.cadence,
    vocabulary: song.vocabulary,
    emotionalTone: song.emotionalTone,
    structure: song.structure,
  };
}
