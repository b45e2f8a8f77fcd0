import type { CreateBeatRequest } from '../../../shared/schemas/beats.ts';
import type { LoopSpec } from './synth.ts';

/** The demo store's beats: varied genres, tempos, keys, moods and prices, some free to download. */
export const DEMO_BEATS: ReadonlyArray<{ beat: CreateBeatRequest; feel: LoopSpec['feel'] }> = [
  { beat: beat('Midnight Harbor', 'trap', 140, 'F minor', 'dark', 29.99, false, ['808', 'night']), feel: 'half-time' },
  { beat: beat('Velvet Static', 'lo-fi', 82, 'D# major', 'chill', 14.99, true, ['study', 'tape']), feel: 'straight' },
  { beat: beat('Concrete Psalms', 'boom-bap', 90, 'A minor', 'mysterious', 24.99, false, ['dusty', 'sample']), feel: 'straight' },
  { beat: beat('Sunday Drive', 'r-and-b', 72, 'G major', 'romantic', 34.99, false, ['smooth', 'keys']), feel: 'half-time' },
  { beat: beat('Lagos Lights', 'afrobeats', 104, 'C major', 'happy', 39.99, false, ['dance', 'summer']), feel: 'straight' },
  { beat: beat('Cold Streets', 'drill', 144, 'C# minor', 'aggressive', 44.99, false, ['slide', 'uk']), feel: 'half-time' },
  { beat: beat('Neon Tide', 'house', 124, 'E minor', 'energetic', 19.99, true, ['club', 'four on the floor']), feel: 'straight' },
  { beat: beat('Paper Crowns', 'hip-hop', 95, 'B minor', 'epic', 49.99, false, ['anthem']), feel: 'straight' },
  { beat: beat('Rainwater Letters', 'soul', 78, 'F major', 'sad', 24.99, false, ['warm', 'ballad']), feel: 'half-time' },
  { beat: beat('Perreo Azul', 'reggaeton', 96, 'A# minor', 'energetic', 29.99, false, ['dembow']), feel: 'straight' },
  { beat: beat('Skyline Run', 'edm', 128, 'D major', 'uplifting', 59.99, false, ['festival', 'drop']), feel: 'straight' },
  { beat: beat('Blue Room Sketch', 'jazz', 88, 'G# minor', 'chill', 9.99, true, ['brushes', 'late night']), feel: 'half-time' },
];

function beat(
  title: string,
  genre: CreateBeatRequest['genre'],
  bpm: number,
  musicalKey: NonNullable<CreateBeatRequest['musicalKey']>,
  mood: NonNullable<CreateBeatRequest['mood']>,
  price: number,
  freeDownload: boolean,
  tags: string[],
): CreateBeatRequest {
  return {
    title,
    genre,
    bpm,
    musicalKey,
    mood,
    price,
    freeDownload,
    tags,
    description: `A demo beat synthesised by CreatorSync: ${genre} at ${bpm} BPM in ${musicalKey}. Preview it, then try the store with your own beats.`,
  };
}

export const DEMO_PRODUCER = {
  /** `.invalid` can never receive mail (RFC 2606), so nobody can claim the account by e-mail. */
  email: 'demo-producer@creatorsync.invalid',
  displayName: 'CreatorSync Demo',
  bio: 'The demo store: beats made by a small synthesiser so the marketplace has something to play on a fresh install.',
} as const;
