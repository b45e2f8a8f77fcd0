import type { BiquadCoefficients } from './biquad-coefficients.ts';

/**
 * K-weighting, the frequency weighting of ITU-R BS.1770-4: a high shelf
 * (+4 dB above ~1.5 kHz, modelling the head) followed by a high-pass
 * (the "RLB" curve, ~38 Hz).
 *
 * BS.1770-4 tabulates both stages only for 48 kHz. For any other rate we map
 * the 48 kHz filters back to the analog prototypes they are bilinear
 * transforms of (s = 2·48000·(z-1)/(z+1)) and transform those again at the
 * new rate. At 48 kHz this reproduces the table exactly; elsewhere the
 * response matches the 48 kHz one to within a few hundredths of a dB below
 * 10 kHz, with no fitted constants.
 */

/** BS.1770-4 Table 1, stage 1 (pre-filter, high shelf), 48 kHz. */
export const kWeightingShelf48k: Readonly<BiquadCoefficients> = {
  b0: 1.53512485958697,
  b1: -2.69169618940638,
  b2: 1.19839281085285,
  a1: -1.69065929318241,
  a2: 0.73248077421585,
};

/** BS.1770-4 Table 2, stage 2 (RLB high-pass), 48 kHz. */
export const kWeightingHighPass48k: Readonly<BiquadCoefficients> = {
  b0: 1,
  b1: -2,
  b2: 1,
  a1: -1.99004745483398,
  a2: 0.99007225036621,
};

const referenceSampleRate = 48000;

/**
 * Re-targets a bilinear-transform biquad designed at `fromRate` to `toRate`
 * through its analog prototype. With σ = s/(2·fromRate), the prototype is
 * (n2·σ² + n1·σ + n0)/(d2·σ² + d1·σ + d0); substituting
 * σ = r·(1-z⁻¹)/(1+z⁻¹), r = toRate/fromRate, gives the new coefficients.
 */
export function retargetBilinear(coefficients: Readonly<BiquadCoefficients>, fromRate: number, toRate: number): BiquadCoefficients {
  const { b0, b1, b2, a1, a2 } = coefficients;
  const r = toRate / fromRate;
  const r2 = r * r;
  const n2 = b0 - b1 + b2;
  const n1 = 2 * (b0 - b2);
  const n0 = b0 + b1 + b2;
  const d2 = 1 - a1 + a2;
  const d1 = 2 * (1 - a2);
  const d0 = 1 + a1 + a2;
  const a0 = d2 * r2 + d1 * r + d0;
  return {
    b0: (n2 * r2 + n1 * r + n0) / a0,
    b1: (2 * (n0 - n2 * r2)) / a0,
    b2: (n2 * r2 - n1 * r + n0) / a0,
    a1: (2 * (d0 - d2 * r2)) / a0,
    a2: (d2 * r2 - d1 * r + d0) / a0,
  };
}

/** The two K-weighting stages [shelf, high-pass] for `sampleRate`. */
export function kWeightingCoefficients(sampleRate: number): [BiquadCoefficients, BiquadCoefficients] {
  return [
    retargetBilinear(kWeightingShelf48k, referenceSampleRate, sampleRate),
    retargetBilinear(kWeightingHighPass48k, referenceSampleRate, sampleRate),
  ];
}
