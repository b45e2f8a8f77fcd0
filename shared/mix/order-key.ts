/**
 * Fractional order keys: strings that sort lexicographically in the order
 * the user arranged things. Inserting between two neighbours makes a new key
 * between theirs, so reordering one track writes one field — which is what a
 * CRDT map merges well, where moving items in a shared array would not.
 *
 * Digits are 0-9A-Za-z (ASCII order = numeric order), read as a base-62
 * fraction. Keys never end in '0', so there is always room before any key.
 */

const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const base = digits.length;

function digitValue(character: string): number {
  const value = digits.indexOf(character);
  if (value < 0) throw new RangeError(`Invalid order key digit "${character}"`);
  return value;
}

/**
 * A key strictly between `before` and `after`. Pass null for "at the start"
 * / "at the end". Throws if `before` is not below `after`.
 */
export function orderKeyBetween(before: string | null, after: string | null): string {
  const lower = before ?? '';
  if (after !== null && lower >= after) throw new RangeError(`Order keys out of order: "${lower}" ≥ "${after}"`);
  let upper = after;
  let prefix = '';
  for (let position = 0; ; position++) {
    const low = position < lower.length ? digitValue(lower[position]!) : 0;
    const high = upper !== null && position < upper.length ? digitValue(upper[position]!) : base;
    if (low === high) {
      prefix += digits[low];
      continue;
    }
    // With no upper bound, step by one rather than halving, so a run of
    // appends (the common case) grows the key by one digit per 61 appends.
    const middle = upper === null ? low + 1 : Math.floor((low + high) / 2);
    if (middle > low && middle < base) return prefix + digits[middle];
    // Adjacent digits: keep the lower one; everything after it is below `upper`.
    prefix += digits[low];
    upper = null;
  }
}

/** Sorts entities by their `order` key, breaking ties by id so every replica agrees. */
export function sortByOrder<T extends { readonly order: string; readonly id: string }>(entities: Iterable<T>): T[] {
  return [...entities].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
