import { css, html, LitElement, nothing } from 'lit';
import type { Order } from '../../../shared/schemas/commerce.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { formatPrice } from './beat-labels.ts';
import { tierLabel } from './licence-labels.ts';

/** What an order buys: one row per licence with its price, the discount and the total. */
export class CsOrderSummary extends LitElement {
  static override properties = {
    order: { attribute: false },
  };

  static override styles = [
    baseStyles,
    css`
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

  readonly #i18n = new LocaleController(this);

  constructor() {
    super();
    this.order = null;
  }

  override render() {
    const order = this.order;
    if (!this.#i18n.available || !order) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const money = (amount: number) => formatPrice(amount, this.#i18n.locale);
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${t('marketplace.orderSummary.item')}</th>
          <th scope="col" class="amount">${t('marketplace.orderSummary.price')}</th>
        </tr>
      </thead>
      <tbody>
        ${order.items.map(
          (item) => html`<tr>
            <td>${t('marketplace.orderSummary.line', { title: item.beatTitle, tier: tierLabel(item.tier, t) })}</td>
            <td class="amount">${money(item.price)}</td>
          </tr>`,
        )}
      </tbody>
      <tfoot>
        ${order.discount > 0
          ? html`<tr>
              <th scope="row">${order.couponCode ? t('marketplace.orderSummary.discountCode', { code: order.couponCode }) : t('marketplace.orderSummary.discount')}</th>
              <td class="amount">−${money(order.discount)}</td>
            </tr>`
          : nothing}
        <tr class="total">
          <th scope="row">${t('marketplace.orderSummary.total')}</th>
          <td class="amount" id="order-total">${money(order.total)}</td>
        </tr>
      </tfoot>
    </table>`;
  }
}

customElements.define('cs-order-summary', CsOrderSummary);

declare global {
  interface HTMLElementTagNameMap {
    'cs-order-summary': CsOrderSummary;
  }
}
