import { css, html, LitElement, nothing } from 'lit';
import type { Order } from '../../../shared/schemas/commerce.ts';
import { ApiError } from '../../api/api-error.ts';
import { sessionContext } from '../../app/contexts.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { matchRoute } from '../../app/router.ts';
import { ServiceController } from '../../app/service-controller.ts';
import { baseStyles, pageStyles } from '../../ui/base-styles.ts';
import { ApiController } from '../marketplace/api-controller.ts';
import { BeatsApi } from '../marketplace/beats-api.ts';
import { cartOf } from '../marketplace/cart.ts';
import { CommerceApi } from '../marketplace/commerce-api.ts';
import '../marketplace/cs-order-summary.ts';
import { DISPUTE_IDS } from '../marketplace/dispute-labels.ts';
import { marketplaceStyles } from '../marketplace/marketplace-styles.ts';
import { formatPrice } from '../marketplace/beat-labels.ts';
import { ORDER_STATUS_IDS, REFUND_REASON_IDS } from './order-labels.ts';
import { cartLinesFor, type BeatNow } from './order-to-cart.ts';

/** How often, and how long, the page asks whether a payment Stripe accepted has reached us (its webhook). */
const CONFIRM_EVERY_MS = 2000;
const CONFIRM_FOR_MS = 60_000;

/** What putting an order's beats back in the cart did. */
interface Restored {
  added: number;
  unavailable: string[];
  full: boolean;
}

/**
 * /orders/:id: one of the buyer's orders, and where the payment page (Stripe Checkout, or the test
 * page) sends them back: `?checkout=success` after paying, `?checkout=cancelled` when they left.
 * After paying it waits for the payment to be confirmed (Stripe's webhook, usually seconds). An order
 * left unpaid can be cancelled — its payment page is closed at Stripe so it can never be paid later —
 * and its beats put back in the cart, as the catalogue sells them now, so leaving the payment page
 * never costs the buyer their cart.
 */
export class CsOrderPage extends LitElement {
  static override properties = {
    order: { state: true },
    loading: { state: true },
    busy: { state: true },
    confirming: { state: true },
    slow: { state: true },
    restored: { state: true },
    error: { state: true },
  };

  static override styles = [
    baseStyles,
    pageStyles,
    marketplaceStyles,
    css`
      .state,
      #restored {
        display: grid;
        gap: var(--cs-space-2, 0.5rem);
      }
    `,
  ];

  declare order: Order | null;
  declare loading: boolean;
  declare busy: boolean;
  /** Waiting for a payment made a moment ago to be confirmed. */
  declare confirming: boolean;
  /** It has not been confirmed within CONFIRM_FOR_MS. */
  declare slow: boolean;
  declare restored: Restored | null;
  declare error: string;

  readonly #i18n = new LocaleController(this);
  readonly #session = new ServiceController(this, sessionContext);
  readonly #commerce = new ApiController(this, (client) => new CommerceApi(client));
  readonly #beats = new ApiController(this, (client) => new BeatsApi(client));
  /** Where the payment page sent the buyer back from, read once: `success`, `cancelled` or null. */
  readonly #returned = new URLSearchParams(location.search).get('checkout');
  #loaded = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.order = null;
    this.loading = true;
    this.busy = false;
    this.confirming = false;
    this.slow = false;
    this.restored = null;
    this.error = '';
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  get #orderId(): string {
    return matchRoute([{ path: '/orders/:id' }], location.pathname)?.params['id'] ?? '';
  }

  protected override willUpdate(): void {
    if (!this.#loaded && this.#commerce.available) {
      this.#loaded = true;
      void this.#load();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  async #load(): Promise<void> {
    try {
      this.order = await this.#commerce.value.order(this.#orderId);
      if (this.order.status === 'pending' && this.#returned === 'success') this.#confirm(Date.now() + CONFIRM_FOR_MS);
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.loading = false;
    }
  }

  /** Asks again until the order is no longer pending or the deadline passes. */
  #confirm(until: number): void {
    this.confirming = true;
    this.slow = false;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(async () => {
      try {
        this.order = await this.#commerce.value.order(this.#orderId);
      } catch (error) {
        // A dropped connection is retried like a pending answer; anything else is said.
        if (!(error instanceof ApiError && error.isNetworkError)) {
          this.error = errorMessage(error, (id) => this.#i18n.t(id));
          this.confirming = false;
          return;
        }
      }
      if (this.order?.status !== 'pending') this.confirming = false;
      else if (Date.now() < until) this.#confirm(until);
      else {
        this.confirming = false;
        this.slow = true;
      }
    }, CONFIRM_EVERY_MS);
  }

  readonly #checkAgain = (): void => this.#confirm(Date.now() + CONFIRM_FOR_MS);

  readonly #cancel = async (): Promise<void> => {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      this.order = await this.#commerce.value.cancelOrder(this.#orderId);
      await this.#putBack(this.order);
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
      // A 409 means the order moved on (paid on Stripe's page meanwhile): show what it is now.
      if (error instanceof ApiError && error.status === 409) await this.#load();
    } finally {
      this.busy = false;
    }
  };

  readonly #restore = async (): Promise<void> => {
    if (this.busy || !this.order) return;
    this.busy = true;
    this.error = '';
    try {
      await this.#putBack(this.order);
    } catch (error) {
      this.error = errorMessage(error, (id) => this.#i18n.t(id));
    } finally {
      this.busy = false;
    }
  };

  /** Adds the order's beats to the cart as the catalogue sells them now, and says what came back. */
  async #putBack(order: Order): Promise<void> {
    const user = this.#session.value.user;
    if (!user) return;
    const ids = [...new Set(order.items.map((item) => item.beatId))];
    const found = await Promise.all(ids.map((id) => this.#lookUp(id)));
    const { lines, unavailable } = cartLinesFor(order.items, new Map(ids.map((id, index) => [id, found[index] ?? null])));
    const cart = cartOf(user.id);
    let added = 0;
    let full = false;
    for (const line of lines) {
      if (cart.add(line) === 'full') full = true;
      else added++;
    }
    this.restored = { added, unavailable, full };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#restored')?.focus();
  }

  /** The beat and its licences now; null when the catalogue no longer has it for this buyer. */
  async #lookUp(beatId: string): Promise<BeatNow | null> {
    try {
      const [beat, licences] = await Promise.all([this.#beats.value.get(beatId), this.#commerce.value.licences(beatId)]);
      return { beat, licences };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const order = this.order;
    return html`<div class="page" aria-busy=${this.loading || this.busy ? 'true' : 'false'}>
      <header class="page-header">
        <h1 tabindex="-1">${t('library.order.title')}</h1>
        ${order ? html`<p class="muted">${t('library.order.placed', { date: this.#i18n.formatDate(order.createdAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>` : nothing}
      </header>
      ${order
        ? html`<section class="panel" aria-labelledby="items-heading">
            <h2 id="items-heading">${t('library.order.items')}</h2>
            <cs-order-summary .order=${order}></cs-order-summary>
          </section>`
        : nothing}
      <div class="state" role="status" aria-live="polite">
        ${order ? this.#state(order) : nothing}
        ${this.restored ? this.#restoredNotice(this.restored) : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      ${order ? this.#actions(order) : nothing}
    </div>`;
  }

  /** Where the order stands, in the buyer's words. */
  #state(order: Order) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    switch (order.status) {
      case 'pending':
        if (this.confirming) return html`<p class="notice">${t('library.order.confirming')}</p>`;
        if (this.slow) return html`<p class="notice warning">${t('library.order.slow')}</p>`;
        return html`${this.#returned === 'cancelled' ? html`<p class="notice">${t('library.order.left')}</p>` : nothing}
          <p>${t('library.order.waiting')}</p>`;
      case 'paid':
        return html`<p class="notice success">
            ${order.refunded > 0 ? t('library.orders.partlyRefunded', { amount: formatPrice(order.refunded, this.#i18n.locale) }) : t('library.order.paid')}
            <a href="/library">${t('library.order.toLibrary')}</a>
          </p>
          ${order.dispute ? html`<p class="muted">${t(DISPUTE_IDS[order.dispute])}</p>` : nothing}`;
      case 'declined':
        return html`<p class="notice">${t('library.order.declined')}</p>`;
      case 'refunding':
      case 'refunded': {
        const reason = order.refundReason ? REFUND_REASON_IDS[order.refundReason] : undefined;
        return html`<p class="notice warning">${t(ORDER_STATUS_IDS[order.status])}${reason ? html` — ${t(reason)}` : nothing}</p>`;
      }
    }
  }

  #restoredNotice(restored: Restored) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    return html`<div id="restored" tabindex="-1">
      ${restored.added > 0 ? html`<p class="notice success">${t('library.order.restored', { count: restored.added })} <a href="/cart">${t('library.order.toCart')}</a></p>` : nothing}
      ${restored.unavailable.length > 0
        ? html`<p class="notice warning">${t('library.order.unavailable', { titles: this.#i18n.formatList(restored.unavailable) })}</p>`
        : nothing}
      ${restored.full ? html`<p class="notice warning">${t('marketplace.cart.full')}</p>` : nothing}
    </div>`;
  }

  #actions(order: Order) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    if (order.status === 'pending' && this.slow) {
      return html`<div class="row"><button class="button secondary" type="button" @click=${this.#checkAgain}>${t('library.order.checkAgain')}</button></div>`;
    }
    if (order.status === 'pending' && !this.confirming) {
      return html`<div class="row">
        ${order.paymentUrl
          ? html`<a class="button" href=${order.paymentUrl}>${order.mode === 'test' ? t('library.order.payTest') : t('library.order.payStripe')}</a>`
          : nothing}
        <button class="button secondary" type="button" ?disabled=${this.busy} @click=${this.#cancel}>${t('library.order.cancel')}</button>
      </div>`;
    }
    if (order.status === 'declined' && !this.restored) {
      return html`<div class="row"><button class="button" type="button" ?disabled=${this.busy} @click=${this.#restore}>${t('library.order.restore')}</button></div>`;
    }
    return nothing;
  }
}

customElements.define('cs-order-page', CsOrderPage);

declare global {
  interface HTMLElementTagNameMap {
    'cs-order-page': CsOrderPage;
  }
}
