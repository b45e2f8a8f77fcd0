import { css, html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  LICENCE_FILES,
  LICENCE_PRICE_MAX,
  LICENCE_PRICE_MIN,
  UpdateBeatLicencesRequest,
  type LicenceFile,
  type LicenceTierTerms,
  type StemsInfo,
  type UsageCaps,
} from '../../../shared/schemas/commerce.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { ApiController } from './api-controller.ts';
import { CommerceApi } from './commerce-api.ts';
import { CAP_FIELDS, capFieldLabel, fileLabel, tierLabel } from './licence-labels.ts';
import { marketplaceStyles } from './marketplace-styles.ts';
import { studioStyles } from './studio-styles.ts';

/** A tier as the form holds it: numbers as typed, blank caps meaning unlimited. */
interface TierDraft {
  tier: LicenceTierTerms['tier'];
  enabled: boolean;
  price: string;
  files: LicenceFile[];
  caps: Record<keyof UsageCaps, string>;
}

function draftOf(terms: LicenceTierTerms): TierDraft {
  const caps = Object.fromEntries(CAP_FIELDS.map((cap) => [cap, terms.caps[cap] === null ? '' : String(terms.caps[cap])])) as Record<keyof UsageCaps, string>;
  return { tier: terms.tier, enabled: terms.enabled, price: String(terms.price), files: [...terms.files], caps };
}

function termsOf(draft: TierDraft): unknown {
  const number = (value: string) => (value.trim() === '' ? null : Number(value.trim().replace(',', '.')));
  return {
    tier: draft.tier,
    enabled: draft.enabled,
    price: number(draft.price),
    files: LICENCE_FILES.filter((file) => draft.files.includes(file)),
    caps: Object.fromEntries(CAP_FIELDS.map((cap) => [cap, number(draft.caps[cap])])),
  };
}

/**
 * A beat's licence tiers in the studio: on or off, price, included files and usage caps (blank is
 * unlimited). Checked with the API's schema before `PUT /api/beats/{id}/licences`.
 */
export class CsLicenceEditor extends LitElement {
  static override properties = {
    beatId: { attribute: false },
    tiers: { state: true },
    busy: { state: true },
    error: { state: true },
    status: { state: true },
    unavailable: { state: true },
    stems: { state: true },
    stemsProgress: { state: true },
  };

  static override styles = [
    baseStyles,
    formStyles,
    marketplaceStyles,
    studioStyles,
    css`
      .tiers {
        display: grid;
        gap: var(--cs-space-3, 0.75rem);
        grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
      }

      .tier {
        display: grid;
        gap: var(--cs-space-3, 0.75rem);
        padding: var(--cs-space-3, 0.75rem);
        border: 1px solid var(--cs-color-border, #dedbe9);
        border-radius: var(--cs-radius-sm, 8px);
      }

      .tier legend {
        font-weight: 750;
      }

      .caps {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: var(--cs-space-2, 0.5rem);
      }

      .caps label {
        font-weight: 500;
        font-size: 0.85rem;
      }

      .file-input {
        position: absolute;
        opacity: 0;
        width: 1px;
        height: 1px;
      }

      .file-input:focus-visible + label {
        outline: 3px solid var(--cs-color-focus, #6b2fd6);
        outline-offset: 2px;
      }
    `,
  ];

  declare beatId: string;
  declare tiers: TierDraft[];
  declare busy: boolean;
  declare error: string;
  declare status: string;
  declare unavailable: boolean;
  declare stems: StemsInfo | null;
  /** Percent sent while the stems zip uploads, else null. */
  declare stemsProgress: number | null;

  readonly #i18n = new LocaleController(this);
  readonly #api = new ApiController(this, (client) => new CommerceApi(client));
  #loadedFor = '';

  constructor() {
    super();
    this.beatId = '';
    this.tiers = [];
    this.busy = false;
    this.error = '';
    this.status = '';
    this.unavailable = false;
    this.stems = null;
    this.stemsProgress = null;
  }

  protected override willUpdate(): void {
    if (this.beatId && this.#api.available && this.#loadedFor !== this.beatId) {
      this.#loadedFor = this.beatId;
      void this.#load(this.beatId);
    }
  }

  async #load(beatId: string): Promise<void> {
    try {
      const licences = await this.#api.value.licences(beatId);
      if (beatId !== this.beatId) return;
      this.tiers = licences.tiers.map(draftOf);
      this.stems = licences.stems;
      this.unavailable = false;
    } catch (error) {
      this.unavailable = true;
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    }
  }

  #update(index: number, change: Partial<TierDraft>): void {
    this.tiers = this.tiers.map((tier, at) => (at === index ? { ...tier, ...change } : tier));
    this.status = '';
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    return html`<section class="panel" aria-labelledby="licences-heading">
      <div class="panel-head">
        <h2 id="licences-heading">${t('marketplace.studio.licences')}</h2>
      </div>
      <p class="muted">${t('marketplace.studio.licencesLead')}</p>
      <div class="live" role="status" aria-live="polite">
        ${this.status ? html`<p class="notice success">${this.status}</p>` : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      ${this.tiers.length ? this.#renderStems() : nothing}
      ${this.tiers.length
        ? html`<form class="stack" novalidate @submit=${this.#save}>
            <div class="tiers">${this.tiers.map((tier, index) => this.#renderTier(tier, index))}</div>
            <div class="actions"><button class="button" type="submit" ?disabled=${this.busy}>${t('marketplace.studio.saveLicences')}</button></div>
          </form>`
        : nothing}
    </section>`;
  }

  #renderStems() {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const stems = this.stems;
    return html`<div class="stack">
      <p class="muted">
        ${stems
          ? t('marketplace.studio.stemsFacts', { entries: stems.entries, size: this.#i18n.formatNumber(Math.round(stems.bytes / 1024)) })
          : t('marketplace.studio.stemsMissing')}
      </p>
      <div class="row">
        <input id="stems-file" class="file-input" type="file" accept=".zip,application/zip" ?disabled=${this.stemsProgress !== null} @change=${this.#uploadStems} />
        <label for="stems-file" class="button secondary small">${stems ? t('marketplace.studio.replaceStems') : t('marketplace.studio.uploadStems')}</label>
      </div>
      ${this.stemsProgress !== null ? html`<progress max="100" value=${this.stemsProgress} aria-label=${t('marketplace.studio.uploadProgress')}></progress>` : nothing}
    </div>`;
  }

  readonly #uploadStems = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file || this.stemsProgress !== null) return;
    this.stemsProgress = 0;
    this.error = '';
    this.status = '';
    this.#api.value
      .uploadStems(this.beatId, file, (sent, total) => {
        this.stemsProgress = total > 0 ? Math.round((sent / total) * 100) : 0;
      })
      .then(
        (licences) => {
          this.stems = licences.stems;
          this.status = this.#i18n.t('marketplace.studio.stemsUploaded');
        },
        (error: unknown) => {
          this.error = errorMessage(error, (id) => this.#i18n.t(id));
        },
      )
      .finally(() => {
        this.stemsProgress = null;
        input.value = '';
      });
  };

  #renderTier(tier: TierDraft, index: number) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const id = `tier-${tier.tier}`;
    return html`<fieldset class="tier">
      <legend>${tierLabel(tier.tier, t)}</legend>
      <label class="checkbox">
        <input type="checkbox" id="${id}-enabled" .checked=${live(tier.enabled)} @change=${(event: Event) => this.#update(index, { enabled: (event.target as HTMLInputElement).checked })} />
        ${t('marketplace.studio.tierEnabled')}
      </label>
      <div class="field">
        <label for="${id}-price">${t('marketplace.studio.tierPrice', { tier: tierLabel(tier.tier, t) })}</label>
        <input
          id="${id}-price"
          type="number"
          inputmode="decimal"
          step="0.01"
          min=${LICENCE_PRICE_MIN}
          max=${LICENCE_PRICE_MAX}
          .value=${live(tier.price)}
          @input=${(event: Event) => this.#update(index, { price: (event.target as HTMLInputElement).value })}
        />
      </div>
      <fieldset>
        <legend class="muted">${t('marketplace.studio.tierFiles')}</legend>
        <div class="choices">
          ${LICENCE_FILES.map(
            (file) => html`<label class="choice">
              <input
                type="checkbox"
                .checked=${live(tier.files.includes(file))}
                @change=${(event: Event) => {
                  const on = (event.target as HTMLInputElement).checked;
                  this.#update(index, { files: on ? [...tier.files, file] : tier.files.filter((existing) => existing !== file) });
                }}
              />
              <span>${fileLabel(file, t)}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend class="muted">${t('marketplace.studio.tierCaps')}</legend>
        <div class="caps">
          ${CAP_FIELDS.map(
            (cap) => html`<div class="field">
              <label for="${id}-${cap}">${capFieldLabel(cap, t)}</label>
              <input
                id="${id}-${cap}"
                type="number"
                inputmode="numeric"
                min="0"
                step="1"
                placeholder=${t('marketplace.studio.unlimited')}
                .value=${live(tier.caps[cap])}
                @input=${(event: Event) => this.#update(index, { caps: { ...tier.caps, [cap]: (event.target as HTMLInputElement).value } })}
              />
            </div>`,
          )}
        </div>
      </fieldset>
    </fieldset>`;
  }

  readonly #save = (event: Event): void => {
    event.preventDefault();
    if (this.busy) return;
    const parsed = UpdateBeatLicencesRequest.safeParse({ tiers: this.tiers.map(termsOf) });
    if (!parsed.success) {
      // Name the tier and say what is wrong in words the producer can act on.
      const issue = parsed.error.issues[0];
      const tier = this.tiers[Number(issue?.path[1] ?? 0)];
      this.error = this.#i18n.t('marketplace.studio.tierInvalid', { tier: tier ? tierLabel(tier.tier, (id) => this.#i18n.t(id)) : '', min: LICENCE_PRICE_MIN, max: LICENCE_PRICE_MAX });
      return;
    }
    this.busy = true;
    this.error = '';
    this.status = '';
    this.#api.value
      .updateLicences(this.beatId, parsed.data.tiers)
      .then(
        (licences) => {
          this.tiers = licences.tiers.map(draftOf);
          this.status = this.#i18n.t('marketplace.studio.licencesSaved');
        },
        (error: unknown) => {
          this.error = errorMessage(error, (id) => this.#i18n.t(id));
        },
      )
      .finally(() => {
        this.busy = false;
      });
  };
}

customElements.define('cs-licence-editor', CsLicenceEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cs-licence-editor': CsLicenceEditor;
  }
}
