import { describe, expect, it } from 'vitest';
import { measureLoudness } from './loudness.ts';
import { momentaryLoudnessSeries, shortTermLoudnessSeries } from './loudness-series.ts';

/**
 * EBU Tech 3341 (v4) and Tech 3342 (v4) minimum-requirement cases with the
 * test signals generated here rather than read from the EBU files. Levels are
 * in dBFS as the documents use them: the peak amplitude of a 1 kHz sine, so a
 * stereo tone at -23 dBFS measures -23 LUFS. Cases 7, 8, 10, 13 and 20–23
 * use recorded programme material and are not reproducible from a definition.
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
   * Cases 11 and 14 check that the maximum follows short bursts whatever their
   * alignment with the meter's update grid: 20 tone bursts exactly one window
   * long, at -38 … -19 dBFS, each starting at a different sub-update offset.
   * (Generated from that description; the EBU files' exact offsets differ.)
   */
  function burstTrain(windowSeconds: number, gapSeconds: number): { signal: Float32Array; segmentSeconds: number[] } {
    const segments: Array<readonly [number, number]> = [];
    const segmentSeconds: number[] = [];
    for (let k = 0; k < 20; k++) {
      const offset = gapSeconds + k * 0.0173; // steps that never line up with a 3⅓ ms or 100 ms grid
      segments.push([-Infinity, offset], [-38 + k, windowSeconds], [-Infinity, gapSeconds]);
      segmentSeconds.push(offset + windowSeconds + gapSeconds);
    }
    return { signal: toneSequence(48000, segments), segmentSeconds };
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

  it('case 11: max S of 3 s bursts at -38 … -19 dBFS reads -38 … -19 ±0.1 LUFS', () => {
    const { signal, segmentSeconds } = burstTrain(3, 3);
    const maxima = maximaPerSegment(shortTermLoudnessSeries(stereo(signal), 48000), segmentSeconds);
    maxima.forEach((value, k) => expect(Math.abs(value - (-38 + k))).toBeLessThanOrEqual(0.1));
  });

  it('case 14: max M of 0.4 s bursts at -38 … -19 dBFS reads -38 … -19 ±0.1 LUFS', () => {
    const { signal, segmentSeconds } = burstTrain(0.4, 0.4);
    const maxima = maximaPerSegment(momentaryLoudnessSeries(stereo(signal), 48000), segmentSeconds);
    maxima.forEach((value, k) => expect(Math.abs(value - (-38 + k))).toBeLessThanOrEqual(0.1));
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
