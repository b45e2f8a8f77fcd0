import { z } from 'zod';
import { parameterRanges, type ParameterRange } from '../mix/parameter-ranges.ts';

/**
 * Wire schemas of the plugin catalogue (`/api/plugins`): mixer presets producers publish and
 * anyone can browse and apply. Parameters are checked strictly against the console's own ranges
 * (`shared/mix/parameter-ranges.ts`): unlike the collaborative mix document, which clamps
 * whatever a peer wrote, a preset someone publishes is refused with the offending field named.
 */

export const PRESET_KINDS = ['channel-strip', 'mastering'] as const;
export type PresetKind = (typeof PRESET_KINDS)[number];

/** Effect buses a channel-strip preset may send to, by role (bus ids differ between projects). */
export const PRESET_SEND_TARGETS = ['reverb', 'delay'] as const;
export type PresetSendTarget = (typeof PRESET_SEND_TARGETS)[number];

/** Loudness a mastering chain aims for (integrated LUFS), as the mixer's export offers. */
export const MASTERING_TARGET_LUFS = { min: -30, max: -5, default: -14 } as const;

export const PRESET_NAME_MIN = 3;
export const PRESET_NAME_MAX = 80;

/** A finite number inside the range, required (a preset states every value it sets). */
function within(range: Pick<ParameterRange, 'min' | 'max'>) {
  return z.number().finite().min(range.min).max(range.max);
}

const r = parameterRanges;

export const EqSettings = z
  .object({
    enabled: z.boolean(),
    lowFrequency: within(r.eqLowFrequency),
    lowGainDb: within(r.eqLowGainDb),
    midFrequency: within(r.eqMidFrequency),
    midGainDb: within(r.eqMidGainDb),
    midQ: within(r.eqMidQ),
    highFrequency: within(r.eqHighFrequency),
    highGainDb: within(r.eqHighGainDb),
  })
  .strict()
  .meta({ id: 'PresetEq', description: 'The channel strip’s 3-band EQ (fields as in shared/mix/channel-strip.ts without the `eq` prefix).' });
export type EqSettings = z.infer<typeof EqSettings>;

export const CompressorSettings = z
  .object({
    enabled: z.boolean(),
    thresholdDb: within(r.compressorThresholdDb),
    ratio: within(r.compressorRatio),
    kneeDb: within(r.compressorKneeDb),
    attackMs: within(r.compressorAttackMs),
    releaseMs: within(r.compressorReleaseMs),
    makeupGainDb: within(r.compressorMakeupGainDb),
  })
  .strict()
  .meta({ id: 'PresetCompressor' });
export type CompressorSettings = z.infer<typeof CompressorSettings>;

export const LimiterSettings = z
  .object({ enabled: z.boolean(), ceilingDb: within(r.limiterCeilingDb), releaseMs: within(r.limiterReleaseMs) })
  .strict()
  .meta({ id: 'PresetLimiter' });
export type LimiterSettings = z.infer<typeof LimiterSettings>;

export const PresetSend = z
  .object({ target: z.enum(PRESET_SEND_TARGETS), levelDb: within(r.sendLevelDb), preFader: z.boolean().default(false) })
  .strict()
  .meta({ id: 'PresetSend' });
export type PresetSend = z.infer<typeof PresetSend>;

/** A channel-strip chain: input gain → EQ → compressor, plus sends to the effect buses. */
export const ChannelStripPresetParameters = z
  .object({
    inputGainDb: within(r.inputGainDb).default(r.inputGainDb.default),
    eq: EqSettings,
    compressor: CompressorSettings,
    sends: z
      .array(PresetSend)
      .max(PRESET_SEND_TARGETS.length)
      .default([])
      .refine((sends) => new Set(sends.map((send) => send.target)).size === sends.length, 'duplicate_send_target'),
  })
  .strict()
  .meta({ id: 'ChannelStripPresetParameters' });
export type ChannelStripPresetParameters = z.infer<typeof ChannelStripPresetParameters>;

/** A mastering chain on the master bus: EQ → compressor → limiter, aiming at a loudness. */
export const MasteringPresetParameters = z
  .object({
    eq: EqSettings,
    compressor: CompressorSettings,
    limiter: LimiterSettings,
    targetLufs: z.number().finite().min(MASTERING_TARGET_LUFS.min).max(MASTERING_TARGET_LUFS.max).default(MASTERING_TARGET_LUFS.default),
  })
  .strict()
  .meta({ id: 'MasteringPresetParameters' });
export type MasteringPresetParameters = z.infer<typeof MasteringPresetParameters>;

const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(30)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} &'-]*$/u);

const presetFields = {
  name: z.string().trim().min(PRESET_NAME_MIN).max(PRESET_NAME_MAX),
  description: z.string().trim().max(2000).default(''),
  tags: z
    .array(Tag)
    .max(10)
    .default([])
    .transform((tags) => [...new Set(tags)]),
};

/** What an author sends to create or replace a preset; `kind` decides the shape of `parameters`. */
export const PresetInput = z
  .discriminatedUnion('kind', [
    z.object({ ...presetFields, kind: z.literal('channel-strip'), parameters: ChannelStripPresetParameters }).strict(),
    z.object({ ...presetFields, kind: z.literal('mastering'), parameters: MasteringPresetParameters }).strict(),
  ])
  .meta({ id: 'PresetInput' });
export type PresetInput = z.infer<typeof PresetInput>;

export const PRESET_STATUSES = ['draft', 'published'] as const;
export type PresetStatus = (typeof PRESET_STATUSES)[number];

const presetOutputFields = {
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  name: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  status: z.enum(PRESET_STATUSES),
  publishedAt: z.string().nullable(),
  /** Distinct people who applied it. */
  installCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const Preset = z
  .discriminatedUnion('kind', [
    z.object({ ...presetOutputFields, kind: z.literal('channel-strip'), parameters: ChannelStripPresetParameters }),
    z.object({ ...presetOutputFields, kind: z.literal('mastering'), parameters: MasteringPresetParameters }),
  ])
  .meta({ id: 'Preset' });
export type Preset = z.infer<typeof Preset>;

export const PRESET_SORTS = ['newest', 'popular'] as const;
export type PresetSort = (typeof PRESET_SORTS)[number];

export const PresetSearchQuery = z
  .object({
    q: z.string().trim().max(200).optional().meta({ description: 'Words in the name, description or tags.' }),
    kind: z.enum(PRESET_KINDS).optional(),
    author: z.string().min(1).max(64).optional().meta({ description: "One author's presets; their own drafts are included for them." }),
    sort: z.enum(PRESET_SORTS).default('newest'),
    limit: z.coerce.number().int().min(1).max(100).default(24),
    cursor: z.string().max(500).optional(),
  })
  .meta({ id: 'PresetSearchQuery' });
export type PresetSearchQuery = z.infer<typeof PresetSearchQuery>;

export const PresetPage = z.object({ presets: z.array(Preset), nextCursor: z.string().nullable() }).meta({ id: 'PresetPage' });
export type PresetPage = z.infer<typeof PresetPage>;

export const ApplyPresetResponse = z
  .object({
    /** False when this user had applied it before (the count moves once per person). */
    firstTime: z.boolean(),
    installCount: z.number().int(),
    preset: Preset,
  })
  .meta({ id: 'ApplyPresetResponse' });
export type ApplyPresetResponse = z.infer<typeof ApplyPresetResponse>;
