import { splitSheet } from '../../../shared/lyrics/stanzas.ts';
import { SuggestLyricsResponse, type SuggestLyricsRequest } from '../../../shared/schemas/ai.ts';
import type { ApiClient } from '../../api/api-client.ts';
import type { PadSuggestion } from './lyrics-protocol.ts';

/** Suggestions for one line, from wherever they came. */
export interface LineSuggestionSet {
  readonly suggestions: readonly PadSuggestion[];
  readonly targetSyllables: number | null;
  /** The writer's learned style (from their saved sessions) steered them. */
  readonly personalized: boolean;
  /** The caret line (0-based, as the editor counts) they were made for. */
  readonly caretLine: number;
}

/** POST /api/ai/suggest-lyrics; rejects when it cannot answer (offline, signed out, text too long…). */
export type SuggestOnServer = (request: SuggestLyricsRequest) => Promise<SuggestLyricsResponse>;

/** How many lines to ask for: as many as the engine on the device offers. */
const SUGGESTION_COUNT = 4;

/**
 * The lyric line (counting from 0, blank lines and section headers left out, as the API counts)
 * that the caret's text line (0-based) is, or would be if the writer started one there.
 */
export function lyricLineAt(text: string, caretLine: number): number {
  return splitSheet(text).lines.filter((line) => line.sourceLine < caretLine).length;
}

/** The API's answer in the shape the suggestion panel shows. */
export function fromServer(response: SuggestLyricsResponse, caretLine: number): LineSuggestionSet {
  return {
    suggestions: response.suggestions.map((suggestion) => ({ text: suggestion.text, syllables: suggestion.syllables, rhymesWith: suggestion.why.rhymesWith?.text ?? null })),
    targetSyllables: response.plan.targetSyllables,
    personalized: response.personalized,
    caretLine,
  };
}

/**
 * At most one request per this long from one page. Co-writers' pauses ask again too, and the API's
 * per-account budget (1,000 requests in 15 minutes by default) also covers sync tickets and saves:
 * suggestions must never be what throttles a writer mid-song.
 */
export const MIN_REQUEST_INTERVAL_MS = 2000;

/**
 * Suggestions in the writer's own style: the API steers the engine with the profile it learned from
 * their saved sessions (vocabulary, line lengths, rhyme habits…), which the engine on the device does
 * not have. Only the newest request counts; `current` is null while it runs and when it failed, and
 * the panel then shows the device's suggestions (offline, for instance). `pending` is true while the
 * newest request waits or runs, so the panel can say better lines may replace the device's. Requests
 * closer together than `minIntervalMs` wait, and only the newest of them is sent. Fires `change`.
 */
export class StyleSuggestions extends EventTarget {
  current: LineSuggestionSet | null = null;
  pending = false;
  readonly #suggest: SuggestOnServer;
  readonly #minIntervalMs: number;
  readonly #now: () => number;
  #latest = 0;
  #lastSentAt = Number.NEGATIVE_INFINITY;
  #waiting: ReturnType<typeof setTimeout> | undefined;

  constructor(suggest: SuggestOnServer, options: { minIntervalMs?: number; now?: () => number } = {}) {
    super();
    this.#suggest = suggest;
    this.#minIntervalMs = options.minIntervalMs ?? MIN_REQUEST_INTERVAL_MS;
    this.#now = options.now ?? (() => performance.now());
  }

  request(text: string, caretLine: number): void {
    const id = ++this.#latest;
    this.current = null;
    this.pending = true;
    this.dispatchEvent(new Event('change'));
    clearTimeout(this.#waiting);
    const wait = this.#lastSentAt + this.#minIntervalMs - this.#now();
    if (wait > 0) this.#waiting = setTimeout(() => this.#send(id, text, caretLine), wait);
    else this.#send(id, text, caretLine);
  }

  #send(id: number, text: string, caretLine: number): void {
    if (id !== this.#latest) return;
    this.#lastSentAt = this.#now();
    this.#suggest({ text, line: lyricLineAt(text, caretLine), count: SUGGESTION_COUNT }).then(
      (response) => {
        if (id !== this.#latest) return;
        this.current = fromServer(response, caretLine);
        this.pending = false;
        this.dispatchEvent(new Event('change'));
      },
      () => {
        // The device's suggestions stand in; nothing to tell the writer but that no more are coming.
        if (id !== this.#latest) return;
        this.pending = false;
        this.dispatchEvent(new Event('change'));
      },
    );
  }

  /** Forgets the current suggestions (the writer went offline or signed out). */
  clear(): void {
    this.#latest++;
    clearTimeout(this.#waiting);
    if (!this.current && !this.pending) return;
    this.current = null;
    this.pending = false;
    this.dispatchEvent(new Event('change'));
  }
}

/** The API's suggest-lyrics call through the app's client. */
export function suggestOnServer(client: ApiClient): SuggestOnServer {
  return (body) => client.request({ method: 'POST', path: '/api/ai/suggest-lyrics', body, authenticated: true, schema: SuggestLyricsResponse });
}
