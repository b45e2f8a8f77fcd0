import { describe, expect, it } from 'vitest';
import { BiquadType, biquadMagnitude, designBiquad } from './biquad-coefficients.ts';
import { ThreeBandEq, defaultThreeBandEqParameters } from './three-band-eq.ts';

function steadyStateGainDb(eq: ThreeBandEq, frequency: number, sampleRate: number): number {
  // Measure one whole second (an integer number of periods for integer
  // frequencies) after one second of settling.
  const length = 2 * sampleRate;
  const signal = Float32Array.from({ length }, (_, n) => Math.sin((2 * Math.PI * frequency * n) / sampleRate));
  eq.reset();
  eq.process(signal, signal);
  let inputPower = 0;
  let outputPower = 0;
  for (let n = sampleRate; n < length; n++) {
    inputPower += Math.sin((2 * Math.PI * frequency * n) / sampleRate) ** 2;
    outputPower += signal[n]! ** 2;
  }
  return 10 * Math.log10(outputPower / inputPower);
}

describe('ThreeBandEq', () => {
  it('is transparent with all gains at 0 dB', () => {
    const eq = new ThreeBandEq(48000);
    for (const frequency of [50, 1000, 15000]) expect(steadyStateGainDb(eq, frequency, 48000)).toBeCloseTo(0, 3);
  });

  it('responds as the product of its three cookbook sections', () => {
    const parameters = { ...defaultThreeBandEqParameters, lowGainDb: 6, midGainDb: -4, midQ: 1.5, midFrequency: 2000, highGainDb: 3 };
    const eq = new ThreeBandEq(44100, parameters);
    const sections = [
      designBiquad({ type: BiquadType.lowShelf, frequency: 120, q: Math.SQRT1_2, gainDb: 6 }, 44100),
      designBiquad({ type: BiquadType.peaking, frequency: 2000, q: 1.5, gainDb: -4 }, 44100),
      designBiquad({ type: BiquadType.highShelf, frequency: 8000, q: Math.SQRT1_2, gainDb: 3 }, 44100),
    ];
    for (const frequency of [40, 300, 2000, 6000, 16000]) {
      const expectedDb = sections.reduce((sum, section) => sum + 20 * Math.log10(biquadMagnitude(section, frequency, 44100)), 0);
      expect(Math.abs(steadyStateGainDb(eq, frequency, 44100) - expectedDb)).toBeLessThan(0.01);
    }
  });
});
