import { css, html, LitElement, nothing } from 'lit';
import type { Beat } from '../../../shared/schemas/beats.ts';
import type { ProducerProfile } from '../../../shared/schemas/storefronts.ts';
import { ApiError } from '../../api/api-error.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { matchRoute } from '../../app/router.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { ApiController } from './api-controller.ts';
import { beatCard, beatCardStyles } from './beat-card.ts';
import { BeatsApi } from './beats-api.ts';
import { createDexieCatalogCache, type CatalogCache } from './catalog-cache.ts';
import { beatTrack } from './cs-beats-page.ts';
import { marketplaceStyles } from './marketplace-styles.ts';
import { PlayerController } from './shared-player.ts';
import { ResultSource, staleWhileRevalidate } from './stale-while-revalidate.ts';
import { StorefrontApi } from './storefront-api.ts';
import { accentStyles } from './storefront-accents.ts';
import '../../ui/cs-avatar.ts';

/**
 * /producers/:id: a producer's page — who they are (name, picture, bio) and their published beats
 * (saved on the device like any catalog page); on Pro, their storefront: a headline band in their
 * accent colour, their links and a featured beat first. Offline it shows the saved beats alone.
 */
export class CsProducerPage extends LitElement {
  static override properties = {
    beats: { state: true },
    nextCursor: { state: true },
    loading: { state: true },
    source: { state: true },
    error: { state: true },
    profile: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    marketplaceStyles,
    beatCardStyles,
    accentStyles,
    css`
      :host {
        --cs-page-width: 56rem;
      }

      .who {
        display: flex;
        gap: var(--cs-space-3, 0.75rem);
        align-items: center;
      }

      .bio {
        white-space: pre-line;
      }

      .band {
        padding: var(--cs-space-4, 1rem) var(--cs-space-5, 1.5rem);
        border-radius: var(--cs-radius, 12px);
        color: #fff;
        font-size: 1.15rem;
        font-weight: 650;
      }

      .links {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cs-space-3, 0.75rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }
    `,
  ];

  declare beats: Beat[];
  declare nextCursor: string | null;
  declare loading: boolean;
  declare source: ResultSource | null;
  declare error: string;
  declare profile: ProducerProfile | null;

  readonly #i18n = new LocaleController(this);
  readonly #api = new ApiController(this, (client) => new BeatsApi(client));
  readonly #profiles = new ApiController(this, (client) => new StorefrontApi(client));
  readonly #player = new PlayerController(this);
  readonly #cache: CatalogCache = createDexieCatalogCache();
  #loadedFor = '';

  constructor() {
    super();
    this.beats = [];
    this.nextCursor = null;
    this.loading = true;
    this.source = null;
    this.error = '';
    this.profile = null;
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  get #producerId(): string {
    return matchRoute([{ path: '/producers/:id' }], location.pathname)?.params['id'] ?? '';
  }

  protected override willUpdate(): void {
    const id = this.#producerId;
    // No id: the URL already left this page (a re-render while the next page loads).
    if (this.#api.available && id && id !== this.#loadedFor) {
      this.#loadedFor = id;
      void this.#load(id);
    }
  }

  async #load(id: string): Promise<void> {
    this.loading = true;
    this.error = '';
    this.profile = null;
    // The header comes from the device first (so it opens offline), then from the server; a failure
    // leaves the page to its beats, whose own loading says what went wrong.
    void staleWhileRevalidate<ProducerProfile>({
      load: async () => {
        const saved = await this.#cache.loadProducer(id);
        return saved ? { value: saved.profile, savedAt: saved.savedAt } : null;
      },
      fetch: () => this.#profiles.value.producer(id),
      save: (profile) => this.#cache.saveProducer(profile, Date.now()),
      show: (profile) => {
        if (id === this.#loadedFor) this.profile = profile;
      },
      reportError: (error) => console.warn(error),
    }).then(({ error }) => {
      // Gone (deleted or suspended since it was saved): the saved header must not linger online.
      const gone = error !== undefined && !(error instanceof ApiError && error.isNetworkError);
      if (gone && id === this.#loadedFor) this.profile = null;
    });
    const key = `producer=${encodeURIComponent(id)}`;
    const result = await staleWhileRevalidate({
      load: async () => {
        const saved = await this.#cache.loadPage(key);
        return saved ? { value: saved.page, savedAt: saved.savedAt } : null;
      },
      fetch: () => this.#api.value.storefront(id),
      save: (page) => this.#cache.savePage(key, page, Date.now()),
      show: (page, source) => {
        if (id !== this.#loadedFor) return;
        this.beats = page.beats.filter((beat) => beat.status === 'published');
        this.nextCursor = page.nextCursor;
        this.source = source;
      },
      reportError: (error) => console.warn(error),
    });
    if (id !== this.#loadedFor) return;
    this.loading = false;
    this.source = result.source;
    const networkDown = result.error instanceof ApiError && result.error.isNetworkError;
    if (result.error !== undefined && (result.source === ResultSource.none || !networkDown)) this.error = errorMessage(result.error, (key) => this.#i18n.t(key));
  }

  async #more(): Promise<void> {
    if (!this.nextCursor) return;
    try {
      const page = await this.#api.value.storefront(this.#producerId, { cursor: this.nextCursor });
      this.beats = [...this.beats, ...page.beats.filter((beat) => beat.status === 'published')];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.error = errorMessage(error, (key) => this.#i18n.t(key));
    }
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const profile = this.profile;
    const storefront = profile?.storefront ?? null;
    const name = profile?.displayName ?? this.beats[0]?.producerName;
    const player = this.#player.value;
    // The featured beat leads; the rest follow newest first.
    const featuredId = storefront?.featuredBeatId ?? null;
    const beats = featuredId ? [...this.beats.filter((beat) => beat.id === featuredId), ...this.beats.filter((beat) => beat.id !== featuredId)] : this.beats;
    const playable = beats.filter((beat) => beat.audio !== null);
    return html`<div class="page">
      <a href="/beats">${t('marketplace.beatPage.back')}</a>
      <header class="page-header">
        <div class="who">
          ${profile ? html`<cs-avatar .name=${profile.displayName} .src=${profile.avatarUrl}></cs-avatar>` : nothing}
          <h1 tabindex="-1">${name ? t('marketplace.producer.title', { producer: name }) : t('marketplace.producer.fallbackTitle')}</h1>
        </div>
        ${storefront?.headline ? html`<p class="band accent-${storefront.accent}">${storefront.headline}</p>` : nothing}
        ${profile?.bio ? html`<p class="lead bio">${profile.bio}</p>` : nothing}
        ${storefront?.links.length
          ? html`<ul class="links" aria-label=${t('marketplace.storefront.linksLabel', { producer: name ?? '' })}>
              ${storefront.links.map((link) => html`<li><a href=${link.url} rel="noopener noreferrer nofollow" target="_blank">${link.label}</a></li>`)}
            </ul>`
          : nothing}
      </header>
      <div class="live" role="status" aria-live="polite">
        ${this.source === ResultSource.saved ? html`<p class="notice warning">${t('marketplace.browse.offlineSaved')}</p>` : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      <section aria-busy=${this.loading ? 'true' : 'false'} aria-label=${t('marketplace.producer.beats')}>
        ${beats.length
          ? html`<ul class="beat-list">
              ${beats.map(
                (beat) =>
                  html`<li>
                    ${beat.id === featuredId ? html`<span class="chip success">${t('marketplace.storefront.featuredChip')}</span>` : nothing}
                    ${beatCard(beat, {
                      t,
                      locale: this.#i18n.locale,
                      playing: player?.isPlaying(beat.id) ?? false,
                      onPlay: () => player?.playQueue(playable.map(beatTrack), playable.findIndex((item) => item.id === beat.id)),
                    })}
                  </li>`,
              )}
            </ul>`
          : this.loading
            ? nothing
            : html`<p class="empty">${t('marketplace.producer.empty')}</p>`}
      </section>
      ${this.nextCursor ? html`<button class="button secondary" type="button" @click=${() => void this.#more()}>${t('marketplace.browse.loadMore')}</button>` : nothing}
    </div>`;
  }
}

customElements.define('cs-producer-page', CsProducerPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-producer-page': CsProducerPage;
  }
}
