import { html, nothing } from 'lit';
import { cartOf } from './cart.ts';

/** "View cart (N)" for a signed-in buyer whose cart on this device holds something; nothing otherwise. */
export function cartLink(userId: string | undefined, t: (id: string, values?: Record<string, unknown>) => string) {
  const count = userId ? cartOf(userId).count : 0;
  return count > 0 ? html`<p><a href="/cart">${t('marketplace.cart.view', { count })}</a></p>` : nothing;
}
