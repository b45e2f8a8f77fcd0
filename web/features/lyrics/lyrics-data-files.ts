/**
 * The lyrics engine's data files, served from the app's own origin under /lyrics-data/ (written by
 * scripts/build-lyrics-data.ts). Bump the version in a name when a format changes, so caches that
 * hold the old file are not mistaken for the new one.
 */
export const LYRICS_DATA_FILES = {
  pronunciations: 'pronunciations-spoken.txt',
  thesaurus: 'thesaurus.txt',
  frequencies: 'frequencies.txt',
} as const;

export const LYRICS_DATA_PATH = '/lyrics-data/';

/** Cache Storage name the worker keeps the files in, so the pad works offline after one visit. */
export const LYRICS_DATA_CACHE = 'cs-lyrics-data-v1';
