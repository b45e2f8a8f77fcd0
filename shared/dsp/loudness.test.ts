import { describe, expect, it } from 'vitest';
import { measureLoudness } from './loudness.ts';
import { momentaryLoudnessSeries, shortTermLoudnessSeries } from './loudness-series.ts';

/**
 * EBU Tech 3341 (v4) and Tech 3342 (v4) minimum-requirement cases with the
 * test signals generated here rather than read from the EBU files. Levels are
 * in dBFS as the documents use them: the peak amplitude of a 1 kHz sine, so a
 * stereo tone at -23 dBFS measures -23 LUFS.
 *
 * Every case of Tech 3341 Table 1 is generated here except two, which cannot
 * be: cases 7 and 8 (and Tech 3342 cases 5 and 6, the same two files) are
 * excerpts of real programmes, a narrow-loudness-range promo-like segment
 * and a wide-range drama segment taken from two films, each expected at
 * I = -23.0 ±0.1 LUFS (LRA 5 and 15 ±1 LU). The table describes them only by
 * genre; no definition reproduces the recorded audio, and the EBU set they
 * ship in cannot be fetched here. Cases 11 and 14 ('live' meters) and 10 and
 * 13 (file-based meters, one file per offset) follow the table's timings;
 * cases 20-23 follow its recipe for inter-sample peaks built at 4·fs.
 */
/** A 1 kHz sine whose level steps through `segments` with continuous phase. */
function toneSequence(sampleRate: number, segments: ReadonlyArray<readonly [levelDbfs: number, seconds: number]>, frequency = 1000): Float32Array {
  const total = segments.reduce((sum, [, seconds]) => sum + Math.round(seconds * sampleRate), 0);
  const signal = new Float32Array(total);
  let start = 0;
  for (const [levelDbfs, seconds] of segments) {
    const length = Math.round(seconds * sampleRate);
    const amplitude = levelDbfs === -Infinity ? 0 : Math.pow(10, levelDbfs / 20);
    for (let n = start; n < start + length; n++) signal[n] = amplitude * Math.sin((2 * Math.PI * frequency * n) / sampleRate);
    start += length;
  }
  return signal;
}

/** The same signal on left and right. */
function stereo(signal: Float32Array): Float32Array[] {
  return [signal, signal];
}

function repeat<T>(count: number, items: readonly T[]): T[] {
  return Array.from({ length: count }, () => items).flat();
}

const integratedTolerance = 0.1;

describe('EBU Tech 3341 integrated, momentary and short-term cases', () => {
  for (const sampleRate of [48000, 44100]) {
    it(`case 1: stereo -23 dBFS 20 s gives M, S, I = -23.0 ±0.1 LUFS (${sampleRate} Hz)`, () => {
      const result = measureLoudness(stereo(toneSequence(sampleRate, [[-23, 20]])), sampleRate);
      expect(Math.abs(result.integrated + 23)).toBeLessThanOrEqual(integratedTolerance);
      expect(Math.abs(result.momentaryMax + 23)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(result.shortTermMax + 23)).toBeLessThanOrEqual(0.1);
    });

    it(`case 2: stereo -33 dBFS 20 s gives M, S, I = -33.0 ±0.1 LUFS (${sampleRate} Hz)`, () => {
      const result = measureLoudness(stereo(toneSequence(sampleRate, [[-33, 20]])), sampleRate);
      expect(Math.abs(result.integrated + 33)).toBeLessThanOrEqual(integratedTolerance);
      expect(Math.abs(result.momentaryMax + 33)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(result.shortTermMax + 33)).toBeLessThanOrEqual(0.1);
    });

    it(`case 5: -26 dBFS 20 s, -20 dBFS 20.1 s, -26 dBFS 20 s gives I = -23.0 ±0.1 (${sampleRate} Hz)`, () => {
      const signal = toneSequence(sampleRate, [[-26, 20], [-20, 20.1], [-26, 20]]);
      expect(Math.abs(measureLoudness(stereo(signal), sampleRate).integrated + 23)).toBeLessThanOrEqual(integratedTolerance);
    });
  }

  it('case 3: -36 dBFS 10 s, -23 dBFS 60 s, -36 dBFS 10 s gives I = -23.0 ±0.1 (relative gate)', () => {
    const signal = toneSequence(48000, [[-36, 10], [-23, 60], [-36, 10]]);
    expect(Math.abs(measureLoudness(stereo(signal), 48000).integrated + 23)).toBeLessThanOrEqual(integratedTolerance);
  });

  it('case 4: -72, -36, -23 (60 s), -36, -72 dBFS gives I = -23.0 ±0.1 (both gates)', () => {
    const signal = toneSequence(48000, [[-72, 10], [-36, 10], [-23, 60], [-36, 10], [-72, 10]]);
    expect(Math.abs(measureLoudness(stereo(signal), 48000).integrated + 23)).toBeLessThanOrEqual(integratedTolerance);
  });

  it('case 6: 5.0 channels L, R -28, C -24, Ls, Rs -30 dBFS gives I = -23.0 ±0.1', () => {
    const front = toneSequence(48000, [[-28, 20]]);
    const centre = toneSequence(48000, [[-24, 20]]);
    const surround = toneSequence(48000, [[-30, 20]]);
    const result = measureLoudness([front, front, centre, surround, surround], 48000);
    expect(Math.abs(result.integrated + 23)).toBeLessThanOrEqual(integratedTolerance);
    // The same with a silent LFE in 5.1 order (L, R, C, LFE, Ls, Rs).
    const withLfe = measureLoudness([front, front, centre, new Float32Array(front.length), surround, surround], 48000);
    expect(Math.abs(withLfe.integrated + 23)).toBeLessThanOrEqual(integratedTolerance);
  });

  it('case 9: 20 × (1.34 s at -20 dBFS, 1.66 s at -30 dBFS) gives S = -23.0 ±0.1 constant after 3 s', () => {
    const signal = toneSequence(48000, repeat(20, [[-20, 1.34], [-30, 1.66]] as const));
    const { loudness } = shortTermLoudnessSeries(stereo(signal), 48000);
    expect(loudness.length).toBeGreaterThan(0);
    for (const value of loudness) expect(Math.abs(value + 23)).toBeLessThanOrEqual(0.1);
  });

  it('case 12: 25 × (0.18 s at -20 dBFS, 0.22 s at -30 dBFS) gives M = -23.0 ±0.1 constant after 1 s', () => {
    const signal = toneSequence(48000, repeat(25, [[-20, 0.18], [-30, 0.22]] as const));
    const { loudness, endTimes } = momentaryLoudnessSeries(stereo(signal), 48000);
    for (let index = 0; index < loudness.length; index++) {
      if (endTimes[index]! >= 1) expect(Math.abs(loudness[index]! + 23)).toBeLessThanOrEqual(0.1);
    }
  });

  /**
   * Cases 10, 11, 13 and 14 check that the maximum catches a burst exactly one
   * window long whatever its alignment with the meter's update grid: 20
   * bursts, the i-th after i steps of silence (0.15 s for the 3 s short-term
   * window, 20 ms for the 400 ms momentary one). 'Live' meters (11, 14) read
   * them in one signal, each burst 1 dB louder than the last and followed by
   * the rest of a window of silence; file-based meters (10, 13) read each as
   * its own file at -23 dBFS followed by 1 s of silence.
   */
  function liveBurstTrain(windowSeconds: number, stepSeconds: number): { signal: Float32Array; segmentSeconds: number[] } {
    const segments: Array<readonly [number, number]> = [];
    const segmentSeconds: number[] = [];
    for (let i = 0; i < 20; i++) {
      segments.push([-Infinity, i * stepSeconds], [-38 + i, windowSeconds], [-Infinity, windowSeconds - i * stepSeconds]);
      segmentSeconds.push(2 * windowSeconds);
    }
    return { signal: toneSequence(48000, segments), segmentSeconds };
  }

  function fileBurst(index: number, windowSeconds: number, stepSeconds: number): Float32Array {
    return toneSequence(48000, [[-Infinity, index * stepSeconds], [-23, windowSeconds], [-Infinity, 1]]);
  }

  function maximaPerSegment(series: { loudness: Float64Array; endTimes: Float64Array }, segmentSeconds: number[]): number[] {
    const maxima: number[] = [];
    let segmentStart = 0;
    for (const length of segmentSeconds) {
      let maximum = -Infinity;
      for (let index = 0; index < series.loudness.length; index++) {
        const end = series.endTimes[index]!;
        if (end > segmentStart && end <= segmentStart + length) maximum = Math.max(maximum, series.loudness[index]!);
      }
      maxima.push(maximum);
      segmentStart += length;
    }
    return maxima;
  }

  it('case 10: each of 20 files (i × 0.15 s silence, 3 s at -23 dBFS, 1 s silence) reads max S = -23.0 ±0.1 LUFS', () => {
    for (let i = 0; i < 20; i++) {
      const { shortTermMax } = measureLoudness(stereo(fileBurst(i, 3, 0.15)), 48000);
      expect(Math.abs(shortTermMax + 23), `file ${i + 1}: ${shortTermMax.toFixed(3)} LUFS`).toBeLessThanOrEqual(0.1);
    }
  });

  it('case 11: max S of 3 s bursts at -38 … -19 dBFS after i × 0.15 s reads -38 … -19 ±0.1 LUFS', () => {
    const { signal, segmentSeconds } = liveBurstTrain(3, 0.15);
    const maxima = maximaPerSegment(shortTermLoudnessSeries(stereo(signal), 48000), segmentSeconds);
    maxima.forEach((value, i) => expect(Math.abs(value - (-38 + i))).toBeLessThanOrEqual(0.1));
  });

  it('case 13: each of 20 files (i × 20 ms silence, 400 ms at -23 dBFS, 1 s silence) reads max M = -23.0 ±0.1 LUFS', () => {
    for (let i = 0; i < 20; i++) {
      const { momentaryMax } = measureLoudness(stereo(fileBurst(i, 0.4, 0.02)), 48000);
      expect(Math.abs(momentaryMax + 23), `file ${i + 1}: ${momentaryMax.toFixed(3)} LUFS`).toBeLessThanOrEqual(0.1);
    }
  });

  it('case 14: max M of 400 ms bursts at -38 … -19 dBFS after i × 20 ms reads -38 … -19 ±0.1 LUFS', () => {
    const { signal, segmentSeconds } = liveBurstTrain(0.4, 0.02);
    const maxima = maximaPerSegment(momentaryLoudnessSeries(stereo(signal), 48000), segmentSeconds);
    maxima.forEach((value, i) => expect(Math.abs(value - (-38 + i))).toBeLessThanOrEqual(0.1));
  });
});

describe('EBU Tech 3341 true-peak cases (48 kHz)', () => {
  /** A stereo sine at `frequency` with `amplitude` and starting phase, with 10 ms fades so the edges add no overshoot. */
  function faded(frequency: number, amplitude: number, phaseDegrees: number): Float32Array[] {
    const sampleRate = 48000;
    const length = sampleRate;
    const fade = sampleRate / 100;
    const signal = Float32Array.from({ length }, (_, n) => {
      const edge = Math.min(n, length - 1 - n);
      const envelope = edge < fade ? 0.5 - 0.5 * Math.cos((Math.PI * edge) / fade) : 1;
      return envelope * amplitude * Math.sin((2 * Math.PI * frequency * n) / sampleRate + (phaseDegrees * Math.PI) / 180);
    });
    return stereo(signal);
  }

  const cases = [
    { name: 'case 15: fs/4, 0.5, 0°', frequency: 12000, amplitude: 0.5, phase: 0, expected: -6 },
    { name: 'case 16: fs/4, 0.5, 45°', frequency: 12000, amplitude: 0.5, phase: 45, expected: -6 },
    { name: 'case 17: fs/6, 0.5, 60°', frequency: 8000, amplitude: 0.5, phase: 60, expected: -6 },
    { name: 'case 18: fs/8, 0.5, 67.5°', frequency: 6000, amplitude: 0.5, phase: 67.5, expected: -6 },
    { name: 'case 19: fs/4, 1.41, 45°', frequency: 12000, amplitude: 1.41, phase: 45, expected: 3 },
  ];
  for (const testCase of cases) {
    it(`${testCase.name} reads ${testCase.expected} dBTP +0.2/-0.4`, () => {
      const { truePeak } = measureLoudness(faded(testCase.frequency, testCase.amplitude, testCase.phase), 48000);
      expect(truePeak - testCase.expected).toBeLessThanOrEqual(0.2);
      expect(truePeak - testCase.expected).toBeGreaterThanOrEqual(-0.4);
    });
  }

  /**
   * Cases 20-23: a 0.5 sine at fs/6 carrying one period of a full-scale sine
   * at fs/4, the phase running on through both joins, built at 4·fs, low-pass
   * filtered and decimated to fs starting at 4·fs sample 0, 1, 2 or 3. The
   * burst starts at a zero crossing of the fs/6 wave (so the waveform has no
   * step) on the 4·fs grid, and its two peaks of ±1 land on fs samples for
   * offset 0 and a quarter, half and three quarters of a sample between them
   * for offsets 1, 2 and 3. The table leaves the anti-aliasing filter open;
   * this one is a 257-tap Kaiser-windowed sinc (β 8) with its cut-off at
   * 0.45·fs, which passes both tones and the bulk of the burst.
   */
  function interSamplePeak(offset: number): Float32Array[] {
    const factor = 4;
    const fastLength = factor * 48000 * 0.5;
    const burstStart = 24 * 2000; // a zero crossing of the fs/6 wave (24 samples per period at 4·fs)
    const fast = new Float64Array(fastLength);
    let phase = 0;
    for (let n = 0; n < fastLength; n++) {
      const inBurst = n >= burstStart && n < burstStart + 16; // one period of fs/4 is 16 samples at 4·fs
      fast[n] = (inBurst ? 1 : 0.5) * Math.sin(phase);
      phase += (2 * Math.PI) / (inBurst ? 16 : 24);
    }
    const taps = 257;
    const half = (taps - 1) / 2;
    const cutoff = 0.45 / factor; // cycles per 4·fs sample
    const besselI0 = (x: number) => {
      let sum = 1;
      let term = 1;
      for (let k = 1; k < 50; k++) {
        term *= (x / (2 * k)) ** 2;
        sum += term;
      }
      return sum;
    };
    const kernel = Float64Array.from({ length: taps }, (_, j) => {
      const u = j - half;
      const sinc = u === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * u) / (Math.PI * u);
      return (sinc * besselI0(8 * Math.sqrt(1 - (u / half) ** 2))) / besselI0(8);
    });
    const dcGain = kernel.reduce((sum, tap) => sum + tap, 0);
    const length = Math.floor((fastLength - offset) / factor);
    const fade = 480; // 10 ms at fs
    const slow = Float32Array.from({ length }, (_, n) => {
      const centre = factor * n + offset;
      let sum = 0;
      for (let j = 0; j < taps; j++) {
        const index = centre + j - half;
        if (index >= 0 && index < fastLength) sum += kernel[j]! * fast[index]!;
      }
      const edge = Math.min(n, length - 1 - n);
      const envelope = edge < fade ? 0.5 - 0.5 * Math.cos((Math.PI * edge) / fade) : 1;
      return (envelope * sum) / dcGain;
    });
    return stereo(slow);
  }

  for (const offset of [0, 1, 2, 3]) {
    it(`case ${20 + offset}: an fs/4 period inside an fs/6 tone, decimated from 4·fs at offset ${offset}, reads 0.0 dBTP +0.2/-0.4`, () => {
      const signal = interSamplePeak(offset);
      const { truePeak } = measureLoudness(signal, 48000);
      expect(truePeak).toBeLessThanOrEqual(0.2);
      expect(truePeak).toBeGreaterThanOrEqual(-0.4);
      // At offset 2 the peaks fall midway between samples: a sample-peak reading would be some 2.6 dB low.
      const samplePeak = signal[0]!.reduce((peak, value) => Math.max(peak, Math.abs(value)), 0);
      if (offset === 2) expect(20 * Math.log10(samplePeak)).toBeLessThan(-2);
    });
  }
});

describe('EBU Tech 3342 loudness range cases', () => {
  const lraCases = [
    { name: 'case 1: 20 s at -20 dBFS then 20 s at -30 dBFS', segments: [[-20, 20], [-30, 20]], expected: 10 },
    { name: 'case 2: 20 s at -20 dBFS then 20 s at -15 dBFS', segments: [[-20, 20], [-15, 20]], expected: 5 },
    { name: 'case 3: 20 s at -40 dBFS then 20 s at -20 dBFS', segments: [[-40, 20], [-20, 20]], expected: 20 },
    { name: 'case 4: -50, -35, -20, -35, -50 dBFS, 20 s each', segments: [[-50, 20], [-35, 20], [-20, 20], [-35, 20], [-50, 20]], expected: 15 },
  ] as const;
  for (const testCase of lraCases) {
    it(`${testCase.name} gives LRA ${testCase.expected} ±1 LU`, () => {
      const { loudnessRange } = measureLoudness(stereo(toneSequence(48000, testCase.segments)), 48000);
      expect(Math.abs(loudnessRange - testCase.expected)).toBeLessThanOrEqual(1);
    });
  }

  it('case 1 at 44.1 kHz too', () => {
    const { loudnessRange } = measureLoudness(stereo(toneSequence(44100, [[-20, 20], [-30, 20]])), 44100);
    expect(Math.abs(loudnessRange - 10)).toBeLessThanOrEqual(1);
  });
});

describe('other sample rates', () => {
  for (const sampleRate of [32000, 88200, 96000]) {
    it(`case 1 (shortened to 5 s) reads -23.0 ±0.1 LUFS at ${sampleRate} Hz`, () => {
      const result = measureLoudness(stereo(toneSequence(sampleRate, [[-23, 5]])), sampleRate);
      expect(Math.abs(result.integrated + 23)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(result.momentaryMax + 23)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(result.shortTermMax + 23)).toBeLessThanOrEqual(0.1);
    });
  }
});

describe('measureLoudness edge cases', () => {
  it('reports silence as -Infinity LUFS and 0 LU', () => {
    const result = measureLoudness(stereo(new Float32Array(48000 * 4)), 48000);
    expect(result.integrated).toBe(-Infinity);
    expect(result.momentaryMax).toBe(-Infinity);
    expect(result.loudnessRange).toBe(0);
    expect(result.truePeak).toBe(-Infinity);
  });

  it('reads a 0 dBFS 997 Hz mono sine as -3.01 LUFS (BS.1770-4 calibration)', () => {
    const result = measureLoudness([toneSequence(48000, [[0, 5]], 997)], 48000);
    expect(result.integrated).toBeCloseTo(-3.01, 1);
  });
});
