import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
// Circular with schema.ts (which re-exports this file): only used inside lazy `references` callbacks.
import { beats, users } from './schema.ts';

/**
 * Marketplace money tables: licence tiers, coupons, orders, granted licences, processed payment
 * events, the collaborator-split ledger and producer subscriptions. Re-exported by schema.ts so
 * drizzle-kit and the typed database see one schema. Money is whole cents.
 */

/** A beat's licence tiers. Rows appear when the producer edits them or someone checks out; until then the defaults apply. */
export const beatLicenceTiers = pgTable(
  'beat_licence_tiers',
  {
    beatId: text('beat_id')
      .notNull()
      .references(() => beats.id, { onDelete: 'cascade' }),
    tier: text('tier').notNull(),
    priceCents: integer('price_cents').notNull(),
    files: jsonb('files').$type<string[]>().notNull(),
    enabled: boolean('enabled').notNull(),
    /** Usage caps; null is unlimited. */
    streams: integer('streams'),
    copiesSold: integer('copies_sold'),
    musicVideos: integer('music_videos'),
    radioStations: integer('radio_stations'),
    paidPerformances: integer('paid_performances'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.beatId, table.tier] })],
);

/** A beat's stems zip (checked before it was stored). */
export const beatStems = pgTable('beat_stems', {
  beatId: text('beat_id')
    .primaryKey()
    .references(() => beats.id, { onDelete: 'cascade' }),
  storageKey: text('storage_key').notNull(),
  bytes: bigint('bytes', { mode: 'number' }).notNull(),
  entries: integer('entries').notNull(),
  uncompressedBytes: bigint('uncompressed_bytes', { mode: 'number' }).notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
});

/** Producer coupons. Codes are unique per producer ignoring case among live coupons; deleting is soft so orders keep their reference. */
export const coupons = pgTable(
  'coupons',
  {
    id: text('id').primaryKey(),
    producerId: text('producer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    /** lower(code): lookups are case-insensitive. */
    codeKey: text('code_key').notNull(),
    kind: text('kind').notNull(),
    /** Whole percent for `percent`, cents for `amount`. */
    value: integer('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    maxUses: integer('max_uses'),
    uses: integer('uses').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('coupons_live_code_unique').on(table.producerId, table.codeKey).where(sql`${table.deletedAt} is null`),
    index('coupons_code_idx').on(table.codeKey),
  ],
);

/** A checkout. Only a verified payment event moves it out of `pending` (see payments/CONTEXT.md). */
export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    buyerId: text('buyer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    mode: text('mode').notNull(),
    currency: text('currency').notNull(),
    subtotalCents: integer('subtotal_cents').notNull(),
    discountCents: integer('discount_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    couponId: text('coupon_id').references(() => coupons.id, { onDelete: 'set null' }),
    couponCode: text('coupon_code'),
    stripeSessionId: text('stripe_session_id'),
    /** Stripe's hosted payment page for the session, and when Stripe closes it: a buyer who left can go back until then. */
    checkoutUrl: text('checkout_url'),
    checkoutExpiresAt: timestamp('checkout_expires_at', { withTimezone: true }),
    stripePaymentIntentId: text('stripe_payment_intent_id'),
    stripeRefundId: text('stripe_refund_id'),
    refundReason: text('refund_reason'),
    /**
     * Cents refunded so far through the payment provider after the order was paid (a refund made in
     * Stripe's dashboard, in full or in part). The ledger's refund rows add up to this much gross.
     */
    refundedCents: integer('refunded_cents').notNull().default(0),
    /**
     * The payment's dispute (chargeback or inquiry) at Stripe, if any, and its latest status. While
     * it is a chargeback still open the order's licences are on hold (`licences.held_at`).
     */
    disputeId: text('dispute_id'),
    disputeStatus: text('dispute_status'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
  },
  (table) => [
    index('orders_buyer_idx').on(table.buyerId, table.createdAt),
    uniqueIndex('orders_stripe_session_unique').on(table.stripeSessionId),
    // A refund event names the payment intent, not the order.
    index('orders_payment_intent_idx').on(table.stripePaymentIntentId),
  ],
);

/** One licence of one beat in an order, priced when the order was made. No FK to beats: orders outlive deleted beats. */
export const orderItems = pgTable(
  'order_items',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    beatId: text('beat_id').notNull(),
    beatTitle: text('beat_title').notNull(),
    producerId: text('producer_id').notNull(),
    tier: text('tier').notNull(),
    priceCents: integer('price_cents').notNull(),
    discountCents: integer('discount_cents').notNull(),
    /**
     * How much of this line's price was given back (features/payments/provider-refund.ts): all of it
     * when its producer refunded their part of a cart (`refundedAt` set, the licence revoked), or its
     * share of a refund of the whole order.
     */
    refundedCents: integer('refunded_cents').notNull().default(0),
    refundedAt: timestamp('refunded_at', { withTimezone: true }),
  },
  (table) => [index('order_items_order_idx').on(table.orderId)],
);

/**
 * A producer refunding their own lines of an order that also holds other producers' beats. In TEST
 * MODE it is applied at once; with Stripe it waits (`appliedAt` null) for the `charge.refunded`
 * event its refund causes, which it then claims, so that money is not spread over everyone's lines.
 */
export const sellerRefunds = pgTable(
  'seller_refunds',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    producerId: text('producer_id').notNull(),
    amountCents: integer('amount_cents').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('seller_refunds_order_producer_unique').on(table.orderId, table.producerId)],
);

/**
 * Granted licences, with the terms as they were sold (a later tier edit never changes a sold licence).
 * One per order item; at most one exclusive per beat, whatever the concurrency.
 */
export const licences = pgTable(
  'licences',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    orderItemId: text('order_item_id')
      .notNull()
      .references(() => orderItems.id),
    beatId: text('beat_id').notNull(),
    beatTitle: text('beat_title').notNull(),
    tier: text('tier').notNull(),
    buyerId: text('buyer_id').notNull(),
    buyerName: text('buyer_name').notNull(),
    producerId: text('producer_id').notNull(),
    producerName: text('producer_name').notNull(),
    priceCents: integer('price_cents').notNull(),
    files: jsonb('files').$type<string[]>().notNull(),
    caps: jsonb('caps').$type<Record<string, number | null>>().notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    /** Set when the order was refunded in full: the licence no longer grants anything. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    /** Set while a chargeback on the order is open: nothing is delivered until it is won (or lost, which revokes). */
    heldAt: timestamp('held_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('licences_order_item_unique').on(table.orderItemId),
    // A refunded exclusive no longer holds the beat: it may be sold again.
    uniqueIndex('licences_exclusive_live_unique').on(table.beatId).where(sql`${table.tier} = 'exclusive' and ${table.revokedAt} is null`),
    index('licences_buyer_idx').on(table.buyerId, table.grantedAt),
    index('licences_producer_idx').on(table.producerId, table.grantedAt),
  ],
);

/** Payment-provider events already applied, recorded in the same transaction as their effect, so a redelivery changes nothing. */
export const paymentEvents = pgTable('payment_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull(),
});

/** Who shares a beat's sales, in basis points summing to 10,000. No rows: the producer takes everything. */
export const beatSplits = pgTable(
  'beat_splits',
  {
    beatId: text('beat_id')
      .notNull()
      .references(() => beats.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    basisPoints: integer('basis_points').notNull(),
  },
  (table) => [primaryKey({ columns: [table.beatId, table.userId] }), index('beat_splits_user_idx').on(table.userId)],
);

/**
 * What each collaborator earned from each licence sold, after the platform fee. A refund adds rows of
 * kind `refund` with negative amounts, each reversing part of one `sale` row (`reversesId`), so a
 * collaborator's sum is always what they are owed.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: text('id').primaryKey(),
    licenceId: text('licence_id')
      .notNull()
      .references(() => licences.id),
    orderId: text('order_id').notNull(),
    beatId: text('beat_id').notNull(),
    beatTitle: text('beat_title').notNull(),
    tier: text('tier').notNull(),
    producerId: text('producer_id').notNull(),
    userId: text('user_id').notNull(),
    basisPoints: integer('basis_points').notNull(),
    grossCents: integer('gross_cents').notNull(),
    feeCents: integer('fee_cents').notNull(),
    netCents: integer('net_cents').notNull(),
    /** The platform fee rate applied (basis points), from the producer's plan at the time of sale. */
    feeBasisPoints: integer('fee_basis_points').notNull(),
    kind: text('kind').notNull().default('sale'),
    /** For a `refund` row: the `sale` row it reverses (part of). */
    reversesId: text('reverses_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('ledger_entries_user_idx').on(table.userId, table.createdAt), index('ledger_entries_producer_idx').on(table.producerId, table.createdAt)],
);

/** E-mails left for a free download, the producer's leads. */
export const leads = pgTable(
  'leads',
  {
    id: text('id').primaryKey(),
    producerId: text('producer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    beatId: text('beat_id')
      .notNull()
      .references(() => beats.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('leads_beat_email_unique').on(table.beatId, table.email), index('leads_producer_idx').on(table.producerId)],
);

/**
 * A producer's subscription as Stripe last described it. `eventCreated` is the `created` time of the
 * event that wrote it: older events arriving late are ignored.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    stripeCustomerId: text('stripe_customer_id'),
    /** An e-mail address the Stripe customer still has to be given (the update failed); retried each minute. */
    billingEmailPending: text('billing_email_pending'),
    stripeSubscriptionId: text('stripe_subscription_id'),
    plan: text('plan').notNull(),
    status: text('status').notNull(),
    interval: text('interval'),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }),
    eventCreated: bigint('event_created', { mode: 'number' }).notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('subscriptions_customer_unique').on(table.stripeCustomerId)],
);
