import { describe, expect, it } from 'vitest';
import { createPeakAccumulator, readWavFormat, sineWav, wavPeaks } from './wav.ts';

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
