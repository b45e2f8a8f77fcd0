import type { BillingInterval } from '../../../shared/schemas/commerce.ts';
import type { PaymentEvent } from './gateway.ts';

const EVENT_TYPES = {
  succeed: 'checkout.session.completed',
  decline: 'checkout.session.async_payment_failed',
  // The buyer cancelled the order: as when they leave Stripe's page and its session expires.
  expire: 'checkout.session.expired',
} as const;

/**
 * Events built locally in TEST MODE, shaped like Stripe's, so the test checkout page and test
 * subscriptions go through exactly the handler a verified webhook goes through. Ids are
 * deterministic where a repeat should be a redelivery (clicking "pay" twice grants once).
 */
export function testCheckoutEvent(orderId: string, outcome: 'succeed' | 'decline' | 'expire', created: number): PaymentEvent {
  return {
    id: `evt_test_${outcome}_${orderId}`,
    type: EVENT_TYPES[outcome],
    created,
    data: {
      object: {
        id: `cs_test_${orderId}`,
        object: 'checkout.session',
        mode: 'payment',
        payment_status: outcome === 'succeed' ? 'paid' : 'unpaid',
        payment_intent: null,
        client_reference_id: orderId,
        metadata: { orderId },
      },
    },
  };
}

export function testSubscriptionEvent(input: {
  eventId: string;
  type: 'customer.subscription.created' | 'customer.subscription.updated' | 'customer.subscription.deleted';
  created: number;
  userId: string;
  subscriptionId: string;
  status: string;
  interval: BillingInterval;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: number;
}): PaymentEvent {
  return {
    id: input.eventId,
    type: input.type,
    created: input.created,
    data: {
      object: {
        id: input.subscriptionId,
        object: 'subscription',
        customer: `cus_test_${input.userId}`,
        status: input.status,
        cancel_at_period_end: input.cancelAtPeriodEnd,
        items: { data: [{ current_period_end: input.currentPeriodEnd, price: { recurring: { interval: input.interval } } }] },
        metadata: { userId: input.userId, plan: 'pro', interval: input.interval },
      },
    },
  };
}
