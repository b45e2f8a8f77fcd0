import { LICENCE_TIERS, type LicenceFile, type LicenceTier, type LicenceTierTerms, type UsageCaps } from '../../../shared/schemas/commerce.ts';

/**
 * The tiers a beat starts with, priced from the beat's list price (which is the basic lease). Usage
 * caps follow common beat-store practice; the producer changes any of it with PUT /licences.
 */
const DEFAULTS: Record<LicenceTier, { multiple: number; files: LicenceFile[]; caps: UsageCaps }> = {
  basic: { multiple: 1, files: ['mp3'], caps: { streams: 10_000, copiesSold: 2_000, musicVideos: 1, radioStations: 0, paidPerformances: 0 } },
  premium: { multiple: 2, files: ['mp3', 'wav'], caps: { streams: 100_000, copiesSold: 5_000, musicVideos: 1, radioStations: 2, paidPerformances: 10 } },
  trackout: { multiple: 4, files: ['mp3', 'wav', 'stems'], caps: { streams: 500_000, copiesSold: 10_000, musicVideos: 2, radioStations: 5, paidPerformances: 50 } },
  unlimited: { multiple: 8, files: ['mp3', 'wav', 'stems'], caps: { streams: null, copiesSold: null, musicVideos: null, radioStations: null, paidPerformances: null } },
  exclusive: { multiple: 25, files: ['mp3', 'wav', 'stems'], caps: { streams: null, copiesSold: null, musicVideos: null, radioStations: null, paidPerformances: null } },
};

export function defaultTiers(beatPriceCents: number): LicenceTierTerms[] {
  return LICENCE_TIERS.map((tier) => ({
    tier,
    price: Math.min(100_000_00, beatPriceCents * DEFAULTS[tier].multiple) / 100,
    files: [...DEFAULTS[tier].files],
    enabled: true,
    caps: { ...DEFAULTS[tier].caps },
  }));
}

export interface TierRow {
  tier: string;
  priceCents: number;
  files: string[];
  enabled: boolean;
  streams: number | null;
  copiesSold: number | null;
  musicVideos: number | null;
  radioStations: number | null;
  paidPerformances: number | null;
}

export const isTier = (value: string): value is LicenceTier => (LICENCE_TIERS as readonly string[]).includes(value);

export function tierFromRow(row: TierRow): LicenceTierTerms {
  return {
    tier: isTier(row.tier) ? row.tier : 'basic',
    price: row.priceCents / 100,
    files: row.files.filter((file): file is LicenceFile => file === 'mp3' || file === 'wav' || file === 'stems'),
    enabled: row.enabled,
    caps: { streams: row.streams, copiesSold: row.copiesSold, musicVideos: row.musicVideos, radioStations: row.radioStations, paidPerformances: row.paidPerformances },
  };
}

export function rowFromTier(terms: LicenceTierTerms): TierRow {
  return { tier: terms.tier, priceCents: Math.round(terms.price * 100), files: terms.files, enabled: terms.enabled, ...terms.caps };
}

/** Stored rows over defaults: every tier, in tier order. */
export function mergeTiers(beatPriceCents: number, rows: readonly TierRow[]): LicenceTierTerms[] {
  const stored = new Map(rows.map((row) => [row.tier, tierFromRow(row)]));
  return defaultTiers(beatPriceCents).map((terms) => stored.get(terms.tier) ?? terms);
}
