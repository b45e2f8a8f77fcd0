import { css, html, LitElement, nothing } from 'lit';
import type { Beat } from '../../../shared/schemas/beats.ts';
import { STOREFRONT_ACCENTS, STOREFRONT_MAX_LINKS, type Storefront, type StorefrontAccent, type StorefrontLink } from '../../../shared/schemas/storefronts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { runAction } from '../../ui/run-action.ts';
import { ApiController } from './api-controller.ts';
import { marketplaceStyles } from './marketplace-styles.ts';
import { StorefrontApi } from './storefront-api.ts';
import { ACCENT_NAME_IDS, accentStyles } from './storefront-accents.ts';
import { studioStyles } from './studio-styles.ts';

/**
 * The Pro storefront, edited in the studio: headline, accent, links and a featured beat (one of the
 * producer's published beats, passed in as `beats`). On the Free plan it says what Pro adds instead.
 */
export class CsStorefrontPanel extends LitElement {
  static override properties = {
    beats: { attribute: false },
    userId: { attribute: false },
    storefront: { state: true },
    shown: { state: true },
    busy: { state: true },
    error: { state: true },
    status: { state: true },
  };

  static override styles = [
    baseStyles,
    formStyles,
    marketplaceStyles,
    studioStyles,
    accentStyles,
    css`
      .accents {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cs-space-2, 0.5rem);
        margin: 0;
        padding: 0;
        border: 0;
      }

      .accents label {
        display: inline-flex;
        align-items: center;
        gap: var(--cs-space-1, 0.25rem);
      }

      .swatch {
        inline-size: 1.1rem;
        block-size: 1.1rem;
        border-radius: 50%;
      }

      form {
        display: grid;
        gap: var(--cs-space-3, 0.75rem);
      }

      fieldset {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        margin: 0;
        padding: 0;
        border: 0;
      }

      legend {
        margin-bottom: var(--cs-space-1, 0.25rem);
        font-weight: 650;
      }

      .link-row {
        display: grid;
        grid-template-columns: minmax(6rem, 1fr) minmax(10rem, 2fr);
        gap: var(--cs-space-2, 0.5rem);
      }
    `,
  ];

  declare beats: Beat[];
  declare userId: string;
  declare storefront: Storefront | null;
  declare shown: boolean;
  declare busy: boolean;
  declare error: string;
  declare status: string;

  readonly #i18n = new LocaleController(this);
  readonly #api = new ApiController(this, (client) => new StorefrontApi(client));
  #loaded = false;

  constructor() {
    super();
    this.beats = [];
    this.userId = '';
    this.storefront = null;
    this.shown = false;
    this.busy = false;
    this.error = '';
    this.status = '';
  }

  protected override willUpdate(): void {
    if (!this.#loaded && this.#api.available) {
      this.#loaded = true;
      this.#api.value.mine().then(
        (mine) => {
          this.storefront = mine.storefront;
          this.shown = mine.shown;
        },
        (error: unknown) => (this.error = errorMessage(error, (id) => this.#i18n.t(id))),
      );
    }
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    return html`<section class="panel" aria-labelledby="storefront-heading">
      <h2 id="storefront-heading">${t('marketplace.storefront.title')}</h2>
      <div class="live" role="status" aria-live="polite">
        ${this.status ? html`<p class="notice success">${this.status}</p>` : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      ${this.storefront === null ? nothing : this.shown ? this.#renderForm(this.storefront) : html`<p class="muted">${t('marketplace.storefront.proOnly')}</p>`}
      ${this.userId ? html`<a href="/producers/${encodeURIComponent(this.userId)}">${t('marketplace.storefront.view')}</a>` : nothing}
    </section>`;
  }

  #renderForm(storefront: Storefront) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const published = this.beats.filter((beat) => beat.status === 'published');
    const links: StorefrontLink[] = [...storefront.links, ...Array.from({ length: STOREFRONT_MAX_LINKS - storefront.links.length }, () => ({ label: '', url: '' }))];
    return html`<form @submit=${this.#save}>
      <div class="field">
        <label for="storefront-headline">${t('marketplace.storefront.headline')}</label>
        <input id="storefront-headline" type="text" name="headline" maxlength="120" .value=${storefront.headline} />
      </div>
      <fieldset class="accents">
        <legend>${t('marketplace.storefront.accent')}</legend>
        ${STOREFRONT_ACCENTS.map(
          (accent) => html`<label>
            <input type="radio" name="accent" value=${accent} .checked=${accent === storefront.accent} />
            <span class="swatch accent-${accent}" aria-hidden="true"></span>
            ${t(ACCENT_NAME_IDS[accent])}
          </label>`,
        )}
      </fieldset>
      <fieldset>
        <legend>${t('marketplace.storefront.links')}</legend>
        ${links.map(
          (link, index) => html`<div class="link-row">
            <div class="field">
              <label for="link-label-${index}">${t('marketplace.storefront.linkLabel', { number: index + 1 })}</label>
              <input id="link-label-${index}" type="text" name="link-label" maxlength="40" .value=${link.label} />
            </div>
            <div class="field">
              <label for="link-url-${index}">${t('marketplace.storefront.linkUrl', { number: index + 1 })}</label>
              <input id="link-url-${index}" name="link-url" type="url" placeholder="https://" .value=${link.url} />
            </div>
          </div>`,
        )}
      </fieldset>
      <div class="field">
        <label for="storefront-featured">${t('marketplace.storefront.featured')}</label>
        <select id="storefront-featured" name="featured">
          <option value="" ?selected=${storefront.featuredBeatId === null}>${t('marketplace.storefront.noFeatured')}</option>
          ${published.map((beat) => html`<option value=${beat.id} ?selected=${beat.id === storefront.featuredBeatId}>${beat.title}</option>`)}
        </select>
      </div>
      <div class="row">
        <button class="button small" type="submit" ?disabled=${this.busy}>${t('marketplace.storefront.save')}</button>
      </div>
    </form>`;
  }

  readonly #save = (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const labels = data.getAll('link-label').map(String);
    const urls = data.getAll('link-url').map(String);
    // Rows left empty are not links; a half-filled one is sent as is and refused with the API's reason.
    const links = labels.map((label, index) => ({ label: label.trim(), url: (urls[index] ?? '').trim() })).filter((link) => link.label || link.url);
    const storefront = {
      headline: String(data.get('headline') ?? '').trim(),
      accent: String(data.get('accent') ?? 'violet') as StorefrontAccent,
      links,
      featuredBeatId: String(data.get('featured') ?? '') || null,
    };
    void runAction(
      this,
      async () => {
        this.storefront = (await this.#api.value.save(storefront)).storefront;
        this.status = this.#i18n.t('marketplace.storefront.saved');
      },
      (error) => errorMessage(error, (id) => this.#i18n.t(id)),
    );
  };
}

customElements.define('cs-storefront-panel', CsStorefrontPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cs-storefront-panel': CsStorefrontPanel;
  }
}
