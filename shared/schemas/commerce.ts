import { z } from 'zod';

/**
 * Wire schemas of the marketplace's money side: licence tiers, stems, checkout and orders, payments
 * mode, coupons, free downloads, licences and their files, collaborator splits and subscriptions.
 * Money travels as a number in the store's currency with at most two decimals (like beat prices);
 * the server keeps whole cents.
 */

export const CURRENCY = 'usd';

/** The licence tiers every beat has, cheapest first. */
export const LICENCE_TIERS = ['basic', 'premium', 'trackout', 'unlimited', 'exclusive'] as const;
export type LicenceTier = (typeof LICENCE_TIERS)[number];

/** Files a tier may include: the MP3, the WAV master, the stems zip. */
export const LICENCE_FILES = ['mp3', 'wav', 'stems'] as const;
export type LicenceFile = (typeof LICENCE_FILES)[number];

/** Usage caps written into a licence; `null` means unlimited. */
export const UsageCaps = z
  .object({
    streams: z.number().int().min(0).max(1_000_000_000).nullable(),
    copiesSold: z.number().int().min(0).max(1_000_000_000).nullable(),
    musicVideos: z.number().int().min(0).max(1_000_000).nullable(),
    radioStations: z.number().int().min(0).max(1_000_000).nullable(),
    paidPerformances: z.number().int().min(0).max(1_000_000).nullable(),
  })
  .strict()
  .meta({ id: 'UsageCaps' });
export type UsageCaps = z.infer<typeof UsageCaps>;

export const LICENCE_PRICE_MIN = 1;
export const LICENCE_PRICE_MAX = 100_000;
export const LicencePrice = z.number().min(LICENCE_PRICE_MIN).max(LICENCE_PRICE_MAX).multipleOf(0.01);

export const LicenceTierTerms = z
  .object({
    tier: z.enum(LICENCE_TIERS),
    price: LicencePrice,
    files: z
      .array(z.enum(LICENCE_FILES))
      .min(1)
      .max(3)
      .refine((files) => new Set(files).size === files.length, 'duplicate_file'),
    enabled: z.boolean(),
    caps: UsageCaps,
  })
  .strict()
  .meta({ id: 'LicenceTierTerms' });
export type LicenceTierTerms = z.infer<typeof LicenceTierTerms>;

export const StemsInfo = z
  .object({ bytes: z.number().int(), entries: z.number().int(), uncompressedBytes: z.number().int(), uploadedAt: z.iso.datetime() })
  .meta({ id: 'StemsInfo' });
export type StemsInfo = z.infer<typeof StemsInfo>;

/** `GET /api/beats/{id}/licences`: the terms buyers read before paying. */
export const BeatLicences = z
  .object({
    beatId: z.string(),
    currency: z.literal(CURRENCY),
    tiers: z.array(LicenceTierTerms),
    /** True once the exclusive licence is sold: the beat is off the market. */
    exclusiveSold: z.boolean(),
    stems: StemsInfo.nullable(),
  })
  .meta({ id: 'BeatLicences' });
export type BeatLicences = z.infer<typeof BeatLicences>;

/** `PUT /api/beats/{id}/licences`: replaces the listed tiers (each at most once); unlisted tiers keep their terms. */
export const UpdateBeatLicencesRequest = z
  .object({
    tiers: z
      .array(LicenceTierTerms)
      .min(1)
      .max(LICENCE_TIERS.length)
      .refine((tiers) => new Set(tiers.map((tier) => tier.tier)).size === tiers.length, 'duplicate_tier'),
  })
  .strict()
  .meta({ id: 'UpdateBeatLicencesRequest' });
export type UpdateBeatLicencesRequest = z.infer<typeof UpdateBeatLicencesRequest>;

const CouponCode = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/);

export const CheckoutItem = z.object({ beatId: z.string().min(1).max(64), tier: z.enum(LICENCE_TIERS) }).strict().meta({ id: 'CheckoutItem' });
export type CheckoutItem = z.infer<typeof CheckoutItem>;

/** `POST /api/checkout`: a cart. One licence per beat per order. */
export const CheckoutRequest = z
  .object({
    items: z
      .array(CheckoutItem)
      .min(1)
      .max(20)
      .refine((items) => new Set(items.map((item) => item.beatId)).size === items.length, 'duplicate_beat'),
    couponCode: CouponCode.optional(),
  })
  .strict()
  .meta({ id: 'CheckoutRequest' });
export type CheckoutRequest = z.infer<typeof CheckoutRequest>;

/** `POST /api/beats/{id}/purchase`: one licence of one beat (the spec's route). */
export const PurchaseRequest = z.object({ tier: z.enum(LICENCE_TIERS), couponCode: CouponCode.optional() }).strict().meta({ id: 'PurchaseRequest' });
export type PurchaseRequest = z.infer<typeof PurchaseRequest>;

export const PAYMENT_MODES = ['stripe', 'test'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];
export const PaymentModeResponse = z.object({ mode: z.enum(PAYMENT_MODES) }).meta({ id: 'PaymentModeResponse' });
export type PaymentModeResponse = z.infer<typeof PaymentModeResponse>;

/**
 * Order lifecycle: `pending` until a verified payment event; then `paid` (licences granted),
 * `declined` (payment failed or the checkout expired), or `refunding` → `refunded` (paid, but could not
 * be granted: the exclusive sold to someone else first, the beat left the market, the coupon ran out).
 */
export const ORDER_STATUSES = ['pending', 'paid', 'declined', 'refunding', 'refunded'] as const;

/**
 * Where a dispute about the payment stands: `inquiry` (the bank asked questions, no money moved),
 * `open` (a chargeback: the money is held back and the licences are on hold until it is decided),
 * `won` (decided for the seller), `lost` (decided for the buyer: a refund of the disputed amount).
 */
export const DISPUTE_STATES = ['inquiry', 'open', 'won', 'lost'] as const;
export type DisputeState = (typeof DISPUTE_STATES)[number];
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const OrderItem = z
  .object({
    beatId: z.string(),
    beatTitle: z.string(),
    producerId: z.string(),
    tier: z.enum(LICENCE_TIERS),
    price: z.number(),
    discount: z.number(),
    licenceId: z.string().nullable(),
  })
  .meta({ id: 'OrderItem' });
export type OrderItem = z.infer<typeof OrderItem>;

export const Order = z
  .object({
    id: z.string(),
    status: z.enum(ORDER_STATUSES),
    mode: z.enum(PAYMENT_MODES),
    currency: z.literal(CURRENCY),
    items: z.array(OrderItem),
    subtotal: z.number(),
    discount: z.number(),
    total: z.number(),
    couponCode: z.string().nullable(),
    /**
     * Why a paid order was refunded: `exclusive_sold`, `beat_unavailable`, `coupon_exhausted`,
     * `amount_mismatch` (refunded by the app); `refunded_by_seller`, `refunded_by_provider` (made in
     * Stripe), `dispute_lost`.
     */
    refundReason: z.string().nullable(),
    /** Refunded so far (a refund made in Stripe may be partial; `total` once fully refunded). */
    refunded: z.number(),
    /** Null when nobody disputed the payment. */
    dispute: z.enum(DISPUTE_STATES).nullable(),
    createdAt: z.iso.datetime(),
    paidAt: z.iso.datetime().nullable(),
    refundedAt: z.iso.datetime().nullable(),
    /**
     * Where a pending order can still be paid, for a buyer who left the payment page: Stripe's hosted
     * page until Stripe closes the session, the app's own page in test mode. Null once it cannot be.
     */
    paymentUrl: z.string().nullable(),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof Order>;

export const OrderList = z.object({ orders: z.array(Order) }).meta({ id: 'OrderList' });
export type OrderList = z.infer<typeof OrderList>;

/**
 * What checkout returns: the order and where to send the buyer. In Stripe mode a Stripe Checkout URL;
 * in test mode the app's own page `/checkout/test/{orderId}`.
 */
export const CheckoutResponse = z
  .object({ order: Order, checkoutUrl: z.string(), mode: z.enum(PAYMENT_MODES) })
  .meta({ id: 'CheckoutResponse' });
export type CheckoutResponse = z.infer<typeof CheckoutResponse>;

/** `POST /api/payments/test-checkout/{orderId}` (test mode only). */
export const TestCheckoutRequest = z.object({ outcome: z.enum(['succeed', 'decline']) }).strict().meta({ id: 'TestCheckoutRequest' });
export type TestCheckoutRequest = z.infer<typeof TestCheckoutRequest>;

export const WebhookAck = z.object({ received: z.literal(true), duplicate: z.boolean() }).meta({ id: 'WebhookAck' });
export type WebhookAck = z.infer<typeof WebhookAck>;

export const COUPON_KINDS = ['percent', 'amount'] as const;
export type CouponKind = (typeof COUPON_KINDS)[number];

/** `value` is a whole percentage 1–100 for `percent`, money off each of the producer's items for `amount`. */
export const CreateCouponRequest = z
  .object({
    code: CouponCode,
    kind: z.enum(COUPON_KINDS),
    value: z.number().min(0.01).max(LICENCE_PRICE_MAX).multipleOf(0.01),
    expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
    maxUses: z.number().int().min(1).max(1_000_000).nullable().default(null),
  })
  .strict()
  .refine((coupon) => coupon.kind !== 'percent' || (Number.isInteger(coupon.value) && coupon.value <= 100), { message: 'percent_out_of_range', path: ['value'] })
  .meta({ id: 'CreateCouponRequest' });
export type CreateCouponRequest = z.infer<typeof CreateCouponRequest>;

export const Coupon = z
  .object({
    id: z.string(),
    code: z.string(),
    kind: z.enum(COUPON_KINDS),
    value: z.number(),
    expiresAt: z.iso.datetime().nullable(),
    maxUses: z.number().int().nullable(),
    uses: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Coupon' });
export type Coupon = z.infer<typeof Coupon>;

export const CouponList = z.object({ coupons: z.array(Coupon) }).meta({ id: 'CouponList' });
export type CouponList = z.infer<typeof CouponList>;

/** `POST /api/beats/{id}/free-download`: an e-mail for the free MP3 (when the producer allows it). */
export const FreeDownloadRequest = z.object({ email: z.email().max(254) }).strict().meta({ id: 'FreeDownloadRequest' });
export type FreeDownloadRequest = z.infer<typeof FreeDownloadRequest>;

export const DownloadLink = z.object({ file: z.enum(LICENCE_FILES), url: z.string(), expiresAt: z.iso.datetime() }).meta({ id: 'DownloadLink' });
export type DownloadLink = z.infer<typeof DownloadLink>;

export const DownloadLinks = z.object({ links: z.array(DownloadLink) }).meta({ id: 'DownloadLinks' });
export type DownloadLinks = z.infer<typeof DownloadLinks>;

export const Licence = z
  .object({
    id: z.string(),
    orderId: z.string(),
    beatId: z.string(),
    beatTitle: z.string(),
    tier: z.enum(LICENCE_TIERS),
    files: z.array(z.enum(LICENCE_FILES)),
    caps: UsageCaps,
    price: z.number(),
    currency: z.literal(CURRENCY),
    buyerId: z.string(),
    buyerName: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    /** The caller's side of the licence. */
    role: z.enum(['buyer', 'producer']),
    grantedAt: z.iso.datetime(),
    /** Set once the order was refunded in full: the licence grants nothing any more (no files, no contract). */
    revokedAt: z.iso.datetime().nullable(),
    /** Set while a chargeback on the order is open: no files, no contract until it is decided. */
    heldAt: z.iso.datetime().nullable(),
    contractUrl: z.string(),
  })
  .meta({ id: 'Licence' });
export type Licence = z.infer<typeof Licence>;

export const LicenceList = z.object({ licences: z.array(Licence) }).meta({ id: 'LicenceList' });
export type LicenceList = z.infer<typeof LicenceList>;

/** Percentages with at most two decimals; the splits of a beat sum to exactly 100. */
export const Split = z.object({ userId: z.string().min(1).max(64), percent: z.number().gt(0).max(100).multipleOf(0.01) }).strict().meta({ id: 'Split' });
export type Split = z.infer<typeof Split>;

export const UpdateSplitsRequest = z
  .object({
    splits: z
      .array(Split)
      .min(1)
      .max(10)
      .refine((splits) => new Set(splits.map((split) => split.userId)).size === splits.length, 'duplicate_user')
      // Compared in basis points so 33.33 + 33.33 + 33.34 is exactly 100.
      .refine((splits) => splits.reduce((sum, split) => sum + Math.round(split.percent * 100), 0) === 10_000, 'splits_must_total_100'),
  })
  .strict()
  .meta({ id: 'UpdateSplitsRequest' });
export type UpdateSplitsRequest = z.infer<typeof UpdateSplitsRequest>;

export const BeatSplits = z
  .object({ beatId: z.string(), splits: z.array(z.object({ userId: z.string(), displayName: z.string(), percent: z.number() })) })
  .meta({ id: 'BeatSplits' });
export type BeatSplits = z.infer<typeof BeatSplits>;

export const PLAN_IDS = ['free', 'pro'] as const;
export type PlanId = (typeof PLAN_IDS)[number];
export const BILLING_INTERVALS = ['month', 'year'] as const;
export type BillingInterval = (typeof BILLING_INTERVALS)[number];

export const Plan = z
  .object({
    id: z.enum(PLAN_IDS),
    /** Price per interval; free is 0. */
    prices: z.object({ month: z.number(), year: z.number() }),
    currency: z.literal(CURRENCY),
    /** Beats a producer may have; null is unlimited. */
    uploadLimit: z.number().int().nullable(),
    /** Platform fee on each sale, percent. */
    feePercent: z.number(),
    customStorefront: z.boolean(),
  })
  .meta({ id: 'Plan' });
export type Plan = z.infer<typeof Plan>;

export const PlanList = z.object({ plans: z.array(Plan) }).meta({ id: 'PlanList' });
export type PlanList = z.infer<typeof PlanList>;

export const SubscribeRequest = z.object({ plan: z.literal('pro'), interval: z.enum(BILLING_INTERVALS).default('month') }).strict().meta({ id: 'SubscribeRequest' });
export type SubscribeRequest = z.infer<typeof SubscribeRequest>;

/** `PUT /api/subscriptions/upgrade`: switch the Pro billing interval, prorated (and undo a pending cancel). */
export const UpgradeRequest = z.object({ plan: z.literal('pro'), interval: z.enum(BILLING_INTERVALS) }).strict().meta({ id: 'UpgradeRequest' });
export type UpgradeRequest = z.infer<typeof UpgradeRequest>;

/** Stripe's subscription statuses, plus `none` when the user never subscribed. */
export const SUBSCRIPTION_STATUSES = ['none', 'incomplete', 'incomplete_expired', 'trialing', 'active', 'past_due', 'unpaid', 'paused', 'canceled'] as const;
export type SubscriptionStatusValue = (typeof SUBSCRIPTION_STATUSES)[number];

export const SubscriptionStatus = z
  .object({
    /** The plan in force now (what fees and limits follow). */
    plan: z.enum(PLAN_IDS),
    status: z.enum(SUBSCRIPTION_STATUSES),
    interval: z.enum(BILLING_INTERVALS).nullable(),
    cancelAtPeriodEnd: z.boolean(),
    currentPeriodEnd: z.iso.datetime().nullable(),
    uploadsUsed: z.number().int(),
    uploadLimit: z.number().int().nullable(),
    feePercent: z.number(),
    mode: z.enum(PAYMENT_MODES),
  })
  .meta({ id: 'SubscriptionStatus' });
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>;

/** Subscribing in Stripe mode returns a Checkout URL (the plan turns Pro when Stripe's webhook says so); in test mode it is Pro at once and the URL is null. */
export const SubscribeResponse = z.object({ subscription: SubscriptionStatus, checkoutUrl: z.string().nullable() }).meta({ id: 'SubscribeResponse' });
export type SubscribeResponse = z.infer<typeof SubscribeResponse>;

/** `POST /api/subscriptions/billing-portal`: Stripe's customer portal, to go to at once (it expires in minutes). */
export const BillingPortal = z.object({ url: z.url() }).meta({ id: 'BillingPortal' });
export type BillingPortal = z.infer<typeof BillingPortal>;

/** `GET /api/sales`: a producer's sold licences, newest first. */
export const SaleListQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().min(1).max(200).optional() })
  .strict()
  .meta({ id: 'SaleListQuery' });
export type SaleListQuery = z.infer<typeof SaleListQuery>;

export const Sale = z
  .object({
    orderId: z.string(),
    /** Null only while the order is being refunded before it was granted. */
    licenceId: z.string().nullable(),
    beatId: z.string(),
    beatTitle: z.string(),
    tier: z.enum(LICENCE_TIERS),
    buyerName: z.string(),
    /** What this licence sold for, after discounts. */
    price: z.number(),
    currency: z.literal(CURRENCY),
    paidAt: z.iso.datetime(),
    /** Refunded: the whole order, or this producer's part of a cart. */
    status: z.enum(['paid', 'refunded']),
    /** Refunded so far on this licence (its share of a partial refund, or all of it). */
    refunded: z.number(),
    /** Refunded so far on the whole order (a refund made in Stripe may be partial). */
    orderRefunded: z.number(),
    /** The producer asked Stripe to refund their part of a cart; it takes effect when Stripe confirms. */
    refundRequested: z.boolean(),
    /** Null when nobody disputed the payment. */
    dispute: z.enum(DISPUTE_STATES).nullable(),
    /**
     * Whether the producer may refund it here: paid, not under an open chargeback, and not refunded or
     * requested already. In a cart with other producers' beats it refunds this producer's lines only.
     */
    refundable: z.boolean(),
  })
  .meta({ id: 'Sale' });
export type Sale = z.infer<typeof Sale>;

export const SalePage = z.object({ sales: z.array(Sale), nextCursor: z.string().nullable() }).meta({ id: 'SalePage' });
export type SalePage = z.infer<typeof SalePage>;

/** `POST /api/sales/{orderId}/refund`: done at once in TEST MODE; with Stripe, done when Stripe confirms (webhook). */
export const SaleRefundResult = z.object({ status: z.enum(['refunded', 'requested']) }).meta({ id: 'SaleRefundResult' });
export type SaleRefundResult = z.infer<typeof SaleRefundResult>;
