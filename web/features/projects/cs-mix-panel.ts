import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type * as Y from 'yjs';
import type { Mix } from '../../../shared/mix/mix-document.ts';
import type { Track } from '../../../shared/mix/mix-entities.ts';
import { orderKeyBetween, sortByOrder } from '../../../shared/mix/order-key.ts';
import { parameterRanges } from '../../../shared/mix/parameter-ranges.ts';
import { addMixEntity, readMix, setMixField } from '../../../shared/project/project-document.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import type { ProjectSession } from './project-session.ts';
import { RemoteSmoother } from './remote-smoothing.ts';

/** Where parameter changes go to be heard: `web/audio/mix-engine.ts`'s MixEngine fits (its `setMix`). */
export interface MixSink {
  setMix(mix: Mix): void;
}

const TRACK_COLOURS = ['#7c4dff', '#00a3a3', '#e0527a', '#f29d38', '#3f8cff', '#5bb450'] as const;

/**
 * The project's mix as channel strips: fader (dB), pan, mute and solo per track, and "Add track".
 * Reads and writes the song document only through the shared/project accessors. A collaborator's
 * change glides the control to its new value (RemoteSmoother) rather than jumping; this person's own
 * moves are shown at once and are one undo step each.
 */
export class CsMixPanel extends LitElement {
  static override properties = {
    session: { attribute: false },
    readOnly: { type: Boolean, attribute: 'read-only' },
    mixSink: { attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }

      .strips {
        display: grid;
        gap: var(--cs-space-3, 0.75rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .strip {
        display: grid;
        grid-template-columns: auto 1fr;
        align-items: center;
        gap: var(--cs-space-2, 0.5rem) var(--cs-space-3, 0.75rem);
        padding: var(--cs-space-3, 0.75rem);
        border: 1px solid var(--cs-color-border, #dedbe9);
        border-left: 4px solid var(--cs-track-colour, #7c4dff);
        border-radius: var(--cs-radius, 12px);
        background: var(--cs-color-surface, #fff);
      }

      .strip-name {
        grid-column: 1 / -1;
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--cs-space-2, 0.5rem);
        font-weight: 650;
        min-width: 0;
      }

      .strip-name span {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }

      .toggles {
        display: flex;
        gap: var(--cs-space-1, 0.25rem);
      }

      .toggle {
        min-width: 44px;
        min-height: 36px;
        padding: 0 0.6rem;
        border: 1px solid var(--cs-color-border, #dedbe9);
        border-radius: var(--cs-radius-sm, 8px);
        background: var(--cs-color-surface, #fff);
        color: var(--cs-color-text, #17151f);
        font: inherit;
        font-size: 0.85rem;
        font-weight: 700;
        cursor: pointer;
      }

      .toggle[aria-pressed='true'].mute {
        background: var(--cs-color-warning, #8a5300);
        border-color: var(--cs-color-warning, #8a5300);
        color: var(--cs-color-surface, #fff);
      }

      .toggle[aria-pressed='true'].solo {
        background: var(--cs-color-success, #067647);
        border-color: var(--cs-color-success, #067647);
        color: var(--cs-color-surface, #fff);
      }

      .toggle[disabled] {
        cursor: not-allowed;
        opacity: 0.6;
      }

      label {
        font-size: 0.85rem;
        color: var(--cs-color-text-muted, #5b5868);
        min-width: 2.5rem;
      }

      .control {
        display: grid;
        grid-template-columns: 1fr 4.75rem;
        align-items: center;
        gap: var(--cs-space-2, 0.5rem);
        min-width: 0;
      }

      input[type='range'] {
        width: 100%;
        min-width: 0;
        min-height: 32px;
        accent-color: var(--cs-track-colour, var(--cs-color-accent, #6b2fd6));
      }

      output {
        font-variant-numeric: tabular-nums;
        font-size: 0.85rem;
        text-align: end;
        white-space: nowrap;
      }

      .empty {
        padding: var(--cs-space-4, 1rem);
        border: 1px dashed var(--cs-color-border, #dedbe9);
        border-radius: var(--cs-radius, 12px);
        color: var(--cs-color-text-muted, #5b5868);
        text-align: center;
      }

      .add {
        margin-top: var(--cs-space-3, 0.75rem);
      }
    `,
  ];

  declare session: ProjectSession | null;
  declare readOnly: boolean;
  /** Optional: the audio engine to feed (left unset while no engine is running for this page). */
  declare mixSink: MixSink | null;

  readonly #i18n = new LocaleController(this);
  #mix: Mix | null = null;
  #observed: Y.Doc | null = null;
  readonly #smoother = new RemoteSmoother({
    scheduler: {
      now: () => performance.now(),
      request: (callback) => requestAnimationFrame(callback),
      cancel: (handle) => cancelAnimationFrame(handle),
    },
    onFrame: () => this.requestUpdate(),
  });

  constructor() {
    super();
    this.session = null;
    this.readOnly = false;
    this.mixSink = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unobserve();
    this.#smoother.dispose();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.session && !this.#observed) this.#observe(this.session.doc);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) {
      this.#unobserve();
      if (this.session) this.#observe(this.session.doc);
    }
    if (changed.has('mixSink') && this.#mix) this.mixSink?.setMix(this.#mix);
  }

  protected override updated(): void {
    // Colours go through the CSSOM: a style attribute (styleMap's first render) is blocked by the CSP.
    for (const strip of this.renderRoot.querySelectorAll<HTMLElement>('li[data-colour]')) {
      strip.style.setProperty('--cs-track-colour', strip.dataset['colour'] ?? '');
    }
  }

  override render() {
    if (!this.#i18n.available || !this.#mix) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const tracks = sortByOrder(Object.values(this.#mix.tracks));
    return html`${tracks.length === 0
        ? html`<p class="empty">${t('projects.mix.empty')}</p>`
        : html`<ul class="strips">
            ${tracks.map((track) => this.#renderStrip(track))}
          </ul>`}
      ${this.readOnly
        ? nothing
        : html`<button class="button secondary add" type="button" @click=${this.#addTrack}>${t('projects.mix.addTrack')}</button>`}`;
  }

  #renderStrip(track: Track) {
    const i18n = this.#i18n;
    const t = (id: string, values?: Record<string, unknown>): string => i18n.t(id, values);
    const fader = this.#smoother.value(`${track.id}.faderDb`, track.faderDb);
    const pan = this.#smoother.value(`${track.id}.pan`, track.pan);
    const faderRange = parameterRanges.faderDb;
    return html`<li class="strip" data-track=${track.id} data-colour=${track.colour}>
      <div class="strip-name">
        <span>${track.name}</span>
        <div class="toggles">
          <button
            class="toggle mute"
            type="button"
            aria-pressed=${track.mute ? 'true' : 'false'}
            aria-label=${t('projects.mix.muteTrack', { name: track.name })}
            ?disabled=${this.readOnly}
            @click=${() => this.#set(track.id, 'mute', !track.mute)}
          >
            ${t('projects.mix.mute')}
          </button>
          <button
            class="toggle solo"
            type="button"
            aria-pressed=${track.solo ? 'true' : 'false'}
            aria-label=${t('projects.mix.soloTrack', { name: track.name })}
            ?disabled=${this.readOnly}
            @click=${() => this.#set(track.id, 'solo', !track.solo)}
          >
            ${t('projects.mix.solo')}
          </button>
        </div>
      </div>
      <label for="fader-${track.id}">${t('projects.mix.fader')}</label>
      <div class="control">
        <input
          id="fader-${track.id}"
          class="fader"
          type="range"
          min=${faderRange.min}
          max=${faderRange.max}
          step="0.5"
          .value=${String(fader)}
          aria-valuetext=${t('projects.mix.decibels', { value: this.#formatDb(fader) })}
          ?disabled=${this.readOnly}
          @input=${(event: Event) => this.#slide(track.id, 'faderDb', event)}
        />
        <output for="fader-${track.id}">${t('projects.mix.decibels', { value: this.#formatDb(fader) })}</output>
      </div>
      <label for="pan-${track.id}">${t('projects.mix.pan')}</label>
      <div class="control">
        <input
          id="pan-${track.id}"
          class="pan"
          type="range"
          min="-1"
          max="1"
          step="0.02"
          .value=${String(pan)}
          aria-valuetext=${this.#panText(pan)}
          ?disabled=${this.readOnly}
          @input=${(event: Event) => this.#slide(track.id, 'pan', event)}
        />
        <output for="pan-${track.id}">${this.#panText(pan)}</output>
      </div>
    </li>`;
  }

  #formatDb(value: number): string {
    if (value <= parameterRanges.faderDb.min) return '−∞';
    return new Intl.NumberFormat(this.#i18n.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
  }

  #panText(pan: number): string {
    const amount = Math.round(Math.abs(pan) * 100);
    if (amount === 0) return this.#i18n.t('projects.mix.panCentre');
    return pan < 0 ? this.#i18n.t('projects.mix.panLeft', { amount }) : this.#i18n.t('projects.mix.panRight', { amount });
  }

  #slide(trackId: string, field: 'faderDb' | 'pan', event: Event): void {
    const value = Number((event.target as HTMLInputElement).value);
    this.#smoother.setLocal(`${trackId}.${field}`, value);
    this.#set(trackId, field, value);
  }

  #set(trackId: string, field: 'faderDb' | 'pan' | 'mute' | 'solo', value: number | boolean): void {
    const session = this.session;
    if (!session || this.readOnly) return;
    session.editMix(() => setMixField(session.doc, { collection: 'tracks', id: trackId }, field, value));
  }

  readonly #addTrack = (): void => {
    const session = this.session;
    if (!session || !this.#mix) return;
    const tracks = sortByOrder(Object.values(this.#mix.tracks));
    const number = tracks.length + 1;
    const id = crypto.randomUUID();
    session.editMix(() =>
      addMixEntity(session.doc, 'tracks', id, {
        name: this.#i18n.t('projects.mix.trackName', { number }),
        colour: TRACK_COLOURS[tracks.length % TRACK_COLOURS.length]!,
        order: orderKeyBetween(tracks.at(-1)?.order ?? null, null),
        faderDb: 0,
        pan: 0,
        mute: false,
        solo: false,
      }),
    );
  };

  #observe(doc: Y.Doc): void {
    this.#observed = doc;
    doc.on('update', this.#onUpdate);
    this.#read();
  }

  #unobserve(): void {
    this.#observed?.off('update', this.#onUpdate);
    this.#observed = null;
  }

  readonly #onUpdate = (): void => {
    this.#read();
  };

  /**
   * Re-reads the mix. Values that changed elsewhere (a collaborator, undo) glide to their target;
   * this person's own slider moves were already shown (`setLocal`), so their echo changes nothing.
   */
  #read(): void {
    const doc = this.#observed;
    if (!doc) return;
    const mix = readMix(doc).mix;
    for (const track of Object.values(mix.tracks)) {
      for (const field of ['faderDb', 'pan'] as const) {
        this.#smoother.setTarget(`${track.id}.${field}`, track[field]);
      }
    }
    this.#mix = mix;
    this.mixSink?.setMix(mix);
    this.requestUpdate();
  }
}

customElements.define('cs-mix-panel', CsMixPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cs-mix-panel': CsMixPanel;
  }
}
