import { isLyricsResponse, type LyricsRequest, type LyricsResponse, type PadLine, type PadSuggestion, type RhymeGroup } from './lyrics-protocol.ts';

/** The part of a Worker the client uses, so tests can pass a fake. */
export interface WorkerPort {
  postMessage(message: LyricsRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  terminate(): void;
}

export const EngineStatus = { loading: 'loading', ready: 'ready', failed: 'failed' } as const;
export type EngineStatus = (typeof EngineStatus)[keyof typeof EngineStatus];

type RequestKind = LyricsRequest['type'];
type Pending = { analyze: { text: string }; suggest: { text: string; caretLine: number; seed: number }; rhymes: { word: string } };

/**
 * The pad's side of the worker. At most one request of each kind is in flight; while one runs, only
 * the newest request of that kind waits (older ones are dropped), so a burst of keystrokes costs one
 * analysis, never a queue of stale ones. Fires `change` when the status or a result changes.
 */
export class LyricsWorkerClient extends EventTarget {
  readonly #port: WorkerPort;
  #nextId = 1;
  readonly #inFlight = new Map<RequestKind, LyricsRequest>();
  readonly #waiting = new Map<RequestKind, LyricsRequest>();
  status: EngineStatus = EngineStatus.loading;
  loadMs: number | null = null;
  failure = '';
  lines: readonly PadLine[] = [];
  suggestions: readonly PadSuggestion[] = [];
  targetSyllables: number | null = null;
  /** The caret line (0-based) `suggestions` were made for; null before the first answer. */
  suggestionsLine: number | null = null;
  rhymeWord = '';
  rhymeGroups: readonly RhymeGroup[] | null = null;

  constructor(port: WorkerPort) {
    super();
    this.#port = port;
    port.addEventListener('message', (event) => {
      if (isLyricsResponse(event.data)) this.#receive(event.data);
    });
  }

  analyze(text: string): void {
    this.#send({ type: 'analyze', id: 0, text });
  }

  suggest(text: string, caretLine: number, seed = 1): void {
    this.#send({ type: 'suggest', id: 0, text, caretLine, seed });
  }

  findRhymes(word: string): void {
    this.#send({ type: 'rhymes', id: 0, word });
  }

  close(): void {
    this.#port.terminate();
  }

  #send<Kind extends RequestKind>(request: LyricsRequest & { type: Kind } & Pending[Kind]): void {
    const numbered = { ...request, id: this.#nextId++ } as LyricsRequest;
    if (this.#inFlight.has(request.type)) {
      this.#waiting.set(request.type, numbered);
      return;
    }
    this.#inFlight.set(request.type, numbered);
    this.#port.postMessage(numbered);
  }

  #finished(kind: RequestKind): void {
    this.#inFlight.delete(kind);
    const next = this.#waiting.get(kind);
    if (!next) return;
    this.#waiting.delete(kind);
    this.#inFlight.set(kind, next);
    this.#port.postMessage(next);
  }

  #receive(response: LyricsResponse): void {
    switch (response.type) {
      case 'ready':
        this.status = EngineStatus.ready;
        this.loadMs = response.loadMs;
        break;
      case 'load-failed':
        this.status = EngineStatus.failed;
        this.failure = response.message;
        break;
      case 'analysis':
        this.lines = response.lines;
        this.#finished('analyze');
        break;
      case 'suggestions': {
        const asked = this.#inFlight.get('suggest');
        this.suggestions = response.suggestions;
        this.targetSyllables = response.targetSyllables;
        this.suggestionsLine = asked?.type === 'suggest' && asked.id === response.id ? asked.caretLine : null;
        this.#finished('suggest');
        break;
      }
      case 'rhymes':
        this.rhymeWord = response.word;
        this.rhymeGroups = response.groups;
        this.#finished('rhymes');
        break;
      case 'failed':
        // The engine threw on this text: keep the previous results and let the next request retry.
        // Except suggestions, which belong to a line: the old ones were for another, so there are none.
        for (const [kind, request] of this.#inFlight) {
          if (request.id !== response.id) continue;
          if (request.type === 'suggest') {
            this.suggestions = [];
            this.suggestionsLine = request.caretLine;
          }
          this.#finished(kind);
        }
        break;
    }
    this.dispatchEvent(new Event('change'));
  }
}
