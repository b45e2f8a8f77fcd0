import type { BillingInterval, PaymentMode } from '../../../shared/schemas/commerce.ts';

/** A payment-provider event as this app reads it: Stripe's envelope, the object left unparsed until a handler claims it. */
export interface PaymentEvent {
  id: string;
  type: string;
  /** Unix seconds. */
  created: number;
  data: { object: Record<string, unknown> };
}

export interface CheckoutLine {
  name: string;
  amountCents: number;
}

/**
 * Everything that talks to the payment provider. `stripe` calls Stripe's API with the real SDK;
 * `test` (no STRIPE_SECRET_KEY) talks to nobody: its checkout is the app's own test page, whose outcome
 * is fed back as a locally built event through the same handler a webhook uses.
 */
export interface PaymentGateway {
  mode: PaymentMode;
  createOrderCheckout(input: { orderId: string; email: string; lines: CheckoutLine[]; successUrl: string; cancelUrl: string }): Promise<{ url: string; sessionId: string | null; expiresAt: Date | null }>;
  /**
   * Closes an order's checkout session so it can no longer be paid. Returns the expired session (the
   * object a `checkout.session.expired` event carries), or null when the session is no longer open:
   * it was paid, or is being paid, or expired already — its own event says which.
   */
  expireOrderCheckout(sessionId: string): Promise<Record<string, unknown> | null>;
  /**
   * Refunds an order's payment, all of it, or one producer's part of a cart; idempotent per order (per
   * producer for a part). Null id in test mode.
   */
  refund(input: { orderId: string; paymentIntentId: string | null; part?: { producerId: string; amountCents: number } }): Promise<{ refundId: string | null }>;
  /** Checks the signature of a webhook body and parses it; throws `webhook_signature_invalid`. */
  verifyWebhook(rawBody: string, signature: string | undefined): PaymentEvent;
  ensureCustomer(input: { userId: string; email: string; existingId: string | null }): Promise<string | null>;
  /** The account moved to another address: the provider's receipts and invoices follow it. */
  updateCustomerEmail(customerId: string, email: string): Promise<void>;
  createSubscriptionCheckout(input: {
    userId: string;
    customerId: string;
    interval: BillingInterval;
    priceCents: number;
    successUrl: string;
    cancelUrl: string;
  }): Promise<{ url: string }>;
  changeSubscriptionInterval(input: { subscriptionId: string; interval: BillingInterval; priceCents: number }): Promise<void>;
  cancelSubscriptionAtPeriodEnd(subscriptionId: string): Promise<void>;
  /** Stripe's customer portal for this customer (card, invoices), returning to `returnUrl`. */
  createBillingPortal(input: { customerId: string; returnUrl: string }): Promise<{ url: string }>;
}
