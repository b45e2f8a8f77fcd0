import { css, html, LitElement, nothing } from 'lit';
import type { Order } from '../../../shared/schemas/commerce.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { matchRoute } from '../../app/router.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { ApiController } from './api-controller.ts';
import { formatPrice } from './beat-labels.ts';
import { CommerceApi } from './commerce-api.ts';
import './cs-order-summary.ts';
import { marketplaceStyles } from './marketplace-styles.ts';
import { navigate } from './navigation.ts';

/**
 * /checkout/test/:orderId: the payment page of TEST MODE (no Stripe keys configured). It says so
 * plainly, shows the order, and settles it with Pay or Decline through
 * `POST /api/payments/test-checkout/{orderId}`, as Stripe's webhook would in production. Then, as
 * Stripe Checkout does, it sends the buyer to the order's page (`/orders/:id?checkout=success`), or
 * there with `checkout=cancelled` when they go back without paying.
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
      // Replaced, as a finished payment page is no place to come back to.
      navigate(this, this.#orderPage(outcome === 'succeed' ? 'success' : undefined), { replace: true });
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.busy = false;
    }
  }

  #orderPage(checkout?: 'success' | 'cancelled'): string {
    return `/orders/${encodeURIComponent(this.#orderId)}${checkout ? `?checkout=${checkout}` : ''}`;
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
            <cs-order-summary .order=${order}></cs-order-summary>
          </section>`
        : nothing}
      <div class="live" role="status" aria-live="polite">
        ${order && order.status !== 'pending'
          ? html`<p class="notice">${t('marketplace.testCheckout.settled')} <a href=${this.#orderPage()}>${t('marketplace.testCheckout.toOrder')}</a></p>`
          : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      ${order?.status === 'pending'
        ? html`<div class="row">
              <button class="button" type="button" ?disabled=${this.busy} @click=${() => void this.#settle('succeed')}>${t('marketplace.testCheckout.pay', { total: money(order.total) })}</button>
              <button class="button danger" type="button" ?disabled=${this.busy} @click=${() => void this.#settle('decline')}>${t('marketplace.testCheckout.decline')}</button>
            </div>
            <p><a href=${this.#orderPage('cancelled')}>${t('marketplace.testCheckout.back')}</a></p>`
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
