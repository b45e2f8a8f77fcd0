import { AlgorithmicReverb, type ReverbParameters } from '../../dsp/algorithmic-reverb.ts';
import { Compressor } from '../../dsp/compressor.ts';
import { dbToGain } from '../../dsp/decibels.ts';
import { faderGain } from '../../dsp/fader.ts';
import { LinearSmoother } from '../../dsp/linear-smoother.ts';
import { PeakMeter } from '../../dsp/peak-meter.ts';
import { RmsMeter } from '../../dsp/rms-meter.ts';
import { StereoDelay, type StereoDelayParameters } from '../../dsp/stereo-delay.ts';
import { TruePeakLimiter } from '../../dsp/true-peak-limiter.ts';
import type { EngineInsert, EngineStrip } from './engine-config.ts';
import type { StripRole } from './strip-role.ts';
import type { ParameterChange } from './engine-protocol.ts';
import { SmoothedEq } from './smoothed-eq.ts';

/** Every gain move (input, makeup, mute, fader, pan, send level) glides over this long. */
export const rampSeconds = 0.02;

/** Lookahead of strip and master limiters. */
const limiterLookaheadMs = 1.5;

/** A delay or reverb in a strip's insert chain. */
export type InsertProcessor =
  | { readonly id: string; readonly kind: 'delay'; readonly effect: StereoDelay }
  | { readonly id: string; readonly kind: 'reverb'; readonly effect: AlgorithmicReverb };

export function createInsertProcessor(insert: EngineInsert, sampleRate: number): InsertProcessor {
  return insert.kind === 'delay'
    ? { id: insert.id, kind: 'delay', effect: new StereoDelay(sampleRate, 4, insert.parameters) }
    : { id: insert.id, kind: 'reverb', effect: new AlgorithmicReverb(sampleRate, insert.parameters) };
}

export function setInsertParameters(insert: InsertProcessor, parameters: StereoDelayParameters | ReverbParameters): void {
  if (insert.kind === 'delay') insert.effect.setParameters(parameters as StereoDelayParameters);
  else insert.effect.setParameters(parameters as ReverbParameters);
}

/**
 * A fixed stereo delay that lines a faster path up with the slowest one
 * into the same bus (see `engine-latency.ts`). Push a pair, read the pair
 * pushed `frames` ago from `left` / `right`.
 */
export class CompensationDelay {
  readonly frames: number;
  readonly #leftLine: Float32Array;
  readonly #rightLine: Float32Array;
  #position = 0;
  left = 0;
  right = 0;

  constructor(frames: number) {
    this.frames = frames;
    this.#leftLine = new Float32Array(frames);
    this.#rightLine = new Float32Array(frames);
  }

  push(left: number, right: number): void {
    const position = this.#position;
    this.left = this.#leftLine[position]!;
    this.right = this.#rightLine[position]!;
    this.#leftLine[position] = left;
    this.#rightLine[position] = right;
    this.#position = position + 1 === this.frames ? 0 : position + 1;
  }
}

/** A send from one strip into a bus's input, with its smoothed level. */
export class SendRoute {
  readonly id: string;
  readonly target: StripProcessor;
  readonly preFader: boolean;
  readonly level: LinearSmoother;
  /** Set when this send's path is faster than the slowest into its target. */
  delay: CompensationDelay | null = null;

  constructor(id: string, target: StripProcessor, preFader: boolean, levelDb: number, sampleRate: number) {
    this.id = id;
    this.target = target;
    this.preFader = preFader;
    this.level = new LinearSmoother(sampleRate, rampSeconds, faderGain(levelDb));
  }
}

/**
 * Stereo balance with an equal-power curve, unity at centre: a stereo strip
 * keeps its level when centred, and each side follows the sine/cosine law
 * as it is turned down. (A mono source's -3 dB equal-power pan would drop
 * every centred track by 3 dB.)
 */
function balanceLeft(pan: number): number {
  return Math.min(1, Math.SQRT2 * Math.cos(((pan + 1) * Math.PI) / 4));
}
function balanceRight(pan: number): number {
  return Math.min(1, Math.SQRT2 * Math.sin(((pan + 1) * Math.PI) / 4));
}

/**
 * One channel strip of the engine: input gain → EQ → compressor → inserts →
 * (pre-fader sends) → mute/makeup → fader → pan → limiter → (post-fader
 * sends) → output bus. The limiter sits last, after the fader, because a
 * ceiling only holds if no gain follows it.
 *
 * The strip's two buffers are its input (clips or feeding strips add into
 * them) and, once `process` has run, its post-fader output, which it adds
 * into its output bus and sends and which keys any compressor sidechained
 * to it. Every buffer and kernel is allocated here or when the engine is
 * reconfigured, never while rendering.
 */
export class StripProcessor {
  readonly id: string;
  readonly role: StripRole;
  readonly left: Float32Array;
  readonly right: Float32Array;
  /** [left, right], preallocated for the kernels' channel-array arguments. */
  readonly channels: readonly Float32Array[];
  output: StripProcessor | null = null;
  sidechain: StripProcessor | null = null;
  inserts: InsertProcessor[] = [];
  preSends: SendRoute[] = [];
  postSends: SendRoute[] = [];
  limiter: TruePeakLimiter | null = null;
  /** Set when this strip's output is faster than the slowest path into its output bus. */
  outputDelay: CompensationDelay | null = null;

  readonly #sampleRate: number;
  readonly #inputGain: LinearSmoother;
  readonly #eq: SmoothedEq;
  readonly #compressor: Compressor;
  #compressorEnabled: boolean;
  /** 0 = bypassed, 1 = compressing; switching crossfades so toggling a compressor that is working does not click. */
  readonly #compressorBlend: LinearSmoother;
  readonly #dryLeft: Float32Array;
  readonly #dryRight: Float32Array;
  #makeupDb: number;
  #mute: boolean;
  solo: boolean;
  #audible = true;
  /** Compressor makeup × mute, one ramp. */
  readonly #level: LinearSmoother;
  readonly #fader: LinearSmoother;
  readonly #pan: LinearSmoother;
  #inputGainDb: number;
  #phaseInvert: boolean;
  readonly #peakLeft: PeakMeter;
  readonly #peakRight: PeakMeter;
  readonly #rmsLeft: RmsMeter;
  readonly #rmsRight: RmsMeter;
  /** False when nobody reads the meters (offline export): the peak and RMS meters are skipped. */
  readonly #metering: boolean;

  constructor(strip: EngineStrip, sampleRate: number, blockFrames: number, metering = true) {
    this.#metering = metering;
    this.id = strip.id;
    this.role = strip.role;
    this.#sampleRate = sampleRate;
    this.left = new Float32Array(blockFrames);
    this.right = new Float32Array(blockFrames);
    this.channels = [this.left, this.right];
    this.#inputGainDb = strip.inputGainDb;
    this.#phaseInvert = strip.phaseInvert;
    this.#inputGain = new LinearSmoother(sampleRate, rampSeconds, this.#inputGainTarget());
    this.#eq = new SmoothedEq(sampleRate, strip.eq);
    this.#compressor = new Compressor(sampleRate, { ...strip.compressor, makeupGainDb: 0 });
    this.#compressorEnabled = strip.compressorEnabled;
    this.#compressorBlend = new LinearSmoother(sampleRate, rampSeconds, strip.compressorEnabled ? 1 : 0);
    this.#dryLeft = new Float32Array(blockFrames);
    this.#dryRight = new Float32Array(blockFrames);
    this.#makeupDb = strip.compressor.makeupGainDb;
    this.#mute = strip.mute;
    this.solo = strip.solo;
    this.#level = new LinearSmoother(sampleRate, rampSeconds, this.#levelTarget());
    this.#fader = new LinearSmoother(sampleRate, rampSeconds, faderGain(strip.faderDb));
    this.#pan = new LinearSmoother(sampleRate, rampSeconds, clampPan(strip.pan));
    this.#peakLeft = new PeakMeter(sampleRate);
    this.#peakRight = new PeakMeter(sampleRate);
    this.#rmsLeft = new RmsMeter(sampleRate);
    this.#rmsRight = new RmsMeter(sampleRate);
    this.setLimiterEnabled(strip.limiterEnabled, strip);
  }

  get mute(): boolean {
    return this.#mute;
  }

  /** Whether solo and mute leave this strip heard; the renderer decides, the strip ramps. */
  setAudible(audible: boolean, immediately = false): void {
    this.#audible = audible;
    // A strip that has just been created starts in its state rather than fading into it.
    if (immediately) this.#level.setImmediate(this.#levelTarget());
    else this.#level.setTarget(this.#levelTarget());
  }

  /** Creates or drops the limiter (structural: a limiter changes the strip's latency). */
  setLimiterEnabled(enabled: boolean, strip: EngineStrip): void {
    if (!enabled) this.limiter = null;
    else if (!this.limiter) this.limiter = new TruePeakLimiter({ sampleRate: this.#sampleRate, channelCount: 2, lookaheadMs: limiterLookaheadMs }, strip.limiter);
    else this.limiter.setParameters(strip.limiter);
  }

  /** Glides every setting to `strip` (a reconfiguration that kept this strip). */
  applySettings(strip: EngineStrip): void {
    this.#inputGainDb = strip.inputGainDb;
    this.#phaseInvert = strip.phaseInvert;
    this.#inputGain.setTarget(this.#inputGainTarget());
    this.#eq.setParameters(strip.eq);
    this.#setCompressor(strip.compressorEnabled, strip.compressor);
    this.#mute = strip.mute;
    this.solo = strip.solo;
    this.#level.setTarget(this.#levelTarget());
    this.#fader.setTarget(faderGain(strip.faderDb));
    this.#pan.setTarget(clampPan(strip.pan));
    this.setLimiterEnabled(strip.limiterEnabled, strip);
  }

  /** Applies one timed change addressed to this strip. Returns true when mute or solo changed (the renderer re-derives audibility). */
  applyChange(change: Extract<ParameterChange, { target: 'strip' }>): boolean {
    switch (change.field) {
      case 'inputGainDb':
        this.#inputGainDb = change.value;
        this.#inputGain.setTarget(this.#inputGainTarget());
        return false;
      case 'phaseInvert':
        this.#phaseInvert = change.value;
        this.#inputGain.setTarget(this.#inputGainTarget());
        return false;
      case 'faderDb':
        this.#fader.setTarget(faderGain(change.value));
        return false;
      case 'pan':
        this.#pan.setTarget(clampPan(change.value));
        return false;
      case 'eq':
        this.#eq.setParameters(change.value);
        return false;
      case 'compressor':
        this.#setCompressor(this.#compressorEnabled, change.value);
        return false;
      case 'compressorEnabled':
        if (change.value && !this.#compressorEnabled && !this.#compressorBlend.isSmoothing) this.#compressor.reset();
        this.#compressorEnabled = change.value;
        this.#compressorBlend.setTarget(change.value ? 1 : 0);
        this.#level.setTarget(this.#levelTarget());
        return false;
      case 'limiter':
        this.limiter?.setParameters(change.value);
        return false;
      case 'mute':
        this.#mute = change.value;
        return true;
      case 'solo':
        this.solo = change.value;
        return true;
    }
  }

  /**
   * Processes `[0, frames)` of this strip's buffers in place and adds the
   * result into its output bus and sends. `gains` is the renderer's scratch
   * buffer (at least `frames` long).
   */
  process(frames: number, gains: Float32Array): void {
    const left = this.left;
    const right = this.right;
    applyGain(this.#inputGain, left, right, frames);
    this.#eq.process(left, right, frames);
    this.#compress(frames);
    const inserts = this.inserts;
    for (let index = 0; index < inserts.length; index++) inserts[index]!.effect.process(left, right, frames);

    // Makeup × mute, shared by the pre-fader taps and the main path.
    const level = this.#level;
    const preSends = this.preSends;
    const steady = !level.isSmoothing && !this.#fader.isSmoothing && !this.#pan.isSmoothing && this.limiter === null && this.#canMixOutInOnePass();
    if (level.isSmoothing) for (let index = 0; index < frames; index++) gains[index] = level.next();
    else if (!steady || preSends.length > 0) gains.fill(level.current, 0, frames);
    for (let send = 0; send < preSends.length; send++) addSend(preSends[send]!, left, right, gains, frames);
    if (steady) {
      this.#mixOutSteady(frames);
      return;
    }

    const fader = this.#fader;
    const pan = this.#pan;
    if (!fader.isSmoothing && !pan.isSmoothing) {
      const gain = fader.current;
      const gainLeft = gain * balanceLeft(pan.current);
      const gainRight = gain * balanceRight(pan.current);
      for (let index = 0; index < frames; index++) {
        const g = gains[index]!;
        left[index]! *= g * gainLeft;
        right[index]! *= g * gainRight;
      }
    } else {
      for (let index = 0; index < frames; index++) {
        const g = gains[index]! * fader.next();
        const position = pan.next();
        left[index]! *= g * balanceLeft(position);
        right[index]! *= g * balanceRight(position);
      }
    }
    this.limiter?.process(this.channels, frames);

    if (this.#metering) this.#meter(frames);

    const postSends = this.postSends;
    if (postSends.length > 0) {
      gains.fill(1, 0, frames);
      for (let send = 0; send < postSends.length; send++) addSend(postSends[send]!, left, right, gains, frames);
    }
    const output = this.output;
    if (!output) return;
    const outputLeft = output.left;
    const outputRight = output.right;
    const delay = this.outputDelay;
    if (delay) {
      for (let index = 0; index < frames; index++) {
        delay.push(left[index]!, right[index]!);
        outputLeft[index]! += delay.left;
        outputRight[index]! += delay.right;
      }
      return;
    }
    for (let index = 0; index < frames; index++) {
      outputLeft[index]! += left[index]!;
      outputRight[index]! += right[index]!;
    }
  }

  /**
   * Whether {@link #mixOutSteady} may run: the output and every post-fader send
   * add a constant gain times the post-fader signal with no compensation
   * delay, and none feeds the output bus (whose additions must keep their order).
   */
  #canMixOutInOnePass(): boolean {
    const output = this.output;
    if (output === null || this.outputDelay !== null) return false;
    const postSends = this.postSends;
    for (let send = 0; send < postSends.length; send++) {
      const route = postSends[send]!;
      if (route.delay !== null || route.level.isSmoothing || route.target === output) return false;
    }
    return true;
  }

  /**
   * The common case of the post-fader half of {@link process}, when nothing
   * glides and there is no limiter: makeup × mute × fader × balance, the
   * output bus and the post-fader sends in one pass over the strip's buffers
   * per destination instead of one per stage. The same products in the same
   * order as the general path (the level is read back at float32 as from the
   * scratch buffer; each destination adds the stored float32 sample), so the
   * output is identical bit for bit.
   */
  #mixOutSteady(frames: number): void {
    const left = this.left;
    const right = this.right;
    const level = Math.fround(this.#level.current);
    const fader = this.#fader.current;
    const position = this.#pan.current;
    const gainLeft = level * (fader * balanceLeft(position));
    const gainRight = level * (fader * balanceRight(position));
    const outputLeft = this.output!.left;
    const outputRight = this.output!.right;
    const postSends = this.postSends;
    if (postSends.length === 2 && postSends[0]!.level.current !== 0 && postSends[1]!.level.current !== 0) {
      this.#mixOutWithTwoSends(frames, gainLeft, gainRight);
      if (this.#metering) this.#meter(frames);
      return;
    }
    for (let index = 0; index < frames; index++) {
      const leftSample = Math.fround(left[index]! * gainLeft);
      const rightSample = Math.fround(right[index]! * gainRight);
      left[index] = leftSample;
      right[index] = rightSample;
      outputLeft[index]! += leftSample;
      outputRight[index]! += rightSample;
    }
    if (this.#metering) this.#meter(frames);
    for (let send = 0; send < postSends.length; send++) {
      const route = postSends[send]!;
      const sendGain = route.level.current;
      if (sendGain === 0) continue;
      const targetLeft = route.target.left;
      const targetRight = route.target.right;
      for (let index = 0; index < frames; index++) {
        targetLeft[index]! += left[index]! * sendGain;
        targetRight[index]! += right[index]! * sendGain;
      }
    }
  }

  /**
   * {@link #mixOutSteady} for the usual track, with a reverb and a delay send,
   * fully fused. Send 1 adds before send 2, as in the general path, in case
   * both feed the same bus.
   */
  #mixOutWithTwoSends(frames: number, gainLeft: number, gainRight: number): void {
    const left = this.left;
    const right = this.right;
    const outputLeft = this.output!.left;
    const outputRight = this.output!.right;
    const first = this.postSends[0]!;
    const second = this.postSends[1]!;
    const firstGain = first.level.current;
    const secondGain = second.level.current;
    const firstLeft = first.target.left;
    const firstRight = first.target.right;
    const secondLeft = second.target.left;
    const secondRight = second.target.right;
    for (let index = 0; index < frames; index++) {
      const leftSample = Math.fround(left[index]! * gainLeft);
      const rightSample = Math.fround(right[index]! * gainRight);
      left[index] = leftSample;
      right[index] = rightSample;
      outputLeft[index]! += leftSample;
      outputRight[index]! += rightSample;
      firstLeft[index]! += leftSample * firstGain;
      firstRight[index]! += rightSample * firstGain;
      secondLeft[index]! += leftSample * secondGain;
      secondRight[index]! += rightSample * secondGain;
    }
  }

  #meter(frames: number): void {
    this.#peakLeft.process(this.left, frames);
    this.#peakRight.process(this.right, frames);
    this.#rmsLeft.process(this.left, frames);
    this.#rmsRight.process(this.right, frames);
  }

  /** Writes peak L/R, RMS L/R and gain reduction at `offset`. */
  writeMeters(values: Float64Array, offset: number): void {
    values[offset] = this.#peakLeft.displayDb;
    values[offset + 1] = this.#peakRight.displayDb;
    values[offset + 2] = this.#rmsLeft.rmsDb;
    values[offset + 3] = this.#rmsRight.rmsDb;
    values[offset + 4] = this.#compressorEnabled ? this.#compressor.gainReductionDb : 0;
  }

  #compress(frames: number): void {
    const blend = this.#compressorBlend;
    if (!blend.isSmoothing) {
      if (blend.current === 1) this.#compressor.process(this.channels, frames, this.sidechain?.channels);
      return;
    }
    // Mid-switch: run the compressor and crossfade from the dry signal.
    const left = this.left;
    const right = this.right;
    const dryLeft = this.#dryLeft;
    const dryRight = this.#dryRight;
    for (let index = 0; index < frames; index++) {
      dryLeft[index] = left[index]!;
      dryRight[index] = right[index]!;
    }
    this.#compressor.process(this.channels, frames, this.sidechain?.channels);
    for (let index = 0; index < frames; index++) {
      const wet = blend.next();
      left[index] = dryLeft[index]! + wet * (left[index]! - dryLeft[index]!);
      right[index] = dryRight[index]! + wet * (right[index]! - dryRight[index]!);
    }
  }

  #setCompressor(enabled: boolean, parameters: EngineStrip['compressor']): void {
    if (enabled && !this.#compressorEnabled && !this.#compressorBlend.isSmoothing) this.#compressor.reset();
    this.#compressorEnabled = enabled;
    this.#compressorBlend.setTarget(enabled ? 1 : 0);
    this.#makeupDb = parameters.makeupGainDb;
    // Makeup is applied by the strip's level ramp, not the kernel, so changing it glides.
    this.#compressor.setParameters({ ...parameters, makeupGainDb: 0 });
    this.#level.setTarget(this.#levelTarget());
  }

  #inputGainTarget(): number {
    return (this.#phaseInvert ? -1 : 1) * dbToGain(this.#inputGainDb);
  }

  #levelTarget(): number {
    if (!this.#audible) return 0;
    return this.#compressorEnabled ? dbToGain(this.#makeupDb) : 1;
  }
}

function clampPan(pan: number): number {
  return Number.isFinite(pan) ? Math.min(1, Math.max(-1, pan)) : 0;
}

function applyGain(smoother: LinearSmoother, left: Float32Array, right: Float32Array, frames: number): void {
  if (smoother.isSmoothing) {
    for (let index = 0; index < frames; index++) {
      const gain = smoother.next();
      left[index]! *= gain;
      right[index]! *= gain;
    }
    return;
  }
  const gain = smoother.current;
  if (gain === 1) return;
  for (let index = 0; index < frames; index++) {
    left[index]! *= gain;
    right[index]! *= gain;
  }
}

function addSend(send: SendRoute, left: Float32Array, right: Float32Array, gains: Float32Array, frames: number): void {
  const targetLeft = send.target.left;
  const targetRight = send.target.right;
  const level = send.level;
  const delay = send.delay;
  if (delay) {
    for (let index = 0; index < frames; index++) {
      const gain = gains[index]! * level.next();
      delay.push(left[index]! * gain, right[index]! * gain);
      targetLeft[index]! += delay.left;
      targetRight[index]! += delay.right;
    }
    return;
  }
  if (level.isSmoothing) {
    for (let index = 0; index < frames; index++) {
      const gain = gains[index]! * level.next();
      targetLeft[index]! += left[index]! * gain;
      targetRight[index]! += right[index]! * gain;
    }
    return;
  }
  const sendGain = level.current;
  if (sendGain === 0) return;
  for (let index = 0; index < frames; index++) {
    const gain = gains[index]! * sendGain;
    targetLeft[index]! += left[index]! * gain;
    targetRight[index]! += right[index]! * gain;
  }
}

/** Latency of one strip limiter at `sampleRate`, in frames. */
export function limiterLatencyFrames(sampleRate: number): number {
  return new TruePeakLimiter({ sampleRate, channelCount: 2, lookaheadMs: limiterLookaheadMs }).latency;
}
