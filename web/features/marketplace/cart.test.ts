import { describe, expect, it } from 'vitest';
import { Cart, CART_MAX_LINES, type CartLine } from './cart.ts';

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
    values,
  };
}

const line = (beatId: string, tier: CartLine['tier'] = 'basic', price = 29.99): CartLine => ({ beatId, tier, title: `Beat ${beatId}`, producerName: 'Rio', price });

describe('Cart', () => {
  it('keeps one line per beat, adds up in cents and survives being read again', () => {
    const storage = memoryStorage();
    const cart = new Cart(storage, 'cart.u1');
    let changes = 0;
    cart.addEventListener('change', () => changes++);
    expect(cart.add(line('a'))).toBe('added');
    expect(cart.add(line('b', 'premium', 0.1))).toBe('added');
    expect(cart.add(line('a', 'exclusive', 0.2))).toBe('replaced');
    expect(new Cart(storage, 'cart.u1').lines.map((entry) => [entry.beatId, entry.tier])).toEqual([['a', 'exclusive'], ['b', 'premium']]);
    expect(cart.totalCents).toBe(30);
    expect(cart.has('a', 'exclusive')).toBe(true);
    expect(cart.has('a', 'basic')).toBe(false);
    cart.remove('a');
    expect(cart.lines.map((entry) => entry.beatId)).toEqual(['b']);
    cart.clear();
    expect(cart.count).toBe(0);
    expect(changes).toBe(5);
    // Another account's cart on the same device is its own.
    expect(new Cart(storage, 'cart.u2').count).toBe(0);
  });

  it('holds at most as many beats as one checkout takes', () => {
    const cart = new Cart(memoryStorage(), 'cart');
    for (let i = 0; i < CART_MAX_LINES; i++) expect(cart.add(line(`beat-${i}`))).toBe('added');
    expect(cart.add(line('one-too-many'))).toBe('full');
    expect(cart.add(line('beat-3', 'premium'))).toBe('replaced');
    expect(cart.count).toBe(CART_MAX_LINES);
  });

  it('reads anything broken in storage as an empty cart', () => {
    for (const stored of ['not json', '{"beatId":"a"}', '[{"beatId":"a","tier":"platinum","title":"x","producerName":"y","price":1}]', '[{"beatId":"a","tier":"basic","title":"x","producerName":"y","price":-1}]']) {
      const storage = memoryStorage();
      storage.setItem('cart', stored);
      expect(new Cart(storage, 'cart').lines).toEqual([]);
    }
  });
});
