import { z } from 'zod';
import { LICENCE_TIERS, type LicenceTier } from '../../../shared/schemas/commerce.ts';

/** Most lines one checkout takes (the API's CheckoutRequest limit). */
export const CART_MAX_LINES = 20;

const CartLine = z.object({
  beatId: z.string().min(1),
  tier: z.enum(LICENCE_TIERS),
  title: z.string(),
  producerName: z.string(),
  /** As shown when added; the checkout prices every line afresh. */
  price: z.number().nonnegative(),
});
export type CartLine = z.infer<typeof CartLine>;

type CartStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The beats a buyer is about to buy in one checkout, kept on the device per account (a reload, a
 * closed tab or going offline keeps it). One line per beat: choosing another licence of a beat
 * already in the cart replaces it. What storage holds is checked when read, so a corrupted or
 * older entry empties the cart rather than breaking the page.
 *
 * @fires change - The lines changed (here or in another tab).
 */
export class Cart extends EventTarget {
  readonly #storage: CartStorage;
  readonly #key: string;

  constructor(storage: CartStorage, key: string) {
    super();
    this.#storage = storage;
    this.#key = key;
  }

  get lines(): readonly CartLine[] {
    try {
      const parsed = z.array(CartLine).max(CART_MAX_LINES).safeParse(JSON.parse(this.#storage.getItem(this.#key) ?? '[]'));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  get count(): number {
    return this.lines.length;
  }

  /** In cents, to add up exactly. */
  get totalCents(): number {
    return this.lines.reduce((sum, line) => sum + Math.round(line.price * 100), 0);
  }

  has(beatId: string, tier?: LicenceTier): boolean {
    return this.lines.some((line) => line.beatId === beatId && (tier === undefined || line.tier === tier));
  }

  /** `full` when the cart already holds CART_MAX_LINES other beats. */
  add(line: CartLine): 'added' | 'replaced' | 'full' {
    const lines = this.lines;
    const index = lines.findIndex((existing) => existing.beatId === line.beatId);
    if (index === -1 && lines.length >= CART_MAX_LINES) return 'full';
    this.#write(index === -1 ? [...lines, line] : lines.map((existing, at) => (at === index ? line : existing)));
    return index === -1 ? 'added' : 'replaced';
  }

  remove(beatId: string): void {
    this.#write(this.lines.filter((line) => line.beatId !== beatId));
  }

  clear(): void {
    this.#storage.removeItem(this.#key);
    this.dispatchEvent(new Event('change'));
  }

  /** Another tab changed the same cart. */
  storageChanged(key: string | null): void {
    if (key === null || key === this.#key) this.dispatchEvent(new Event('change'));
  }

  #write(lines: CartLine[]): void {
    this.#storage.setItem(this.#key, JSON.stringify(lines));
    this.dispatchEvent(new Event('change'));
  }
}

/** The signed-in account's cart on this device. */
export function cartOf(userId: string, storage: CartStorage = localStorage): Cart {
  return new Cart(storage, `creatorsync.cart.${userId}`);
}
