import Stripe from 'stripe';
import { AppError } from '../../errors/app-error.ts';
import type { PaymentEvent, PaymentGateway } from './gateway.ts';

export interface StripeOptions {
  secretKey: string;
  webhookSecret: string | undefined;
  /** e.g. `http://127.0.0.1:4010` for a local fake; unset is api.stripe.com. */
  apiBase: string | undefined;
}

export function createStripeClient(options: StripeOptions): Stripe {
  const base = options.apiBase ? new URL(options.apiBase) : undefined;
  return new Stripe(options.secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base && {
      host: base.hostname,
      port: base.port || (base.protocol === 'https:' ? 443 : 80),
      protocol: base.protocol === 'http:' ? 'http' : 'https',
    }),
  });
}

/** Stripe failures become a 502 the client can retry; the SDK's message (which may name our account) is only logged. */
async function provider<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new AppError('payment_provider_unavailable', { cause: error });
  }
}

export function createStripeGateway(stripe: Stripe, options: StripeOptions): PaymentGateway {
  const PRODUCT_NAME = 'CreatorSync Pro';
  return {
    mode: 'stripe',

    async createOrderCheckout({ orderId, email, lines, successUrl, cancelUrl }) {
      const session = await provider(() =>
        stripe.checkout.sessions.create(
          {
            mode: 'payment',
            client_reference_id: orderId,
            customer_email: email,
            metadata: { orderId },
            payment_intent_data: { metadata: { orderId } },
            line_items: lines.map((line) => ({ quantity: 1, price_data: { currency: 'usd', unit_amount: line.amountCents, product_data: { name: line.name } } })),
            success_url: successUrl,
            cancel_url: cancelUrl,
          },
          // A retried request for the same order gets the same session, never a second one.
          { idempotencyKey: `checkout-${orderId}` },
        ),
      );
      if (!session.url) throw new AppError('payment_provider_unavailable');
      return { url: session.url, sessionId: session.id, expiresAt: session.expires_at ? new Date(session.expires_at * 1000) : null };
    },

    async expireOrderCheckout(sessionId) {
      try {
        const session = await stripe.checkout.sessions.expire(sessionId);
        return session as unknown as Record<string, unknown>;
      } catch (error) {
        // Stripe refuses to expire a session that is complete or already expired.
        if (error instanceof Stripe.errors.StripeInvalidRequestError) return null;
        throw new AppError('payment_provider_unavailable', { cause: error });
      }
    },

    async refund({ orderId, paymentIntentId, part }) {
      if (!paymentIntentId) throw new AppError('payment_provider_unavailable');
      const refund = await provider(() =>
        part
          ? stripe.refunds.create({ payment_intent: paymentIntentId, amount: part.amountCents, metadata: { orderId, producerId: part.producerId } }, { idempotencyKey: `refund-${orderId}-${part.producerId}` })
          : stripe.refunds.create({ payment_intent: paymentIntentId, metadata: { orderId } }, { idempotencyKey: `refund-${orderId}` }),
      );
      return { refundId: refund.id };
    },

    verifyWebhook(rawBody, signature) {
      if (!options.webhookSecret) throw new AppError('payments_not_configured');
      if (!signature) throw new AppError('webhook_signature_invalid');
      try {
        return stripe.webhooks.constructEvent(rawBody, signature, options.webhookSecret) as unknown as PaymentEvent;
      } catch (error) {
        throw new AppError('webhook_signature_invalid', { cause: error });
      }
    },

    async ensureCustomer({ userId, email, existingId }) {
      if (existingId) return existingId;
      const customer = await provider(() => stripe.customers.create({ email, metadata: { userId } }, { idempotencyKey: `customer-${userId}` }));
      return customer.id;
    },

    async updateCustomerEmail(customerId, email) {
      try {
        await provider(() => stripe.customers.update(customerId, { email }));
      } catch (error) {
        // A customer deleted in Stripe's dashboard gets no more invoices: nothing left to update.
        const cause = error instanceof AppError ? error.cause : undefined;
        if (cause instanceof Stripe.errors.StripeInvalidRequestError && cause.code === 'resource_missing') return;
        throw error;
      }
    },

    async createSubscriptionCheckout({ userId, customerId, interval, priceCents, successUrl, cancelUrl }) {
      const session = await provider(() =>
        stripe.checkout.sessions.create({
          mode: 'subscription',
          customer: customerId,
          client_reference_id: userId,
          line_items: [{ quantity: 1, price_data: { currency: 'usd', unit_amount: priceCents, recurring: { interval }, product_data: { name: PRODUCT_NAME } } }],
          // The subscription's events carry who it is for and what it is; state comes only from them.
          subscription_data: { metadata: { userId, plan: 'pro', interval } },
          success_url: successUrl,
          cancel_url: cancelUrl,
        }),
      );
      if (!session.url) throw new AppError('payment_provider_unavailable');
      return { url: session.url };
    },

    async changeSubscriptionInterval({ subscriptionId, interval, priceCents }) {
      const subscription = await provider(() => stripe.subscriptions.retrieve(subscriptionId));
      const item = subscription.items.data[0];
      if (!item) throw new AppError('subscription_not_found');
      // Keeping the interval it has (taking back a cancellation) changes nothing but the cancellation.
      if (item.price.recurring?.interval === interval) {
        await provider(() => stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: false }));
        return;
      }
      const product = typeof item.price.product === 'string' ? item.price.product : item.price.product.id;
      await provider(() =>
        stripe.subscriptions.update(subscriptionId, {
          items: [{ id: item.id, price_data: { currency: 'usd', unit_amount: priceCents, recurring: { interval }, product } }],
          proration_behavior: 'create_prorations',
          cancel_at_period_end: false,
          metadata: { ...subscription.metadata, interval },
        }),
      );
    },

    async cancelSubscriptionAtPeriodEnd(subscriptionId) {
      await provider(() => stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true }));
    },

    async createBillingPortal({ customerId, returnUrl }) {
      const session = await provider(() => stripe.billingPortal.sessions.create({ customer: customerId, return_url: returnUrl }));
      return { url: session.url };
    },
  };
}
