import { describe, expect, it } from 'vitest';
import { activeFilterCount, filtersFromSearch, filtersToParams, searchCacheKey } from './search-filters.ts';

describe('search filters', () => {
  it('reads known values from a query string and drops malformed ones', () => {
    expect(filtersFromSearch('?q=%20night%20&genre=trap&mood=nope&bpmMin=120&bpmMax=abc&freeDownload=true&sort=price_asc')).toEqual({
      q: 'night',
      genre: 'trap',
      bpmMin: 120,
      freeDownload: true,
      sort: 'price_asc',
    });
    expect(filtersFromSearch('?musicalKey=F%23+minor&priceMax=-3')).toEqual({ musicalKey: 'F# minor' });
  });

  it('writes parameters in one order, so equal filters give one cache key', () => {
    const a = searchCacheKey({ sort: 'newest', genre: 'trap', bpmMin: 90 }, null);
    const b = searchCacheKey({ bpmMin: 90, genre: 'trap', sort: 'newest', q: '' }, null);
    expect(a).toBe(b);
    expect(a).toBe('genre=trap&bpmMin=90&sort=newest');
    expect(searchCacheKey({ genre: 'trap' }, 'abc')).toBe('genre=trap&cursor=abc');
  });

  it('round-trips through the URL', () => {
    const filters = { q: 'dark keys', musicalKey: 'C# minor', priceMin: 5, priceMax: 49.99, freeDownload: true } as const;
    expect(filtersFromSearch(`?${filtersToParams(filters)}`)).toEqual(filters);
  });

  it('counts the active filters besides text and sort', () => {
    expect(activeFilterCount({ q: 'x', sort: 'newest' })).toBe(0);
    expect(activeFilterCount({ genre: 'trap', bpmMin: 80, freeDownload: true })).toBe(3);
  });
});
