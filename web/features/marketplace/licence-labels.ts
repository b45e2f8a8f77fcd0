import type { LicenceFile, LicenceTier, UsageCaps } from '../../../shared/schemas/commerce.ts';
import { messageId } from '../../app/message-id.ts';

type Translate = (id: string, values?: Record<string, unknown>) => string;

const TIER_IDS = {
  basic: messageId('marketplace.tier.basic'),
  premium: messageId('marketplace.tier.premium'),
  trackout: messageId('marketplace.tier.trackout'),
  unlimited: messageId('marketplace.tier.unlimited'),
  exclusive: messageId('marketplace.tier.exclusive'),
} as const satisfies Record<LicenceTier, string>;

const FILE_IDS = {
  mp3: messageId('marketplace.file.mp3'),
  wav: messageId('marketplace.file.wav'),
  stems: messageId('marketplace.file.stems'),
} as const satisfies Record<LicenceFile, string>;

/** Per cap: the message for a limit and the one for "unlimited". */
const CAP_IDS = {
  streams: [messageId('marketplace.cap.streams'), messageId('marketplace.cap.streamsUnlimited')],
  copiesSold: [messageId('marketplace.cap.copiesSold'), messageId('marketplace.cap.copiesSoldUnlimited')],
  musicVideos: [messageId('marketplace.cap.musicVideos'), messageId('marketplace.cap.musicVideosUnlimited')],
  radioStations: [messageId('marketplace.cap.radioStations'), messageId('marketplace.cap.radioStationsUnlimited')],
  paidPerformances: [messageId('marketplace.cap.paidPerformances'), messageId('marketplace.cap.paidPerformancesUnlimited')],
} as const satisfies Record<keyof UsageCaps, readonly [string, string]>;

export const CAP_FIELDS = Object.keys(CAP_IDS) as Array<keyof UsageCaps>;

export function tierLabel(tier: LicenceTier, t: Translate): string {
  return t(TIER_IDS[tier]);
}

export function fileLabel(file: LicenceFile, t: Translate): string {
  return t(FILE_IDS[file]);
}

const CAP_NAME_IDS = {
  streams: messageId('marketplace.capName.streams'),
  copiesSold: messageId('marketplace.capName.copiesSold'),
  musicVideos: messageId('marketplace.capName.musicVideos'),
  radioStations: messageId('marketplace.capName.radioStations'),
  paidPerformances: messageId('marketplace.capName.paidPerformances'),
} as const satisfies Record<keyof UsageCaps, string>;

/** The name of a cap field, for forms ("Streams"). */
export function capFieldLabel(cap: keyof UsageCaps, t: Translate): string {
  return t(CAP_NAME_IDS[cap]);
}

/** One line per cap: "Up to 10,000 streams", "Unlimited music videos". */
export function capLines(caps: UsageCaps, t: Translate, formatNumber: (value: number) => string): string[] {
  return CAP_FIELDS.map((cap) => {
    const value = caps[cap];
    const [limited, unlimited] = CAP_IDS[cap];
    return value === null ? t(unlimited) : t(limited, { count: value, amount: formatNumber(value) });
  });
}
