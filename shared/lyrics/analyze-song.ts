import { analyzeCadence, type Cadence } from './cadence.ts';
import { analyzeEmotionalTone, type EmotionalTone } from './emotional-tone.ts';
import { findInternalRhymes, type InternalRhyme } from './internal-rhyme.ts';
import type { Lexicon } from './lexicon.ts';
import { lineRhymeKey } from './line-rhyme.ts';
import { detectRhymeScheme, type RhymeScheme } from './rhyme-scheme.ts';
import { splitSheet, type LyricSheet } from './stanzas.ts';
import { analyzeStructure, type Structure } from './structure.ts';
import { analyzeLine, type LineSound } from './syllables.ts';
import { analyzeVocabulary, type Vocabulary } from './vocabulary.ts';

export interface AnalyzeOptions {
  readonly bpm?: number;
  readonly beatsPerBar?: number;
  readonly barsPerLine?: number;
}

/** Everything the engine learns from a song, with the per-word detail the style model and suggestions need. */
export interface SongAnalysis {
  readonly sheet: LyricSheet;
  readonly lines: readonly LineSound[];
  readonly rhymeKeys: readonly string[];
  readonly internalRhymes: readonly (readonly InternalRhyme[])[];
  readonly stanzas: readonly (RhymeScheme & { readonly startLine: number })[];
  readonly cadence: Cadence;
  readonly vocabulary: Vocabulary;
  readonly emotionalTone: EmotionalTone;
  readonly structure: Structure;
}

/**
 * Full analysis of a lyric sheet. Pure and deterministic: same text, lexicon and options give the
 * same result, so the Web Worker and the API agree.
 */
export function analyzeSong(text: string, lexicon: Lexicon, options: AnalyzeOptions = {}): SongAnalysis {
  const sheet = splitSheet(text);
  const lines = sheet.lines.map((line) => analyzeLine(line.text, lexicon));
  const words = lines.map((line) => line.words.map((word) => word.token.word));
  const structure = analyzeStructure(sheet);
  const stanzas = sheet.stanzas.map((stanza) => ({
    startLine: stanza.startLine,
    ...detectRhymeScheme(lines.slice(stanza.startLine, stanza.startLine + stanza.lines.length)),
  }));
  return {
    sheet,
    lines,
    rhymeKeys: lines.map(lineRhymeKey),
    internalRhymes: lines.map((line) => findInternalRhymes(line)),
    stanzas,
    cadence: analyzeCadence(lines, options),
    vocabulary: analyzeVocabulary(words, lexicon),
    emotionalTone: analyzeEmotionalTone(words, lexicon.valence ?? new Map(), structure.sections),
    structure,
  };
}
