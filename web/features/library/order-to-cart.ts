import type { Beat } from '../../../shared/schemas/beats.ts';
import type { BeatLicences, OrderItem } from '../../../shared/schemas/commerce.ts';
import type { CartLine } from '../marketplace/cart.ts';

/** What the catalogue says now about one beat of the order: null when it is gone (deleted, hidden). */
export interface BeatNow {
  beat: Pick<Beat, 'id' | 'title' | 'producerName' | 'status'>;
  licences: BeatLicences;
}

/**
 * The cart lines that buy again what an unpaid order held, as the catalogue offers them now: its
 * current price and producer name, the same licence. A line whose beat is gone, back in draft, no
 * longer sold under that licence, or an exclusive someone else bought, cannot come back: its title is
 * listed instead, so the buyer is told rather than finding fewer lines.
 */
export function cartLinesFor(items: readonly OrderItem[], now: ReadonlyMap<string, BeatNow | null>): { lines: CartLine[]; unavailable: string[] } {
  const lines: CartLine[] = [];
  const unavailable: string[] = [];
  for (const item of items) {
    const found = now.get(item.beatId);
    const terms = found?.licences.tiers.find((tier) => tier.tier === item.tier);
    const sold = item.tier === 'exclusive' && found?.licences.exclusiveSold === true;
    if (!found || found.beat.status !== 'published' || !terms?.enabled || sold) {
      unavailable.push(found?.beat.title ?? item.beatTitle);
      continue;
    }
    lines.push({ beatId: item.beatId, tier: item.tier, title: found.beat.title, producerName: found.beat.producerName, price: terms.price });
  }
  return { lines, unavailable };
}
