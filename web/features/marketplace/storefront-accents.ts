import { unsafeCSS } from 'lit';
import { STOREFRONT_ACCENTS, type StorefrontAccent } from '../../../shared/schemas/storefronts.ts';
import { messageId } from '../../app/message-id.ts';

/**
 * The storefront palette: each colour carries white text at 4.5:1 or better (WCAG AA), so whatever a
 * producer picks, their headline band stays readable.
 */
export const ACCENT_COLORS: Record<StorefrontAccent, string> = {
  violet: '#6d28d9',
  rose: '#be185d',
  ocean: '#0369a1',
  forest: '#15803d',
  amber: '#b45309',
  slate: '#334155',
};

export const ACCENT_NAME_IDS = {
  violet: messageId('marketplace.storefront.accent.violet'),
  rose: messageId('marketplace.storefront.accent.rose'),
  ocean: messageId('marketplace.storefront.accent.ocean'),
  forest: messageId('marketplace.storefront.accent.forest'),
  amber: messageId('marketplace.storefront.accent.amber'),
  slate: messageId('marketplace.storefront.accent.slate'),
} as const satisfies Record<StorefrontAccent, string>;

/**
 * `.accent-<name>` paints a background in that accent. Classes rather than style attributes: the
 * CSP (style-src 'self') refuses inline styles, and adopted stylesheets are not inline.
 */
export const accentStyles = unsafeCSS(STOREFRONT_ACCENTS.map((accent) => `.accent-${accent} { background: ${ACCENT_COLORS[accent]}; }`).join('\n'));
