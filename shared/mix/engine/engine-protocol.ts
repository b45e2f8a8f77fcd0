import type { CompressorParameters } from '../../dsp/compressor.ts';
import type { ReverbParameters } from '../../dsp/algorithmic-reverb.ts';
import type { StereoDelayParameters } from '../../dsp/stereo-delay.ts';
import type { ThreeBandEqParameters } from '../../dsp/three-band-eq.ts';
import type { TruePeakLimiterParameters } from '../../dsp/true-peak-limiter.ts';
import type { EngineConfig } from './engine-config.ts';

/**
 * Messages between the main-thread controller and the mix engine (the
 * AudioWorklet processor, or the renderer driven directly in Node). Plain,
 * structured-clonable data; discriminated unions so both ends switch
 * exhaustively. Bump {@link engineProtocolVersion} on incompatible changes:
 * a cached worklet from an older build must fail loudly, not mis-parse.
 */
export const engineProtocolVersion = 1;

/** The name the processor is registered under (`registerProcessor`, `new AudioWorkletNode`). */
export const mixProcessorName = 'cs-mix-engine';

/** Strip settings that are plain numbers and glide when changed. */
export type StripNumberField = 'inputGainDb' | 'faderDb' | 'pan';
/** Strip switches (their effect is ramped too: muting is a 20 ms fade). */
export type StripFlagField = 'phaseInvert' | 'mute' | 'solo' | 'compressorEnabled';

/** One parameter change. Routing, inserts, clips and limiters are structural: they travel in a new config. */
export type ParameterChange =
  | { readonly target: 'strip'; readonly id: string; readonly field: StripNumberField; readonly value: number }
  | { readonly target: 'strip'; readonly id: string; readonly field: StripFlagField; readonly value: boolean }
  | { readonly target: 'strip'; readonly id: string; readonly field: 'eq'; readonly value: ThreeBandEqParameters }
  | { readonly target: 'strip'; readonly id: string; readonly field: 'compressor'; readonly value: CompressorParameters }
  | { readonly target: 'strip'; readonly id: string; readonly field: 'limiter'; readonly value: TruePeakLimiterParameters }
  | { readonly target: 'send'; readonly id: string; readonly levelDb: number }
  | { readonly target: 'insert'; readonly id: string; readonly parameters: StereoDelayParameters | ReverbParameters }
  | { readonly target: 'tempo'; readonly tempoBpm: number; readonly beatsPerBar: number };

/** Transport commands; positions are seconds on the song timeline. */
export type TransportCommand =
  | { readonly target: 'transport'; readonly command: 'play' }
  | { readonly target: 'transport'; readonly command: 'pause' }
  /** Pause and return to the start (or to the loop start when looping). */
  | { readonly target: 'transport'; readonly command: 'stop' }
  | { readonly target: 'transport'; readonly command: 'seek'; readonly positionSeconds: number }
  | { readonly target: 'transport'; readonly command: 'loop'; readonly enabled: boolean; readonly startSeconds: number; readonly endSeconds: number }
  | { readonly target: 'transport'; readonly command: 'metronome'; readonly enabled: boolean; readonly levelDb: number };

export type EngineEvent = ParameterChange | TransportCommand;

/**
 * An event and the frame it takes effect at, on the audio context's timeline
 * (`currentFrame` in the worklet). Frames already past apply at the start of
 * the next render quantum.
 */
export interface TimedEvent {
  readonly frame: number;
  readonly event: EngineEvent;
}

/** Main thread → engine. */
export type EngineMessage =
  | { readonly type: 'configure'; readonly config: EngineConfig }
  /** Decoded audio for an asset; the channel buffers are transferred, not copied. */
  | { readonly type: 'asset'; readonly assetId: string; readonly channels: Float32Array[] }
  | { readonly type: 'release-asset'; readonly assetId: string }
  | { readonly type: 'events'; readonly events: readonly TimedEvent[] };

/** What the processor reports about the configured mix, so the controller can read meters by strip id. */
export interface EngineLayout {
  readonly stripIds: readonly string[];
  /** Output delay of the master path (limiter lookahead) in frames; export trims it. */
  readonly latencyFrames: number;
  readonly bandCentres: readonly number[];
}

/** Engine → main thread. */
export type EngineReport =
  | ({ readonly type: 'layout'; readonly protocolVersion: number } & EngineLayout)
  /** A meter frame (see `meter-layout.ts`); absent when meters go through a SharedArrayBuffer. */
  | { readonly type: 'meters'; readonly values: Float64Array }
  | { readonly type: 'error'; readonly message: string };

/** Options the processor is constructed with (`processorOptions`). Initial state arrives here so an offline render needs no message round trip. */
export interface EngineProcessorOptions {
  readonly protocolVersion: number;
  readonly config?: EngineConfig;
  readonly assets?: Readonly<Record<string, Float32Array[]>>;
  readonly events?: readonly TimedEvent[];
  /** Meter frames per second; 0 turns meters off (offline export). */
  readonly metersPerSecond?: number;
  /** When the page is cross-origin isolated: meters are written here instead of posted. */
  readonly meterBuffer?: SharedArrayBuffer;
}
