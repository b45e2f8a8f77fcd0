import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from './seeded-random.ts';

describe('createRandom', () => {
  it('repeats for the same seed and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays in range for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, size) => {
        const random = createRandom(seed);
        for (let draw = 0; draw < 20; draw += 1) {
          const value = random.next();
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThan(1);
          expect(random.integer(size)).toBeLessThan(size);
        }
      }),
    );
  });

  it('spreads draws evenly and honours weights', () => {
    const random = createRandom(7);
    const buckets = [0, 0, 0, 0];
    for (let draw = 0; draw < 8000; draw += 1) buckets[random.integer(4)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(200);
    let heavy = 0;
    for (let draw = 0; draw < 1000; draw += 1) if (random.weighted(['heavy', 'light'], (item) => (item === 'heavy' ? 9 : 1)) === 'heavy') heavy += 1;
    expect(heavy).toBeGreaterThan(850);
    expect(random.weighted(['only'], () => 0)).toBe('only');
  });
});
