import { css, html, LitElement, nothing } from 'lit';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import type { ChannelStrip } from '../../../shared/mix/channel-strip.ts';
import { NoteDivisionName, type Insert } from '../../../shared/mix/mix-entities.ts';
import { parameterRanges, type ParameterRange } from '../../../shared/mix/parameter-ranges.ts';
import type { InsertField, StripField } from './mixer-session.ts';
import { formatParameter, fromSlider, sliderSpec, toSlider, type SendField } from './strip-controls.ts';

/** Detail of `cs-strip-change`. */
export interface StripChange {
  readonly id: string;
  readonly field: StripField;
  readonly value: number | boolean;
}

/** Detail of `cs-send-change`. */
export interface SendChange {
  readonly sourceId: string;
  readonly targetBusId: string;
  readonly field: SendField;
  readonly value: number | boolean;
}

/** Detail of `cs-insert-change`. */
export interface InsertChange {
  readonly id: string;
  readonly field: InsertField;
  readonly value: number | boolean | string;
}

/** One of the strip's sends as the console shows it (an absent send shows as silent). */
export interface SendView {
  readonly targetBusId: string;
  readonly busName: string;
  readonly levelDb: number;
  readonly preFader: boolean;
}

type Translate = (id: string, values?: Record<string, unknown>) => string;

const divisions = Object.values(NoteDivisionName);

/** Meter scale floor, dBFS. */
const meterFloorDb = -60;

/**
 * One channel strip of the console: level meter, fader, pan, mute and solo,
 * and behind a disclosure the EQ, compressor, sends and the strip's reverb
 * or delay insert. Stateless: values come down as properties, edits go up as
 * events.
 *
 * @fires cs-strip-change - {@link StripChange} when a control moves.
 * @fires cs-send-change - {@link SendChange} when a send's level or tap changes.
 * @fires cs-insert-change - {@link InsertChange} when a reverb or delay setting changes.
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
    settings: { attribute: false },
    sends: { attribute: false },
    insert: { attribute: false },
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
      details {
        display: grid;
        min-inline-size: 0;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      fieldset {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--cs-space-2, 0.5rem);
        min-inline-size: 0;
        margin: var(--cs-space-2, 0.5rem) 0 0;
        padding: var(--cs-space-2, 0.5rem);
        border: 1px solid var(--cs-color-border, #d9d6e3);
        border-radius: var(--cs-radius, 0.5rem);
      }
      legend {
        padding-inline: 0.25rem;
        font-weight: 600;
        font-size: 0.875rem;
      }
      label > span {
        overflow-wrap: anywhere;
      }
      output {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      label.check {
        display: flex;
        align-items: center;
        gap: 0.375rem;
        overflow-wrap: anywhere;
      }
      label.check input {
        flex: none;
        margin: 0;
      }
      select {
        box-sizing: border-box;
        inline-size: 100%;
        min-inline-size: 0;
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
  /** The strip's parameters; null shows no detailed settings. */
  declare settings: ChannelStrip | null;
  declare sends: readonly SendView[];
  /** The reverb or delay insert this strip hosts, if any. */
  declare insert: Insert | null;

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
    this.settings = null;
    this.sends = [];
    this.insert = null;
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
      ${this.settings ? this.#renderSettings(t, this.settings) : nothing}
    </section>`;
  }

  #renderSettings(t: Translate, strip: ChannelStrip) {
    const name = this.name;
    const locale = this.#i18n.value.locale;
    const named = (control: string) => t('mixer.settings.controlOf', { control, name });
    const slider = (label: string, value: number, range: ParameterRange, change: (value: number) => void) => {
      const spec = sliderSpec(range);
      const shown = formatParameter(value, range, locale);
      return html`<label>
        <span>${label} <output>${shown}</output></span>
        <input
          type="range"
          min=${spec.min}
          max=${spec.max}
          step=${spec.step}
          .value=${String(toSlider(value, range))}
          aria-label=${named(label)}
          aria-valuetext=${shown}
          @input=${(event: Event) => change(fromSlider(Number((event.target as HTMLInputElement).value), range))}
        />
      </label>`;
    };
    const checkbox = (label: string, checked: boolean, change: (checked: boolean) => void) =>
      html`<label class="check"
        ><input type="checkbox" .checked=${checked} aria-label=${named(label)} @change=${(event: Event) => change((event.target as HTMLInputElement).checked)} /><span
          >${label}</span
        ></label
      >`;
    const stripSlider = (label: string, field: StripField & keyof typeof parameterRanges) =>
      slider(label, strip[field], parameterRanges[field], (value) => this.#emit(field, value));
    return html`<details>
      <summary>${t('mixer.settings.summary')}</summary>
      <fieldset>
        <legend>${t('mixer.eq.title')}</legend>
        ${stripSlider(t('mixer.eq.lowGain'), 'eqLowGainDb')} ${stripSlider(t('mixer.eq.midFrequency'), 'eqMidFrequency')}
        ${stripSlider(t('mixer.eq.midGain'), 'eqMidGainDb')} ${stripSlider(t('mixer.eq.midQ'), 'eqMidQ')} ${stripSlider(t('mixer.eq.highGain'), 'eqHighGainDb')}
      </fieldset>
      <fieldset>
        <legend>${t('mixer.compressor.title')}</legend>
        ${checkbox(t('mixer.compressor.enabled'), strip.compressorEnabled, (checked) => this.#emit('compressorEnabled', checked))}
        ${stripSlider(t('mixer.compressor.threshold'), 'compressorThresholdDb')} ${stripSlider(t('mixer.compressor.ratio'), 'compressorRatio')}
        ${stripSlider(t('mixer.compressor.attack'), 'compressorAttackMs')} ${stripSlider(t('mixer.compressor.release'), 'compressorReleaseMs')}
        ${stripSlider(t('mixer.compressor.makeup'), 'compressorMakeupGainDb')}
      </fieldset>
      ${this.sends.length > 0
        ? html`<fieldset>
            <legend>${t('mixer.sends.title')}</legend>
            ${this.sends.map(
              (send) =>
                html`${slider(t('mixer.send.level', { bus: send.busName }), send.levelDb, parameterRanges.sendLevelDb, (value) => this.#emitSend(send, 'levelDb', value))}
                ${checkbox(t('mixer.send.preFader', { bus: send.busName }), send.preFader, (checked) => this.#emitSend(send, 'preFader', checked))}`,
            )}
          </fieldset>`
        : nothing}
      ${this.insert ? this.#renderInsert(t, this.insert, slider, checkbox, named) : nothing}
    </details>`;
  }

  #renderInsert(
    t: Translate,
    insert: Insert,
    slider: (label: string, value: number, range: ParameterRange, change: (value: number) => void) => unknown,
    checkbox: (label: string, checked: boolean, change: (checked: boolean) => void) => unknown,
    named: (control: string) => string,
  ) {
    const emit = (field: InsertField, value: number | boolean | string) => {
      const detail: InsertChange = { id: insert.id, field, value };
      this.dispatchEvent(new CustomEvent<InsertChange>('cs-insert-change', { detail, bubbles: true, composed: true }));
    };
    const select = (label: string, value: string, options: ReadonlyArray<readonly [string, string]>, change: (value: string) => void) =>
      html`<label>
        <span>${label}</span>
        <select aria-label=${named(label)} @change=${(event: Event) => change((event.target as HTMLSelectElement).value)}>
          ${options.map(([optionValue, text]) => html`<option value=${optionValue} ?selected=${optionValue === value}>${text}</option>`)}
        </select>
      </label>`;
    if (insert.kind === 'reverb') {
      return html`<fieldset>
        <legend>${t('mixer.reverb.title')}</legend>
        ${slider(t('mixer.reverb.decay'), insert.decaySeconds, parameterRanges.reverbDecaySeconds, (value) => emit('decaySeconds', value))}
        ${slider(t('mixer.reverb.damping'), insert.damping, parameterRanges.reverbDamping, (value) => emit('damping', value))}
        ${slider(t('mixer.reverb.size'), insert.size, parameterRanges.reverbSize, (value) => emit('size', value))}
        ${slider(t('mixer.reverb.preDelay'), insert.preDelaySeconds, parameterRanges.reverbPreDelaySeconds, (value) => emit('preDelaySeconds', value))}
        ${slider(t('mixer.reverb.mix'), insert.mix, parameterRanges.reverbMix, (value) => emit('mix', value))}
      </fieldset>`;
    }
    const modifiers: ReadonlyArray<readonly [string, string]> = [
      ['straight', t('mixer.delay.straight')],
      ['dotted', t('mixer.delay.dotted')],
      ['triplet', t('mixer.delay.triplet')],
    ];
    return html`<fieldset>
      <legend>${t('mixer.delay.title')}</legend>
      ${checkbox(t('mixer.delay.tempoSync'), insert.tempoSync, (checked) => emit('tempoSync', checked))}
      ${insert.tempoSync
        ? html`${select(
            t('mixer.delay.division'),
            insert.division,
            divisions.map((division) => [division, division] as const),
            (value) => emit('division', value),
          )}
          ${select(t('mixer.delay.modifier'), insert.modifier, modifiers, (value) => emit('modifier', value))}`
        : slider(t('mixer.delay.time'), insert.timeSeconds, parameterRanges.delayTimeSeconds, (value) => emit('timeSeconds', value))}
      ${slider(t('mixer.delay.feedback'), insert.feedback, parameterRanges.delayFeedback, (value) => emit('feedback', value))}
      ${slider(t('mixer.delay.lowCut'), insert.lowCutHz, parameterRanges.delayLowCutHz, (value) => emit('lowCutHz', value))}
      ${slider(t('mixer.delay.highCut'), insert.highCutHz, parameterRanges.delayHighCutHz, (value) => emit('highCutHz', value))}
      ${checkbox(t('mixer.delay.pingPong'), insert.pingPong, (checked) => emit('pingPong', checked))}
      ${slider(t('mixer.delay.mix'), insert.mix, parameterRanges.delayMix, (value) => emit('mix', value))}
    </fieldset>`;
  }

  #emitSend(send: SendView, field: SendField, value: number | boolean): void {
    const detail: SendChange = { sourceId: this.stripId, targetBusId: send.targetBusId, field, value };
    this.dispatchEvent(new CustomEvent<SendChange>('cs-send-change', { detail, bubbles: true, composed: true }));
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
