import { css, html, LitElement, nothing } from 'lit';
import type { DownloadLink, Licence } from '../../../shared/schemas/commerce.ts';
import { ApiError } from '../../api/api-error.ts';
import { connectivityContext, sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { ApiController } from '../marketplace/api-controller.ts';
import { formatPrice } from '../marketplace/beat-labels.ts';
import { previewUrl } from '../marketplace/beats-api.ts';
import { fetchLicensedBeatAudio } from '../mixer/licensed-beat-audio.ts';
import { CommerceApi } from '../marketplace/commerce-api.ts';
import { capLines, fileLabel, tierLabel } from '../marketplace/licence-labels.ts';
import { marketplaceStyles } from '../marketplace/marketplace-styles.ts';
import { navigate } from '../marketplace/navigation.ts';
import type { Track } from '../marketplace/player-queue.ts';
import { PlayerController } from '../marketplace/shared-player.ts';
import { ProjectsApi } from '../projects/projects-api.ts';
import { createDexieLibraryStore, type LibraryStore } from './library-store.ts';
import './cs-orders-panel.ts';
import { saveBlob } from '../../ui/save-blob.ts';

/**
 * /library: what the user bought. Every licence with its terms, fresh signed links to its files,
 * the contract PDF, and the beat's audio saved on the device so it plays with no connection. The
 * list itself is saved too, so the library opens offline.
 */
export class CsLibraryPage extends LitElement {
  static override properties = {
    licences: { state: true },
    saved: { state: true },
    links: { state: true },
    loading: { state: true },
    offline: { state: true },
    busy: { state: true },
    error: { state: true },
    status: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    marketplaceStyles,
    css`
      :host {
        --cs-page-width: 56rem;
      }

      .licences {
        display: grid;
        gap: var(--cs-space-4, 1rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .licence {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: var(--cs-space-3, 0.75rem) var(--cs-space-4, 1rem);
        align-items: start;
      }

      .licence.revoked {
        grid-template-columns: minmax(0, 1fr);
      }

      .licence .body {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        min-width: 0;
      }

      .licence h2 a {
        color: inherit;
        text-decoration: none;
      }

      .licence h2 a:hover {
        text-decoration: underline;
      }

      .terms {
        margin: 0;
        padding-inline-start: 1.1rem;
        font-size: 0.9rem;
        color: var(--cs-color-text-muted, #5b5868);
      }

      summary {
        cursor: pointer;
        font-weight: 600;
        min-height: 32px;
      }
    `,
  ];

  declare licences: Licence[];
  declare saved: Set<string>;
  declare links: Record<string, DownloadLink[]>;
  declare loading: boolean;
  declare offline: boolean;
  declare busy: string | null;
  declare error: string;
  declare status: string;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #connectivity = new ServiceController(this, connectivityContext);
  readonly #api = new ApiController(this, (client) => new CommerceApi(client));
  readonly #client = new ApiController(this, (client) => client);
  readonly #player = new PlayerController(this);
  readonly #store: LibraryStore = createDexieLibraryStore();
  /**
   * Object URLs of saved audio, one per beat for the page's life. They are not revoked on leaving:
   * the shared player may still be playing one, and there is one small blob per purchase.
   */
  readonly #objectUrls = new Map<string, string>();
  #loadedFor: string | null = null;

  constructor() {
    super();
    this.licences = [];
    this.saved = new Set();
    this.links = {};
    this.loading = true;
    this.offline = false;
    this.busy = null;
    this.error = '';
    this.status = '';
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
  }

  readonly #onOnline = (): void => {
    if (this.offline) {
      this.#loadedFor = null;
      this.requestUpdate();
      void this.renderRoot.querySelector('cs-orders-panel')?.reload();
    }
  };

  protected override willUpdate(): void {
    const userId = this.#session.available ? (this.#session.value.user?.id ?? null) : null;
    if (userId && this.#api.available && this.#loadedFor !== userId) {
      this.#loadedFor = userId;
      void this.#load(userId);
    }
  }

  async #load(userId: string): Promise<void> {
    this.loading = true;
    this.error = '';
    const cached = await this.#store.loadLicences(userId).catch(() => null);
    if (cached) this.licences = cached;
    this.saved = new Set(await this.#store.savedAudioIds().catch(() => []));
    try {
      const fresh = (await this.#api.value.myLicences()).licences.filter((licence) => licence.role === 'buyer');
      this.licences = fresh;
      this.offline = false;
      await this.#store.saveLicences(userId, fresh).catch((error: unknown) => console.warn(error));
      await this.#dropRevokedAudio(fresh).catch((error: unknown) => console.warn(error));
    } catch (error) {
      const networkDown = error instanceof ApiError && error.isNetworkError;
      this.offline = networkDown && cached !== null;
      if (!this.offline) this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.loading = false;
    }
  }

  override render() {
    if (!this.#i18n.available || !this.#connectivity.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    return html`<div class="page">
      <header class="page-header">
        <h1 tabindex="-1">${t('library.title')}</h1>
        <p class="lead">${t('library.lead')}</p>
      </header>
      <div class="live" role="status" aria-live="polite">
        ${this.offline ? html`<p class="notice warning">${t('library.offline')}</p>` : nothing}
        ${this.status ? html`<p class="notice success">${this.status}</p>` : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      <section aria-busy=${this.loading ? 'true' : 'false'} aria-label=${t('library.listLabel')}>
        ${this.licences.length
          ? html`<ul class="licences">
              ${this.licences.map((licence) => html`<li>${this.#renderLicence(licence)}</li>`)}
            </ul>`
          : this.loading
            ? nothing
            : html`<p class="empty">${t('library.empty')} <a href="/beats">${t('library.browse')}</a></p>`}
      </section>
      <cs-orders-panel></cs-orders-panel>
    </div>`;
  }

  /** A refunded order revoked its licence: its saved copy goes too, unless another live licence covers the beat. */
  async #dropRevokedAudio(licences: readonly Licence[]): Promise<void> {
    const live = new Set(licences.filter((licence) => !licence.revokedAt).map((licence) => licence.beatId));
    const gone = licences.filter((licence) => licence.revokedAt && this.saved.has(licence.beatId) && !live.has(licence.beatId)).map((licence) => licence.beatId);
    if (gone.length === 0) return;
    for (const beatId of gone) await this.#store.removeAudio(beatId);
    this.saved = new Set([...this.saved].filter((beatId) => !gone.includes(beatId)));
  }

  #renderLicence(licence: Licence) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    if (licence.revokedAt) return this.#renderRevoked(licence, licence.revokedAt);
    const online = this.#connectivity.value.online;
    const saved = this.saved.has(licence.beatId);
    const playing = this.#player.value?.isPlaying(licence.beatId) ?? false;
    const links = licence.heldAt === null ? this.links[licence.id] : undefined;
    const busy = this.busy === licence.id;
    // On hold while a chargeback is decided: what the server would refuse is not offered (a copy saved on the device still plays).
    const held = licence.heldAt !== null;
    return html`<article class="panel licence" aria-labelledby="licence-${licence.id}">
      <button
        class="play"
        type="button"
        ?disabled=${!saved && !online}
        aria-pressed=${playing ? 'true' : 'false'}
        aria-label=${playing ? t('marketplace.beat.pause', { title: licence.beatTitle }) : t('marketplace.beat.play', { title: licence.beatTitle })}
        @click=${() => void this.#play(licence)}
      >
        <svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d=${playing ? 'M6 5h4v14H6zM14 5h4v14h-4z' : 'M7 4v16l13-8z'} /></svg>
      </button>
      <div class="body">
        <h2 id="licence-${licence.id}"><a href="/beats/${encodeURIComponent(licence.beatId)}">${licence.beatTitle}</a></h2>
        <p class="muted">${this.#boughtLine(licence)}</p>
        <ul class="chips">
          ${licence.files.map((file) => html`<li class="chip">${fileLabel(file, t)}</li>`)}
          ${saved ? html`<li class="chip success">${t('library.savedChip')}</li>` : nothing}
        </ul>
        ${licence.heldAt ? html`<p class="notice warning">${t('library.onHold', { date: this.#i18n.formatDate(licence.heldAt, { dateStyle: 'medium' }) })}</p>` : nothing}
        <details>
          <summary>${t('library.terms')}</summary>
          <ul class="terms">
            ${capLines(licence.caps, t, (value) => this.#i18n.formatNumber(value)).map((line) => html`<li>${line}</li>`)}
          </ul>
        </details>
        <div class="row">
          ${links
            ? links.map(
                (link) => html`<a class="button secondary small" href=${link.url} download>${t('marketplace.download.file', { file: fileLabel(link.file, t) })}</a>`,
              )
            : html`<button class="button small" type="button" ?disabled=${busy || !online || held} @click=${() => void this.#links(licence)}>${t('library.getFiles')}</button>`}
          <button class="button secondary small" type="button" ?disabled=${busy || !online || held} @click=${() => void this.#contract(licence)}>${t('library.contract')}</button>
          <button class="button secondary small" type="button" ?disabled=${busy || !online || held} @click=${() => void this.#startSong(licence)}>${t('library.startSong')}</button>
          ${saved
            ? html`<button class="button quiet small" type="button" ?disabled=${busy} @click=${() => void this.#forget(licence)}>${t('library.removeOffline')}</button>`
            : html`<button class="button quiet small" type="button" ?disabled=${busy || !online} @click=${() => void this.#saveOffline(licence)}>${t('library.saveOffline')}</button>`}
        </div>
      </div>
    </article>`;
  }

  /** "Basic licence from Ona Keys, Nov 25, 2026 · $12.00" */
  #boughtLine(licence: Licence): string {
    return this.#i18n.t('library.bought', {
      tier: tierLabel(licence.tier, (id) => this.#i18n.t(id)),
      producer: licence.producerName,
      date: this.#i18n.formatDate(licence.grantedAt, { dateStyle: 'medium' }),
      price: formatPrice(licence.price, this.#i18n.locale),
    });
  }

  /** What a refund left: which licence it was and when it ended; nothing to download, play or start. */
  #renderRevoked(licence: Licence, revokedAt: string) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    return html`<article class="panel licence revoked" aria-labelledby="licence-${licence.id}">
      <div class="body">
        <h2 id="licence-${licence.id}"><a href="/beats/${encodeURIComponent(licence.beatId)}">${licence.beatTitle}</a></h2>
        <p class="muted">${this.#boughtLine(licence)}</p>
        <p class="notice warning">${t('library.revoked', { date: this.#i18n.formatDate(revokedAt, { dateStyle: 'medium' }) })}</p>
      </div>
    </article>`;
  }

  async #run(licence: Licence, action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = licence.id;
    this.error = '';
    this.status = '';
    try {
      await action();
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.busy = null;
    }
  }

  #links(licence: Licence): Promise<void> {
    return this.#run(licence, async () => {
      const { links } = await this.#api.value.downloads(licence.id);
      this.links = { ...this.links, [licence.id]: links };
      this.status = this.#i18n.t('library.filesReady', { title: licence.beatTitle });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[aria-labelledby="licence-${licence.id}"] a[download]`)?.focus();
    });
  }

  #contract(licence: Licence): Promise<void> {
    return this.#run(licence, async () => {
      saveBlob(await this.#api.value.contract(licence.id), `licence-${licence.id}.pdf`);
      this.status = this.#i18n.t('library.contractReady');
    });
  }

  /** "Start a song with this beat": the licence's project (made the first time), opened. */
  #startSong(licence: Licence): Promise<void> {
    return this.#run(licence, async () => {
      const { project } = await new ProjectsApi(this.#client.value).startSong(licence.id);
      navigate(this, `/projects/${encodeURIComponent(project.id)}`);
    });
  }

  #saveOffline(licence: Licence): Promise<void> {
    return this.#run(licence, async () => {
      // The purchased file itself (through the licence's signed link), not the tagged preview.
      const { bytes, file } = await fetchLicensedBeatAudio(this.#client.value, licence.id);
      await this.#store.saveAudio(licence.beatId, new Blob([bytes], { type: file === 'wav' ? 'audio/wav' : 'audio/mpeg' }), Date.now());
      this.saved = new Set([...this.saved, licence.beatId]);
      this.status = this.#i18n.t('library.savedOffline', { title: licence.beatTitle });
    });
  }

  #forget(licence: Licence): Promise<void> {
    return this.#run(licence, async () => {
      await this.#store.removeAudio(licence.beatId);
      const saved = new Set(this.saved);
      saved.delete(licence.beatId);
      this.saved = saved;
      this.status = this.#i18n.t('library.removedOffline', { title: licence.beatTitle });
    });
  }

  /** Plays the saved copy when there is one (works offline), else the stream. */
  async #play(licence: Licence): Promise<void> {
    const player = this.#player.value;
    if (!player) return;
    let src: string = previewUrl(licence.beatId);
    if (this.saved.has(licence.beatId)) {
      let url = this.#objectUrls.get(licence.beatId);
      if (!url) {
        const audio = await this.#store.loadAudio(licence.beatId);
        if (audio) {
          url = URL.createObjectURL(audio.blob);
          this.#objectUrls.set(licence.beatId, url);
        }
      }
      if (url) src = url;
    }
    const track: Track = { id: licence.beatId, title: licence.beatTitle, producerName: licence.producerName, src };
    player.playQueue([track], 0);
  }
}

customElements.define('cs-library-page', CsLibraryPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-library-page': CsLibraryPage;
  }
}
