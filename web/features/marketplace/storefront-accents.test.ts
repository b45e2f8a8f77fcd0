import { describe, expect, it } from 'vitest';
import { ACCENT_COLORS } from './storefront-accents.ts';
import { STOREFRONT_ACCENTS } from '../../../shared/schemas/storefronts.ts';

/** WCAG 2 relative luminance of an sRGB hex colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('storefront accents', () => {
  it('each carries white text at 4.5:1 or better', () => {
    for (const accent of STOREFRONT_ACCENTS) {
      const ratio = 1.05 / (luminance(ACCENT_COLORS[accent]) + 0.05);
      expect(ratio, accent).toBeGreaterThanOrEqual(4.5);
    }
  });
});
