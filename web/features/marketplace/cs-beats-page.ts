import { css, html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { BEAT_GENRES, BEAT_MOODS, BEAT_SORTS, MUSICAL_KEYS, type Beat, type BeatFacets, type BeatPage } from '../../../shared/schemas/beats.ts';
import { ApiError } from '../../api/api-error.ts';
import { connectivityContext, sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { ApiController } from './api-controller.ts';
import { beatCard, beatCardStyles } from './beat-card.ts';
import { genreLabel, keyLabel, moodLabel, sortLabel } from './beat-labels.ts';
import { BeatsApi, previewUrl } from './beats-api.ts';
import { cartLink } from './cart-link.ts';
import { createDexieCatalogCache, type CatalogCache } from './catalog-cache.ts';
import { marketplaceStyles } from './marketplace-styles.ts';
import type { Track } from './player-queue.ts';
import { activeFilterCount, filtersFromSearch, filtersToParams, searchCacheKey, type BeatFilters } from './search-filters.ts';
import { PlayerController } from './shared-player.ts';
import { ResultSource, staleWhileRevalidate } from './stale-while-revalidate.ts';

const PAGE_SIZE = 24;

/** A beat as a track of the shared player (the preview stream). */
export function beatTrack(beat: Beat): Track {
  return { id: beat.id, title: beat.title, producerName: beat.producerName, src: previewUrl(beat.id), peaks: beat.audio?.peaks ?? undefined };
}

/**
 * /beats: search and browse the catalog. Text search, facets with counts (genre, key, mood), BPM
 * and price ranges, free downloads, sort, and "load more" with the API's cursor. The filters live
 * in the URL (shareable, survive reloads). Every page seen is saved on the device and shown first
 * (stale-while-revalidate), so the catalog browsed before stays available offline.
 */
export class CsBeatsPage extends LitElement {
  static override properties = {
    filters: { state: true },
    draftQuery: { state: true },
    beats: { state: true },
    facets: { state: true },
    nextCursor: { state: true },
    loading: { state: true },
    loadingMore: { state: true },
    source: { state: true },
    error: { state: true },
    filtersOpen: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    formStyles,
    marketplaceStyles,
    beatCardStyles,
    css`
      :host {
        --cs-page-width: 64rem;
      }

      .search {
        display: flex;
        gap: var(--cs-space-2, 0.5rem);
        align-items: flex-end;
      }

      .search .field {
        flex: 1;
      }

      .layout {
        display: grid;
        gap: var(--cs-space-5, 1.5rem);
        align-items: start;
      }

      .filters {
        display: grid;
        gap: var(--cs-space-4, 1rem);
        padding: var(--cs-space-4, 1rem);
        border: 1px solid var(--cs-color-border, #dedbe9);
        border-radius: var(--cs-radius, 12px);
        background: var(--cs-color-surface, #fff);
      }

      .filters[hidden] {
        display: none;
      }

      .range {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: var(--cs-space-2, 0.5rem);
      }

      .range .field label {
        font-weight: 500;
        font-size: 0.85rem;
      }

      legend {
        margin-bottom: var(--cs-space-1, 0.25rem);
      }

      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--cs-space-3, 0.75rem);
      }

      .toolbar .field {
        display: flex;
        align-items: center;
        gap: var(--cs-space-2, 0.5rem);
      }

      .toolbar select {
        width: auto;
      }

      .filters-toggle {
        display: inline-flex;
      }

      .more {
        justify-self: center;
      }

      @media (min-width: 900px) {
        .layout {
          grid-template-columns: 16rem minmax(0, 1fr);
        }
        .filters[hidden] {
          display: grid;
        }
        .filters-toggle {
          display: none;
        }
      }
    `,
  ];

  declare filters: BeatFilters;
  declare draftQuery: string;
  declare beats: Beat[];
  declare facets: BeatFacets | null;
  declare nextCursor: string | null;
  declare loading: boolean;
  declare loadingMore: boolean;
  declare source: ResultSource | null;
  declare error: string;
  declare filtersOpen: boolean;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #connectivity = new ServiceController(this, connectivityContext);
  readonly #api = new ApiController(this, (client) => new BeatsApi(client));
  readonly #player = new PlayerController(this);
  readonly #cache: CatalogCache = createDexieCatalogCache();
  #request = 0;

  constructor() {
    super();
    this.filters = filtersFromSearch(location.search);
    this.draftQuery = this.filters.q ?? '';
    this.beats = [];
    this.facets = null;
    this.nextCursor = null;
    this.loading = true;
    this.loadingMore = false;
    this.source = null;
    this.error = '';
    this.filtersOpen = false;
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    void this.updateComplete.then(() => this.#search());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
  }

  readonly #onOnline = (): void => {
    if (this.source !== ResultSource.network) void this.#search();
  };

  /** Applies new filters: URL first (so back/reload keep them), then the first page. */
  #apply(filters: BeatFilters): void {
    this.filters = filters;
    const query = filtersToParams(filters).toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
    void this.#search();
  }

  async #search(): Promise<void> {
    if (!this.#api.available) return;
    const request = ++this.#request;
    const filters = this.filters;
    this.loading = true;
    this.error = '';
    const result = await staleWhileRevalidate<BeatPage>({
      load: async () => {
        const saved = await this.#cache.loadPage(searchCacheKey(filters, null));
        return saved ? { value: saved.page, savedAt: saved.savedAt } : null;
      },
      fetch: () => this.#api.value.search(filters, { limit: PAGE_SIZE }),
      save: (page) => this.#cache.savePage(searchCacheKey(filters, null), page, Date.now()),
      show: (page, source) => {
        if (request !== this.#request) return;
        this.beats = page.beats;
        this.facets = page.facets;
        this.nextCursor = page.nextCursor;
        this.source = source;
      },
      reportError: (error) => console.warn(error),
    });
    if (request !== this.#request) return;
    this.loading = false;
    this.source = result.source;
    if (result.source === ResultSource.none) {
      this.beats = [];
      this.facets = null;
      this.nextCursor = null;
    }
    // Saved results shown because the network is down are covered by the "offline" note; anything else is an error.
    const networkDown = result.error instanceof ApiError && result.error.isNetworkError;
    if (result.error !== undefined && (result.source === ResultSource.none || !networkDown)) {
      this.error = errorMessage(result.error, (id) => this.#i18n.t(id));
    }
  }

  async #loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    if (!cursor || this.loadingMore) return;
    const request = this.#request;
    const filters = this.filters;
    const key = searchCacheKey(filters, cursor);
    this.loadingMore = true;
    this.error = '';
    try {
      let page: BeatPage;
      try {
        page = await this.#api.value.search(filters, { cursor, limit: PAGE_SIZE });
        void this.#cache.savePage(key, page, Date.now()).catch((error: unknown) => console.warn(error));
      } catch (error) {
        // Offline: the next page may have been seen before.
        const saved = await this.#cache.loadPage(key).catch(() => null);
        if (!saved) throw error;
        page = saved.page;
        this.source = ResultSource.saved;
      }
      if (request !== this.#request) return;
      const seen = new Set(this.beats.map((beat) => beat.id));
      this.beats = [...this.beats, ...page.beats.filter((beat) => !seen.has(beat.id))];
      this.nextCursor = page.nextCursor;
      // Keep keyboard users where they were: on the first of the new results.
      await this.updateComplete;
      this.renderRoot.querySelectorAll<HTMLElement>('.beat-title a')[this.beats.length - page.beats.length]?.focus();
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.loadingMore = false;
    }
  }

  #play(index: number): void {
    this.#player.value?.playQueue(
      this.beats.filter((beat) => beat.audio !== null).map(beatTrack),
      this.beats.filter((beat) => beat.audio !== null).findIndex((beat) => beat.id === this.beats[index]?.id),
    );
  }

  override render() {
    if (!this.#i18n.available || !this.#connectivity.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const count = activeFilterCount(this.filters);
    return html`<div class="page">
      <header class="page-header">
        <h1 tabindex="-1">${t('marketplace.browse.title')}</h1>
        <p class="lead">${t('marketplace.browse.lead')}</p>
        ${cartLink(this.#session.available ? this.#session.value.user?.id : undefined, t)}
      </header>
      <form class="search" role="search" @submit=${this.#onSearch}>
        <div class="field">
          <label for="search-q">${t('marketplace.browse.searchLabel')}</label>
          <input id="search-q" type="search" name="q" .value=${live(this.draftQuery)} @input=${(event: Event) => (this.draftQuery = (event.target as HTMLInputElement).value)} maxlength="200" enterkeyhint="search" />
        </div>
        <button class="button" type="submit">${t('marketplace.browse.searchSubmit')}</button>
      </form>
      <div class="live" role="status" aria-live="polite">
        ${this.source === ResultSource.saved ? html`<p class="notice warning">${t('marketplace.browse.offlineSaved')}</p>` : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      <div class="layout">
        <div>
          <button class="button secondary filters-toggle" type="button" aria-expanded=${this.filtersOpen ? 'true' : 'false'} aria-controls="filters" @click=${() => (this.filtersOpen = !this.filtersOpen)}>
            ${count ? t('marketplace.browse.filtersCount', { count }) : t('marketplace.browse.filters')}
          </button>
          ${this.#renderFilters()}
        </div>
        <section class="stack" aria-labelledby="results-heading" aria-busy=${this.loading ? 'true' : 'false'}>
          <div class="toolbar">
            <h2 id="results-heading" class="muted" aria-live="polite">
              ${this.loading && !this.beats.length ? t('marketplace.browse.loading') : t('marketplace.browse.resultCount', { count: this.beats.length })}
            </h2>
            <div class="field">
              <label for="sort">${t('marketplace.browse.sort')}</label>
              <select id="sort" @change=${(event: Event) => this.#apply({ ...this.filters, sort: (event.target as HTMLSelectElement).value as BeatFilters['sort'] })}>
                ${BEAT_SORTS.filter((sort) => sort !== 'relevance' || this.filters.q).map(
                  (sort) => html`<option value=${sort} ?selected=${(this.filters.sort ?? (this.filters.q ? 'relevance' : 'newest')) === sort}>${sortLabel(sort, t)}</option>`,
                )}
              </select>
            </div>
          </div>
          ${this.#renderResults()}
        </section>
      </div>
    </div>`;
  }

  #renderFilters() {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const facetCount = (facet: keyof BeatFacets, value: string): number | null => {
      const counts = this.facets?.[facet];
      if (!counts) return null;
      return counts.find((entry) => entry.value === value)?.count ?? 0;
    };
    const withCount = (label: string, count: number | null) => (count === null ? label : t('marketplace.browse.facetOption', { label, count }));
    const select = <Value extends string>(field: 'genre' | 'musicalKey' | 'mood', label: string, any: string, values: readonly Value[], name: (value: Value) => string) => html`<div class="field">
      <label for="filter-${field}">${label}</label>
      <select id="filter-${field}" @change=${(event: Event) => this.#apply({ ...this.filters, [field]: (event.target as HTMLSelectElement).value || undefined })}>
        <option value="" ?selected=${!this.filters[field]}>${any}</option>
        ${values.map((value) => {
          const count = facetCount(field, value);
          // Values with no beat under the other filters are left out, unless chosen.
          if (count === 0 && this.filters[field] !== value) return nothing;
          return html`<option value=${value} ?selected=${this.filters[field] === value}>${withCount(name(value), count)}</option>`;
        })}
      </select>
    </div>`;
    const range = (legend: string, minField: 'bpmMin' | 'priceMin', maxField: 'bpmMax' | 'priceMax', step: string) => html`<fieldset>
      <legend>${legend}</legend>
      <div class="range">
        ${[minField, maxField].map(
          (field, index) => html`<div class="field">
            <label for="filter-${field}">${index === 0 ? t('marketplace.browse.rangeMin') : t('marketplace.browse.rangeMax')}</label>
            <input
              id="filter-${field}"
              type="number"
              inputmode="decimal"
              min="0"
              step=${step}
              .value=${this.filters[field] === undefined ? '' : String(this.filters[field])}
              @change=${(event: Event) => {
                const raw = (event.target as HTMLInputElement).value;
                const value = raw === '' ? undefined : Number(raw);
                this.#apply({ ...this.filters, [field]: value !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined });
              }}
            />
          </div>`,
        )}
      </div>
    </fieldset>`;
    return html`<form id="filters" class="filters" aria-label=${t('marketplace.browse.filters')} ?hidden=${!this.filtersOpen} @submit=${(event: Event) => event.preventDefault()}>
      ${select('genre', t('marketplace.browse.genre'), t('marketplace.browse.anyGenre'), BEAT_GENRES, (value) => genreLabel(value, t))}
      ${select('musicalKey', t('marketplace.browse.key'), t('marketplace.browse.anyKey'), MUSICAL_KEYS, (value) => keyLabel(value, t))}
      ${select('mood', t('marketplace.browse.mood'), t('marketplace.browse.anyMood'), BEAT_MOODS, (value) => moodLabel(value, t))}
      ${range(t('marketplace.browse.bpm'), 'bpmMin', 'bpmMax', '1')} ${range(t('marketplace.browse.price'), 'priceMin', 'priceMax', '0.01')}
      <label class="checkbox">
        <input type="checkbox" .checked=${live(this.filters.freeDownload === true)} @change=${(event: Event) => this.#apply({ ...this.filters, freeDownload: (event.target as HTMLInputElement).checked || undefined })} />
        ${t('marketplace.browse.freeOnly')}
      </label>
      ${activeFilterCount(this.filters)
        ? html`<button class="button secondary small" type="button" @click=${() => this.#apply({ q: this.filters.q, sort: this.filters.sort })}>${t('marketplace.browse.clearFilters')}</button>`
        : nothing}
    </form>`;
  }

  #renderResults() {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    if (this.loading && !this.beats.length) return nothing;
    if (!this.beats.length) {
      return html`<p class="empty">${this.source === ResultSource.none ? t('marketplace.browse.offlineNothing') : t('marketplace.browse.empty')}</p>`;
    }
    const player = this.#player.value;
    return html`<ul class="beat-list">
        ${this.beats.map(
          (beat, index) =>
            html`<li>${beatCard(beat, { t, locale: this.#i18n.locale, playing: player?.isPlaying(beat.id) ?? false, onPlay: () => this.#play(index) })}</li>`,
        )}
      </ul>
      ${this.nextCursor
        ? html`<button class="button secondary more" type="button" ?disabled=${this.loadingMore} @click=${() => void this.#loadMore()}>
            ${this.loadingMore ? t('marketplace.browse.loadingMore') : t('marketplace.browse.loadMore')}
          </button>`
        : nothing}`;
  }

  readonly #onSearch = (event: Event): void => {
    event.preventDefault();
    const q = this.draftQuery.trim() || undefined;
    // "Relevance" only means something with words to match.
    const sort = !q && this.filters.sort === 'relevance' ? undefined : this.filters.sort;
    this.#apply({ ...this.filters, q, sort });
  };
}

customElements.define('cs-beats-page', CsBeatsPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-beats-page': CsBeatsPage;
  }
}
