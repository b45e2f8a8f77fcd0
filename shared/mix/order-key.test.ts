import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orderKeyBetween, sortByOrder } from './order-key.ts';

describe('orderKeyBetween', () => {
  it('keeps any sequence of insertions in order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 200 }), (positions) => {
        const keys: string[] = [];
        for (const position of positions) {
          const index = position % (keys.length + 1);
          const key = orderKeyBetween(keys[index - 1] ?? null, keys[index] ?? null);
          if (index > 0) expect(key > keys[index - 1]!).toBe(true);
          if (index < keys.length) expect(key < keys[index]!).toBe(true);
          expect(key).toMatch(/^[0-9A-Za-z]*[1-9A-Za-z]$/);
          keys.splice(index, 0, key);
        }
      }),
    );
  });

  it('stays short when appending repeatedly', () => {
    let key: string | null = null;
    for (let count = 0; count < 1000; count++) key = orderKeyBetween(key, null);
    expect(key!.length).toBeLessThanOrEqual(20);
  });

  it('rejects neighbours given in the wrong order', () => {
    expect(() => orderKeyBetween('b', 'a')).toThrow(RangeError);
  });
});

describe('sortByOrder', () => {
  it('sorts by key, then id, identically on every replica', () => {
    const sorted = sortByOrder([
      { id: 'b', order: 'V' },
      { id: 'a', order: 'V' },
      { id: 'c', order: 'F' },
    ]);
    expect(sorted.map((entity) => entity.id)).toEqual(['c', 'a', 'b']);
  });
});
