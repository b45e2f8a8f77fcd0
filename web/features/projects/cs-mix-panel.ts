import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type * as Y from 'yjs';
import type { Mix } from '../../../shared/mix/mix-document.ts';
import type { Track } from '../../../shared/mix/mix-entities.ts';
import { orderKeyBetween, sortByOrder } from '../../../shared/mix/order-key.ts';
import { parameterRanges } from '../../../shared/mix/parameter-ranges.ts';
import { addMixEntity, readMix, setMixField } from '../../../shared/project/project-document.ts';
import type { ApiClient } from '../../api/api-client.ts';
import { apiContext } from '../../app/contexts.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { AnimationFrameController } from '../mixer/animation-frame-controller.ts';
import { ProjectAudio } from './project-audio.ts';
import { trackAudioStatus, TrackAudioStatus } from './project-audio-sources.ts';
import type { ProjectSession } from './project-session.ts';
import { RemoteSmoother } from './remote-smoothing.ts';

/** Where parameter changes go to be heard: `web/audio/mix-engine.ts`'s MixEngine fits (its `setMix`); the panel's own is `ProjectAudio`. */
export interface MixSink {
  setMix(mix: Mix): void;
}

/** The meters' floor (dB): silence and anything quieter read as this. */
const meterFloorDb = -60;

function meterDb(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(meterFloorDb, Math.min(0, value)) : meterFloorDb;
}

/** The note under a track, by its audio's status (none for audio that is there). */
const statusMessage: Record<TrackAudioStatus, string | null> = {
  [TrackAudioStatus.none]: messageId('projects.mix.audio.none'),
  [TrackAudioStatus.loading]: messageId('projects.mix.audio.loading'),
  [TrackAudioStatus.ready]: null,
  [TrackAudioStatus.holderOnly]: messageId('projects.mix.audio.holderOnly'),
  [TrackAudioStatus.offline]: messageId('projects.mix.audio.offline'),
  [TrackAudioStatus.failed]: messageId('projects.mix.audio.failed'),
};

const TRACK_COLOURS = ['#7c4dff', '#00a3a3', '#e0527a', '#f29d38', '#3f8cff', '#5bb450'] as const;

/**
 * The project's mix as channel strips: fader (dB), pan, mute and solo per track, and "Add track".
 * Reads and writes the song document only through the shared/project accessors. A collaborator's
 * change glides the control to its new value (RemoteSmoother) rather than jumping; this person's own
 * moves are shown at once and are one undo step each.
 *
 * Sound: the panel plays the mix through its own {@link ProjectAudio} (the /mixer console's
 * AudioWorklet engine, started by the Play button), and also feeds `mixSink` when a host sets one.
 * Each track says when it has no audio on this device (none yet, licence holder only, offline).
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

      .transport {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--cs-space-2, 0.5rem) var(--cs-space-3, 0.75rem);
        margin-bottom: var(--cs-space-3, 0.75rem);
      }

      .transport [role='timer'] {
        font-variant-numeric: tabular-nums;
        min-width: 4.5rem;
      }

      .transport meter,
      .strip meter {
        width: 8rem;
        max-width: 100%;
      }

      .strip-meter {
        grid-column: 1 / -1;
        display: flex;
      }

      .strip-meter meter {
        width: 100%;
      }

      .audio-note {
        grid-column: 1 / -1;
        margin: 0;
        font-size: 0.85rem;
        color: var(--cs-color-text-muted, #5b5868);
      }
    `,
  ];

  declare session: ProjectSession | null;
  declare readOnly: boolean;
  /** Optional: the audio engine to feed (left unset while no engine is running for this page). */
  declare mixSink: MixSink | null;

  readonly #i18n = new LocaleController(this);
  readonly #frames = new AnimationFrameController(this);
  #client: ApiClient | null = null;
  #audio: ProjectAudio | null = null;
  #playFailed = false;
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
    new ContextConsumer(this, { context: apiContext, subscribe: true, callback: (client) => (this.#client = client ?? null) });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unobserve();
    this.#smoother.dispose();
    this.#closeAudio();
    removeEventListener('online', this.#onOnline);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.#onOnline);
    if (this.session && !this.#observed) this.#observe(this.session.doc);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && this.session?.doc !== this.#observed) {
      this.#unobserve();
      // A new song gets a new engine: nothing of the previous one keeps playing.
      this.#closeAudio();
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
    return html`${this.#renderTransport(t)}${tracks.length === 0
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
      ${this.#renderAudio(track)}
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

  #renderTransport(t: (id: string, values?: Record<string, unknown>) => string) {
    const audio = this.#audio;
    if (typeof AudioWorkletNode === 'undefined') return html`<p class="audio-note">${t('projects.mix.audio.unsupported')}</p>`;
    const meters = audio?.readMeters() ?? null;
    const position = new Intl.NumberFormat(this.#i18n.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(meters?.transportSeconds ?? 0);
    const playing = audio?.playing ?? false;
    // What the engine reports (its own meter frame), for tests and tools: idle, stopped or playing.
    const engineState = !audio?.started ? 'idle' : meters?.playing ? 'playing' : 'stopped';
    return html`<div class="transport" role="group" aria-label=${t('projects.mix.transport')} data-engine=${engineState}>
      <button class="button" type="button" id="mix-play" aria-pressed=${playing ? 'true' : 'false'} @click=${this.#togglePlay}>
        ${playing ? t('projects.mix.pause') : t('projects.mix.play')}
      </button>
      <button class="button secondary" type="button" id="mix-stop" ?disabled=${!audio?.started} @click=${() => audio?.stop()}>${t('projects.mix.stop')}</button>
      <span role="timer" aria-label=${t('projects.mix.position')}>${t('projects.mix.seconds', { seconds: position })}</span>
      ${audio?.started
        ? html`<meter id="master-meter" min=${meterFloorDb} max="0" low="-18" high="-6" optimum="-30" .value=${meterDb(meters?.master.truePeakDb)} aria-label=${t('projects.mix.masterLevel')}></meter>`
        : nothing}
      ${this.#playFailed ? html`<p class="audio-note" role="alert">${t('projects.mix.audio.failed')}</p>` : nothing}
    </div>`;
  }

  #renderAudio(track: Track) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const audio = this.#audio;
    const status = trackAudioStatus(track, (licenceId) => audio?.licenceStatus(licenceId) ?? TrackAudioStatus.loading);
    const note = statusMessage[status];
    const strip = audio?.started ? audio.readMeters()?.strips.get(track.id) : undefined;
    return html`${note ? html`<p class="audio-note" data-audio-status=${status}>${t(note)}</p>` : nothing}
    ${audio?.started
      ? html`<div class="strip-meter">
          <meter min=${meterFloorDb} max="0" low="-18" high="-6" optimum="-30" .value=${meterDb(strip ? Math.max(...strip.peakDb) : undefined)} aria-label=${t('projects.mix.trackLevel', { name: track.name })}></meter>
        </div>`
      : nothing}`;
  }

  readonly #togglePlay = async (): Promise<void> => {
    const audio = this.#ensureAudio();
    try {
      await audio.togglePlay();
      this.#playFailed = false;
    } catch {
      // The worklet did not load or the context would not start: say so rather than stay silent.
      this.#playFailed = this.#audio === audio;
    }
    this.#frames.running = audio.playing;
    this.requestUpdate();
  };

  readonly #onOnline = (): void => {
    this.#audio?.retry();
  };

  readonly #onAudioChange = (): void => {
    this.#frames.running = this.#audio?.playing ?? false;
    this.requestUpdate();
  };

  #ensureAudio(): ProjectAudio {
    if (!this.#audio) {
      this.#audio = new ProjectAudio({ client: () => this.#client });
      this.#audio.addEventListener('change', this.#onAudioChange);
      if (this.#mix) this.#audio.setMix(this.#mix);
    }
    return this.#audio;
  }

  #closeAudio(): void {
    const audio = this.#audio;
    if (!audio) return;
    audio.removeEventListener('change', this.#onAudioChange);
    void audio.dispose();
    this.#audio = null;
    this.#frames.running = false;
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
    // Licensed beats start loading (from the device, else the network) as soon as a track names one.
    this.#ensureAudio().setMix(mix);
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
