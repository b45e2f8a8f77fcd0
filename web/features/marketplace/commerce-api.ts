import {
  BeatLicences,
  BillingPortal,
  BeatSplits,
  CheckoutResponse,
  Coupon,
  CouponList,
  DownloadLink,
  DownloadLinks,
  LicenceList,
  Order,
  OrderList,
  PaymentModeResponse,
  PlanList,
  SalePage,
  SaleRefundResult,
  SubscribeResponse,
  SubscriptionStatus,
  type BillingInterval,
  type CreateCouponRequest,
  type LicenceTier,
  type LicenceTierTerms,
  type Split,
} from '../../../shared/schemas/commerce.ts';
import type { ApiClient } from '../../api/api-client.ts';

const beatPath = (id: string) => `/api/beats/${encodeURIComponent(id)}` as const;

/** Typed calls to the marketplace's money side: licences, checkout, orders, coupons, splits, subscriptions. */
export class CommerceApi {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** The licence tiers of a beat, with their terms: public, read before buying. */
  licences(beatId: string): Promise<BeatLicences> {
    return this.#client.request({ method: 'GET', path: `${beatPath(beatId)}/licences`, authenticated: this.#client.hasAccessToken, schema: BeatLicences });
  }

  updateLicences(beatId: string, tiers: LicenceTierTerms[]): Promise<BeatLicences> {
    return this.#client.request({ method: 'PUT', path: `${beatPath(beatId)}/licences`, body: { tiers }, authenticated: true, schema: BeatLicences });
  }

  /** The stems as one zip, the raw body (checked on the server before anything is stored). */
  uploadStems(beatId: string, zip: Blob, onProgress: (sent: number, total: number) => void): Promise<BeatLicences> {
    return this.#client.request({
      method: 'POST',
      path: `${beatPath(beatId)}/stems`,
      rawBody: { data: zip, contentType: 'application/zip' },
      onUploadProgress: onProgress,
      authenticated: true,
      schema: BeatLicences,
    });
  }

  /** Buys one licence: an order and where to pay for it (Stripe, or the test-mode page). */
  purchase(beatId: string, tier: LicenceTier, couponCode?: string): Promise<CheckoutResponse> {
    return this.#client.request({
      method: 'POST',
      path: `${beatPath(beatId)}/purchase`,
      body: couponCode ? { tier, couponCode } : { tier },
      authenticated: true,
      schema: CheckoutResponse,
    });
  }

  /** Buys every line of a cart in one order (one payment), each priced afresh by the server. */
  checkout(items: ReadonlyArray<{ beatId: string; tier: LicenceTier }>, couponCode?: string): Promise<CheckoutResponse> {
    return this.#client.request({
      method: 'POST',
      path: '/api/checkout',
      body: { items: items.map(({ beatId, tier }) => ({ beatId, tier })), ...(couponCode ? { couponCode } : {}) },
      authenticated: true,
      schema: CheckoutResponse,
    });
  }

  paymentMode(): Promise<PaymentModeResponse> {
    return this.#client.request({ method: 'GET', path: '/api/payments/mode', schema: PaymentModeResponse });
  }

  /** The buyer's orders, newest first. */
  orders(): Promise<OrderList> {
    return this.#client.request({ method: 'GET', path: '/api/orders', authenticated: true, schema: OrderList });
  }

  order(orderId: string): Promise<Order> {
    return this.#client.request({ method: 'GET', path: `/api/orders/${encodeURIComponent(orderId)}`, authenticated: true, schema: Order });
  }

  /** Gives up on a pending order: it can no longer be paid, and comes back declined. */
  cancelOrder(orderId: string): Promise<Order> {
    return this.#client.request({ method: 'POST', path: `/api/orders/${encodeURIComponent(orderId)}/cancel`, authenticated: true, schema: Order });
  }

  /** Test mode only: settles an order as the payment provider would. */
  testCheckout(orderId: string, outcome: 'succeed' | 'decline'): Promise<Order> {
    return this.#client.request({ method: 'POST', path: `/api/payments/test-checkout/${encodeURIComponent(orderId)}`, body: { outcome }, authenticated: true, schema: Order });
  }

  /** Leaves an e-mail for the free MP3; answers with a short-lived signed link. */
  freeDownload(beatId: string, email: string): Promise<DownloadLink> {
    return this.#client.request({ method: 'POST', path: `${beatPath(beatId)}/free-download`, body: { email }, authenticated: this.#client.hasAccessToken, schema: DownloadLink });
  }

  myLicences(): Promise<LicenceList> {
    return this.#client.request({ method: 'GET', path: '/api/licences', authenticated: true, schema: LicenceList });
  }

  /** Fresh signed links to a licence's files (they expire after minutes). */
  downloads(licenceId: string): Promise<DownloadLinks> {
    return this.#client.request({ method: 'GET', path: `/api/licences/${encodeURIComponent(licenceId)}/downloads`, authenticated: true, schema: DownloadLinks });
  }

  /** The licence contract as a PDF (the route needs the bearer token, so it is fetched, not linked). */
  contract(licenceId: string): Promise<Blob> {
    return this.#client.requestBlob({ method: 'GET', path: `/api/licences/${encodeURIComponent(licenceId)}/contract.pdf`, authenticated: true });
  }

  async coupons(): Promise<Coupon[]> {
    return (await this.#client.request({ method: 'GET', path: '/api/coupons', authenticated: true, schema: CouponList })).coupons;
  }

  createCoupon(coupon: CreateCouponRequest): Promise<Coupon> {
    return this.#client.request({ method: 'POST', path: '/api/coupons', body: coupon, authenticated: true, schema: Coupon });
  }

  async deleteCoupon(id: string): Promise<void> {
    await this.#client.request({ method: 'DELETE', path: `/api/coupons/${encodeURIComponent(id)}`, authenticated: true });
  }

  /** The producer's sold licences, newest first. */
  sales(cursor?: string | null): Promise<SalePage> {
    const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    return this.#client.request({ method: 'GET', path: `/api/sales${query}`, authenticated: true, schema: SalePage });
  }

  /** Refunds a sale in full: done at once in TEST MODE, requested from Stripe otherwise. */
  refundSale(orderId: string): Promise<SaleRefundResult> {
    return this.#client.request({ method: 'POST', path: `/api/sales/${encodeURIComponent(orderId)}/refund`, authenticated: true, schema: SaleRefundResult });
  }

  splits(beatId: string): Promise<BeatSplits> {
    return this.#client.request({ method: 'GET', path: `${beatPath(beatId)}/splits`, authenticated: true, schema: BeatSplits });
  }

  updateSplits(beatId: string, splits: Split[]): Promise<BeatSplits> {
    return this.#client.request({ method: 'PUT', path: `${beatPath(beatId)}/splits`, body: { splits }, authenticated: true, schema: BeatSplits });
  }

  plans(): Promise<PlanList> {
    return this.#client.request({ method: 'GET', path: '/api/subscriptions/plans', schema: PlanList });
  }

  subscription(): Promise<SubscriptionStatus> {
    return this.#client.request({ method: 'GET', path: '/api/subscriptions/status', authenticated: true, schema: SubscriptionStatus });
  }

  subscribe(interval: BillingInterval): Promise<SubscribeResponse> {
    return this.#client.request({ method: 'POST', path: '/api/subscriptions/subscribe', body: { plan: 'pro', interval }, authenticated: true, schema: SubscribeResponse });
  }

  changeInterval(interval: BillingInterval): Promise<SubscriptionStatus> {
    return this.#client.request({ method: 'PUT', path: '/api/subscriptions/upgrade', body: { plan: 'pro', interval }, authenticated: true, schema: SubscriptionStatus });
  }

  cancelSubscription(): Promise<SubscriptionStatus> {
    return this.#client.request({ method: 'DELETE', path: '/api/subscriptions/cancel', authenticated: true, schema: SubscriptionStatus });
  }

  /** Stripe's customer portal (card, invoices): an address to go to at once. */
  billingPortal(): Promise<BillingPortal> {
    return this.#client.request({ method: 'POST', path: '/api/subscriptions/billing-portal', authenticated: true, schema: BillingPortal });
  }
}
