/**
 * Note lengths for tempo-synced effects (delay times, LFO periods). A whole
 * note is four beats, as in every 4/4-centric DAW; dotted adds half, triplet
 * fits three in the space of two.
 */

/** Note values as fractions of a whole note. */
export const NoteDivision = {
  whole: 1,
  half: 1 / 2,
  quarter: 1 / 4,
  eighth: 1 / 8,
  sixteenth: 1 / 16,
  thirtySecond: 1 / 32,
} as const;
export type NoteDivision = (typeof NoteDivision)[keyof typeof NoteDivision];

/** Straight, dotted (×1.5) or triplet (×2/3) lengths. */
export const NoteModifier = {
  straight: 'straight',
  dotted: 'dotted',
  triplet: 'triplet',
} as const;
export type NoteModifier = (typeof NoteModifier)[keyof typeof NoteModifier];

const modifierFactor: Record<NoteModifier, number> = { straight: 1, dotted: 1.5, triplet: 2 / 3 };

/** Duration in seconds of `division` (e.g. 1/8) with `modifier` at `bpm` quarter notes per minute. */
export function noteDurationSeconds(bpm: number, division: NoteDivision, modifier: NoteModifier = NoteModifier.straight): number {
  const beatsPerWholeNote = 4;
  return (60 / bpm) * beatsPerWholeNote * division * modifierFactor[modifier];
}
