import { describe, expect, it } from 'vitest';
import { SpectrumAnalyser } from './spectrum-analyser.ts';

describe('SpectrumAnalyser', () => {
  const analyser = new SpectrumAnalyser({ sampleRate: 48000, fftSize: 4096, bandCount: 31 });

  it('uses log-spaced bands: every band spans the same frequency ratio', () => {
    const ratio = analyser.bandEdges[1]! / analyser.bandEdges[0]!;
    for (let band = 1; band < 31; band++) expect(analyser.bandEdges[band + 1]! / analyser.bandEdges[band]!).toBeCloseTo(ratio, 9);
    expect(analyser.bandEdges[0]).toBeCloseTo(20, 9);
    expect(analyser.bandEdges[31]).toBeCloseTo(20000, 6);
  });

  it('peaks a sine in the band containing it, at 0 dB for full scale', () => {
    for (const band of [8, 15, 22, 29]) {
      const frequency = analyser.bandCentres[band]!;
      const samples = Float32Array.from({ length: 4096 }, (_, n) => Math.sin((2 * Math.PI * frequency * n) / 48000));
      const levels = new Float32Array(31);
      analyser.analyse(samples, levels);
      const loudest = levels.indexOf(Math.max(...levels));
      expect(loudest).toBe(band);
      expect(levels[band]).toBeGreaterThan(-1);
      expect(levels[band]).toBeLessThan(0.5);
    }
  });

  it('reads a centred impulse as flat across the bands wide enough to hold whole bins', () => {
    const samples = new Float32Array(4096);
    samples[2048] = 1;
    const levels = new Float32Array(31);
    analyser.analyse(samples, levels);
    // Flat per bin, so each band's level is proportional to its bin count.
    const perBin = (band: number) => levels[band]! - 10 * Math.log10(Math.max(1, Math.round((analyser.bandEdges[band + 1]! - analyser.bandEdges[band]!) / (48000 / 4096))));
    for (let band = 12; band < 31; band++) expect(Math.abs(perBin(band) - perBin(30))).toBeLessThan(1);
  });

  it('reads silence as -Infinity', () => {
    const levels = new Float32Array(31);
    analyser.analyse(new Float32Array(4096), levels);
    expect(levels.every((value) => value === -Infinity)).toBe(true);
  });
});
