/**
 * Second-order filter designs from Robert Bristow-Johnson's "Cookbook formulae
 * for audio EQ biquad filter coefficients". Each design is the bilinear
 * transform of an analog prototype, pre-warped so the corner/centre frequency
 * lands exactly where asked.
 *
 * Coefficients live apart from filter state (see `biquad.ts`) so a channel
 * strip can redesign them when a parameter moves without touching the delay
 * elements, and several filters can share one design.
 */

/** The cookbook shapes Mixmaster1 uses. */
export const BiquadType = {
  lowPass: 'low-pass',
  highPass: 'high-pass',
  peaking: 'peaking',
  lowShelf: 'low-shelf',
  highShelf: 'high-shelf',
} as const;
export type BiquadType = (typeof BiquadType)[keyof typeof BiquadType];

/** What the user sets: shape, frequency in Hz, Q, and gain in dB (ignored by the pass filters). */
export interface BiquadDesign {
  readonly type: BiquadType;
  readonly frequency: number;
  readonly q: number;
  readonly gainDb: number;
}

/**
 * Coefficients normalised so a0 = 1:
 * y[n] = b0·x[n] + b1·x[n-1] + b2·x[n-2] - a1·y[n-1] - a2·y[n-2].
 * Mutable on purpose: `designBiquad` writes into an existing object so
 * parameter changes in the audio thread allocate nothing.
 */
export interface BiquadCoefficients {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/** A pass-through (identity) coefficient set. */
export function createBiquadCoefficients(): BiquadCoefficients {
  return { b0: 1, b1: 0, b2: 0, a1: 0, a2: 0 };
}

/** Lowest Q accepted; below it the cookbook formulas give near-degenerate poles. */
export const minimumQ = 0.05;

/**
 * Writes the cookbook coefficients for `design` at `sampleRate` into `out`.
 * See {@link designBiquadInto} for the clamping rules.
 */
export function designBiquad(
  design: BiquadDesign,
  sampleRate: number,
  out: BiquadCoefficients = createBiquadCoefficients(),
): BiquadCoefficients {
  return designBiquadInto(out, design.type, design.frequency, design.q, design.gainDb, sampleRate);
}

/**
 * The same as {@link designBiquad} with the design passed as primitives, so
 * parameter automation in the audio thread allocates no design object.
 * The frequency is clamped into (1 Hz, 0.49·fs) and Q to at least
 * {@link minimumQ}, because the pre-warping tan(π·f/fs) diverges at Nyquist
 * and a UI knob or a bad document must never produce NaN coefficients.
 */
export function designBiquadInto(
  out: BiquadCoefficients,
  type: BiquadType,
  frequencyHz: number,
  qValue: number,
  gainDb: number,
  sampleRate: number,
): BiquadCoefficients {
  const frequency = Math.min(Math.max(Number.isFinite(frequencyHz) ? frequencyHz : 1000, 1), 0.49 * sampleRate);
  const q = Math.max(Number.isFinite(qValue) ? qValue : Math.SQRT1_2, minimumQ);
  const w0 = (2 * Math.PI * frequency) / sampleRate;
  const cosW0 = Math.cos(w0);
  const alpha = Math.sin(w0) / (2 * q);
  // Gain is amplitude-squared-rooted: A = 10^(dB/40), so a shelf reaches A² = dB.
  const a = Math.pow(10, (Number.isFinite(gainDb) ? gainDb : 0) / 40);
  let b0: number, b1: number, b2: number, a0: number, a1: number, a2: number;
  switch (type) {
    case BiquadType.lowPass:
      b0 = (1 - cosW0) / 2;
      b1 = 1 - cosW0;
      b2 = b0;
      a0 = 1 + alpha;
      a1 = -2 * cosW0;
      a2 = 1 - alpha;
      break;
    case BiquadType.highPass:
      b0 = (1 + cosW0) / 2;
      b1 = -(1 + cosW0);
      b2 = b0;
      a0 = 1 + alpha;
      a1 = -2 * cosW0;
      a2 = 1 - alpha;
      break;
    case BiquadType.peaking:
      b0 = 1 + alpha * a;
      b1 = -2 * cosW0;
      b2 = 1 - alpha * a;
      a0 = 1 + alpha / a;
      a1 = -2 * cosW0;
      a2 = 1 - alpha / a;
      break;
    case BiquadType.lowShelf: {
      const twoRootAAlpha = 2 * Math.sqrt(a) * alpha;
      b0 = a * (a + 1 - (a - 1) * cosW0 + twoRootAAlpha);
      b1 = 2 * a * (a - 1 - (a + 1) * cosW0);
      b2 = a * (a + 1 - (a - 1) * cosW0 - twoRootAAlpha);
      a0 = a + 1 + (a - 1) * cosW0 + twoRootAAlpha;
      a1 = -2 * (a - 1 + (a + 1) * cosW0);
      a2 = a + 1 + (a - 1) * cosW0 - twoRootAAlpha;
      break;
    }
    case BiquadType.highShelf: {
      const twoRootAAlpha = 2 * Math.sqrt(a) * alpha;
      b0 = a * (a + 1 + (a - 1) * cosW0 + twoRootAAlpha);
      b1 = -2 * a * (a - 1 + (a + 1) * cosW0);
      b2 = a * (a + 1 + (a - 1) * cosW0 - twoRootAAlpha);
      a0 = a + 1 - (a - 1) * cosW0 + twoRootAAlpha;
      a1 = 2 * (a - 1 - (a + 1) * cosW0);
      a2 = a + 1 - (a - 1) * cosW0 - twoRootAAlpha;
      break;
    }
  }
  out.b0 = b0 / a0;
  out.b1 = b1 / a0;
  out.b2 = b2 / a0;
  out.a1 = a1 / a0;
  out.a2 = a2 / a0;
  return out;
}

/**
 * Magnitude |H(e^jω)| of a coefficient set at `frequency`, for drawing EQ
 * curves. Uses the exact rational form, so it also works for cascades
 * (multiply the stage magnitudes).
 */
export function biquadMagnitude(coefficients: BiquadCoefficients, frequency: number, sampleRate: number): number {
  const w = (2 * Math.PI * frequency) / sampleRate;
  const cos1 = Math.cos(w);
  const sin1 = Math.sin(w);
  const cos2 = Math.cos(2 * w);
  const sin2 = Math.sin(2 * w);
  const { b0, b1, b2, a1, a2 } = coefficients;
  const numeratorRe = b0 + b1 * cos1 + b2 * cos2;
  const numeratorIm = -(b1 * sin1 + b2 * sin2);
  const denominatorRe = 1 + a1 * cos1 + a2 * cos2;
  const denominatorIm = -(a1 * sin1 + a2 * sin2);
  return Math.sqrt(
    (numeratorRe * numeratorRe + numeratorIm * numeratorIm) / (denominatorRe * denominatorRe + denominatorIm * denominatorIm),
  );
}
