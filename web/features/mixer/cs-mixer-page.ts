import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import type { ApiClient } from '../../api/api-client.ts';
import { apiContext, connectivityContext, sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import type { ExportResult } from '../../audio/export-mix.ts';
import { WavBitDepth } from '../../audio/wav-encoder.ts';
import { masterId, type Insert } from '../../../shared/mix/mix-entities.ts';
import type { MeterReading } from '../../../shared/mix/engine/meter-layout.ts';
import { AnimationFrameController } from './animation-frame-controller.ts';
import './cs-channel-strip.ts';
import type { InsertChange, SendChange, SendView, StripChange } from './cs-channel-strip.ts';
import './cs-preset-dialog.ts';
import type { StripChoice } from './cs-preset-dialog.ts';
import { fetchLicensedBeatAudio, NoLicensedAudioError } from './licensed-beat-audio.ts';
import { MixerSession } from './mixer-session.ts';
import { createDexiePresetCache } from './preset-cache.ts';
import { PresetCatalogue } from './preset-catalogue.ts';
import { PresetsApi } from './presets-api.ts';
import { absentSend, effectReturns, findSend } from './strip-controls.ts';

const demoTrackNames = [messageId('mixer.demo.kick'), messageId('mixer.demo.hats'), messageId('mixer.demo.bass'), messageId('mixer.demo.pad'), messageId('mixer.demo.lead')];
const busNames: Record<string, string> = {
  'bus-rhythm': messageId('mixer.bus.rhythm'),
  'bus-reverb': messageId('mixer.bus.reverb'),
  'bus-delay': messageId('mixer.bus.delay'),
};

const ExportState = { idle: 'idle', working: 'working', done: 'done', failed: 'failed' } as const;
type ExportState = (typeof ExportState)[keyof typeof ExportState];

/** Progress of adding files from the device, shown in the channels section's status line. */
type ImportStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'working' | 'done'; readonly file: string }
  | { readonly state: 'failed'; readonly file: string; readonly reason: string };

interface Download {
  readonly fileName: string;
  readonly url: string;
}

/** A licensed beat to open, from `/mixer?licence=<id>&name=<beat title>` (the project page links here). */
function licenceFromUrl(): { id: string; name: string } | null {
  const parameters = new URLSearchParams(location.search);
  const id = parameters.get('licence');
  if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  return { id, name: (parameters.get('name') ?? '').trim().slice(0, 60) };
}

/**
 * The Mixmaster1 console: transport, one strip per track and bus, the
 * master's loudness meters and spectrum, and WAV export (mastering, stems).
 * Plays a demo song synthesised in code; audio files from the device, and a
 * licensed beat named in the URL, are added as new tracks. Presets from the
 * catalogue go on a strip or the master (cs-preset-dialog).
 */
export class CsMixerPage extends LitElement {
  static override properties = {
    exportState: { state: true },
    importStatus: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    css`
      .strips {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
        gap: var(--cs-space-3, 0.75rem);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--cs-space-3, 0.75rem);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem var(--cs-space-3, 0.75rem);
        margin: 0;
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      canvas {
        inline-size: 100%;
        block-size: 6rem;
        border-radius: var(--cs-radius, 0.5rem);
        /* A token that global.css switches in dark mode, so the spectrum never sits on a light panel there. */
        background: var(--cs-color-surface-muted, #efedf7);
      }
      form {
        display: grid;
        gap: var(--cs-space-3, 0.75rem);
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: var(--cs-space-2, 0.5rem);
      }
      input[type='number'] {
        inline-size: 5rem;
      }
      .import {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        margin-block-end: var(--cs-space-3, 0.75rem);
      }
      .import p {
        margin: 0;
      }
      .import input:focus-visible + label {
        outline: 3px solid var(--cs-color-focus, #6b2fd6);
        outline-offset: 2px;
      }
      .heading-row {
        justify-content: space-between;
      }
      .heading-row h2 {
        margin: 0;
      }
      .hint {
        color: var(--cs-color-text-muted, #5c5870);
        font-size: 0.875rem;
      }
      ul {
        margin: 0;
        padding-inline-start: 1.25rem;
      }
    `,
  ];

  readonly #i18n = new LocaleController(this);
  readonly #frames = new AnimationFrameController(this);
  readonly #user = new ServiceController(this, sessionContext);
  readonly #connectivity = new ServiceController(this, connectivityContext);
  #client: ApiClient | null = null;
  #catalogue: PresetCatalogue | null = null;
  readonly #licence = licenceFromUrl();
  #licenceAdded = false;
  #session: MixerSession | null = null;
  declare exportState: ExportState;
  declare importStatus: ImportStatus;
  #exportResult: ExportResult | null = null;
  #exportError = '';
  #downloads: Download[] = [];

  constructor() {
    super();
    this.exportState = ExportState.idle;
    this.importStatus = { state: 'idle' };
    new ContextConsumer(this, {
      context: apiContext,
      callback: (client) => {
        this.#client = client;
        this.#catalogue = new PresetCatalogue({ api: new PresetsApi(client), cache: createDexiePresetCache() });
        this.requestUpdate();
      },
    });
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    void this.#session?.close();
    this.#revokeDownloads();
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    this.#session ??= this.#createSession(t);
    const session = this.#session;
    const meters = session.readMeters();
    this.#frames.running = session.playing;
    const supported = typeof AudioWorkletNode !== 'undefined';
    return html`<div class="page">
      <header class="page-header">
        <h1 tabindex="-1">${t('mixer.title')}</h1>
        <p>${t('mixer.lead')}</p>
      </header>
      ${supported ? nothing : html`<p class="card" role="alert">${t('mixer.unsupported')}</p>`}
      ${this.#renderTransport(t, session, meters)}
      <section class="card" aria-labelledby="strips-heading">
        <div class="row heading-row">
          <h2 id="strips-heading">${t('mixer.strips.title')}</h2>
          <button class="button secondary" type="button" id="open-presets" aria-haspopup="dialog" @click=${this.#openPresets}>${t('mixer.presets.open')}</button>
        </div>
        ${this.#renderImport(t)}
        <div class="strips" @cs-strip-change=${this.#onStripChange} @cs-send-change=${this.#onSendChange} @cs-insert-change=${this.#onInsertChange}>${this.#renderStrips(t, session, meters)}</div>
      </section>
      ${this.#renderMaster(t, meters)} ${this.#renderExport(t, session)}
      <cs-preset-dialog
        .session=${session}
        .catalogue=${this.#catalogue}
        .strips=${this.#stripChoices(t, session)}
        .userId=${this.#user.available ? (this.#user.value.user?.id ?? null) : null}
        .online=${this.#connectivity.available ? this.#connectivity.value.online : navigator.onLine}
      ></cs-preset-dialog>
    </div>`;
  }

  /** Tracks and buses by their console names, in console order (presets' targets). */
  #stripChoices(t: (id: string) => string, session: MixerSession): StripChoice[] {
    const mix = session.mix;
    const byOrder = <T extends { order: string; id: string }>(a: T, b: T) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1);
    return [
      ...Object.values(mix.tracks).sort(byOrder).map((track) => ({ id: track.id, name: track.name })),
      ...Object.values(mix.buses).sort(byOrder).map((bus) => ({ id: bus.id, name: busNames[bus.id] ? t(busNames[bus.id]!) : bus.name })),
    ];
  }

  readonly #openPresets = (event: Event): void => {
    void this.renderRoot.querySelector('cs-preset-dialog')?.show(event.currentTarget as HTMLElement);
  };

  /** Adds the licensed beat named in the URL as a track, fetched through the licence's signed links. */
  readonly #addLicensedBeat = async (): Promise<void> => {
    const licence = this.#licence;
    const session = this.#session;
    if (!licence || !session || !this.#client) return;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const name = licence.name || t('mixer.licence.fallbackName');
    this.importStatus = { state: 'working', file: name };
    try {
      const audio = await fetchLicensedBeatAudio(this.#client, licence.id);
      await session.addAudio(audio.bytes, `${name}.${audio.file}`);
      this.#licenceAdded = true;
      this.importStatus = { state: 'done', file: name };
    } catch (error) {
      const reason = error instanceof NoLicensedAudioError ? t('mixer.licence.noAudio') : error instanceof DOMException ? error.message : errorMessage(error, (id) => this.#i18n.t(id));
      this.importStatus = { state: 'failed', file: name, reason };
    }
  };

  override updated(): void {
    const meters = this.#session?.readMeters();
    const canvas = this.renderRoot.querySelector('canvas');
    if (meters && canvas) drawSpectrum(canvas, meters.spectrumDb, getComputedStyle(this).color);
  }

  #createSession(t: (id: string) => string): MixerSession {
    const session = new MixerSession(demoTrackNames.map((id) => t(id)));
    session.addEventListener('change', () => this.requestUpdate());
    return session;
  }

  #renderTransport(t: (id: string, values?: Record<string, unknown>) => string, session: MixerSession, meters: MeterReading | null) {
    const seconds = meters?.transportSeconds ?? 0;
    const position = new Intl.NumberFormat(this.#i18n.value.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(seconds);
    return html`<section class="card" aria-labelledby="transport-heading">
      <h2 id="transport-heading">${t('mixer.transport.title')}</h2>
      <div class="row">
        <button class="button" type="button" @click=${() => void session.togglePlay()}>${session.playing ? t('mixer.transport.pause') : t('mixer.transport.play')}</button>
        <button class="button secondary" type="button" @click=${() => session.stop()}>${t('mixer.transport.stop')}</button>
        <label><input type="checkbox" .checked=${session.looping} @change=${(event: Event) => session.setLooping((event.target as HTMLInputElement).checked)} />${t('mixer.transport.loop')}</label>
        <label><input type="checkbox" .checked=${session.metronome} @change=${(event: Event) => session.setMetronome((event.target as HTMLInputElement).checked)} />${t('mixer.transport.metronome')}</label>
        <label
          >${t('mixer.transport.tempo')}
          <input type="number" min="20" max="300" step="1" .value=${String(session.tempoBpm)} @change=${(event: Event) => session.setTempo(Number((event.target as HTMLInputElement).value))}
        /></label>
        <span role="timer" aria-label=${t('mixer.transport.position')}>${t('mixer.transport.seconds', { seconds: position })}</span>
      </div>
    </section>`;
  }

  #renderStrips(t: (id: string) => string, session: MixerSession, meters: MeterReading | null) {
    const mix = session.mix;
    const byOrder = <T extends { order: string; id: string }>(a: T, b: T) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1);
    const peak = (id: string) => {
      const strip = meters?.strips.get(id);
      return strip ? Math.max(strip.peakDb[0], strip.peakDb[1]) : -Infinity;
    };
    const tracks = Object.values(mix.tracks).sort(byOrder);
    const buses = Object.values(mix.buses).sort(byOrder);
    const busName = (id: string) => (busNames[id] ? t(busNames[id]) : (mix.buses[id]?.name ?? id));
    const returns = Object.values(effectReturns(mix.inserts)).filter((insert): insert is Insert => insert !== undefined && mix.buses[insert.ownerId] !== undefined);
    const returnIds = new Set(returns.map((insert) => insert.ownerId));
    const insertOf = (id: string) => returns.find((insert) => insert.ownerId === id) ?? null;
    // Every track and group bus sends to each effect return; the returns themselves do not (no feedback loops).
    const sends = (sourceId: string): SendView[] =>
      returnIds.has(sourceId)
        ? []
        : [...returnIds].map((targetBusId) => {
            const send = findSend(mix.sends, sourceId, targetBusId) ?? absentSend;
            return { targetBusId, busName: busName(targetBusId), levelDb: send.levelDb, preFader: send.preFader };
          });
    return html`${tracks.map(
      (track) =>
        html`<cs-channel-strip
          strip-id=${track.id}
          .name=${track.name}
          .faderDb=${track.faderDb}
          .pan=${track.pan}
          .mute=${track.mute}
          .solo=${track.solo}
          can-solo
          .peakDb=${peak(track.id)}
          .settings=${track}
          .sends=${sends(track.id)}
        ></cs-channel-strip>`,
    )}
    ${buses.map(
      (bus) =>
        html`<cs-channel-strip
          strip-id=${bus.id}
          .name=${busName(bus.id)}
          .faderDb=${bus.faderDb}
          .pan=${bus.pan}
          .mute=${bus.mute}
          .peakDb=${peak(bus.id)}
          .settings=${bus}
          .sends=${sends(bus.id)}
          .insert=${insertOf(bus.id)}
        ></cs-channel-strip>`,
    )}
    <cs-channel-strip
      strip-id=${masterId}
      .name=${t('mixer.master.title')}
      .faderDb=${mix.master.faderDb}
      .pan=${mix.master.pan}
      .mute=${mix.master.mute}
      .peakDb=${peak(masterId)}
      .settings=${mix.master}
    ></cs-channel-strip>`;
  }

  #renderImport(t: (id: string, values?: Record<string, unknown>) => string) {
    const status = this.importStatus;
    // The native file control's button is worded by the browser, not our catalog: it is hidden and its label is the button.
    return html`<div class="import">
      <div>
        <input
          id="import-file"
          class="visually-hidden"
          type="file"
          accept="audio/*,.wav,.mp3,.ogg,.oga,.flac,.m4a,.aac,.opus,.webm"
          multiple
          aria-describedby="import-hint"
          @change=${this.#onImport}
        />
        <label for="import-file" class="button secondary">${t('mixer.import.add')}</label>
        ${this.#licence && !this.#licenceAdded
          ? this.#user.available && this.#user.value.user
            ? html`<button class="button" type="button" id="add-licensed-beat" ?disabled=${status.state === 'working'} @click=${this.#addLicensedBeat}>
                ${t('mixer.licence.add', { name: this.#licence.name || t('mixer.licence.fallbackName') })}
              </button>`
            : html`<span class="hint">${t('mixer.licence.signIn')}</span>`
          : nothing}
      </div>
      <p id="import-hint" class="hint">${t('mixer.import.hint')}</p>
      <p role="status">
        ${status.state === 'working'
          ? t('mixer.import.working', { file: status.file })
          : status.state === 'done'
            ? t('mixer.import.done', { file: status.file })
            : status.state === 'failed'
              ? t('mixer.import.failed', { file: status.file, reason: status.reason })
              : ''}
      </p>
    </div>`;
  }

  #renderMaster(t: (id: string, values?: Record<string, unknown>) => string, meters: MeterReading | null) {
    const number = new Intl.NumberFormat(this.#i18n.value.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const lufs = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? t('mixer.master.lufs', { value: number.format(value) }) : t('mixer.meter.none'));
    const dbtp = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? t('mixer.master.dbtp', { value: number.format(value) }) : t('mixer.meter.none'));
    return html`<section class="card" aria-labelledby="master-heading">
      <h2 id="master-heading">${t('mixer.master.loudness')}</h2>
      <dl>
        <dt>${t('mixer.master.momentary')}</dt>
        <dd>${lufs(meters?.master.momentaryLufs)}</dd>
        <dt>${t('mixer.master.shortTerm')}</dt>
        <dd>${lufs(meters?.master.shortTermLufs)}</dd>
        <dt>${t('mixer.master.integrated')}</dt>
        <dd>${lufs(meters?.master.integratedLufs)}</dd>
        <dt>${t('mixer.master.truePeak')}</dt>
        <dd>${dbtp(meters?.master.truePeakMaxDb)}</dd>
      </dl>
      <canvas width="620" height="96" role="img" aria-label=${t('mixer.master.spectrum')}></canvas>
    </section>`;
  }

  #renderExport(t: (id: string, values?: Record<string, unknown>) => string, session: MixerSession) {
    const working = this.exportState === ExportState.working;
    const number = new Intl.NumberFormat(this.#i18n.value.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const result = this.#exportResult;
    return html`<section class="card" aria-labelledby="export-heading">
      <h2 id="export-heading">${t('mixer.export.title')}</h2>
      <form @submit=${this.#onExport}>
        <div class="row">
          <label
            >${t('mixer.export.sampleRate')}
            <select name="sampleRate">
              <option value="48000">${t('mixer.export.sampleRateValue', { rate: number.format(48) })}</option>
              <option value="44100">${t('mixer.export.sampleRateValue', { rate: number.format(44.1) })}</option>
            </select></label
          >
          <label
            >${t('mixer.export.bitDepth')}
            <select name="bitDepth">
              <option value="24">${t('mixer.export.bitDepthValue', { bits: 24 })}</option>
              <option value="16">${t('mixer.export.bitDepthValue', { bits: 16 })}</option>
            </select></label
          >
        </div>
        <div class="row">
          <label><input type="checkbox" name="master" checked />${t('mixer.export.master')}</label>
          <label>${t('mixer.export.target')} <input type="number" name="target" min="-30" max="-5" step="0.5" .value=${String(session.masteringTargetLufs)}
            @change=${(event: Event) => session.setMasteringTarget(Number((event.target as HTMLInputElement).value))}
          /></label>
          <label><input type="checkbox" name="stems" />${t('mixer.export.stems')}</label>
        </div>
        <div class="row">
          <button class="button" type="submit" ?disabled=${working}>${working ? t('mixer.export.working') : t('mixer.export.start')}</button>
        </div>
        <p role="status">
          ${this.exportState === ExportState.done && result
            ? t('mixer.export.done', { loudness: number.format(result.mix.loudness.integrated), peak: number.format(result.mix.loudness.truePeak) })
            : this.exportState === ExportState.failed
              ? t('mixer.export.failed', { reason: this.#exportError })
              : ''}
        </p>
        ${this.#downloads.length > 0
          ? html`<ul>
              ${this.#downloads.map((file) => html`<li><a href=${file.url} download=${file.fileName}>${t('mixer.export.download', { file: file.fileName })}</a></li>`)}
            </ul>`
          : nothing}
      </form>
    </section>`;
  }

  /** Adds each chosen file in turn; a file that cannot be decoded is reported and the rest still added. */
  async #onImport(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Cleared, so choosing the same file again still fires `change`.
    input.value = '';
    const session = this.#session;
    if (!session) return;
    for (const file of files) {
      this.importStatus = { state: 'working', file: file.name };
      try {
        await session.addAudioFile(file);
        this.importStatus = { state: 'done', file: file.name };
      } catch (error) {
        // An undecodable file is the user's to fix, not a fault: the status line says which file and why.
        this.importStatus = { state: 'failed', file: file.name, reason: error instanceof Error ? error.message : String(error) };
      }
    }
  }

  #onStripChange(event: CustomEvent<StripChange>): void {
    this.#session?.setStrip(event.detail.id, event.detail.field, event.detail.value);
  }

  #onSendChange(event: CustomEvent<SendChange>): void {
    this.#session?.setSend(event.detail.sourceId, event.detail.targetBusId, event.detail.field, event.detail.value);
  }

  #onInsertChange(event: CustomEvent<InsertChange>): void {
    this.#session?.setInsert(event.detail.id, event.detail.field, event.detail.value);
  }

  async #onExport(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const session = this.#session;
    if (!session || this.exportState === ExportState.working) return;
    const form = new FormData(event.target as HTMLFormElement);
    this.exportState = ExportState.working;
    this.#revokeDownloads();
    try {
      const result = await session.export({
        sampleRate: form.get('sampleRate') === '44100' ? 44100 : 48000,
        bitDepth: form.get('bitDepth') === '16' ? WavBitDepth.sixteen : WavBitDepth.twentyFour,
        mastering: form.get('master') ? { integratedLufs: Number(form.get('target')), truePeakDbtp: -1 } : null,
        stems: form.get('stems') !== null,
      });
      this.#exportResult = result;
      this.#downloads = [result.mix, ...result.stems].map((file) => ({ fileName: file.fileName, url: URL.createObjectURL(new Blob([file.wav], { type: 'audio/wav' })) }));
      this.exportState = ExportState.done;
    } catch (error) {
      this.#exportError = error instanceof Error ? error.message : String(error);
      this.exportState = ExportState.failed;
      // The status line shows it; keep it in the console with its stack too.
      console.error('Export failed', error);
    }
  }

  #revokeDownloads(): void {
    for (const file of this.#downloads) URL.revokeObjectURL(file.url);
    this.#downloads = [];
  }
}

/** Bars for the analyser's log bands, -90…0 dB. */
function drawSpectrum(canvas: HTMLCanvasElement, bandsDb: Float32Array, colour: string): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const { width, height } = canvas;
  context.clearRect(0, 0, width, height);
  context.fillStyle = colour;
  const barWidth = width / bandsDb.length;
  bandsDb.forEach((levelDb, band) => {
    const level = Number.isFinite(levelDb) ? Math.min(1, Math.max(0, (levelDb + 90) / 90)) : 0;
    context.fillRect(band * barWidth + 1, height * (1 - level), barWidth - 2, height * level);
  });
}

customElements.define('cs-mixer-page', CsMixerPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-mixer-page': CsMixerPage;
  }
}
