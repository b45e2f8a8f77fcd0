import type { Insert, Send } from '../../../shared/mix/mix-entities.ts';
import { clampToRange, parameterRanges, type ParameterRange } from '../../../shared/mix/parameter-ranges.ts';
import type { PlainMixDocument } from './imported-track.ts';

/**
 * Pure helpers behind the console's detailed strip controls: how a parameter
 * from `parameterRanges` maps onto a native range input (log-tapered ones
 * move in equal ratios), how its value is shown with its unit, and how a
 * send edit lands in the plain mix document.
 */

/** Positions of a log-tapered slider (0…logSteps); one arrow key moves one. */
export const logSteps = 100;

/** Attributes of the `<input type="range">` for a parameter. */
export interface SliderSpec {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export function sliderSpec(range: ParameterRange): SliderSpec {
  if (range.scale === 'log') return { min: 0, max: logSteps, step: 1 };
  return { min: range.min, max: range.max, step: linearStep(range) };
}

function linearStep(range: ParameterRange): number {
  if (range.unit === 'dB') return 0.5;
  if (range.unit === 's') return 0.005;
  if (range.max - range.min <= 2) return 0.01;
  return (range.max - range.min) / 100;
}

/** The slider position showing `value`. */
export function toSlider(value: number, range: ParameterRange): number {
  const clamped = clampToRange(value, range);
  if (range.scale !== 'log') return clamped;
  const position = Math.round((logSteps * Math.log(clamped / range.min)) / Math.log(range.max / range.min));
  return Math.min(logSteps, Math.max(0, position));
}

/** The value a slider position stands for, clamped to the range (log values rounded to three significant digits). */
export function fromSlider(position: number, range: ParameterRange): number {
  if (range.scale !== 'log') return clampToRange(position, range);
  const value = range.min * Math.pow(range.max / range.min, Math.min(logSteps, Math.max(0, position)) / logSteps);
  return clampToRange(Number(value.toPrecision(3)), range);
}

/** A value with its unit, for the reader: "-3.5 dB", "1.2 kHz", "20 ms", "4.0:1", "40%". */
export function formatParameter(value: number, range: ParameterRange, locale: string): string {
  const digits = (count: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: count, maximumFractionDigits: count });
  switch (range.unit) {
    case 'dB':
      return `${digits(1).format(value)} dB`;
    case 'Hz':
      return value >= 1000 ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value / 1000)} kHz` : `${digits(0).format(value)} Hz`;
    case 'ms':
      return `${digits(value < 10 ? 1 : 0).format(value)} ms`;
    case 's':
      return value < 1 ? `${digits(0).format(value * 1000)} ms` : `${digits(2).format(value)} s`;
    case ':1':
      return `${digits(1).format(value)}:1`;
    case 'bpm':
      return `${digits(0).format(value)} BPM`;
    case '':
      return range.min >= 0 && range.max <= 1 ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value) : digits(2).format(value);
  }
}

/** The send from `sourceId` to `targetBusId`, if there is one. */
export function findSend(sends: Readonly<Record<string, Send>>, sourceId: string, targetBusId: string): Send | undefined {
  return Object.values(sends).find((send) => send.sourceId === sourceId && send.targetBusId === targetBusId);
}

/** What the console shows for a send that does not exist yet: silent, after the fader. */
export const absentSend = { levelDb: parameterRanges.sendLevelDb.min, preFader: false } as const;

/** The buses hosting the first reverb and the first delay insert (the effect returns the strips send to). */
export function effectReturns(inserts: Readonly<Record<string, Insert>>): { reverb: Insert | undefined; delay: Insert | undefined } {
  const sorted = Object.values(inserts).sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1));
  return { reverb: sorted.find((insert) => insert.kind === 'reverb'), delay: sorted.find((insert) => insert.kind === 'delay') };
}

export type SendField = 'levelDb' | 'preFader';

/**
 * Writes one send field into a plain mix document, creating the send
 * (silent, post-fader, with a fresh id of at most 64 characters) when the
 * source has none to that bus yet. Returns the send's id.
 */
export function writeSend(document: PlainMixDocument, sourceId: string, targetBusId: string, field: SendField, value: number | boolean): string {
  document.sends ??= {};
  const sends = document.sends as Record<string, Record<string, unknown>>;
  const existing = Object.entries(sends).find(([, send]) => send.sourceId === sourceId && send.targetBusId === targetBusId);
  if (existing) {
    existing[1][field] = value;
    return existing[0];
  }
  const base = `send-${targetBusId}-${sourceId}`.slice(0, 60);
  let id = base;
  for (let suffix = 2; id in sends; suffix++) id = `${base}-${suffix}`;
  sends[id] = { sourceId, targetBusId, ...absentSend, enabled: true, [field]: value };
  return id;
}
