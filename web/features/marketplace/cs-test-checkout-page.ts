import { css, html, LitElement, nothing } from 'lit';
import type { Order } from '../../../shared/schemas/commerce.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { matchRoute } from '../../app/router.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { ApiController } from './api-controller.ts';
import { formatPrice } from './beat-labels.ts';
import { CommerceApi } from './commerce-api.ts';
import { tierLabel } from './licence-labels.ts';
import { marketplaceStyles } from './marketplace-styles.ts';

/**
 * /checkout/test/:orderId: the payment page of TEST MODE (no Stripe keys configured). It says so
 * plainly, shows the order, and settles it with Pay or Decline through
 * `POST /api/payments/test-checkout/{orderId}`, as Stripe's webhook would in production.
 */
export class CsTestCheckoutPage extends LitElement {
  static override properties = {
    order: { state: true },
    loading: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    marketplaceStyles,
    css`
      .test-mode {
        display: grid;
        gap: var(--cs-space-1, 0.25rem);
        padding: var(--cs-space-4, 1rem);
        border: 2px dashed var(--cs-color-warning, #8a5300);
        border-radius: var(--cs-radius, 12px);
        background: var(--cs-color-warning-soft, #fff4e0);
        color: var(--cs-color-warning, #8a5300);
      }

      .test-mode strong {
        font-size: 1.05rem;
        letter-spacing: 0.04em;
        text-transform: uppercase;
      }

      table {
        width: 100%;
        border-collapse: collapse;
      }

      th,
      td {
        padding: var(--cs-space-2, 0.5rem) 0;
        border-bottom: 1px solid var(--cs-color-border, #dedbe9);
        text-align: start;
      }

      td.amount,
      th.amount {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }

      tfoot th,
      tfoot td {
        border-bottom: 0;
      }

      .total {
        font-weight: 800;
        font-size: 1.1rem;
      }
    `,
  ];

  declare order: Order | null;
  declare loading: boolean;
  declare busy: boolean;
  declare error: string;

  readonly #i18n = new LocaleController(this);
  readonly #api = new ApiController(this, (client) => new CommerceApi(client));
  #loaded = false;

  constructor() {
    super();
    this.order = null;
    this.loading = true;
    this.busy = false;
    this.error = '';
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  get #orderId(): string {
    return matchRoute([{ path: '/checkout/test/:orderId' }], location.pathname)?.params['orderId'] ?? '';
  }

  protected override willUpdate(): void {
    if (!this.#loaded && this.#api.available) {
      this.#loaded = true;
      void this.#load();
    }
  }

  async #load(): Promise<void> {
    try {
      this.order = await this.#api.value.order(this.#orderId);
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.loading = false;
    }
  }

  async #settle(outcome: 'succeed' | 'decline'): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      this.order = await this.#api.value.testCheckout(this.#orderId, outcome);
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const order = this.order;
    const money = (amount: number) => formatPrice(amount, this.#i18n.locale);
    return html`<div class="page" aria-busy=${this.loading ? 'true' : 'false'}>
      <header class="page-header">
        <h1 tabindex="-1">${t('marketplace.testCheckout.title')}</h1>
      </header>
      <div class="test-mode" role="note">
        <strong>${t('marketplace.testCheckout.badge')}</strong>
        <span>${t('marketplace.testCheckout.explain')}</span>
      </div>
      ${order
        ? html`<section class="panel" aria-labelledby="order-heading">
            <h2 id="order-heading">${t('marketplace.testCheckout.order')}</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">${t('marketplace.testCheckout.item')}</th>
                  <th scope="col" class="amount">${t('marketplace.testCheckout.price')}</th>
                </tr>
              </thead>
              <tbody>
                ${order.items.map(
                  (item) => html`<tr>
                    <td>${t('marketplace.testCheckout.line', { title: item.beatTitle, tier: tierLabel(item.tier, t) })}</td>
                    <td class="amount">${money(item.price)}</td>
                  </tr>`,
                )}
              </tbody>
              <tfoot>
                ${order.discount > 0
                  ? html`<tr>
                      <th scope="row">${order.couponCode ? t('marketplace.testCheckout.discountCode', { code: order.couponCode }) : t('marketplace.testCheckout.discount')}</th>
                      <td class="amount">−${money(order.discount)}</td>
                    </tr>`
                  : nothing}
                <tr class="total">
                  <th scope="row">${t('marketplace.testCheckout.total')}</th>
                  <td class="amount" id="order-total">${money(order.total)}</td>
                </tr>
              </tfoot>
            </table>
          </section>`
        : nothing}
      <div class="live" role="status" aria-live="polite">
        ${order?.status === 'paid'
          ? html`<p class="notice success">${t('marketplace.testCheckout.paid')} <a href="/library">${t('marketplace.testCheckout.toLibrary')}</a></p>`
          : nothing}
        ${order?.status === 'declined' ? html`<p class="notice error">${t('marketplace.testCheckout.declined')}</p>` : nothing}
        ${order?.status === 'refunding' || order?.status === 'refunded' ? html`<p class="notice warning">${t('marketplace.testCheckout.refunded')}</p>` : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      ${order?.status === 'pending'
        ? html`<div class="row">
            <button class="button" type="button" ?disabled=${this.busy} @click=${() => void this.#settle('succeed')}>${t('marketplace.testCheckout.pay', { total: money(order.total) })}</button>
            <button class="button danger" type="button" ?disabled=${this.busy} @click=${() => void this.#settle('decline')}>${t('marketplace.testCheckout.decline')}</button>
          </div>`
        : nothing}
    </div>`;
  }
}

customElements.define('cs-test-checkout-page', CsTestCheckoutPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-test-checkout-page': CsTestCheckoutPage;
  }
}
