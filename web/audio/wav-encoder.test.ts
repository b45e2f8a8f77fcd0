import { describe, expect, it } from 'vitest';
import { decodeWav } from './wav-decoder.ts';
import { encodeWav, WavBitDepth } from './wav-encoder.ts';

function text(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}

describe('encodeWav', () => {
  const left = Float32Array.from({ length: 1001 }, (_, index) => Math.sin(index * 0.1) * 0.9);
  const right = Float32Array.from({ length: 1001 }, (_, index) => Math.cos(index * 0.037) * 0.5);

  it('writes a canonical 44-byte PCM header', () => {
    const bytes = encodeWav([left, right], 48000, WavBitDepth.twentyFour);
    const view = new DataView(bytes.buffer);
    expect(text(bytes, 0)).toBe('RIFF');
    expect(text(bytes, 8)).toBe('WAVE');
    expect(text(bytes, 12)).toBe('fmt ');
    expect(view.getUint32(16, true)).toBe(16);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(2);
    expect(view.getUint32(24, true)).toBe(48000);
    expect(view.getUint32(28, true)).toBe(48000 * 6);
    expect(view.getUint16(32, true)).toBe(6);
    expect(view.getUint16(34, true)).toBe(24);
    expect(text(bytes, 36)).toBe('data');
    expect(view.getUint32(40, true)).toBe(1001 * 6);
    expect(view.getUint32(4, true)).toBe(bytes.length - 8);
  });

  it('pads an odd-sized data chunk and counts the pad in the RIFF size', () => {
    const bytes = encodeWav([left], 44100, WavBitDepth.twentyFour);
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(40, true)).toBe(3003);
    expect(bytes.length).toBe(44 + 3004);
    expect(view.getUint32(4, true)).toBe(bytes.length - 8);
  });

  for (const bitDepth of [WavBitDepth.sixteen, WavBitDepth.twentyFour]) {
    it(`round-trips ${bitDepth}-bit within half a step`, () => {
      const decoded = decodeWav(encodeWav([left, right], 44100, bitDepth));
      expect(decoded.sampleRate).toBe(44100);
      expect(decoded.bitDepth).toBe(bitDepth);
      expect(decoded.channels).toHaveLength(2);
      const step = 2 ** -(bitDepth - 1);
      for (const [index, source] of [left, right].entries()) {
        const channel = decoded.channels[index]!;
        expect(channel.length).toBe(1001);
        for (let frame = 0; frame < source.length; frame++) expect(Math.abs(channel[frame]! - source[frame]!)).toBeLessThanOrEqual(step / 2 + 1e-9);
      }
    });
  }

  it('clips beyond full scale to the extreme codes and writes NaN as silence', () => {
    const decoded = decodeWav(encodeWav([Float32Array.of(1.5, -1.5, 1, -1, Number.NaN)], 48000, WavBitDepth.sixteen));
    expect([...decoded.channels[0]!]).toEqual([32767 / 32768, -1, 32767 / 32768, -1, 0]);
  });

  it('keeps exact codes: re-encoding a decoded file gives the same bytes', () => {
    const first = encodeWav([left, right], 48000, WavBitDepth.sixteen);
    const again = encodeWav(decodeWav(first).channels, 48000, WavBitDepth.sixteen);
    expect(again).toEqual(first);
  });

  it('dithers 16-bit: unbiased, within 1.5 steps, repeatable, and keeps detail below one step', () => {
    const step = 2 ** -15;
    const constant = new Float32Array(20_000).fill(0.25 * step);
    const decoded = decodeWav(encodeWav([constant], 48000, WavBitDepth.sixteen, { dither: true, seed: 7 })).channels[0]!;
    const mean = decoded.reduce((sum, value) => sum + value, 0) / decoded.length;
    expect(mean / step).toBeCloseTo(0.25, 1);
    for (const value of decoded) expect(Math.abs(value - 0.25 * step)).toBeLessThanOrEqual(1.5 * step);
    // Undithered, a quarter-step signal rounds to silence.
    expect(decodeWav(encodeWav([constant], 48000, WavBitDepth.sixteen)).channels[0]!.every((value) => value === 0)).toBe(true);
    expect(encodeWav([constant], 48000, WavBitDepth.sixteen, { dither: true, seed: 7 })).toEqual(encodeWav([constant], 48000, WavBitDepth.sixteen, { dither: true, seed: 7 }));
  });
});
