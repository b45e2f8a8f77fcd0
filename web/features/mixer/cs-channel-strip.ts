import { css, html, LitElement, nothing } from 'lit';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import type { StripField } from './mixer-session.ts';

/** Detail of `cs-strip-change`. */
export interface StripChange {
  readonly id: string;
  readonly field: StripField;
  readonly value: number | boolean;
}

/** Meter scale floor, dBFS. */
const meterFloorDb = -60;

/**
 * One channel strip of the console: level meter, fader, pan, mute and solo.
 * Stateless: values come down as properties, edits go up as events.
 *
 * @fires cs-strip-change - {@link StripChange} when a control moves.
 * @cssprop --cs-strip-width - Width of the strip (default: the grid cell's).
 */
export class CsChannelStrip extends LitElement {
  static override properties = {
    stripId: { type: String, attribute: 'strip-id' },
    name: { type: String },
    faderDb: { type: Number },
    pan: { type: Number },
    mute: { type: Boolean },
    solo: { type: Boolean },
    canSolo: { type: Boolean, attribute: 'can-solo' },
    peakDb: { type: Number },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        inline-size: var(--cs-strip-width, auto);
        min-inline-size: 0;
      }
      section {
        display: grid;
        /* One column that may shrink below its content's width, so controls never spill out of the card. */
        grid-template-columns: minmax(0, 1fr);
        gap: var(--cs-space-2, 0.5rem);
        padding: var(--cs-space-3, 0.75rem);
        border: 1px solid var(--cs-color-border, #d9d6e3);
        border-radius: var(--cs-radius, 0.5rem);
      }
      h3 {
        margin: 0;
        font-size: 1rem;
        overflow-wrap: break-word;
        hyphens: auto;
      }
      meter,
      input[type='range'] {
        box-sizing: border-box;
        inline-size: 100%;
        min-inline-size: 0;
        margin: 0;
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-size: 0.875rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cs-space-2, 0.5rem);
      }
      .buttons .button {
        flex: 1 1 3.5rem;
        min-inline-size: 0;
        padding-inline: 0.5rem;
      }
      .button[aria-pressed='true'] {
        background: var(--cs-color-accent, #6b4eff);
        color: var(--cs-color-on-accent, #fff);
      }
    `,
  ];

  // `declare`: class fields would shadow Lit's reactive accessors (useDefineForClassFields).
  declare stripId: string;
  declare name: string;
  declare faderDb: number;
  declare pan: number;
  declare mute: boolean;
  declare solo: boolean;
  declare canSolo: boolean;
  declare peakDb: number;

  readonly #i18n = new LocaleController(this);

  constructor() {
    super();
    this.stripId = '';
    this.name = '';
    this.faderDb = 0;
    this.pan = 0;
    this.mute = false;
    this.solo = false;
    this.canSolo = false;
    this.peakDb = -Infinity;
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const name = this.name;
    const decibels = new Intl.NumberFormat(this.#i18n.value.locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    const meterValue = Number.isFinite(this.peakDb) ? Math.max(meterFloorDb, Math.min(0, this.peakDb)) : meterFloorDb;
    return html`<section aria-label=${name} part="strip">
      <h3>${name}</h3>
      <meter min=${meterFloorDb} max="0" low="-18" high="-6" optimum="-30" .value=${meterValue} aria-label=${t('mixer.strip.level', { name })}></meter>
      <label>
        <span>${t('mixer.strip.fader')} <output>${decibels.format(this.faderDb)} dB</output></span>
        <input
          type="range"
          min="-60"
          max="12"
          step="0.5"
          .value=${String(this.faderDb)}
          aria-label=${t('mixer.strip.faderOf', { name })}
          aria-valuetext=${`${decibels.format(this.faderDb)} dB`}
          @input=${(event: Event) => this.#emit('faderDb', Number((event.target as HTMLInputElement).value))}
        />
      </label>
      <label>
        <span>${t('mixer.strip.pan')}</span>
        <input
          type="range"
          min="-1"
          max="1"
          step="0.05"
          .value=${String(this.pan)}
          aria-label=${t('mixer.strip.panOf', { name })}
          @input=${(event: Event) => this.#emit('pan', Number((event.target as HTMLInputElement).value))}
        />
      </label>
      <div class="buttons">
        <button class="button secondary" type="button" aria-pressed=${String(this.mute)} aria-label=${t('mixer.strip.muteOf', { name })} @click=${() => this.#emit('mute', !this.mute)}>
          ${t('mixer.strip.mute')}
        </button>
        ${this.canSolo
          ? html`<button class="button secondary" type="button" aria-pressed=${String(this.solo)} aria-label=${t('mixer.strip.soloOf', { name })} @click=${() => this.#emit('solo', !this.solo)}>
              ${t('mixer.strip.solo')}
            </button>`
          : nothing}
      </div>
    </section>`;
  }

  #emit(field: StripField, value: number | boolean): void {
    const detail: StripChange = { id: this.stripId, field, value };
    this.dispatchEvent(new CustomEvent<StripChange>('cs-strip-change', { detail, bubbles: true, composed: true }));
  }
}

customElements.define('cs-channel-strip', CsChannelStrip);

declare global {
  interface HTMLElementTagNameMap {
    'cs-channel-strip': CsChannelStrip;
  }
}
