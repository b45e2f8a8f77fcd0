import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LyricsWorkerClient } from './lyrics-worker-client.ts';

/** Redraws its host whenever the lyrics engine it is given reports new results or a new status. */
export class EngineController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #engine: LyricsWorkerClient | null = null;
  #connected = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Follows this engine from now on (call from `willUpdate`). */
  follow(engine: LyricsWorkerClient | null): void {
    if (engine === this.#engine) return;
    this.#engine?.removeEventListener('change', this.#onChange);
    this.#engine = engine;
    if (this.#connected) engine?.addEventListener('change', this.#onChange);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#engine?.addEventListener('change', this.#onChange);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#engine?.removeEventListener('change', this.#onChange);
  }

  readonly #onChange = (): void => this.#host.requestUpdate();
}
