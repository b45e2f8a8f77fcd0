import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPeakAccumulator, encodePcm, pcmWavHeader, readWavFormat, sineWav, wavPeaks } from './wav.ts';

describe('WAV reader', () => {
  it('reads the format of a generated file', () => {
    const bytes = sineWav({ seconds: 0.5, sampleRate: 48_000, channels: 2 });
    expect(readWavFormat(bytes)).toEqual({ encoding: 'pcm', channels: 2, sampleRate: 48_000, bitsPerSample: 16, dataOffset: 44, dataBytes: 96_000 });
  });

  it('refuses what is not a WAV', () => {
    expect(readWavFormat(new TextEncoder().encode('RIFF....WAVEnot really'))).toBeUndefined();
    expect(readWavFormat(new Uint8Array(3))).toBeUndefined();
  });

  it('gives peaks that follow the amplitude of the signal', () => {
    const loud = sineWav({ seconds: 1, amplitude: 1 });
    const quiet = sineWav({ seconds: 1, amplitude: 0.25 });
    const loudPeaks = wavPeaks(loud, readWavFormat(loud)!, 100);
    const quietPeaks = wavPeaks(quiet, readWavFormat(quiet)!, 100);
    expect(loudPeaks).toHaveLength(200);
    // A 440 Hz tone fills every bucket of 10 ms with whole cycles: min ≈ -amplitude, max ≈ +amplitude.
    expect(Math.max(...loudPeaks)).toBe(127);
    expect(Math.min(...loudPeaks)).toBeLessThanOrEqual(-126);
    for (const value of quietPeaks) expect(Math.abs(Math.abs(value) - 32)).toBeLessThanOrEqual(1);
  });

  it('gives one pair per frame for very short files and silence as zeros', () => {
    const tiny = sineWav({ seconds: 10 / 44_100, amplitude: 0 });
    expect(wavPeaks(tiny, readWavFormat(tiny)!, 800)).toEqual(new Array(20).fill(0));
  });

  it('gives the same peaks however the data is cut into chunks', () => {
    const bytes = sineWav({ seconds: 0.3, channels: 2, frequency: 97 });
    const format = readWavFormat(bytes)!;
    const whole = wavPeaks(bytes, format, 120);
    for (const size of [1, 3, 7, 4096]) {
      const accumulator = createPeakAccumulator(format, 120);
      const data = bytes.subarray(format.dataOffset);
      for (let offset = 0; offset < data.length; offset += size) accumulator.push(data.subarray(offset, offset + size));
      expect(accumulator.result(), `chunks of ${size}`).toEqual(whole);
    }
  });

  it('reads the format from the start of a file and clips data to the file size', () => {
    const bytes = sineWav({ seconds: 1 });
    expect(readWavFormat(bytes.subarray(0, 64), bytes.length)?.dataBytes).toBe(88_200);
    expect(readWavFormat(bytes.subarray(0, 1000))?.dataBytes).toBe(956);
  });
});

describe('WAV writer', () => {
  const int24 = (bytes: Uint8Array, index: number) => ((bytes[index * 3 + 2]! << 24) | (bytes[index * 3 + 1]! << 16) | (bytes[index * 3]! << 8)) >> 8;

  it('turns decoder floats back into the source integers, widened to the output size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -8_388_608, max: 8_388_607 }), { minLength: 1, maxLength: 200 }), (values) => {
        const floats = Float32Array.from(values, (value) => value / 8_388_607);
        const bytes = encodePcm([floats], 24, 24);
        values.forEach((value, index) => expect(int24(bytes, index)).toBe(value));
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -32_768, max: 32_767 }), { minLength: 1, maxLength: 200 }), (values) => {
        const floats = Float32Array.from(values, (value) => value / 32_767);
        const wide = encodePcm([floats], 24, 16);
        const narrow = new DataView(encodePcm([floats], 16, 16).buffer);
        values.forEach((value, index) => {
          expect(int24(wide, index)).toBe(value * 256);
          expect(narrow.getInt16(index * 2, true)).toBe(value);
        });
      }),
    );
  });

  it('interleaves channels and clips what is out of range', () => {
    const bytes = encodePcm([Float32Array.of(2, -2), Float32Array.of(0.5, 0)], 16);
    const view = new DataView(bytes.buffer);
    expect([0, 1, 2, 3].map((index) => view.getInt16(index * 2, true))).toEqual([32_767, Math.round(0.5 * 32_767), -32_768, 0]);
  });

  it('writes a header the reader reads back', () => {
    const header = pcmWavHeader({ sampleRate: 96_000, channels: 2, bitsPerSample: 24, dataBytes: 600 });
    const file = new Uint8Array(44 + 600);
    file.set(header);
    expect(readWavFormat(file)).toEqual({ encoding: 'pcm', channels: 2, sampleRate: 96_000, bitsPerSample: 24, dataOffset: 44, dataBytes: 600 });
  });
});
