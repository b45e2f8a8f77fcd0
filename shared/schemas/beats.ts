import { z } from 'zod';

/** Genres a beat can be listed under (the product spec's "fixed list"). */
export const BEAT_GENRES = [
  'hip-hop',
  'trap',
  'drill',
  'boom-bap',
  'lo-fi',
  'r-and-b',
  'pop',
  'afrobeats',
  'reggaeton',
  'dancehall',
  'edm',
  'house',
  'rock',
  'soul',
  'jazz',
  'other',
] as const;
export type BeatGenre = (typeof BEAT_GENRES)[number];

export const BEAT_MOODS = ['dark', 'chill', 'energetic', 'happy', 'sad', 'aggressive', 'romantic', 'epic', 'uplifting', 'mysterious'] as const;
export type BeatMood = (typeof BEAT_MOODS)[number];

const NOTES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'] as const;
/** The 24 keys, written `C major`, `F# minor` (sharps only, so each key has one spelling). */
export const MUSICAL_KEYS = NOTES.flatMap((note) => [`${note} major`, `${note} minor`] as const);
export type MusicalKey = (typeof MUSICAL_KEYS)[number];

export const BEAT_STATUSES = ['draft', 'published'] as const;
export type BeatStatus = (typeof BEAT_STATUSES)[number];

export const BEAT_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc', 'trending'] as const;
export type BeatSort = (typeof BEAT_SORTS)[number];

/**
 * Audio accepted by `POST /api/beats/:id/audio`, checked against the bytes, not the name. Each is
 * decoded on the server to make the public preview; AAC (and Ogg Opus) are recognised but refused
 * (415 `audio_preview_unsupported`) until there is a decoder for them.
 */
export const BEAT_AUDIO_TYPES = ['audio/wav', 'audio/mpeg', 'audio/flac', 'audio/ogg'] as const;

/** What `GET /api/beats/:id/preview` plays: made from the master at upload, tagged, lower quality. */
export const BeatPreview = z
  .object({
    contentType: z.string(),
    bytes: z.number().int(),
    durationSeconds: z.number().meta({ description: 'The whole beat up to a cap (120 s), so it may be shorter than the master.' }),
    tag: z.enum(['generated', 'voice']).meta({ description: "`voice`: the producer's voice tag of this beat; `generated`: the built-in chime." }),
  })
  .meta({ id: 'BeatPreview' });
export type BeatPreview = z.infer<typeof BeatPreview>;

export const BEAT_TITLE_MIN = 3;
export const BEAT_TITLE_MAX = 100;
export const BEAT_PRICE_MIN = 1;
export const BEAT_PRICE_MAX = 1000;
export const BEAT_BPM_MIN = 40;
export const BEAT_BPM_MAX = 300;

const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(30)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} &'-]*$/u);

/** Prices in the store's currency with at most two decimals, 1 to 1,000 (product spec). */
export const BeatPrice = z.number().min(BEAT_PRICE_MIN).max(BEAT_PRICE_MAX).multipleOf(0.01);

const beatFields = {
  title: z.string().trim().min(BEAT_TITLE_MIN).max(BEAT_TITLE_MAX),
  genre: z.enum(BEAT_GENRES),
  price: BeatPrice,
  freeDownload: z.boolean().default(false),
  bpm: z.number().int().min(BEAT_BPM_MIN).max(BEAT_BPM_MAX).nullable().default(null),
  musicalKey: z.enum(MUSICAL_KEYS).nullable().default(null),
  mood: z.enum(BEAT_MOODS).nullable().default(null),
  tags: z
    .array(Tag)
    .max(10)
    .default([])
    .transform((tags) => [...new Set(tags)]),
  description: z.string().trim().max(2000).default(''),
};

export const CreateBeatRequest = z.object(beatFields).strict().meta({ id: 'CreateBeatRequest' });
export type CreateBeatRequest = z.infer<typeof CreateBeatRequest>;

/** A full replacement of the editable metadata (PUT); omitted optional fields return to their defaults. */
export const UpdateBeatRequest = CreateBeatRequest.meta({ id: 'UpdateBeatRequest' });
export type UpdateBeatRequest = z.infer<typeof UpdateBeatRequest>;

export const BeatAudio = z
  .object({
    contentType: z.string(),
    bytes: z.number().int(),
    durationSeconds: z.number().nullable(),
    sampleRate: z.number().int().nullable(),
    channels: z.number().int().nullable(),
    peaks: z
      .array(z.number().int())
      .nullable()
      .meta({ description: 'Waveform overview: [min, max] pairs flattened, scaled to -127…127. Only in GET /api/beats/:id (null in search results) and null for compressed formats.' }),
    preview: BeatPreview.nullable().meta({ description: 'The public preview; null until it is made. The master itself is only downloadable by licence holders.' }),
  })
  .meta({ id: 'BeatAudio' });
export type BeatAudio = z.infer<typeof BeatAudio>;

export const Beat = z
  .object({
    id: z.string(),
    producerId: z.string(),
    producerName: z.string(),
    title: z.string(),
    genre: z.enum(BEAT_GENRES),
    price: z.number(),
    freeDownload: z.boolean(),
    bpm: z.number().int().nullable(),
    musicalKey: z.enum(MUSICAL_KEYS).nullable(),
    mood: z.enum(BEAT_MOODS).nullable(),
    tags: z.array(z.string()),
    description: z.string(),
    status: z.enum(BEAT_STATUSES),
    publishedAt: z.string().nullable(),
    audio: BeatAudio.nullable(),
    voiceTag: z
      .object({ durationSeconds: z.number() })
      .nullable()
      .meta({ description: "The producer's voice tag mixed into this beat's preview; null: the generated tag is used." }),
    plays: z.number().int(),
    sales: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Beat' });
export type Beat = z.infer<typeof Beat>;

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');
const numberQuery = (min: number, max: number) => z.coerce.number().min(min).max(max);

export const BeatSearchQuery = z
  .object({
    q: z.string().trim().max(200).optional().meta({ description: 'Full-text search over title, tags and description.' }),
    producer: z.string().min(1).max(64).optional().meta({ description: "A producer's storefront; their own drafts are included for them." }),
    genre: z.enum(BEAT_GENRES).optional(),
    musicalKey: z.enum(MUSICAL_KEYS).optional(),
    mood: z.enum(BEAT_MOODS).optional(),
    bpmMin: numberQuery(BEAT_BPM_MIN, BEAT_BPM_MAX).optional(),
    bpmMax: numberQuery(BEAT_BPM_MIN, BEAT_BPM_MAX).optional(),
    priceMin: numberQuery(0, BEAT_PRICE_MAX).optional(),
    priceMax: numberQuery(0, BEAT_PRICE_MAX).optional(),
    freeDownload: booleanQuery.optional(),
    sort: z.enum(BEAT_SORTS).optional().meta({ description: 'Defaults to relevance when `q` is given, newest otherwise.' }),
    limit: z.coerce.number().int().min(1).max(100).default(24),
    cursor: z.string().max(500).optional().meta({ description: 'Opaque; pass `nextCursor` from the previous page with the same filters.' }),
    facets: booleanQuery.default(true),
  })
  .meta({ id: 'BeatSearchQuery' });
export type BeatSearchQuery = z.infer<typeof BeatSearchQuery>;

const FacetCounts = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const BeatFacets = z
  .object({ genre: FacetCounts, musicalKey: FacetCounts, mood: FacetCounts })
  .meta({ id: 'BeatFacets', description: 'Counts per value under every other filter than the facet itself.' });
export type BeatFacets = z.infer<typeof BeatFacets>;

export const BeatPage = z
  .object({ beats: z.array(Beat), nextCursor: z.string().nullable(), facets: BeatFacets.nullable() })
  .meta({ id: 'BeatPage' });
export type BeatPage = z.infer<typeof BeatPage>;
