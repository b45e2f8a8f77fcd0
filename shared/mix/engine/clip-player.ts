import { dbToGain } from '../../dsp/decibels.ts';
import type { EngineClip } from './engine-config.ts';

/** Decoded audio: one Float32Array per channel (1 = mono, played on both sides). */
export type AssetChannels = readonly Float32Array[];

/**
 * A clip resolved to frames at the engine's rate. Times are rounded once,
 * here, so playback and export agree to the sample. Assets are decoded at the
 * context's rate (`decodeAudioData` resamples), so one source frame is one
 * output frame.
 */
export class ClipVoice {
  readonly clip: EngineClip;
  readonly startFrame: number;
  readonly endFrame: number;
  readonly sourceOffsetFrame: number;
  readonly fadeInFrames: number;
  readonly fadeOutFrames: number;
  readonly gain: number;
  /** Set when the asset's audio arrives; a clip without audio plays silence. */
  asset: AssetChannels | null = null;

  constructor(clip: EngineClip, sampleRate: number) {
    this.clip = clip;
    this.startFrame = Math.round(clip.startSeconds * sampleRate);
    this.endFrame = Math.max(this.startFrame, Math.round((clip.startSeconds + clip.durationSeconds) * sampleRate));
    this.sourceOffsetFrame = Math.round(clip.sourceOffsetSeconds * sampleRate);
    this.fadeInFrames = Math.round(clip.fadeInSeconds * sampleRate);
    this.fadeOutFrames = Math.round(clip.fadeOutSeconds * sampleRate);
    this.gain = dbToGain(clip.gainDb);
  }

  /**
   * Adds this clip's audio for song frames `[position, position + frames)`
   * into `left` / `right` from index 0. Fades are linear in amplitude.
   */
  addTo(left: Float32Array, right: Float32Array, position: number, frames: number): void {
    const asset = this.asset;
    if (!asset || asset.length === 0) return;
    const from = Math.max(position, this.startFrame);
    const to = Math.min(position + frames, this.endFrame);
    if (from >= to) return;
    const sourceLeft = asset[0]!;
    const sourceRight = asset[1] ?? sourceLeft;
    const sourceLength = Math.min(sourceLeft.length, sourceRight.length);
    const sourceShift = this.sourceOffsetFrame - this.startFrame;
    const { startFrame, endFrame, fadeInFrames, fadeOutFrames, gain } = this;
    // Only the span the source covers can sound; beyond it the clip is silent.
    const last = Math.min(to, sourceLength - sourceShift);
    // Between the fades the envelope is the clip gain alone: that stretch (nearly all of a
    // long clip) gets a loop without the fade arithmetic, which gives the same products.
    const plainFrom = Math.min(Math.max(from, startFrame + fadeInFrames), Math.max(from, last));
    const plainTo = Math.max(plainFrom, Math.min(last, endFrame - fadeOutFrames + 1));
    for (let frame = from; frame < plainFrom; frame++) this.#addFaded(left, right, sourceLeft, sourceRight, frame, position);
    for (let frame = plainFrom; frame < plainTo; frame++) {
      const source = frame + sourceShift;
      left[frame - position]! += sourceLeft[source]! * gain;
      right[frame - position]! += sourceRight[source]! * gain;
    }
    for (let frame = plainTo; frame < last; frame++) this.#addFaded(left, right, sourceLeft, sourceRight, frame, position);
  }

  /** One frame of {@link addTo} with the fade envelope applied. */
  #addFaded(left: Float32Array, right: Float32Array, sourceLeft: Float32Array, sourceRight: Float32Array, frame: number, position: number): void {
    const { startFrame, endFrame, fadeInFrames, fadeOutFrames, gain } = this;
    const source = frame + this.sourceOffsetFrame - startFrame;
    let envelope = gain;
    const sinceStart = frame - startFrame;
    if (sinceStart < fadeInFrames) envelope *= sinceStart / fadeInFrames;
    const untilEnd = endFrame - frame;
    if (untilEnd < fadeOutFrames) envelope *= untilEnd / fadeOutFrames;
    left[frame - position]! += sourceLeft[source]! * envelope;
    right[frame - position]! += sourceRight[source]! * envelope;
  }
}
