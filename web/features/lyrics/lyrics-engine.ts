import { commonWords } from '../../../shared/lyrics/ending-candidates.ts';
import { createLexicon, type Lexicon } from '../../../shared/lyrics/lexicon.ts';
import { decodePronunciationIndex } from '../../../shared/lyrics/pronunciation-index.ts';
import { analyzeSong } from '../../../shared/lyrics/analyze-song.ts';
import { suggestLines } from '../../../shared/lyrics/suggest.ts';
import { decodeThesaurus } from '../../../shared/lyrics/thesaurus-index.ts';
import { splitSheet } from '../../../shared/lyrics/stanzas.ts';
// The API's rhyme search is pure (shared/ imports only); the pad reuses it so both agree on what rhymes.
import { createRhymeDictionary, findRhymes, type RhymeDictionary } from '../../../api/features/ai/rhymes.ts';
import { RhymeFinderType, type LyricsRequest, type LyricsResponse, type PadLine } from './lyrics-protocol.ts';

/** The three files under /lyrics-data/, as text. */
export interface LyricsDataTexts {
  readonly pronunciations: string;
  readonly thesaurus: string;
  readonly frequencies: string;
}

/** Builds the engine's lexicon from the downloaded files; throws on a malformed file. */
export function lexiconFromTexts(texts: LyricsDataTexts): Lexicon {
  const frequencies = new Map<string, number>();
  for (const line of texts.frequencies.split('\n')) {
    const [word, count] = line.split('\t');
    if (word && count) frequencies.set(word, Number(count));
  }
  return createLexicon({ pronunciations: decodePronunciationIndex(texts.pronunciations), thesaurus: decodeThesaurus(texts.thesaurus), frequencies });
}

const RHYME_TYPES = [RhymeFinderType.perfect, RhymeFinderType.multisyllabic, RhymeFinderType.slant] as const;
const RHYME_LIMIT = 24;
const SUGGESTION_COUNT = 4;

/**
 * The worker's logic without the worker: answers one request with the engine. Pure apart from the
 * rhyme dictionary it builds on the first rhyme search (~12k words, too slow to build up front).
 */
export function createLyricsEngine(lexicon: Lexicon): (request: LyricsRequest) => LyricsResponse {
  let rhymes: RhymeDictionary | undefined;
  return (request) => {
    try {
      switch (request.type) {
        case 'analyze':
          return { type: 'analysis', id: request.id, lines: padLines(request.text, lexicon) };
        case 'suggest': {
          const lineIndex = splitSheet(request.text).lines.filter((line) => line.sourceLine < request.caretLine).length;
          const result = suggestLines(request.text, lexicon, { lineIndex, seed: request.seed, count: SUGGESTION_COUNT });
          const lyricLines = splitSheet(request.text).lines;
          return {
            type: 'suggestions',
            id: request.id,
            targetSyllables: result.plan.targetSyllables,
            suggestions: result.lines.map((line) => ({
              text: line.text,
              syllables: line.syllables,
              rhymesWith: line.why.rhymesWith ? (lyricLines[line.why.rhymesWith.line]?.text ?? line.why.rhymesWith.text) : null,
            })),
          };
        }
        case 'rhymes': {
          rhymes ??= createRhymeDictionary(lexicon, commonWords(lexicon));
          const found = findRhymes(lexicon, rhymes, { text: request.word, types: RHYME_TYPES, limit: RHYME_LIMIT });
          return {
            type: 'rhymes',
            id: request.id,
            word: request.word,
            groups: found.groups.map((group) => ({
              type: group.type as RhymeFinderType,
              bySyllables: group.bySyllables.map((bucket) => ({ syllables: bucket.syllables, words: bucket.words.map((word) => word.word) })),
            })),
          };
        }
      }
    } catch (error) {
      return { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
    }
  };
}

/**
 * Per-line syllables, scheme letters and rhyme families. A family is a scheme letter that at least
 * two lines of a stanza share; families are numbered across the song in order of appearance, so
 * the colours stay put while the writer types below.
 */
export function padLines(text: string, lexicon: Lexicon): PadLine[] {
  const song = analyzeSong(text, lexicon);
  const rawLines = text.split(/\r\n|\r|\n/);
  const familyOf = new Map<string, number>();
  const result: PadLine[] = [];
  song.stanzas.forEach((stanza, stanzaNumber) => {
    const counts = new Map<string, number>();
    for (const letter of stanza.scheme) counts.set(letter, (counts.get(letter) ?? 0) + 1);
    [...stanza.scheme].forEach((letter, offset) => {
      const index = stanza.startLine + offset;
      const sheetLine = song.sheet.lines[index];
      const sound = song.lines[index];
      if (!sheetLine || !sound) return;
      const rhymes = (counts.get(letter) ?? 0) > 1;
      let family: number | null = null;
      if (rhymes) {
        const key = `${stanzaNumber}:${letter}`;
        family = familyOf.get(key) ?? familyOf.size;
        familyOf.set(key, family);
      }
      const last = sound.words.at(-1);
      // Token offsets are within the line's trimmed text; find where that text starts in the raw line.
      const lead = Math.max(0, (rawLines[sheetLine.sourceLine] ?? '').indexOf(sheetLine.text));
      result.push({
        sourceLine: sheetLine.sourceLine,
        syllables: sound.syllables,
        schemeLetter: rhymes ? letter : '',
        family,
        endWord: rhymes && last ? { start: lead + last.token.start, end: lead + last.token.start + last.token.text.length } : null,
      });
    });
  });
  return result;
}
