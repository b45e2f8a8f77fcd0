import type { BeatGenre, BeatMood, BeatSort, MusicalKey } from '../../../shared/schemas/beats.ts';
import { messageId } from '../../app/message-id.ts';

const GENRE_IDS = {
  'hip-hop': messageId('marketplace.genre.hipHop'),
  trap: messageId('marketplace.genre.trap'),
  drill: messageId('marketplace.genre.drill'),
  'boom-bap': messageId('marketplace.genre.boomBap'),
  'lo-fi': messageId('marketplace.genre.loFi'),
  'r-and-b': messageId('marketplace.genre.rAndB'),
  pop: messageId('marketplace.genre.pop'),
  afrobeats: messageId('marketplace.genre.afrobeats'),
  reggaeton: messageId('marketplace.genre.reggaeton'),
  dancehall: messageId('marketplace.genre.dancehall'),
  edm: messageId('marketplace.genre.edm'),
  house: messageId('marketplace.genre.house'),
  rock: messageId('marketplace.genre.rock'),
  soul: messageId('marketplace.genre.soul'),
  jazz: messageId('marketplace.genre.jazz'),
  other: messageId('marketplace.genre.other'),
} as const satisfies Record<BeatGenre, string>;

const MOOD_IDS = {
  dark: messageId('marketplace.mood.dark'),
  chill: messageId('marketplace.mood.chill'),
  energetic: messageId('marketplace.mood.energetic'),
  happy: messageId('marketplace.mood.happy'),
  sad: messageId('marketplace.mood.sad'),
  aggressive: messageId('marketplace.mood.aggressive'),
  romantic: messageId('marketplace.mood.romantic'),
  epic: messageId('marketplace.mood.epic'),
  uplifting: messageId('marketplace.mood.uplifting'),
  mysterious: messageId('marketplace.mood.mysterious'),
} as const satisfies Record<BeatMood, string>;

const SORT_IDS = {
  relevance: messageId('marketplace.sort.relevance'),
  newest: messageId('marketplace.sort.newest'),
  price_asc: messageId('marketplace.sort.priceAsc'),
  price_desc: messageId('marketplace.sort.priceDesc'),
  trending: messageId('marketplace.sort.trending'),
} as const satisfies Record<BeatSort, string>;

type Translate = (id: string, values?: Record<string, unknown>) => string;

export function genreLabel(genre: BeatGenre, t: Translate): string {
  return t(GENRE_IDS[genre]);
}

export function moodLabel(mood: BeatMood, t: Translate): string {
  return t(MOOD_IDS[mood]);
}

export function sortLabel(sort: BeatSort, t: Translate): string {
  return t(SORT_IDS[sort]);
}

/** "F# minor" in the UI language: the note letters stay, major/minor are translated. */
export function keyLabel(key: MusicalKey, t: Translate): string {
  const [note, mode] = key.split(' ');
  return mode === 'major' ? t('marketplace.key.major', { note }) : t('marketplace.key.minor', { note });
}

/** The store's currency: prices on the wire are plain numbers in it. */
export const STORE_CURRENCY = 'USD';

export function formatPrice(amount: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: STORE_CURRENCY }).format(amount);
}
