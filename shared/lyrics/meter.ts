/**
 * Metrical feet and how well a stress pattern fits them. A line "scans" when its stressed
 * syllables fall on the strong positions of a repeating foot; we allow the liberties every
 * performer takes: a weak syllable may be promoted on a strong beat and a one-syllable content
 * word demoted on a weak one, each at half credit.
 */
export const Meter = {
  iambic: 'iambic',
  trochaic: 'trochaic',
  anapestic: 'anapestic',
  dactylic: 'dactylic',
  amphibrachic: 'amphibrachic',
} as const;
export type Meter = (typeof Meter)[keyof typeof Meter];

/** Strong (true) and weak positions of one foot. */
const FEET: Readonly<Record<Meter, readonly boolean[]>> = {
  iambic: [false, true],
  trochaic: [true, false],
  anapestic: [false, false, true],
  dactylic: [true, false, false],
  amphibrachic: [false, true, false],
};

/** Fit of a stress string ('0','1','2' per syllable) to a meter, in [0,1]. Empty lines fit nothing. */
export function meterFit(stress: string, meter: Meter): number {
  if (stress.length === 0) return 0;
  const foot = FEET[meter];
  let score = 0;
  for (let position = 0; position < stress.length; position += 1) {
    const strong = foot[position % foot.length] as boolean;
    const mark = stress[position];
    if (strong) score += mark === '1' ? 1 : mark === '2' ? 0.75 : 0.5;
    else score += mark === '0' ? 1 : mark === '2' ? 0.75 : 0.25;
  }
  return score / stress.length;
}

/** The best-fitting meter for one line, with its fit. */
export function bestMeter(stress: string): { meter: Meter; fit: number } {
  let best: { meter: Meter; fit: number } = { meter: Meter.iambic, fit: -1 };
  for (const meter of Object.values(Meter)) {
    const fit = meterFit(stress, meter);
    if (fit > best.fit) best = { meter, fit };
  }
  return best;
}
