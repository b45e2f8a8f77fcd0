import { AppError } from '../../errors/app-error.ts';
import type { PaymentGateway } from './gateway.ts';
import { testCheckoutPath } from './order-view.ts';

/**
 * TEST MODE (no STRIPE_SECRET_KEY): no money moves. Checkout sends the buyer to the app's own page
 * `/checkout/test/{orderId}`, which reports the outcome to `POST /api/payments/test-checkout/{orderId}`;
 * refunds just mark the order. Webhooks are refused: nothing outside can sign them.
 */
export function createTestGateway(): PaymentGateway {
  return {
    mode: 'test',
    createOrderCheckout: async ({ orderId }) => ({ url: testCheckoutPath(orderId), sessionId: null, expiresAt: null }),
    // Test orders have no session: their page stops offering Pay once the order is no longer pending.
    expireOrderCheckout: async () => null,
    refund: async () => ({ refundId: null }),
    verifyWebhook: () => {
      throw new AppError('payments_not_configured');
    },
    ensureCustomer: async () => null,
    updateCustomerEmail: async () => {},
    createSubscriptionCheckout: () => Promise.reject(new AppError('payments_not_configured')),
    changeSubscriptionInterval: async () => {},
    cancelSubscriptionAtPeriodEnd: async () => {},
    // No card and no invoices in test mode: nothing to manage.
    createBillingPortal: () => Promise.reject(new AppError('payments_not_configured')),
  };
}
