import { describe, expect, it } from 'vitest';
import { SharedMeterBuffer } from './shared-meter-buffer.ts';

describe('SharedMeterBuffer', () => {
  it('hands a written frame to a reader on another view of the same memory', () => {
    const writer = new SharedMeterBuffer();
    const reader = new SharedMeterBuffer(writer.buffer);
    const into = new Float64Array(5);
    expect(reader.read(into)).toBe(false);
    expect(writer.write(Float64Array.of(1, 2, 3, 4, -Infinity))).toBe(true);
    expect(reader.read(into)).toBe(true);
    expect([...into]).toEqual([1, 2, 3, 4, -Infinity]);
  });

  it('refuses a frame of another layout and one too large for the buffer', () => {
    const meters = new SharedMeterBuffer(new SharedArrayBuffer(8 + 3 * 8));
    expect(meters.write(new Float64Array(4))).toBe(false);
    expect(meters.write(Float64Array.of(1, 2, 3))).toBe(true);
    expect(meters.read(new Float64Array(2))).toBe(false);
  });

  it('does not return a frame while a write is in progress', () => {
    const buffer = new SharedArrayBuffer(8 + 2 * 8);
    const meters = new SharedMeterBuffer(buffer);
    meters.write(Float64Array.of(1, 2));
    // A writer caught between its two sequence increments.
    Atomics.add(new Int32Array(buffer, 0, 2), 0, 1);
    expect(meters.read(new Float64Array(2))).toBe(false);
  });
});
