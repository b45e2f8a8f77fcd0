import { describe, expect, it } from 'vitest';
import type { BeatLicences, LicenceTier, OrderItem } from '../../../shared/schemas/commerce.ts';
import { cartLinesFor, type BeatNow } from './order-to-cart.ts';

const caps = { streams: null, copiesSold: null, musicVideos: null, radioStations: null, paidPerformances: null };

function item(beatId: string, tier: LicenceTier, beatTitle = `Old title of ${beatId}`): OrderItem {
  return { beatId, beatTitle, producerId: 'p1', tier, price: 10, discount: 0, licenceId: null };
}

function beatNow(id: string, options: { status?: 'draft' | 'published'; exclusiveSold?: boolean; disabled?: LicenceTier[] } = {}): BeatNow {
  const licences: BeatLicences = {
    beatId: id,
    currency: 'usd',
    exclusiveSold: options.exclusiveSold ?? false,
    stems: null,
    tiers: (['basic', 'premium', 'exclusive'] as const).map((tier, index) => ({ tier, price: 25 * (index + 1), files: ['mp3'], enabled: !options.disabled?.includes(tier), caps })),
  };
  return { beat: { id, title: `Title of ${id}`, producerName: `Producer of ${id}`, status: options.status ?? 'published' }, licences };
}

describe('cartLinesFor', () => {
  it('puts each line back as the catalogue sells it now: current title, producer and price, same licence', () => {
    const result = cartLinesFor([item('a', 'premium'), item('b', 'basic')], new Map([['a', beatNow('a')], ['b', beatNow('b')]]));
    expect(result).toEqual({
      lines: [
        { beatId: 'a', tier: 'premium', title: 'Title of a', producerName: 'Producer of a', price: 50 },
        { beatId: 'b', tier: 'basic', title: 'Title of b', producerName: 'Producer of b', price: 25 },
      ],
      unavailable: [],
    });
  });

  it('names the beats that cannot come back instead of dropping them silently', () => {
    const now = new Map<string, BeatNow | null>([
      ['gone', null],
      ['draft', beatNow('draft', { status: 'draft' })],
      ['sold', beatNow('sold', { exclusiveSold: true })],
      ['off', beatNow('off', { disabled: ['premium'] })],
      ['fine', beatNow('fine', { exclusiveSold: true })],
    ]);
    const result = cartLinesFor([item('gone', 'basic', 'Gone beat'), item('draft', 'basic'), item('sold', 'exclusive'), item('off', 'premium'), item('fine', 'basic'), item('unknown', 'basic', 'Never looked up')], now);
    expect(result.lines.map((line) => line.beatId)).toEqual(['fine']);
    expect(result.unavailable).toEqual(['Gone beat', 'Title of draft', 'Title of sold', 'Title of off', 'Never looked up']);
  });
});
