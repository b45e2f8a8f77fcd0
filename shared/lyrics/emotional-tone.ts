import { emotionsOf, Emotion } from './emotion-words.ts';
import { round } from './statistics.ts';

/** The overall shape of a song's mood across its lines. */
export const ArcShape = { rising: 'rising', falling: 'falling', steady: 'steady', peak: 'peak', valley: 'valley' } as const;
export type ArcShape = (typeof ArcShape)[keyof typeof ArcShape];

export interface LineTone {
  /** Sum of word valences (AFINN, −5..5 per word) with negation applied. */
  readonly valence: number;
  readonly emotions: Readonly<Partial<Record<Emotion, number>>>;
}

export interface SectionTone {
  readonly startLine: number;
  readonly endLine: number;
  /** Mean line valence over the section. */
  readonly valence: number;
  readonly dominantEmotion?: Emotion;
}

export interface EmotionalTone {
  readonly lines: readonly LineTone[];
  readonly sections: readonly SectionTone[];
  /** Mean line valence over the song. */
  readonly valence: number;
  /** Emotion → share of emotion words in the song, in [0,1]. */
  readonly emotions: Readonly<Record<Emotion, number>>;
  /** Line valences smoothed over three lines: the curve the UI draws. */
  readonly arc: readonly number[];
  readonly shape: ArcShape;
}

const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'nowhere', 'neither', 'nor', 'without', "ain't", 'cannot', 'hardly']);

/**
 * Valence of one line's words. A negator ("not", "never", any "-n't") in the three words before
 * a scored word flips its sign, so "I don't love you" is negative. Integers in, integers out, so
 * the style profile can sum them exactly.
 */
export function lineTone(words: readonly string[], valence: ReadonlyMap<string, number>): LineTone {
  let total = 0;
  const emotions: Partial<Record<Emotion, number>> = {};
  words.forEach((word, position) => {
    const bare = word.replace(/^'+|'+$/g, '');
    const score = valence.get(bare) ?? valence.get(bare.replace(/in$/, 'ing')) ?? 0;
    const negated = words.slice(Math.max(0, position - 3), position).some((before) => NEGATORS.has(before) || before.endsWith("n't"));
    total += negated ? -score : score;
    if (!negated) for (const emotion of emotionsOf(bare)) emotions[emotion] = (emotions[emotion] ?? 0) + 1;
  });
  return { valence: total, emotions };
}

/**
 * Emotional tone of a song: valence per line and section, emotion shares, and the arc. Sections
 * are given as lyric-line ranges (from the structure analysis).
 */
export function analyzeEmotionalTone(
  lines: readonly (readonly string[])[],
  valence: ReadonlyMap<string, number>,
  sections: readonly { startLine: number; endLine: number }[] = [{ startLine: 0, endLine: lines.length }],
): EmotionalTone {
  const tones = lines.map((words) => lineTone(words, valence));
  const mean = (from: number, to: number) => {
    const slice = tones.slice(from, to);
    return slice.length ? slice.reduce((total, tone) => total + tone.valence, 0) / slice.length : 0;
  };
  const emotionTotals = Object.fromEntries(Object.values(Emotion).map((emotion) => [emotion, 0])) as Record<Emotion, number>;
  for (const tone of tones) for (const [emotion, count] of Object.entries(tone.emotions) as [Emotion, number][]) emotionTotals[emotion] += count;
  const emotionCount = Object.values(emotionTotals).reduce((total, count) => total + count, 0);
  const emotions = Object.fromEntries(
    Object.entries(emotionTotals).map(([emotion, count]) => [emotion, emotionCount ? round(count / emotionCount) : 0]),
  ) as Record<Emotion, number>;

  const sectionTones = sections.map(({ startLine, endLine }): SectionTone => {
    const counts = new Map<Emotion, number>();
    for (const tone of tones.slice(startLine, endLine)) {
      for (const [emotion, count] of Object.entries(tone.emotions) as [Emotion, number][]) counts.set(emotion, (counts.get(emotion) ?? 0) + count);
    }
    const dominant = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    const base = { startLine, endLine, valence: round(mean(startLine, endLine)) };
    return dominant ? { ...base, dominantEmotion: dominant } : base;
  });

  const arc = tones.map((_, index) => round(mean(Math.max(0, index - 1), Math.min(tones.length, index + 2))));
  return { lines: tones, sections: sectionTones, valence: round(mean(0, tones.length)), emotions, arc, shape: arcShape(tones.map((tone) => tone.valence)) };
}

/** Shape from the mean valence of the first, middle and last thirds; differences under 1 are "steady". */
export function arcShape(values: readonly number[]): ArcShape {
  if (values.length < 3) return ArcShape.steady;
  const third = values.length / 3;
  const average = (from: number, to: number) => {
    const slice = values.slice(Math.floor(from), Math.max(Math.floor(from) + 1, Math.floor(to)));
    return slice.reduce((total, value) => total + value, 0) / slice.length;
  };
  const [start, middle, end] = [average(0, third), average(third, 2 * third), average(2 * third, values.length)];
  const threshold = 1;
  if (middle - start >= threshold && middle - end >= threshold) return ArcShape.peak;
  if (start - middle >= threshold && end - middle >= threshold) return ArcShape.valley;
  if (end - start >= threshold) return ArcShape.rising;
  if (start - end >= threshold) return ArcShape.falling;
  return ArcShape.steady;
}
