import { css, html, LitElement, nothing } from 'lit';
import type { Beat } from '../../../shared/schemas/beats.ts';
import { sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { ApiController } from './api-controller.ts';
import { formatPrice } from './beat-labels.ts';
import { BeatsApi } from './beats-api.ts';
import './cs-beat-editor.ts';
import './cs-coupons-panel.ts';
import './cs-sales-panel.ts';
import './cs-subscription-panel.ts';
import './cs-storefront-panel.ts';
import { marketplaceStyles } from './marketplace-styles.ts';

/**
 * /studio: the producer's side of the marketplace. Their beats (drafts and published), a new-beat
 * form, the editor of the chosen beat (`?beat=<id>`: metadata, audio, licences, splits, publish,
 * delete), their coupons and their plan. Analytics are one link away (/studio/analytics).
 */
export class CsStudioPage extends LitElement {
  static override properties = {
    beats: { state: true },
    selected: { state: true },
    creating: { state: true },
    loading: { state: true },
    error: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    marketplaceStyles,
    css`
      :host {
        --cs-page-width: 64rem;
      }

      .mine {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .mine a {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--cs-space-2, 0.5rem);
        padding: var(--cs-space-3, 0.75rem) var(--cs-space-4, 1rem);
        border: 1px solid var(--cs-color-border, #dedbe9);
        border-radius: var(--cs-radius-sm, 8px);
        background: var(--cs-color-surface, #fff);
        color: var(--cs-color-text, #17151f);
        text-decoration: none;
      }

      .mine a[aria-current='true'] {
        border-color: var(--cs-color-accent, #6b2fd6);
        background: var(--cs-color-accent-soft, #eee7fd);
      }

      .mine a:hover {
        border-color: var(--cs-color-accent, #6b2fd6);
      }

      .mine .name {
        font-weight: 700;
      }
    `,
  ];

  declare beats: Beat[];
  declare selected: Beat | null;
  declare creating: boolean;
  declare loading: boolean;
  declare error: string;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #api = new ApiController(this, (client) => new BeatsApi(client));
  #loaded = false;

  constructor() {
    super();
    this.beats = [];
    this.selected = null;
    this.creating = false;
    this.loading = true;
    this.error = '';
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onLocation);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onLocation);
  }

  protected override willUpdate(): void {
    if (!this.#loaded && this.#api.available && this.#session.available && this.#session.value.user) {
      this.#loaded = true;
      void this.#load();
    }
  }

  async #load(): Promise<void> {
    const userId = this.#session.value.user?.id;
    if (!userId) return;
    this.loading = true;
    try {
      const beats: Beat[] = [];
      let cursor: string | null = null;
      do {
        const page = await this.#api.value.storefront(userId, { cursor });
        beats.push(...page.beats);
        cursor = page.nextCursor;
      } while (cursor && beats.length < 500);
      this.beats = beats;
      this.#onLocation();
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.loading = false;
    }
  }

  /** The URL says which beat is open (`?beat=`), or the new-beat form (`?new`). */
  readonly #onLocation = (): void => {
    const params = new URLSearchParams(location.search);
    const id = params.get('beat');
    this.creating = params.has('new');
    this.selected = id ? (this.beats.find((beat) => beat.id === id) ?? null) : null;
    if (id && !this.selected && this.#api.available) {
      // Not in the list (yet): load it directly.
      this.#api.value.get(id).then(
        (beat) => (this.selected = beat),
        (error: unknown) => (this.error = errorMessage(error, (key) => this.#i18n.t(key))),
      );
    }
  };

  #open(query: string): void {
    history.pushState(null, '', `/studio${query}`);
    this.#onLocation();
    void this.updateComplete.then(() => this.renderRoot.querySelector('cs-beat-editor')?.renderRoot.querySelector<HTMLElement>('h2')?.focus());
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    return html`<div class="page">
      <header class="page-header">
        <h1 tabindex="-1">${t('marketplace.studio.title')}</h1>
        <p class="lead">${t('marketplace.studio.lead')}</p>
        <div class="row">
          <a class="button secondary" href="/studio/analytics">${t('marketplace.studio.analyticsLink')}</a>
          ${this.#session.available && this.#session.value.user
            ? html`<a class="button quiet" href="/producers/${encodeURIComponent(this.#session.value.user.id)}">${t('marketplace.studio.storefrontLink')}</a>`
            : nothing}
        </div>
      </header>
      <div class="live" role="status" aria-live="polite">${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}</div>
      <section class="stack" aria-labelledby="mine-heading" aria-busy=${this.loading ? 'true' : 'false'}>
        <div class="row">
          <h2 id="mine-heading">${t('marketplace.studio.myBeats')}</h2>
          <button class="button" type="button" @click=${() => this.#open('?new')}>${t('marketplace.studio.newBeat')}</button>
        </div>
        ${this.beats.length
          ? html`<ul class="mine">
              ${this.beats.map(
                (beat) => html`<li>
                  <a
                    href="/studio?beat=${encodeURIComponent(beat.id)}"
                    aria-current=${this.selected?.id === beat.id ? 'true' : 'false'}
                    @click=${(event: Event) => {
                      event.preventDefault();
                      this.#open(`?beat=${encodeURIComponent(beat.id)}`);
                    }}
                  >
                    <span class="name">${beat.title}</span>
                    <span class="row">
                      <span class="chip ${beat.status === 'published' ? 'success' : ''}">${beat.status === 'published' ? t('marketplace.studio.published') : t('marketplace.beat.draft')}</span>
                      <span class="price">${formatPrice(beat.price, this.#i18n.locale)}</span>
                    </span>
                  </a>
                </li>`,
              )}
            </ul>`
          : this.loading
            ? nothing
            : html`<p class="empty">${t('marketplace.studio.noBeats')}</p>`}
      </section>
      ${this.selected || this.creating
        ? html`<cs-beat-editor .beat=${this.selected} @cs-beat-saved=${this.#onSaved} @cs-beat-deleted=${this.#onDeleted}></cs-beat-editor>`
        : nothing}
      <cs-sales-panel></cs-sales-panel>
      <cs-coupons-panel></cs-coupons-panel>
      <cs-subscription-panel></cs-subscription-panel>
      <cs-storefront-panel .beats=${this.beats} .userId=${this.#session.available ? (this.#session.value.user?.id ?? '') : ''}></cs-storefront-panel>
    </div>`;
  }

  readonly #onSaved = (event: CustomEvent<{ beat: Beat }>): void => {
    const beat = event.detail.beat;
    const known = this.beats.some((existing) => existing.id === beat.id);
    this.beats = known ? this.beats.map((existing) => (existing.id === beat.id ? beat : existing)) : [beat, ...this.beats];
    this.selected = beat;
    this.creating = false;
    history.replaceState(null, '', `/studio?beat=${encodeURIComponent(beat.id)}`);
  };

  readonly #onDeleted = (event: CustomEvent<{ id: string }>): void => {
    this.beats = this.beats.filter((beat) => beat.id !== event.detail.id);
    this.selected = null;
    history.replaceState(null, '', '/studio');
    this.focusHeading();
  };
}

customElements.define('cs-studio-page', CsStudioPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-studio-page': CsStudioPage;
  }
}
