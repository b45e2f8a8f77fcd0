import { dbToGain } from '../../shared/dsp/decibels.ts';
import { measureLoudness, type LoudnessMeasurement } from '../../shared/dsp/loudness.ts';
import { TruePeakLimiter } from '../../shared/dsp/true-peak-limiter.ts';

/** A delivery target: integrated loudness and a true-peak ceiling. */
export interface MasteringTarget {
  readonly integratedLufs: number;
  readonly truePeakDbtp: number;
}

/** The streaming norm most platforms normalise to: -14 LUFS, -1 dBTP. */
export const defaultMasteringTarget: MasteringTarget = { integratedLufs: -14, truePeakDbtp: -1 };

export interface MasteringResult {
  readonly channels: Float32Array[];
  /** Gain applied before the limiter, dB. */
  readonly gainDb: number;
  readonly before: LoudnessMeasurement;
  readonly after: LoudnessMeasurement;
}

/** Stop refining once the result is this close to the target, LU. */
const toleranceLu = 0.05;
const maximumPasses = 6;
const lookaheadMs = 1.5;
const releaseMs = 120;

/** `channels` × gain through a true-peak limiter, latency removed (the input is padded with silence to flush it). */
export function gainAndLimit(channels: readonly Float32Array[], sampleRate: number, gainDb: number, ceilingDbtp: number): Float32Array[] {
  const limiter = new TruePeakLimiter({ sampleRate, channelCount: channels.length, lookaheadMs }, { ceilingDb: ceilingDbtp, releaseMs });
  const latency = limiter.latency;
  const frames = Math.min(...channels.map((channel) => channel.length));
  const gain = dbToGain(gainDb);
  const padded = channels.map((channel) => {
    const buffer = new Float32Array(frames + latency);
    for (let index = 0; index < frames; index++) buffer[index] = channel[index]! * gain;
    return buffer;
  });
  limiter.process(padded, frames + latency);
  return padded.map((buffer) => buffer.slice(latency));
}

/**
 * Masters a finished mix to a loudness target: measure (BS.1770-4
 * integrated), apply the gain that reaches the target, hold the true peak
 * under the ceiling with the lookahead limiter, then re-measure. Limiting
 * takes loudness away, so the gain is corrected by the remaining error and
 * the chain re-run from the original, until within 0.05 LU (a few passes;
 * each pass is one gain, one limiter run and one measurement).
 *
 * Silence (integrated -∞) is returned unchanged. A target the ceiling
 * cannot allow (extremely dense material pushed to -5 LUFS) ends as close as
 * the passes get; callers check `after`.
 */
export function masterToTarget(channels: readonly Float32Array[], sampleRate: number, target: MasteringTarget = defaultMasteringTarget): MasteringResult {
  const before = measureLoudness([...channels], sampleRate);
  if (!Number.isFinite(before.integrated)) return { channels: channels.map((channel) => channel.slice()), gainDb: 0, before, after: before };
  let gainDb = target.integratedLufs - before.integrated;
  let best: MasteringResult | null = null;
  for (let pass = 0; pass < maximumPasses; pass++) {
    const limited = gainAndLimit(channels, sampleRate, gainDb, target.truePeakDbtp);
    const after = measureLoudness(limited, sampleRate);
    const error = target.integratedLufs - after.integrated;
    if (!best || Math.abs(error) < Math.abs(target.integratedLufs - best.after.integrated)) best = { channels: limited, gainDb, before, after };
    if (Math.abs(error) <= toleranceLu) break;
    gainDb += error;
  }
  return best!;
}
