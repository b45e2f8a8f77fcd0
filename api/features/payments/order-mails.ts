import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { ledgerEntries, orderItems, orders, users } from '../../db/schema.ts';
import { translate } from '../../i18n/translate.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from '../../platform/mailer.ts';
import { isSupportedLocale, type SupportedLocale } from '../../../shared/i18n/locales.ts';
import type { LicenceTier } from '../../../shared/schemas/commerce.ts';
import { isTier } from '../licences/tier-defaults.ts';

const TIER_IDS: Record<LicenceTier, string> = {
  basic: 'mail.tier.basic',
  premium: 'mail.tier.premium',
  trackout: 'mail.tier.trackout',
  unlimited: 'mail.tier.unlimited',
  exclusive: 'mail.tier.exclusive',
};
const tierName = (tier: string, locale: SupportedLocale) => translate(locale, isTier(tier) ? TIER_IDS[tier] : TIER_IDS.basic);

const money = (cents: number, currency: string, locale: SupportedLocale) => new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
const localeOf = (value: string) => (isSupportedLocale(value) ? value : 'en');

/**
 * The e-mails a paid order sends: a receipt to the buyer (what they bought, the total, where the
 * files are) and, to everyone who earns from it (its producers and their split collaborators), what
 * sold and their share after fees and splits (from the ledger, so the same figure their payouts use).
 * Each in its reader's language.
 * Accounts that were deleted get nothing. `libraryOrigin`, when known (PUBLIC_ORIGIN), links the receipt
 * to the library.
 */
export async function sendOrderMails(deps: { db: Database; mailer: Mailer; logger: Logger; libraryOrigin: string | undefined }, orderId: string): Promise<void> {
  const { db, mailer } = deps;
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  if (!order || order.status !== 'paid') return;
  const items = await db.select().from(orderItems).where(eq(orderItems.orderId, orderId));
  const earnings = await db
    .select({ userId: ledgerEntries.userId, beatId: ledgerEntries.beatId, netCents: ledgerEntries.netCents })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orderId, orderId), eq(ledgerEntries.kind, 'sale')));
  // Everyone who earns from the sale is told: the producers, and collaborators with a split.
  const earners = [...new Set([...items.map((item) => item.producerId), ...earnings.map((row) => row.userId)])];
  const people = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale, deletedAt: users.deletedAt })
    .from(users)
    .where(inArray(users.id, [order.buyerId, ...earners]));
  const line = (item: (typeof items)[number], locale: SupportedLocale) => `• ${item.beatTitle} — ${tierName(item.tier, locale)} — ${money(item.priceCents - item.discountCents, order.currency, locale)}`;
  const person = (id: string) => people.find((row) => row.id === id && row.deletedAt === null);
  const sends: Array<Promise<void>> = [];

  const buyer = person(order.buyerId);
  if (buyer) {
    const locale = localeOf(buyer.locale);
    const lines = items.map((item) => line(item, locale));
    const values = { name: buyer.displayName, items: lines.join('\n'), total: money(order.totalCents, order.currency, locale) };
    const library = deps.libraryOrigin ? translate(locale, 'mail.receipt.libraryLink', { link: `${deps.libraryOrigin}/library` }) : translate(locale, 'mail.receipt.library');
    sends.push(mailer.send({ to: buyer.email, subject: translate(locale, 'mail.receipt.subject', values), text: `${translate(locale, 'mail.receipt.body', values)}\n\n${library}\n\n— CreatorSync` }));
  }

  for (const earnerId of earners) {
    const earner = person(earnerId);
    if (!earner) continue;
    const locale = localeOf(earner.locale);
    const theirs = earnings.filter((row) => row.userId === earnerId);
    const sold = items.filter((item) => item.producerId === earnerId || theirs.some((row) => row.beatId === item.beatId));
    if (sold.length === 0) continue;
    const values = {
      name: earner.displayName,
      buyer: buyer?.displayName ?? '',
      beat: sold[0]!.beatTitle,
      count: sold.length,
      items: sold.map((item) => line(item, locale)).join('\n'),
      net: money(theirs.reduce((sum, row) => sum + row.netCents, 0), order.currency, locale),
    };
    sends.push(mailer.send({ to: earner.email, subject: translate(locale, 'mail.sale.subject', values), text: translate(locale, 'mail.sale.body', values) }));
  }
  const results = await Promise.allSettled(sends);
  for (const result of results) if (result.status === 'rejected') deps.logger.error('could not send an order e-mail', { orderId, error: result.reason });
}
