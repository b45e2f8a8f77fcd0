import type { BillingInterval, Plan, PlanId, SubscriptionStatusValue } from '../../../shared/schemas/commerce.ts';

/** The two plans. Fees are basis points of each sale (after discounts), taken before collaborators are paid. */
export const PLANS: Record<PlanId, Plan & { feeBasisPoints: number; priceCents: Record<BillingInterval, number> }> = {
  free: {
    id: 'free',
    prices: { month: 0, year: 0 },
    priceCents: { month: 0, year: 0 },
    currency: 'usd',
    uploadLimit: 10,
    feePercent: 10,
    feeBasisPoints: 1000,
    customStorefront: false,
  },
  pro: {
    id: 'pro',
    prices: { month: 9.99, year: 99 },
    priceCents: { month: 999, year: 9900 },
    currency: 'usd',
    uploadLimit: null,
    feePercent: 3,
    feeBasisPoints: 300,
    customStorefront: true,
  },
};

/** Statuses in which a subscription still gives its plan (past_due: Stripe is retrying the payment). */
const ENTITLED: readonly SubscriptionStatusValue[] = ['active', 'trialing', 'past_due'];

export interface SubscriptionState {
  plan: string;
  status: string;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: Date | null;
}

/** The plan in force at `now`: Pro while the subscription is entitled and, if cancelling, its paid period lasts. */
export function effectivePlan(state: SubscriptionState | undefined, now: Date): PlanId {
  if (!state || state.plan !== 'pro' || !(ENTITLED as readonly string[]).includes(state.status)) return 'free';
  if (state.cancelAtPeriodEnd && state.currentPeriodEnd && state.currentPeriodEnd.getTime() <= now.getTime()) return 'free';
  return 'pro';
}
