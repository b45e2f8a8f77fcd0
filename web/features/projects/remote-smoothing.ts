/**
 * Remote changes to a control (a fader moved by a collaborator) glide to their new value instead of
 * jumping: the displayed value eases from where it was to the target over a short time. Local
 * changes are shown at once (the hand that moves the control must not feel lag).
 */
export const REMOTE_GLIDE_MS = 80;

/** Ease-out cubic: fast start, gentle landing. */
export function easeOut(progress: number): number {
  const clamped = Math.min(1, Math.max(0, progress));
  return 1 - (1 - clamped) ** 3;
}

export interface Glide {
  from: number;
  to: number;
  startedAt: number;
  durationMs: number;
}

/** The value a glide shows at `now`; exactly `to` once it has finished. */
export function glideValue(glide: Glide, now: number): number {
  if (glide.durationMs <= 0 || now >= glide.startedAt + glide.durationMs) return glide.to;
  return glide.from + (glide.to - glide.from) * easeOut((now - glide.startedAt) / glide.durationMs);
}

export interface FrameScheduler {
  now: () => number;
  request: (callback: () => void) => number;
  cancel: (handle: number) => void;
}

/**
 * Keeps the displayed value of many controls (by key), gliding remote changes and snapping local
 * ones. `onFrame` is called whenever displayed values changed; read them with `value(key)`.
 */
export class RemoteSmoother {
  readonly #glides = new Map<string, Glide>();
  readonly #scheduler: FrameScheduler;
  readonly #onFrame: () => void;
  readonly #durationMs: number;
  #frame: number | undefined;

  constructor(options: { scheduler: FrameScheduler; onFrame: () => void; durationMs?: number }) {
    this.#scheduler = options.scheduler;
    this.#onFrame = options.onFrame;
    this.#durationMs = options.durationMs ?? REMOTE_GLIDE_MS;
  }

  /** The value to show for `key` now, or `fallback` when it was never set. */
  value(key: string, fallback: number): number {
    const glide = this.#glides.get(key);
    return glide ? glideValue(glide, this.#scheduler.now()) : fallback;
  }

  /** A target from this person's own hand: shown immediately. */
  setLocal(key: string, value: number): void {
    this.#glides.set(key, { from: value, to: value, startedAt: this.#scheduler.now(), durationMs: 0 });
  }

  /** A target from the document (possibly someone else's change): glide to it if it differs from what is shown. */
  setTarget(key: string, value: number): void {
    const glide = this.#glides.get(key);
    if (!glide) {
      this.#glides.set(key, { from: value, to: value, startedAt: this.#scheduler.now(), durationMs: 0 });
      return;
    }
    if (glide.to === value) return;
    const now = this.#scheduler.now();
    this.#glides.set(key, { from: glideValue(glide, now), to: value, startedAt: now, durationMs: this.#durationMs });
    this.#schedule();
  }

  /** Whether any control is still gliding. */
  get moving(): boolean {
    const now = this.#scheduler.now();
    for (const glide of this.#glides.values()) if (now < glide.startedAt + glide.durationMs) return true;
    return false;
  }

  forget(key: string): void {
    this.#glides.delete(key);
  }

  dispose(): void {
    if (this.#frame !== undefined) this.#scheduler.cancel(this.#frame);
    this.#frame = undefined;
  }

  #schedule(): void {
    if (this.#frame !== undefined) return;
    this.#frame = this.#scheduler.request(() => {
      this.#frame = undefined;
      this.#onFrame();
      if (this.moving) this.#schedule();
    });
  }
}
