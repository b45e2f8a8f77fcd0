import { css, html, LitElement, nothing } from 'lit';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { ApiController } from './api-controller.ts';
import { BeatsApi } from './beats-api.ts';
import './cs-waveform.ts';
import { formatClock } from './player-queue.ts';
import { PlayerService } from './player-service.ts';

/**
 * The bottom bar of the one shared player: what is playing, previous / play-pause / next, the
 * waveform as seek bar, and close. It lives in the shell's dock (see `shared-player.ts`), so music
 * keeps playing while the user moves between pages. Hidden while nothing is loaded.
 */
export class CsPlayerBar extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        position: sticky;
        bottom: 0;
        z-index: 30;
        display: block;
        padding-bottom: env(safe-area-inset-bottom);
        border-top: 1px solid var(--cs-color-border, #dedbe9);
        background: color-mix(in srgb, var(--cs-color-surface, #fff) 94%, transparent);
        backdrop-filter: saturate(1.4) blur(12px);
        box-shadow: var(--cs-shadow-raised, none);
      }

      :host([hidden]) {
        display: none;
      }

      .bar {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        grid-template-areas:
          'now controls'
          'wave wave';
        align-items: center;
        gap: var(--cs-space-2, 0.5rem) var(--cs-space-3, 0.75rem);
        width: min(100% - 1.5rem, var(--cs-content-width, 72rem));
        margin-inline: auto;
        padding-block: var(--cs-space-2, 0.5rem);
      }

      .now {
        grid-area: now;
        display: grid;
        min-width: 0;
      }

      .title {
        font-weight: 700;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }

      .by,
      .clock,
      .failed {
        color: var(--cs-color-text-muted, #5b5868);
        font-size: 0.85rem;
      }

      .failed {
        color: var(--cs-color-danger, #b42318);
      }

      .controls {
        grid-area: controls;
        display: flex;
        align-items: center;
        gap: var(--cs-space-1, 0.25rem);
      }

      .wave {
        grid-area: wave;
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        align-items: center;
        gap: var(--cs-space-3, 0.75rem);
        --cs-waveform-height: 36px;
      }

      .icon {
        display: inline-grid;
        place-items: center;
        width: 44px;
        height: 44px;
        padding: 0;
        border: 1px solid transparent;
        border-radius: 50%;
        background: transparent;
        color: var(--cs-color-text, #17151f);
        cursor: pointer;
      }

      .icon:hover {
        background: var(--cs-color-surface-muted, #efedf7);
      }

      .icon[disabled] {
        opacity: 0.4;
        cursor: not-allowed;
      }

      .icon.primary {
        background: var(--cs-color-accent, #6b2fd6);
        color: var(--cs-color-accent-text, #fff);
      }

      .icon svg {
        width: 1.25rem;
        height: 1.25rem;
      }

      @media (min-width: 760px) {
        .bar {
          grid-template-columns: minmax(10rem, 16rem) auto minmax(0, 1fr);
          grid-template-areas: 'now controls wave';
        }
      }
    `,
  ];

  readonly #i18n = new LocaleController(this);
  readonly #api = new ApiController(this, (client) => new BeatsApi(client));
  readonly player = new PlayerService({
    createAudio: () => new Audio(),
    loadPeaks: async (id) => (await this.#api.value.get(id)).audio?.peaks ?? null,
    recordPlay: (id) => this.#api.value.recordPlay(id),
    reportError: (error) => console.warn(error),
  });

  constructor() {
    super();
    this.player.addEventListener('change', () => {
      this.hidden = !this.player.track;
      this.requestUpdate();
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Not in the constructor: an element created by createElement may not have attributes yet.
    this.hidden = !this.player.track;
  }

  override render() {
    const track = this.player.track;
    if (!this.#i18n.available || !track) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const player = this.player;
    const current = formatClock(player.currentTime);
    const total = formatClock(player.duration);
    return html`<section class="bar" aria-label=${t('marketplace.player.label')}>
      <div class="now">
        <span class="title">${track.title}</span>
        <span class="by">${t('marketplace.beat.by', { producer: track.producerName })}</span>
        ${player.failed ? html`<span class="failed" role="alert">${t('marketplace.player.failed')}</span>` : nothing}
      </div>
      <div class="controls">
        <button class="icon" type="button" aria-label=${t('marketplace.player.previous')} ?disabled=${!player.hasPrevious && player.currentTime < 1} @click=${() => player.previous()}>
          <svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M6 5h2v14H6zM20 5v14L9 12z" /></svg>
        </button>
        <button class="icon primary" type="button" aria-label=${player.playing ? t('marketplace.player.pause') : t('marketplace.player.play')} @click=${() => player.toggle()}>
          ${player.playing
            ? html`<svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M6 5h4v14H6zM14 5h4v14h-4z" /></svg>`
            : html`<svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M7 4v16l13-8z" /></svg>`}
        </button>
        <button class="icon" type="button" aria-label=${t('marketplace.player.next')} ?disabled=${!player.hasNext} @click=${() => player.next()}>
          <svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M16 5h2v14h-2zM4 5v14l11-7z" /></svg>
        </button>
        <button class="icon" type="button" aria-label=${t('marketplace.player.close')} @click=${() => player.stop()}>
          <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" /></svg>
        </button>
      </div>
      <div class="wave">
        <cs-waveform
          .peaks=${track.peaks}
          .currentTime=${player.currentTime}
          .duration=${player.duration}
          .label=${t('marketplace.player.position', { title: track.title })}
          .valueText=${t('marketplace.player.clock', { current, total })}
          @cs-seek=${(event: CustomEvent<{ seconds: number }>) => player.seek(event.detail.seconds)}
        ></cs-waveform>
        <span class="clock" aria-hidden="true">${current} / ${total}</span>
      </div>
    </section>`;
  }
}

customElements.define('cs-player-bar', CsPlayerBar);

declare global {
  interface HTMLElementTagNameMap {
    'cs-player-bar': CsPlayerBar;
  }
}
