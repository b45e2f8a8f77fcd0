import type { Extension } from '@codemirror/state';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import { projectParts } from '../../../shared/project/project-document.ts';
import { LyricsWorkerClient, type WorkerPort } from '../lyrics/lyrics-worker-client.ts';
import type { PadLine } from '../lyrics/lyrics-protocol.ts';
import type { LineSuggestionSet, StyleSuggestions } from '../lyrics/style-suggestions.ts';
import { lyricsOverlays } from './lyrics-overlays.ts';

/** Analysis follows typing closely; suggestions (the engine's slowest call) wait for a pause, as in the pad. */
const ANALYZE_DELAY_MS = 120;
const SUGGEST_DELAY_MS = 450;

/**
 * The songwriting assistant of a project page: the lyrics engine (in a Web Worker, offline too) kept
 * up to date with the song as anyone on it writes, so every co-writer sees syllables, rhyme families
 * and scheme letters in the editor, and suggestions for the line their caret is on.
 *
 * The host passes the song document (`follow`) and the caret's line (`caretMoved`), reads `engine`
 * for the panels and `overlays` for the editor, and is redrawn when either changes.
 */
export class SongAssistant implements ReactiveController {
  /** The running engine while the host is connected. */
  engine: LyricsWorkerClient | null = null;
  /** The editor extension drawing the latest analysis (see `lyrics-overlays.ts`). */
  overlays: Extension = [];

  readonly #host: ReactiveControllerHost;
  readonly #createWorker: () => WorkerPort;
  readonly #canAskServer: () => boolean;
  #style: StyleSuggestions | null = null;
  #lyrics: Y.Text | null = null;
  /** The text whose changes are being observed: the song's while connected, else none. */
  #observed: Y.Text | null = null;
  #caretLine = 0;
  #drawnLines: readonly PadLine[] | null = null;
  #analyzeTimer: ReturnType<typeof setTimeout> | undefined;
  #suggestTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: { createWorker?: () => WorkerPort; canAskServer?: () => boolean } = {}) {
    this.#host = host;
    this.#createWorker = options.createWorker ?? defaultWorker;
    this.#canAskServer = options.canAskServer ?? (() => false);
    host.addController(this);
  }

  /** Asks the API for suggestions in the writer's style too, whenever `canAskServer` says it may. */
  useServer(style: StyleSuggestions): void {
    this.#style?.removeEventListener('change', this.#onStyleChange);
    this.#style = style;
    style.addEventListener('change', this.#onStyleChange);
  }

  /** The API's suggestions for the caret's line in the writer's style, when it has answered. */
  get styled(): LineSuggestionSet | null {
    return this.#style?.current ?? null;
  }

  /** The API is working out suggestions in the writer's style. */
  get styledPending(): boolean {
    return this.#style?.pending ?? false;
  }

  readonly #onStyleChange = (): void => this.#host.requestUpdate();

  hostConnected(): void {
    const engine = new LyricsWorkerClient(this.#createWorker());
    engine.addEventListener('change', this.#onEngineChange);
    this.engine = engine;
    this.#observe(this.#lyrics);
    this.#analyzeSoon();
  }

  hostDisconnected(): void {
    clearTimeout(this.#analyzeTimer);
    clearTimeout(this.#suggestTimer);
    this.#observe(null);
    this.engine?.removeEventListener('change', this.#onEngineChange);
    this.engine?.close();
    this.engine = null;
  }

  /** Analyses this song from now on (null: none). */
  follow(song: Y.Doc | null): void {
    const lyrics = song ? projectParts.lyrics(song) : null;
    if (lyrics === this.#lyrics) return;
    this.#lyrics = lyrics;
    if (this.engine) this.#observe(lyrics);
    this.#analyzeSoon();
  }

  /** The caret moved to this line (0-based): suggestions follow it after a pause. */
  caretMoved(line: number): void {
    if (line === this.#caretLine) return;
    this.#caretLine = line;
    clearTimeout(this.#suggestTimer);
    this.#suggestTimer = setTimeout(() => this.#suggest(), SUGGEST_DELAY_MS);
  }

  /** Asks for the caret line's suggestions again now (the writer's style just changed, for one). */
  suggestAgain(): void {
    clearTimeout(this.#suggestTimer);
    this.#suggest();
  }

  get caretLine(): number {
    return this.#caretLine;
  }

  #observe(lyrics: Y.Text | null): void {
    if (lyrics === this.#observed) return;
    this.#observed?.unobserve(this.#onLyricsChange);
    this.#observed = lyrics;
    lyrics?.observe(this.#onLyricsChange);
  }

  readonly #onLyricsChange = (): void => this.#analyzeSoon();

  readonly #onEngineChange = (): void => {
    const lines = this.engine?.lines ?? [];
    if (lines !== this.#drawnLines) {
      this.#drawnLines = lines;
      this.overlays = lyricsOverlays(lines);
    }
    this.#host.requestUpdate();
  };

  #analyzeSoon(): void {
    if (!this.engine || !this.#lyrics) return;
    clearTimeout(this.#analyzeTimer);
    clearTimeout(this.#suggestTimer);
    this.#analyzeTimer = setTimeout(() => this.engine?.analyze(this.#lyrics?.toString() ?? ''), ANALYZE_DELAY_MS);
    this.#suggestTimer = setTimeout(() => this.#suggest(), SUGGEST_DELAY_MS);
  }

  #suggest(): void {
    if (!this.#lyrics || !this.engine) return;
    const text = this.#lyrics.toString();
    this.engine.suggest(text, this.#caretLine);
    if (this.#canAskServer()) this.#style?.request(text, this.#caretLine);
    else this.#style?.clear();
  }
}

function defaultWorker(): WorkerPort {
  return new Worker(new URL('../../workers/lyrics-worker.ts', import.meta.url), { type: 'module' });
}
