import type { Beat, BeatGenre, BeatMood, MusicalKey } from '../../../shared/schemas/beats.ts';

/** The beat form's fields as the inputs hold them (strings), before validation. */
export interface BeatDraft {
  title: string;
  genre: BeatGenre | '';
  price: string;
  bpm: string;
  musicalKey: MusicalKey | '';
  mood: BeatMood | '';
  tags: string;
  description: string;
  freeDownload: boolean;
}

export const EMPTY_BEAT_DRAFT: BeatDraft = {
  title: '',
  genre: '',
  price: '',
  bpm: '',
  musicalKey: '',
  mood: '',
  tags: '',
  description: '',
  freeDownload: false,
};

export function draftFromBeat(beat: Beat): BeatDraft {
  return {
    title: beat.title,
    genre: beat.genre,
    price: String(beat.price),
    bpm: beat.bpm === null ? '' : String(beat.bpm),
    musicalKey: beat.musicalKey ?? '',
    mood: beat.mood ?? '',
    tags: beat.tags.join(', '),
    description: beat.description,
    freeDownload: beat.freeDownload,
  };
}

/** A number field's text: empty stays '' (so validation says "required"), anything else becomes a number (NaN is refused). */
function numberOrEmpty(value: string): number | '' {
  const trimmed = value.trim().replace(',', '.');
  return trimmed === '' ? '' : Number(trimmed);
}

/**
 * The draft as the values `CreateBeatRequest` validates: numbers parsed, optional choices null
 * when empty, tags split on commas.
 */
export function beatFormValues(draft: BeatDraft): Record<string, unknown> {
  const bpm = numberOrEmpty(draft.bpm);
  return {
    title: draft.title,
    genre: draft.genre,
    price: numberOrEmpty(draft.price),
    bpm: bpm === '' ? null : bpm,
    musicalKey: draft.musicalKey || null,
    mood: draft.mood || null,
    tags: draft.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    description: draft.description,
    freeDownload: draft.freeDownload,
  };
}
