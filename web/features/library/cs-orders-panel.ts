import { css, html, LitElement, nothing } from 'lit';
import type { Order } from '../../../shared/schemas/commerce.ts';
import { ApiError } from '../../api/api-error.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { ApiController } from '../marketplace/api-controller.ts';
import { formatPrice } from '../marketplace/beat-labels.ts';
import { CommerceApi } from '../marketplace/commerce-api.ts';
import { tierLabel } from '../marketplace/licence-labels.ts';
import { marketplaceStyles } from '../marketplace/marketplace-styles.ts';
import { studioStyles } from '../marketplace/studio-styles.ts';
import { DISPUTE_IDS } from '../marketplace/dispute-labels.ts';
import { ORDER_STATUS_IDS, REFUND_REASON_IDS } from './order-labels.ts';

/**
 * The buyer's orders under their library: when, what, how much, and what became of each — paid,
 * declined, refunded and why, partly refunded. Online only: offline, the licences above are what counts.
 */
export class CsOrdersPanel extends LitElement {
  static override properties = {
    orders: { state: true },
    error: { state: true },
  };

  static override styles = [
    baseStyles,
    marketplaceStyles,
    studioStyles,
    css`
      .why {
        display: block;
        font-size: 0.85rem;
      }

      /* What was bought gets the room on a phone; the state wraps instead. */
      th:first-child,
      td:first-child {
        width: 50%;
      }
    `,
  ];

  declare orders: Order[] | null;
  declare error: string;

  readonly #i18n = new LocaleController(this);
  readonly #api = new ApiController(this, (client) => new CommerceApi(client));
  #loaded = false;

  constructor() {
    super();
    this.orders = null;
    this.error = '';
  }

  protected override willUpdate(): void {
    if (!this.#loaded && this.#api.available) {
      this.#loaded = true;
      void this.#load();
    }
  }

  /** Reloads the list (the library calls it when it comes back online). */
  async reload(): Promise<void> {
    await this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.orders = (await this.#api.value.orders()).orders;
      this.error = '';
    } catch (error) {
      // Offline the section just stays away; anything else is said.
      if (!(error instanceof ApiError && error.isNetworkError)) this.error = errorMessage(error, (id) => this.#i18n.t(id));
    }
  }

  /** Paid, declined, refunded and why, or partly refunded; and where a dispute about the payment stands. */
  #state(order: Order) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    if (order.status === 'paid' && order.refunded > 0) {
      return html`<span>${t('library.orders.partlyRefunded', { amount: formatPrice(order.refunded, this.#i18n.locale) })}</span>${order.dispute ? html`<span class="why muted">${t(DISPUTE_IDS[order.dispute])}</span>` : nothing}`;
    }
    const reason = (order.status === 'refunded' || order.status === 'refunding') && order.refundReason ? REFUND_REASON_IDS[order.refundReason] : undefined;
    const dispute = order.dispute ? html`<span class="why muted">${t(DISPUTE_IDS[order.dispute])}</span>` : nothing;
    return html`<span>${t(ORDER_STATUS_IDS[order.status])}</span>${reason ? html`<span class="why muted">${t(reason)}</span>` : nothing}${dispute}`;
  }

  override render() {
    if (!this.#i18n.available || (this.orders === null && !this.error)) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const price = (amount: number) => formatPrice(amount, this.#i18n.locale);
    const orders = this.orders ?? [];
    return html`<section class="panel" aria-labelledby="orders-heading">
      <h2 id="orders-heading">${t('library.orders.title')}</h2>
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
      ${orders.length
        ? html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">${t('library.orders.what')}</th>
                  <th scope="col">${t('library.orders.total')}</th>
                  <th scope="col">${t('library.orders.state')}</th>
                </tr>
              </thead>
              <tbody>
                ${orders.map(
                  (order) => html`<tr>
                    <td>
                      ${order.items.map((item) => html`<span class="why">${item.beatTitle} · ${tierLabel(item.tier, t)}</span>`)}
                      <a class="why" href="/orders/${encodeURIComponent(order.id)}">${t('library.orders.view', { date: this.#i18n.formatDate(order.paidAt ?? order.createdAt, { dateStyle: 'medium' }) })}</a>
                    </td>
                    <td>${price(order.total)}</td>
                    <td>${this.#state(order)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : this.error
          ? nothing
          : html`<p class="muted">${t('library.orders.empty')}</p>`}
    </section>`;
  }
}

customElements.define('cs-orders-panel', CsOrdersPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cs-orders-panel': CsOrdersPanel;
  }
}
