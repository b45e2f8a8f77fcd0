import { html, LitElement, nothing } from 'lit';
import type { Sale } from '../../../shared/schemas/commerce.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { formStyles } from '../../ui/form-styles.ts';
import { ApiController } from './api-controller.ts';
import { formatPrice } from './beat-labels.ts';
import { CommerceApi } from './commerce-api.ts';
import { tierLabel } from './licence-labels.ts';
import { marketplaceStyles } from './marketplace-styles.ts';
import { studioStyles } from './studio-styles.ts';
import { DISPUTE_IDS } from './dispute-labels.ts';

/**
 * The producer's sales: each licence sold (newest first), to whom, for how much, and its state; a
 * paid one can be refunded in full after a confirmation. In TEST MODE the refund is immediate; with
 * Stripe it is requested and shows once Stripe confirms it.
 */
export class CsSalesPanel extends LitElement {
  static override properties = {
    sales: { state: true },
    nextCursor: { state: true },
    confirming: { state: true },
    busy: { state: true },
    error: { state: true },
    status: { state: true },
  };

  static override styles = [baseStyles, formStyles, marketplaceStyles, studioStyles];

  declare sales: Sale[];
  declare nextCursor: string | null;
  /** The order whose refund waits for a second click. */
  declare confirming: string | null;
  declare busy: boolean;
  declare error: string;
  declare status: string;

  readonly #i18n = new LocaleController(this);
  readonly #api = new ApiController(this, (client) => new CommerceApi(client));
  #loaded = false;

  constructor() {
    super();
    this.sales = [];
    this.nextCursor = null;
    this.confirming = null;
    this.busy = false;
    this.error = '';
    this.status = '';
  }

  protected override willUpdate(): void {
    if (!this.#loaded && this.#api.available) {
      this.#loaded = true;
      void this.#run(() => this.#load(false));
    }
  }

  async #load(more: boolean): Promise<void> {
    const page = await this.#api.value.sales(more ? this.nextCursor : null);
    this.sales = more ? [...this.sales, ...page.sales] : page.sales;
    this.nextCursor = page.nextCursor;
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

  #refund(sale: Sale): void {
    if (this.confirming !== sale.orderId) {
      this.confirming = sale.orderId;
      this.status = '';
      return;
    }
    void this.#run(async () => {
      const result = await this.#api.value.refundSale(sale.orderId);
      this.confirming = null;
      // The button that was focused, far right in a scrolled table on a phone, is gone: back to the start.
      this.renderRoot.querySelector('.table-wrap')?.scrollTo({ left: 0 });
      this.status =
        result.status === 'refunded'
          ? this.#i18n.t('marketplace.sales.refunded', { title: sale.beatTitle, buyer: sale.buyerName })
          : this.#i18n.t('marketplace.sales.requested', { title: sale.beatTitle, buyer: sale.buyerName });
      await this.#load(false);
    });
  }

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const price = (amount: number) => formatPrice(amount, this.#i18n.locale);
    return html`<section class="panel" aria-labelledby="sales-heading">
      <h2 id="sales-heading">${t('marketplace.sales.title')}</h2>
      <div class="live" role="status" aria-live="polite">
        ${this.status ? html`<p class="notice success">${this.status}</p>` : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      ${this.sales.length
        ? html`<div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">${t('marketplace.sales.beat')}</th>
                  <th scope="col">${t('marketplace.sales.buyer')}</th>
                  <th scope="col">${t('marketplace.sales.price')}</th>
                  <th scope="col">${t('marketplace.sales.state')}</th>
                  <th scope="col"><span class="visually-hidden">${t('marketplace.studio.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.sales.map(
                  (sale) => html`<tr>
                    <td>${sale.beatTitle} · ${tierLabel(sale.tier, t)}<br /><span class="muted">${this.#i18n.formatDate(sale.paidAt, { dateStyle: 'medium' })}</span></td>
                    <td>${sale.buyerName}</td>
                    <td>${price(sale.price)}</td>
                    <td>
                      ${sale.status === 'refunded'
                        ? t('marketplace.sales.stateRefunded')
                        : sale.refundRequested
                          ? t('marketplace.sales.stateRequested')
                          : sale.refunded > 0
                            ? t('marketplace.sales.statePartlyRefunded', { amount: price(sale.refunded) })
                            : t('marketplace.sales.statePaid')}
                      ${sale.dispute ? html`<br /><span class="muted">${t(DISPUTE_IDS[sale.dispute])}</span>` : nothing}
                    </td>
                    <td>
                      ${sale.refundable
                        ? html`<div class="row">
                            <button
                              class="button ${this.confirming === sale.orderId ? 'danger' : 'quiet'} small"
                              type="button"
                              ?disabled=${this.busy}
                              aria-label=${this.confirming === sale.orderId
                                ? t('marketplace.sales.confirmRefund', { title: sale.beatTitle, buyer: sale.buyerName })
                                : t('marketplace.sales.refundLabel', { title: sale.beatTitle, buyer: sale.buyerName })}
                              @click=${() => this.#refund(sale)}
                            >
                              ${this.confirming === sale.orderId ? t('marketplace.sales.confirm') : t('marketplace.sales.refund')}
                            </button>
                            ${this.confirming === sale.orderId
                              ? html`<button class="button quiet small" type="button" @click=${() => (this.confirming = null)}>${t('marketplace.sales.cancel')}</button>`
                              : nothing}
                          </div>`
                        : nothing}
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="muted">${t('marketplace.sales.empty')}</p>`}
      ${this.nextCursor
        ? html`<button class="button secondary small" type="button" ?disabled=${this.busy} @click=${() => void this.#run(() => this.#load(true))}>${t('marketplace.sales.more')}</button>`
        : nothing}
    </section>`;
  }
}

customElements.define('cs-sales-panel', CsSalesPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cs-sales-panel': CsSalesPanel;
  }
}
