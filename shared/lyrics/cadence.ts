import { bestMeter, meterFit, Meter } from './meter.ts';
import { round, summarize, type NumberSummary } from './statistics.ts';

/** How dense a flow is, from syllables per beat: the words rappers use for it. */
export const FlowDensity = { sparse: 'sparse', steady: 'steady', busy: 'busy', doubleTime: 'double-time' } as const;
export type FlowDensity = (typeof FlowDensity)[keyof typeof FlowDensity];

export interface CadenceOptions {
  /** Tempo of the beat (10–1000). Without it only syllable and stress statistics are reported. */
  readonly bpm?: number;
  /** Beats in a bar; 4 for nearly all popular music. */
  readonly beatsPerBar?: number;
  /** Bars one lyric line takes; 1 is the rap convention ("16 bars" = 16 lines). */
  readonly barsPerLine?: number;
}

export interface Tempo {
  readonly bpm: number;
  readonly beatsPerBar: number;
  readonly barsPerLine: number;
  readonly syllablesPerBar: number;
  readonly syllablesPerBeat: number;
  readonly syllablesPerSecond: number;
  readonly secondsPerLine: number;
  readonly density: FlowDensity;
  /** Syllables per beat of each line, in order. */
  readonly lineSyllablesPerBeat: readonly number[];
}

export interface Cadence {
  readonly lineCount: number;
  readonly totalSyllables: number;
  readonly syllablesPerLine: NumberSummary;
  /** Line length (syllables) → number of lines of that length. */
  readonly lineLengthDistribution: Readonly<Record<number, number>>;
  /** The song's dominant meter and how well lines fit it on average, in [0,1]. */
  readonly meter: Meter;
  readonly stressRegularity: number;
  /** Share of lines within one syllable of the median: a steady writer keeps this high. */
  readonly lengthConsistency: number;
  readonly tempo?: Tempo;
}

/**
 * Cadence of a song from its lines' syllable counts and stress patterns. With a BPM, reports how
 * many syllables land on each beat and bar (assuming `barsPerLine` bars per line), which is what
 * tells a rapper whether a verse is laid back or double-time.
 */
export function analyzeCadence(lines: readonly { syllables: number; stress: string }[], options: CadenceOptions = {}): Cadence {
  const counted = lines.filter((line) => line.syllables > 0);
  const counts = counted.map((line) => line.syllables);
  const summary = summarize(counts);
  const distribution: Record<number, number> = {};
  for (const count of counts) distribution[count] = (distribution[count] ?? 0) + 1;

  // The song's meter is the one most lines fit best, judged over all lines together.
  let meter: Meter = Meter.iambic;
  let bestTotal = -1;
  for (const candidate of Object.values(Meter)) {
    const total = counted.reduce((sum, line) => sum + meterFit(line.stress, candidate), 0);
    if (total > bestTotal) {
      bestTotal = total;
      meter = candidate;
    }
  }
  const stressRegularity = counted.length ? bestTotal / counted.length : 0;
  const lengthConsistency = counted.length ? counts.filter((count) => Math.abs(count - summary.median) <= 1).length / counted.length : 0;

  const cadence: Cadence = {
    lineCount: counted.length,
    totalSyllables: counts.reduce((total, count) => total + count, 0),
    syllablesPerLine: { ...summary, mean: round(summary.mean), standardDeviation: round(summary.standardDeviation) },
    lineLengthDistribution: distribution,
    meter,
    stressRegularity: round(stressRegularity),
    lengthConsistency: round(lengthConsistency),
  };
  // Tempos outside what music uses (10–1000 BPM) are ignored rather than producing infinities.
  if (options.bpm === undefined || !(options.bpm >= 10 && options.bpm <= 1000)) return cadence;
  const beatsPerBar = options.beatsPerBar && options.beatsPerBar > 0 ? options.beatsPerBar : 4;
  const barsPerLine = options.barsPerLine && options.barsPerLine > 0 ? options.barsPerLine : 1;
  const beatsPerLine = beatsPerBar * barsPerLine;
  const syllablesPerBeat = summary.mean / beatsPerLine;
  return {
    ...cadence,
    tempo: {
      bpm: options.bpm,
      beatsPerBar,
      barsPerLine,
      syllablesPerBar: round(summary.mean / barsPerLine),
      syllablesPerBeat: round(syllablesPerBeat),
      syllablesPerSecond: round((syllablesPerBeat * options.bpm) / 60),
      secondsPerLine: round((beatsPerLine * 60) / options.bpm),
      density: densityOf(syllablesPerBeat),
      lineSyllablesPerBeat: counts.map((count) => round(count / beatsPerLine)),
    },
  };
}

/** Thresholds: two syllables a beat is eighth notes, four is sixteenths (double-time). */
function densityOf(syllablesPerBeat: number): FlowDensity {
  if (syllablesPerBeat >= 3.5) return FlowDensity.doubleTime;
  if (syllablesPerBeat >= 2.5) return FlowDensity.busy;
  if (syllablesPerBeat >= 1.5) return FlowDensity.steady;
  return FlowDensity.sparse;
}

export { bestMeter };
