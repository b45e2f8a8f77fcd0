/**
 * A small seeded pseudo-random generator, so suggestions are reproducible: the same song, lexicon
 * and seed always give the same lines (shared/ may not use Math.random). A Weyl sequence stepped
 * by the golden-ratio constant and scrambled with a murmur-style finaliser: fast, 32-bit state,
 * good enough spread for choosing words; not for cryptography.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive). */
  integer(maxExclusive: number): number;
  /** One item, uniformly; throws on an empty list. */
  pick<T>(items: readonly T[]): T;
  /** One item with probability proportional to its weight (weights ≤ 0 never chosen unless all are). */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
}

/** A generator for a seed; any integer works, fractional seeds are truncated. */
export function createRandom(seed: number): Random {
  let state = (Math.trunc(seed) ^ 0x5bd1e995) >>> 0;
  const next = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    mixed ^= mixed >>> 16;
    return (mixed >>> 0) / 4294967296;
  };
  const integer = (maxExclusive: number) => Math.floor(next() * Math.max(0, Math.floor(maxExclusive)));
  return {
    next,
    integer,
    pick(items) {
      if (items.length === 0) throw new Error('Cannot pick from an empty list');
      return items[integer(items.length)] as (typeof items)[number];
    },
    weighted(items, weight) {
      if (items.length === 0) throw new Error('Cannot pick from an empty list');
      const weights = items.map((item) => Math.max(0, weight(item)));
      const total = weights.reduce((sum, value) => sum + value, 0);
      if (!(total > 0)) return items[integer(items.length)] as (typeof items)[number];
      let target = next() * total;
      for (let index = 0; index < items.length; index += 1) {
        target -= weights[index] as number;
        if (target < 0) return items[index] as (typeof items)[number];
      }
      return items[items.length - 1] as (typeof items)[number];
    },
  };
}
