import { html, LitElement, nothing } from 'lit';
import type { BillingInterval, Plan, SubscriptionStatus } from '../../../shared/schemas/commerce.ts';
import { errorMessage } from '../../app/error-message.ts';
import { LocaleController } from '../../app/locale-controller.ts';
import { messageId } from '../../app/message-id.ts';
import { baseStyles } from '../../ui/base-styles.ts';
import { ApiController } from './api-controller.ts';
import { formatPrice } from './beat-labels.ts';
import { CommerceApi } from './commerce-api.ts';
import { marketplaceStyles } from './marketplace-styles.ts';
import { followUrl } from './navigation.ts';
import { studioStyles } from './studio-styles.ts';

/** How often, and how long, the panel asks whether a subscription paid on Stripe's page has reached us (its webhook). */
const CONFIRM_EVERY_MS = 2000;
const CONFIRM_FOR_MS = 60_000;
/** After that, while the page stays open. */
const KEEP_ASKING_EVERY_MS = 15_000;

const RETURN_IDS = {
  confirming: messageId('marketplace.plan.confirming'),
  welcome: messageId('marketplace.plan.welcome'),
  slow: messageId('marketplace.plan.confirmSlow'),
  cancelled: messageId('marketplace.plan.checkoutCancelled'),
} as const;

/** Stripe could not take the renewal: retrying (past_due, still Pro) or given up (unpaid). */
const FAILED_PAYMENT: ReadonlySet<string> = new Set(['past_due', 'unpaid']);

const RETURN_NOTICE_CLASS = { confirming: 'notice', welcome: 'notice success', slow: 'notice warning', cancelled: 'notice' } as const;

/** The producer's plan: what it allows (uploads, fee), upgrade to Pro (monthly or yearly), switch interval, cancel. */
export class CsSubscriptionPanel extends LitElement {
  static override properties = {
    subscription: { state: true },
    plans: { state: true },
    busy: { state: true },
    error: { state: true },
    returned: { state: true },
    changing: { state: true },
  };

  static override styles = [baseStyles, marketplaceStyles, studioStyles];

  declare subscription: SubscriptionStatus | null;
  declare plans: Plan[];
  declare busy: boolean;
  declare error: string;
  /**
   * Back from Stripe Checkout (`/studio?checkout=…`): `confirming` until Stripe's webhook makes the
   * plan Pro, then `welcome`; `slow` if that takes over a minute; `cancelled` when they left unpaid.
   */
  declare returned: 'confirming' | 'welcome' | 'slow' | 'cancelled' | null;
  /**
   * A change asked of Stripe (interval, cancel, keep): its answer is the plan as it was, since the
   * state changes only when Stripe's webhook arrives. `confirming` until it has, `slow` after a minute.
   */
  declare changing: 'confirming' | 'slow' | null;

  readonly #i18n = new LocaleController(this);
  readonly #api = new ApiController(this, (client) => new CommerceApi(client));
  #loaded = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.subscription = null;
    this.plans = [];
    this.busy = false;
    this.error = '';
    this.returned = null;
    this.changing = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  /** Reads (and takes out of the address, so a reload does not repeat it) where Stripe sent the producer back from. */
  #readReturn(subscription: SubscriptionStatus): void {
    const url = new URL(location.href);
    const checkout = url.searchParams.get('checkout');
    if (!checkout) return;
    url.searchParams.delete('checkout');
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
    if (checkout === 'cancelled') this.returned = 'cancelled';
    else if (checkout === 'success') {
      if (subscription.plan === 'pro') this.returned = 'welcome';
      else this.#confirm(Date.now() + CONFIRM_FOR_MS);
    }
    // The plan sits low on the studio page: bring what it says into view.
    if (this.returned) void this.updateComplete.then(() => this.scrollIntoView({ block: 'center' }));
  }

  /** Asks for the plan again until it is Pro or the deadline passes. */
  #confirm(until: number): void {
    this.returned = 'confirming';
    this.#poll(until, (subscription) => subscription.plan === 'pro', (arrived) => (this.returned = arrived ? 'welcome' : 'slow'));
  }

  /**
   * Asks for the plan every few seconds until `arrived` holds for it, then calls `settle(true)`. Past
   * the deadline it calls `settle(false)` and goes on asking, less often, while the page is open.
   */
  #poll(until: number, arrived: (subscription: SubscriptionStatus) => boolean, settle: (arrived: boolean) => void): void {
    clearTimeout(this.#timer);
    const delay = Date.now() < until ? CONFIRM_EVERY_MS : KEEP_ASKING_EVERY_MS;
    this.#timer = setTimeout(async () => {
      try {
        this.subscription = await this.#api.value.subscription();
      } catch {
        // Asked again on the next tick; the deadline still holds.
      }
      if (this.subscription && arrived(this.subscription)) {
        settle(true);
        return;
      }
      if (Date.now() >= until) settle(false);
      this.#poll(until, arrived, settle);
    }, delay);
  }

  /** Shows the plan a change answered with and, in Stripe mode, waits for the webhook that makes the change. */
  #changed(subscription: SubscriptionStatus, arrived: (subscription: SubscriptionStatus) => boolean): void {
    this.subscription = subscription;
    // What the panel said about an earlier checkout is old news now.
    this.returned = null;
    if (arrived(subscription)) {
      this.changing = null;
      return;
    }
    this.changing = 'confirming';
    this.#poll(Date.now() + CONFIRM_FOR_MS, arrived, (done) => (this.changing = done ? null : 'slow'));
  }

  protected override willUpdate(): void {
    if (!this.#loaded && this.#api.available) {
      this.#loaded = true;
      void this.#run(async () => {
        const [subscription, plans] = await Promise.all([this.#api.value.subscription(), this.#api.value.plans()]);
        this.subscription = subscription;
        this.plans = plans.plans;
        this.#readReturn(subscription);
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

  override render() {
    if (!this.#i18n.available) return nothing;
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    const subscription = this.subscription;
    const pro = this.plans.find((plan) => plan.id === 'pro');
    const money = (amount: number) => formatPrice(amount, this.#i18n.locale);
    return html`<section class="panel" aria-labelledby="plan-heading" aria-busy=${this.busy ? 'true' : 'false'}>
      <div class="panel-head">
        <h2 id="plan-heading">${t('marketplace.plan.title')}</h2>
        ${subscription ? html`<span class="chip accent">${subscription.plan === 'pro' ? t('marketplace.plan.pro') : t('marketplace.plan.free')}</span>` : nothing}
      </div>
      <div class="live" role="status" aria-live="polite">
        ${this.returned ? html`<p class=${RETURN_NOTICE_CLASS[this.returned]}>${t(RETURN_IDS[this.returned])}</p>` : nothing}
        ${this.changing === 'confirming' ? html`<p class="notice">${t('marketplace.plan.changeConfirming')}</p>` : nothing}
        ${this.changing === 'slow' ? html`<p class="notice warning">${t('marketplace.plan.changeSlow')}</p>` : nothing}
        ${this.error ? html`<p class="notice error">${this.error}</p>` : nothing}
      </div>
      ${subscription
        ? html`<p>
              ${subscription.uploadLimit === null
                ? t('marketplace.plan.uploadsUnlimited', { used: subscription.uploadsUsed })
                : t('marketplace.plan.uploads', { used: subscription.uploadsUsed, limit: subscription.uploadLimit })}
              · ${t('marketplace.plan.fee', { percent: subscription.feePercent })}
            </p>
            ${subscription.plan === 'pro' && subscription.currentPeriodEnd && !FAILED_PAYMENT.has(subscription.status)
              ? html`<p class="muted">
                  ${subscription.cancelAtPeriodEnd
                    ? t('marketplace.plan.endsOn', { date: this.#i18n.formatDate(subscription.currentPeriodEnd, { dateStyle: 'long' }) })
                    : t('marketplace.plan.renewsOn', { date: this.#i18n.formatDate(subscription.currentPeriodEnd, { dateStyle: 'long' }) })}
                </p>`
              : nothing}
            ${FAILED_PAYMENT.has(subscription.status) ? html`<p class="notice warning" role="alert">${t('marketplace.plan.paymentFailed')}</p>` : nothing}
            <div class="row">${this.#actions(subscription, pro, money)}${this.#billing(subscription)}</div>
            ${subscription.mode === 'test' ? html`<p class="muted">${t('marketplace.plan.testMode')}</p>` : nothing}`
        : nothing}
    </section>`;
  }

  #actions(subscription: SubscriptionStatus, pro: Plan | undefined, money: (amount: number) => string) {
    const t = (id: string, values?: Record<string, unknown>): string => this.#i18n.t(id, values);
    if (subscription.plan !== 'pro') {
      // Stripe gave up on a renewal but the subscription lives on there: fixing the card revives it,
      // while going Pro again would start a second one.
      if (!pro || FAILED_PAYMENT.has(subscription.status)) return nothing;
      // While a payment just made is being confirmed, a second one would only be refused.
      const disabled = this.busy || this.returned === 'confirming';
      return html`<button class="button" type="button" ?disabled=${disabled} @click=${() => this.#subscribe('month')}>${t('marketplace.plan.upgradeMonthly', { price: money(pro.prices.month) })}</button>
        <button class="button secondary" type="button" ?disabled=${disabled} @click=${() => this.#subscribe('year')}>${t('marketplace.plan.upgradeYearly', { price: money(pro.prices.year) })}</button>`;
    }
    const other: BillingInterval = subscription.interval === 'year' ? 'month' : 'year';
    // One change at a time: the next waits until Stripe has confirmed this one.
    const disabled = this.busy || this.changing === 'confirming';
    return html`<button class="button secondary" type="button" ?disabled=${disabled} @click=${() => this.#change(other)}>
        ${other === 'year' ? t('marketplace.plan.switchYearly') : t('marketplace.plan.switchMonthly')}
      </button>
      ${subscription.cancelAtPeriodEnd
        ? html`<button class="button" type="button" ?disabled=${disabled} @click=${() => this.#change(subscription.interval ?? 'month')}>${t('marketplace.plan.keep')}</button>`
        : html`<button class="button danger" type="button" ?disabled=${disabled} @click=${this.#cancel}>${t('marketplace.plan.cancel')}</button>`}`;
  }

  /** Stripe mode: the customer portal, for a subscriber (or one whose renewal failed) to fix the card or read invoices. */
  #billing(subscription: SubscriptionStatus) {
    if (subscription.mode !== 'stripe' || (subscription.plan !== 'pro' && !FAILED_PAYMENT.has(subscription.status))) return nothing;
    const label = FAILED_PAYMENT.has(subscription.status) ? messageId('marketplace.plan.updateCard') : messageId('marketplace.plan.manageBilling');
    return html`<button class="button secondary" type="button" ?disabled=${this.busy} @click=${this.#openBilling}>${this.#i18n.t(label)}</button>`;
  }

  readonly #openBilling = (): void => {
    void this.#run(async () => {
      followUrl(this, (await this.#api.value.billingPortal()).url);
    });
  };

  #subscribe(interval: BillingInterval): void {
    void this.#run(async () => {
      const result = await this.#api.value.subscribe(interval);
      this.subscription = result.subscription;
      if (result.checkoutUrl) followUrl(this, result.checkoutUrl);
    });
  }

  #change(interval: BillingInterval): void {
    void this.#run(async () => {
      this.#changed(await this.#api.value.changeInterval(interval), (subscription) => subscription.interval === interval && !subscription.cancelAtPeriodEnd);
    });
  }

  readonly #cancel = (): void => {
    void this.#run(async () => {
      this.#changed(await this.#api.value.cancelSubscription(), (subscription) => subscription.cancelAtPeriodEnd);
    });
  };
}

customElements.define('cs-subscription-panel', CsSubscriptionPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cs-subscription-panel': CsSubscriptionPanel;
  }
}
