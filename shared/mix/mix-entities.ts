import { z } from 'zod';
import { channelStripSchema } from './channel-strip.ts';
import { colour, entityId, flag, label, optionalReference, orderKey, rangedNumber } from './mix-schema-helpers.ts';
import { parameterRanges as ranges } from './parameter-ranges.ts';

/**
 * The entities of a mix. Each is a flat record of primitives with its own
 * stable id, stored in a map keyed by that id (one Y.Map per entity in the
 * project's Y.Doc). References are ids, never nesting, so concurrent edits to
 * different entities or fields merge without conflict.
 */

/** The id of the master bus; tracks and buses route to it by default. */
export const masterId = 'master';

const routing = {
  /** Bus this strip feeds: a bus id or {@link masterId}. */
  outputId: z.string().min(1).max(64).catch(masterId),
};

/**
 * Where a track's audio comes from when it is not an asset of its own clips: `licensed-beat` is a
 * beat bought in the marketplace, fetched through the licence's signed download links (the licence
 * id is the permission, the beat id says which audio). Added after the first layout as optional
 * flat fields that default to `none`, so documents written before them need no migration and older
 * clients keep them untouched (they write single fields back).
 */
export const TrackSourceKind = { none: 'none', licensedBeat: 'licensed-beat' } as const;
export type TrackSourceKind = (typeof TrackSourceKind)[keyof typeof TrackSourceKind];

/** A track: an audio lane with clips and its own channel strip. */
export const trackSchema = z.object({
  id: entityId,
  name: label('Track'),
  colour,
  order: orderKey,
  ...routing,
  ...channelStripSchema.shape,
  sourceKind: z.enum([TrackSourceKind.none, TrackSourceKind.licensedBeat]).catch(TrackSourceKind.none),
  /** With `licensed-beat`: the licence whose download links serve the audio. */
  sourceLicenceId: optionalReference,
  /** With `licensed-beat`: the marketplace beat. */
  sourceBeatId: optionalReference,
});
export type Track = z.output<typeof trackSchema>;

/** A bus (group or effect return), with a channel strip. */
export const busSchema = z.object({
  id: entityId,
  name: label('Bus'),
  colour,
  order: orderKey,
  ...routing,
  ...channelStripSchema.shape,
});
export type Bus = z.output<typeof busSchema>;

/** The master bus: a channel strip with the limiter on by default. */
export const masterSchema = z.object({
  ...channelStripSchema.shape,
  limiterEnabled: flag(true),
});
export type Master = z.output<typeof masterSchema>;

/** A send from a track or bus to a bus. */
export const sendSchema = z.object({
  id: entityId,
  sourceId: entityId,
  targetBusId: entityId,
  levelDb: rangedNumber(ranges.sendLevelDb),
  /** Tapped before the fader (cue mixes) rather than after it (effect sends). */
  preFader: flag(false),
  enabled: flag(true),
});
export type Send = z.output<typeof sendSchema>;

/** A region of an audio asset placed on a track's timeline. Times are in seconds. */
export const clipSchema = z.object({
  id: entityId,
  trackId: entityId,
  /** The audio file (server asset id). */
  assetId: entityId,
  name: label(''),
  startSeconds: z.number().min(0).catch(0),
  durationSeconds: z.number().positive().catch(1),
  /** Where in the asset the clip starts. */
  sourceOffsetSeconds: z.number().min(0).catch(0),
  gainDb: rangedNumber(ranges.clipGainDb),
  fadeInSeconds: z.number().min(0).catch(0),
  fadeOutSeconds: z.number().min(0).catch(0),
  muted: flag(false),
})
  // Fades share the clip: if together they are longer, scale both down to fit.
  .transform((clip) => {
    const fades = clip.fadeInSeconds + clip.fadeOutSeconds;
    if (fades <= clip.durationSeconds) return clip;
    const scale = clip.durationSeconds / fades;
    return { ...clip, fadeInSeconds: clip.fadeInSeconds * scale, fadeOutSeconds: clip.fadeOutSeconds * scale };
  });
export type Clip = z.output<typeof clipSchema>;

/** Note values as stored in the document (what the UI shows). */
export const NoteDivisionName = {
  whole: '1/1',
  half: '1/2',
  quarter: '1/4',
  eighth: '1/8',
  sixteenth: '1/16',
  thirtySecond: '1/32',
} as const;
export type NoteDivisionName = (typeof NoteDivisionName)[keyof typeof NoteDivisionName];

const insertBase = {
  id: entityId,
  /** The track, bus or {@link masterId} whose strip hosts this insert (after the channel strip's dynamics, before the fader). */
  ownerId: entityId,
  order: orderKey,
  enabled: flag(true),
};

/** A delay insert; `tempoSync` chooses between `division` and `timeSeconds`. */
export const delayInsertSchema = z.object({
  ...insertBase,
  kind: z.literal('delay'),
  tempoSync: flag(true),
  division: z.enum(Object.values(NoteDivisionName) as [NoteDivisionName, ...NoteDivisionName[]]).catch(NoteDivisionName.eighth),
  modifier: z.enum(['straight', 'dotted', 'triplet']).catch('dotted'),
  timeSeconds: rangedNumber(ranges.delayTimeSeconds),
  feedback: rangedNumber(ranges.delayFeedback),
  lowCutHz: rangedNumber(ranges.delayLowCutHz),
  highCutHz: rangedNumber(ranges.delayHighCutHz),
  pingPong: flag(false),
  mix: rangedNumber(ranges.delayMix),
});
export type DelayInsert = z.output<typeof delayInsertSchema>;

/** A reverb insert. */
export const reverbInsertSchema = z.object({
  ...insertBase,
  kind: z.literal('reverb'),
  preDelaySeconds: rangedNumber(ranges.reverbPreDelaySeconds),
  decaySeconds: rangedNumber(ranges.reverbDecaySeconds),
  damping: rangedNumber(ranges.reverbDamping),
  size: rangedNumber(ranges.reverbSize),
  mix: rangedNumber(ranges.reverbMix),
});
export type ReverbInsert = z.output<typeof reverbInsertSchema>;

/** Any insert effect, told apart by `kind`. */
export const insertSchema = z.discriminatedUnion('kind', [delayInsertSchema, reverbInsertSchema]);
export type Insert = z.output<typeof insertSchema>;

/** Project-wide settings the mix depends on. */
export const mixSettingsSchema = z.object({
  tempoBpm: rangedNumber(ranges.tempoBpm),
  beatsPerBar: z.number().int().min(1).max(16).catch(4),
});
export type MixSettings = z.output<typeof mixSettingsSchema>;
