import { z } from 'zod';
import { clampToRange, type ParameterRange } from './parameter-ranges.ts';

/**
 * A number field that never fails: missing, non-numeric or non-finite values
 * become the range's default, out-of-range values are clamped. Collaborative
 * documents can hold anything another (older, newer, buggy) client wrote; a
 * mixer that refuses to open over one bad knob value would be worse than one
 * that resets the knob.
 */
export function rangedNumber(range: ParameterRange) {
  return z
    .number()
    .catch(range.default)
    .transform((value) => clampToRange(value, range));
}

/** A boolean field that falls back to `fallback`. */
export function flag(fallback: boolean) {
  return z.boolean().catch(fallback);
}

/** A free-text field (names) trimmed to a sane length, falling back to `fallback`. */
export function label(fallback: string, maximumLength = 120) {
  return z
    .string()
    .catch(fallback)
    .transform((value) => value.slice(0, maximumLength));
}

/** A stable entity id: required, non-empty. Entities without one are dropped, not repaired. */
export const entityId = z.string().min(1).max(64);

/** A reference to another entity by id; '' means none. */
export const optionalReference = z.string().max(64).catch('');

/** A fractional order key (see `order-key.ts`). */
export const orderKey = z.string().regex(/^[0-9A-Za-z]*[1-9A-Za-z]$/).catch('V');

/** A #rrggbb colour for the track/bus header. */
export const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/).catch('#8a8a8a');
