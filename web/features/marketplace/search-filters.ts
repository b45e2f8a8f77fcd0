import { BEAT_GENRES, BEAT_MOODS, BEAT_SORTS, MUSICAL_KEYS, type BeatGenre, type BeatMood, type BeatSort, type MusicalKey } from '../../../shared/schemas/beats.ts';

/** What the browse page searches for; the same fields as `GET /api/beats`, all optional. */
export interface BeatFilters {
  q?: string;
  genre?: BeatGenre;
  musicalKey?: MusicalKey;
  mood?: BeatMood;
  bpmMin?: number;
  bpmMax?: number;
  priceMin?: number;
  priceMax?: number;
  freeDownload?: boolean;
  sort?: BeatSort;
}

/** Fixed order, so equal filters always make the same URL and the same cache key. */
const FIELDS = ['q', 'genre', 'musicalKey', 'mood', 'bpmMin', 'bpmMax', 'priceMin', 'priceMax', 'freeDownload', 'sort'] as const satisfies ReadonlyArray<keyof BeatFilters>;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

function number(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

/**
 * Reads filters from a page's query string (`/beats?genre=trap&bpmMin=120`). Unknown or malformed
 * values are dropped rather than refused: a shared link with a typo still shows beats.
 */
export function filtersFromSearch(search: string): BeatFilters {
  const params = new URLSearchParams(search);
  const filters: BeatFilters = {
    q: params.get('q')?.trim() || undefined,
    genre: oneOf(BEAT_GENRES, params.get('genre')),
    musicalKey: oneOf(MUSICAL_KEYS, params.get('musicalKey')),
    mood: oneOf(BEAT_MOODS, params.get('mood')),
    bpmMin: number(params.get('bpmMin')),
    bpmMax: number(params.get('bpmMax')),
    priceMin: number(params.get('priceMin')),
    priceMax: number(params.get('priceMax')),
    freeDownload: params.get('freeDownload') === 'true' ? true : undefined,
    sort: oneOf(BEAT_SORTS, params.get('sort')),
  };
  return withoutEmpty(filters);
}

/** The filters as query parameters in a fixed order, empty ones left out. */
export function filtersToParams(filters: BeatFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = filters[field];
    if (value === undefined || value === '' || value === false) continue;
    params.set(field, String(value));
  }
  return params;
}

/** The filters with empty values removed, so `{ genre: undefined }` equals `{}`. */
export function withoutEmpty(filters: BeatFilters): BeatFilters {
  return Object.fromEntries(filtersToParams(filters).keys().map((key) => [key, filters[key as keyof BeatFilters]])) as BeatFilters;
}

/** Identifies one page of results on the device: the filters plus the cursor that led to it. */
export function searchCacheKey(filters: BeatFilters, cursor: string | null): string {
  const params = filtersToParams(filters);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** How many filters (besides text and sort) are active, for the "Filters (3)" toggle. */
export function activeFilterCount(filters: BeatFilters): number {
  return filtersToParams({ ...filters, q: undefined, sort: undefined }).size;
}
