import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host on every animation frame while `running` is true
 * (meters), and stops when the host disconnects, so a closed page polls
 * nothing.
 */
export class AnimationFrameController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #frame = 0;
  #running = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  set running(running: boolean) {
    if (running === this.#running) return;
    this.#running = running;
    if (running) this.#schedule();
    else cancelAnimationFrame(this.#frame);
  }

  get running(): boolean {
    return this.#running;
  }

  hostDisconnected(): void {
    this.running = false;
  }

  #schedule(): void {
    this.#frame = requestAnimationFrame(() => {
      if (!this.#running) return;
      this.#host.requestUpdate();
      this.#schedule();
    });
  }
}
