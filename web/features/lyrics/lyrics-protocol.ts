/**
 * Messages between the lyrics pad and its Web Worker (web/workers/lyrics-worker.ts). Requests carry
 * an id the response echoes, so the pad can drop answers to text it no longer shows.
 */
export const LYRICS_PROTOCOL_VERSION = 1;

export const RhymeFinderType = { perfect: 'perfect', multisyllabic: 'multisyllabic', slant: 'slant' } as const;
export type RhymeFinderType = (typeof RhymeFinderType)[keyof typeof RhymeFinderType];

export type LyricsRequest =
  | { readonly type: 'analyze'; readonly id: number; readonly text: string }
  /** Suggestions for the line the caret is on (`caretLine`, 0-based line of the text). */
  | { readonly type: 'suggest'; readonly id: number; readonly text: string; readonly caretLine: number; readonly seed: number }
  | { readonly type: 'rhymes'; readonly id: number; readonly word: string };

/** One line of the text as the pad draws it; blank lines and section headers get none. */
export interface PadLine {
  /** 0-based line of the text. */
  readonly sourceLine: number;
  readonly syllables: number;
  /** The stanza's scheme letter for this line ("A"), empty when it rhymes with nothing. */
  readonly schemeLetter: string;
  /** Rhyme family across the song (0, 1, …), null when the line rhymes with no other. */
  readonly family: number | null;
  /** Character range of the rhyming end word within the line, for the colour overlay. */
  readonly endWord: { readonly start: number; readonly end: number } | null;
}

export interface PadSuggestion {
  readonly text: string;
  readonly syllables: number;
  /** The line it rhymes with, quoted, when it was written to rhyme. */
  readonly rhymesWith: string | null;
}

export interface RhymeGroup {
  readonly type: RhymeFinderType;
  readonly bySyllables: readonly { readonly syllables: number; readonly words: readonly string[] }[];
}

export const LoadFailure = { network: 'network', format: 'format' } as const;
export type LoadFailure = (typeof LoadFailure)[keyof typeof LoadFailure];

export type LyricsResponse =
  | { readonly type: 'ready'; readonly version: typeof LYRICS_PROTOCOL_VERSION; readonly loadMs: number }
  | { readonly type: 'load-failed'; readonly reason: LoadFailure; readonly message: string }
  | { readonly type: 'analysis'; readonly id: number; readonly lines: readonly PadLine[] }
  | { readonly type: 'suggestions'; readonly id: number; readonly targetSyllables: number; readonly suggestions: readonly PadSuggestion[] }
  | { readonly type: 'rhymes'; readonly id: number; readonly word: string; readonly groups: readonly RhymeGroup[] }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

const REQUEST_TYPES = new Set(['analyze', 'suggest', 'rhymes']);
const RESPONSE_TYPES = new Set(['ready', 'load-failed', 'analysis', 'suggestions', 'rhymes', 'failed']);

/** Checks the envelope of a message the worker received; the worker answers nothing else. */
export function isLyricsRequest(data: unknown): data is LyricsRequest {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  if (typeof message.type !== 'string' || !REQUEST_TYPES.has(message.type) || !Number.isInteger(message.id)) return false;
  if (message.type === 'rhymes') return typeof message.word === 'string';
  if (typeof message.text !== 'string') return false;
  return message.type === 'analyze' || (Number.isInteger(message.caretLine) && Number.isInteger(message.seed));
}

/** Checks the envelope of a message from the worker. */
export function isLyricsResponse(data: unknown): data is LyricsResponse {
  return typeof data === 'object' && data !== null && RESPONSE_TYPES.has(String((data as { type?: unknown }).type));
}
