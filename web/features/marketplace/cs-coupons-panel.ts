import { html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { COUPON_KINDS, CreateCouponRequest, type Coupon, type CouponKind } from '../../../shared/schemas/commerce.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { ApiController } from './api-controller.ts';
import { formatPrice } from './beat-labels.ts';
import { CommerceApi } from './commerce-api.ts';
import { marketplaceStyles } from './marketplace-styles.ts';
import { studioStyles } from './studio-styles.ts';

const KIND_IDS = {
  percent: messageId('marketplace.coupons.kind.percent'),
  amount: messageId('marketplace.coupons.kind.amount'),
} as const satisfies Record<CouponKind, string>;

/** The producer's coupon codes: list with uses, create (checked with the API's schema), delete. */
export class CsCouponsPanel extends LitElement {
  static override properties = {
    coupons: { state: true },
    code: { state: true },
    kind: { state: true },
    value: { state: true },
    maxUses: { state: true },
    expires: { state: true },
    busy: { state: true },
    error: { state: true },
    status: { state: true },
  };

  static override styles = [baseStyles, formStyles, marketplaceStyles, studioStyles];

  declare coupons: Coupon[];
  declare code: string;
  declare kind: CouponKind;
  declare value: string;
  declare maxUses: string;
  declare expires: string;
  declare busy: boolean;
  declare error: string;
  declare status: string;

  readonly #i18n = new LocaleController(this);
  readonly #api = new ApiController(this, (client) => new CommerceApi(client));
  #loaded = false;

  constructor() {
    super();
    this.coupons = [];
    this.code = '';
    this.kind = 'percent';
    this.value = '';
    this.maxUses = '';
    this.expires = '';
    this.busy = false;
    this.error = '';
    this.status = '';
  }

  protected override willUpdate(): void {
    if (!this.#loaded && this.#api.available) {
      this.#loaded = true;
      void this.#run(async () => {
        this.coupons = await this.#api.value.coupons();
      });
    }
  }

  async #run(action: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await action();
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.busy = false;
    }
  }

  #describe(coupon: Coupon): string {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    return coupon.kind === 'percent' ? t('marketplace.coupons.percentOff', { value: coupon.value }) : t('marketplace.coupons.amountOff', { value: formatPrice(coupon.value, this.#i18n.locale) });
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    return html`<section class="panel" aria-labelledby="coupons-heading">
      <h2 id="coupons-heading">${t('marketplace.coupons.title')}</h2>
      <div class="live" role="status" aria-live="polite">
        ${this.status ? html`<p class="notice success">${this.status}</p>` : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      ${this.coupons.length
        ? html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">${t('marketplace.coupons.code')}</th>
                  <th scope="col">${t('marketplace.coupons.discount')}</th>
                  <th scope="col">${t('marketplace.coupons.uses')}</th>
                  <th scope="col">${t('marketplace.coupons.expires')}</th>
                  <th scope="col"><span class="visually-hidden">${t('marketplace.studio.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.coupons.map(
                  (coupon) => html`<tr>
                    <td><code>${coupon.code}</code></td>
                    <td>${this.#describe(coupon)}</td>
                    <td>${coupon.maxUses === null ? t('marketplace.coupons.usesUnlimited', { uses: coupon.uses }) : t('marketplace.coupons.usesOf', { uses: coupon.uses, max: coupon.maxUses })}</td>
                    <td>${coupon.expiresAt ? this.#i18n.formatDate(coupon.expiresAt, { dateStyle: 'medium' }) : t('marketplace.coupons.never')}</td>
                    <td>
                      <button class="button quiet small" type="button" ?disabled=${this.busy} aria-label=${t('marketplace.coupons.deleteCode', { code: coupon.code })} @click=${() => this.#delete(coupon)}>
                        ${t('marketplace.studio.remove')}
                      </button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="muted">${t('marketplace.coupons.empty')}</p>`}
      <form class="grid" novalidate @submit=${this.#create}>
        <div class="field">
          <label for="coupon-code">${t('marketplace.coupons.code')}</label>
          <input id="coupon-code" type="text" autocapitalize="characters" spellcheck="false" maxlength="32" .value=${live(this.code)} @input=${(event: Event) => (this.code = (event.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="coupon-kind">${t('marketplace.coupons.kind')}</label>
          <select id="coupon-kind" @change=${(event: Event) => (this.kind = (event.target as HTMLSelectElement).value as CouponKind)}>
            ${COUPON_KINDS.map((kind) => html`<option value=${kind} ?selected=${this.kind === kind}>${t(KIND_IDS[kind])}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="coupon-value">${this.kind === 'percent' ? t('marketplace.coupons.valuePercent') : t('marketplace.coupons.valueAmount')}</label>
          <input id="coupon-value" type="number" inputmode="decimal" min="0.01" step=${this.kind === 'percent' ? '1' : '0.01'} .value=${live(this.value)} @input=${(event: Event) => (this.value = (event.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="coupon-max">${t('marketplace.coupons.maxUses')}</label>
          <input id="coupon-max" type="number" inputmode="numeric" min="1" step="1" placeholder=${t('marketplace.studio.unlimited')} .value=${live(this.maxUses)} @input=${(event: Event) => (this.maxUses = (event.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="coupon-expires">${t('marketplace.coupons.expiresOn')}</label>
          <input id="coupon-expires" type="date" .value=${live(this.expires)} @input=${(event: Event) => (this.expires = (event.target as HTMLInputElement).value)} />
        </div>
        <div class="actions wide"><button class="button" type="submit" ?disabled=${this.busy}>${t('marketplace.coupons.create')}</button></div>
      </form>
    </section>`;
  }

  readonly #create = (event: Event): void => {
    event.preventDefault();
    if (this.busy) return;
    const parsed = CreateCouponRequest.safeParse({
      code: this.code.trim().toUpperCase(),
      kind: this.kind,
      value: Number(this.value.replace(',', '.')),
      maxUses: this.maxUses.trim() ? Number(this.maxUses) : null,
      // The end of the chosen day, in the producer's time zone.
      expiresAt: this.expires ? new Date(`${this.expires}T23:59:59`).toISOString() : null,
    });
    if (!parsed.success) {
      this.error = this.#i18n.t('marketplace.coupons.invalid');
      return;
    }
    void this.#run(async () => {
      const coupon = await this.#api.value.createCoupon(parsed.data);
      this.coupons = [coupon, ...this.coupons];
      this.code = '';
      this.value = '';
      this.maxUses = '';
      this.expires = '';
      this.status = this.#i18n.t('marketplace.coupons.created', { code: coupon.code });
    });
  };

  #delete(coupon: Coupon): void {
    void this.#run(async () => {
      await this.#api.value.deleteCoupon(coupon.id);
      this.coupons = this.coupons.filter((existing) => existing.id !== coupon.id);
      this.status = this.#i18n.t('marketplace.coupons.deleted', { code: coupon.code });
    });
  }
}

customElements.define('cs-coupons-panel', CsCouponsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cs-coupons-panel': CsCouponsPanel;
  }
}
