import { css, html, LitElement, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Order } from '../../../shared/schemas/commerce.ts';
import { connectivityContext, sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { ApiController } from './api-controller.ts';
import { formatPrice } from './beat-labels.ts';
import { cartOf, type Cart, type CartLine } from './cart.ts';
import { CommerceApi } from './commerce-api.ts';
import { tierLabel } from './licence-labels.ts';
import { marketplaceStyles } from './marketplace-styles.ts';
import { followUrl } from './navigation.ts';

/** Stripe closes a checkout session after a day; older pending orders are about to be declined. */
const WAITING_FOR_MS = 24 * 3600 * 1000;

/**
 * /cart: the beats a buyer picked, from any producers, bought in one checkout (one payment, one
 * order). Prices shown are as they were when added; the checkout prices every line afresh, and a
 * coupon applies to its producer's lines. The cart lives on this device, so it is there offline;
 * checking out needs the network.
 */
export class CsCartPage extends LitElement {
  static override properties = {
    coupon: { state: true },
    busy: { state: true },
    error: { state: true },
    waiting: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    formStyles,
    marketplaceStyles,
    css`
      .lines {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
        margin: 0;
        padding: 0;
        list-style: none;
      }

      .line {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto auto;
        align-items: center;
        gap: var(--cs-space-2, 0.5rem) var(--cs-space-4, 1rem);
      }

      .line .what {
        display: grid;
        min-width: 0;
      }

      .line .price,
      .total {
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }

      .checkout {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: var(--cs-space-3, 0.75rem);
      }
    `,
  ];

  declare coupon: string;
  declare busy: boolean;
  declare error: string;
  /**
   * The buyer's orders of the last day still waiting for payment: checking out empties the cart, so
   * someone who closed the payment page finds here where their beats went (and, on the order's page,
   * how to put them back).
   */
  declare waiting: Order[];
  #askedForWaiting = false;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #connectivity = new ServiceController(this, connectivityContext);
  readonly #commerce = new ApiController(this, (client) => new CommerceApi(client));
  #cart: Cart | null = null;
  readonly #changed = (): void => this.requestUpdate();
  readonly #otherTab = (event: StorageEvent): void => this.#cart?.storageChanged(event.key);

  constructor() {
    super();
    this.coupon = '';
    this.busy = false;
    this.error = '';
    this.waiting = [];
  }

  protected override willUpdate(): void {
    if (!this.#askedForWaiting && this.#commerce.available && this.#connectivity.available && this.#connectivity.value.online) {
      this.#askedForWaiting = true;
      void this.#loadWaiting();
    }
  }

  async #loadWaiting(): Promise<void> {
    try {
      const since = Date.now() - WAITING_FOR_MS;
      this.waiting = (await this.#commerce.value.orders()).orders.filter((order) => order.status === 'pending' && Date.parse(order.createdAt) > since);
    } catch {
      // Only a pointer to something the library lists too: without it the cart still works.
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('storage', this.#otherTab);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('storage', this.#otherTab);
    this.#cart?.removeEventListener('change', this.#changed);
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** The signed-in account's cart (the route is for members only). */
  #cartNow(): Cart | null {
    const user = this.#session.available ? this.#session.value.user : null;
    if (!user) return null;
    if (!this.#cart) {
      this.#cart = cartOf(user.id);
      this.#cart.addEventListener('change', this.#changed);
    }
    return this.#cart;
  }

  override render() {
    if (!this.#i18n.available || !this.#connectivity.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const cart = this.#cartNow();
    const lines = cart?.lines ?? [];
    const online = this.#connectivity.value.online;
    const price = (amount: number) => formatPrice(amount, this.#i18n.locale);
    return html`<div class="page">
      <header class="page-header">
        <h1 tabindex="-1">${t('marketplace.cart.title')}</h1>
        <p class="lead">${t('marketplace.cart.lead')}</p>
      </header>
      <div class="live" role="status" aria-live="polite">${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}</div>
      ${this.waiting.map(
        (order) =>
          html`<p class="notice">
            ${t('marketplace.cart.waitingOrder', { date: this.#i18n.formatDate(order.createdAt, { dateStyle: 'medium', timeStyle: 'short' }), count: order.items.length })}
            <a href="/orders/${encodeURIComponent(order.id)}">${t('marketplace.cart.seeOrder')}</a>
          </p>`,
      )}
      ${lines.length === 0
        ? html`<p class="empty">${t('marketplace.cart.empty')} <a href="/beats">${t('marketplace.cart.browse')}</a></p>`
        : html`<section class="panel stack" aria-labelledby="lines-heading">
            <h2 id="lines-heading" class="visually-hidden">${t('marketplace.cart.lines')}</h2>
            <ul class="lines">
              ${lines.map((line) => this.#renderLine(line))}
            </ul>
            <p class="total">${t('marketplace.cart.total', { total: price((cart?.totalCents ?? 0) / 100) })}</p>
            <div class="checkout">
              <div class="field">
                <label for="coupon">${t('marketplace.beatPage.coupon')}</label>
                <input id="coupon" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="32" .value=${live(this.coupon)} @input=${(event: Event) => (this.coupon = (event.target as HTMLInputElement).value)} />
              </div>
              <button class="button" type="button" ?disabled=${this.busy || !online} @click=${this.#checkout}>
                ${t('marketplace.cart.checkout', { count: lines.length })}
              </button>
            </div>
            ${online ? nothing : html`<p class="muted">${t('marketplace.beatPage.buyOffline')}</p>`}
          </section>`}
    </div>`;
  }

  #renderLine(line: CartLine) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    return html`<li class="line">
      <span class="what">
        <a href="/beats/${encodeURIComponent(line.beatId)}">${line.title}</a>
        <span class="muted">${t('marketplace.cart.lineDetail', { producer: line.producerName, tier: tierLabel(line.tier, t) })}</span>
      </span>
      <span class="price">${formatPrice(line.price, this.#i18n.locale)}</span>
      <button class="button quiet small" type="button" ?disabled=${this.busy} aria-label=${t('marketplace.cart.removeLabel', { title: line.title })} @click=${() => this.#cart?.remove(line.beatId)}>
        ${t('marketplace.cart.remove')}
      </button>
    </li>`;
  }

  /** One order for every line, then on to pay for it; the cart empties once the order exists. */
  readonly #checkout = async (): Promise<void> => {
    const cart = this.#cart;
    if (!cart || this.busy || cart.count === 0) return;
    this.busy = true;
    this.error = '';
    try {
      const checkout = await this.#commerce.value.checkout(cart.lines, this.coupon.trim() || undefined);
      cart.clear();
      followUrl(this, checkout.checkoutUrl);
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.busy = false;
    }
  };
}

customElements.define('cs-cart-page', CsCartPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-cart-page': CsCartPage;
  }
}
