import { css, LitElement, html, type PropertyValues } from 'lit';
import { baseStyles } from '../../ui/base-styles.ts';

/**
 * A waveform drawn on a canvas from a beat's `peaks` ([min, max] pairs, -127…127), with the played
 * part highlighted. It is also the seek bar: a slider for assistive technology, arrow keys move
 * 5 s (Page Up/Down 30 s, Home/End), a click or drag seeks.
 *
 * @fires cs-seek - `{ seconds }`: the user asked to play from there.
 * @cssprop --cs-waveform-height - Height of the drawing (default 48px).
 */
export class CsWaveform extends LitElement {
  static override properties = {
    peaks: { attribute: false },
    currentTime: { attribute: false },
    duration: { attribute: false },
    label: {},
    valueText: { attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }

      .track {
        position: relative;
        height: var(--cs-waveform-height, 48px);
        border-radius: var(--cs-radius-sm, 8px);
        cursor: pointer;
        touch-action: none;
      }

      .track:focus-visible {
        outline: 3px solid var(--cs-color-focus, #6b2fd6);
        outline-offset: 2px;
      }

      canvas {
        display: block;
        width: 100%;
        height: 100%;
      }
    `,
  ];

  declare peaks: readonly number[] | null | undefined;
  declare currentTime: number;
  declare duration: number;
  /** Accessible name of the slider, e.g. "Position in Night Drive". */
  declare label: string;
  /** Spoken value, e.g. "0:42 of 2:10" (formatted by the host, which knows the language). */
  declare valueText: string;

  #resize: ResizeObserver | null = null;
  #dragging = false;

  constructor() {
    super();
    this.peaks = null;
    this.currentTime = 0;
    this.duration = 0;
    this.label = '';
    this.valueText = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(() => this.#draw());
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = null;
  }

  override render() {
    const duration = Math.max(0, this.duration);
    return html`<div
      class="track"
      role="slider"
      tabindex="0"
      aria-label=${this.label}
      aria-valuemin="0"
      aria-valuemax=${Math.round(duration)}
      aria-valuenow=${Math.round(Math.min(this.currentTime, duration))}
      aria-valuetext=${this.valueText}
      @keydown=${this.#onKeyDown}
      @pointerdown=${this.#onPointerDown}
      @pointermove=${this.#onPointerMove}
      @pointerup=${this.#onPointerUp}
      @pointercancel=${this.#onPointerUp}
    >
      <canvas aria-hidden="true"></canvas>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#draw();
  }

  #draw(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    if (!canvas) return;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return;
    const style = getComputedStyle(this);
    const played = style.getPropertyValue('--cs-color-accent').trim() || '#6b2fd6';
    const rest = style.getPropertyValue('--cs-color-border-strong').trim() || '#8e8a9e';
    context.clearRect(0, 0, width, height);
    const progress = this.duration > 0 ? Math.min(1, this.currentTime / this.duration) : 0;
    const playedWidth = progress * width;
    const middle = height / 2;
    const peaks = this.peaks;
    if (!peaks || peaks.length < 2) {
      // No waveform (compressed audio, or not loaded yet): a plain progress line.
      const line = Math.max(2, Math.round(3 * ratio));
      context.fillStyle = rest;
      context.fillRect(0, middle - line / 2, width, line);
      context.fillStyle = played;
      context.fillRect(0, middle - line / 2, playedWidth, line);
      return;
    }
    const pairs = Math.floor(peaks.length / 2);
    const barWidth = Math.max(1, Math.round(2 * ratio));
    const gap = Math.max(1, Math.round(ratio));
    const bars = Math.max(1, Math.floor(width / (barWidth + gap)));
    for (let bar = 0; bar < bars; bar++) {
      // Each bar takes the widest swing of the pairs it covers.
      const from = Math.floor((bar / bars) * pairs);
      const to = Math.max(from + 1, Math.floor(((bar + 1) / bars) * pairs));
      let low = 0;
      let high = 0;
      for (let pair = from; pair < to; pair++) {
        low = Math.min(low, peaks[pair * 2] ?? 0);
        high = Math.max(high, peaks[pair * 2 + 1] ?? 0);
      }
      const top = middle - (high / 127) * middle;
      const bottom = middle - (low / 127) * middle;
      const x = bar * (barWidth + gap);
      context.fillStyle = x < playedWidth ? played : rest;
      context.fillRect(x, top, barWidth, Math.max(gap, bottom - top));
    }
  }

  #seek(seconds: number): void {
    const clamped = Math.max(0, Math.min(this.duration || 0, seconds));
    this.dispatchEvent(new CustomEvent('cs-seek', { detail: { seconds: clamped }, bubbles: true, composed: true }));
  }

  #seekToPointer(event: PointerEvent): void {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    if (!box.width || !this.duration) return;
    this.#seek(((event.clientX - box.left) / box.width) * this.duration);
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const steps: Record<string, number> = { ArrowRight: 5, ArrowUp: 5, ArrowLeft: -5, ArrowDown: -5, PageUp: 30, PageDown: -30 };
    let target: number | null = null;
    if (event.key in steps) target = this.currentTime + (steps[event.key] ?? 0);
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = this.duration;
    if (target === null) return;
    event.preventDefault();
    this.#seek(target);
  };

  readonly #onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    this.#dragging = true;
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    this.#seekToPointer(event);
  };

  readonly #onPointerMove = (event: PointerEvent): void => {
    if (this.#dragging) this.#seekToPointer(event);
  };

  readonly #onPointerUp = (): void => {
    this.#dragging = false;
  };
}

customElements.define('cs-waveform', CsWaveform);

declare global {
  interface HTMLElementTagNameMap {
    'cs-waveform': CsWaveform;
  }
  interface HTMLElementEventMap {
    'cs-seek': CustomEvent<{ seconds: number }>;
  }
}
