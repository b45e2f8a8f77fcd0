import type { Mix } from '../../shared/mix/mix-document.ts';
import type { AssetChannels } from '../../shared/mix/engine/clip-player.ts';
import { toEngineConfig, type EngineConfig } from '../../shared/mix/engine/engine-config.ts';
import { diffEngineConfigs } from '../../shared/mix/engine/engine-diff.ts';
import {
  engineProtocolVersion,
  mixProcessorName,
  type EngineEvent,
  type EngineLayout,
  type EngineMessage,
  type EngineReport,
  type TransportCommand,
} from '../../shared/mix/engine/engine-protocol.ts';
import { meterFrameLength, readMeterFrame, type MeterReading } from '../../shared/mix/engine/meter-layout.ts';
import { SharedMeterBuffer } from '../../shared/mix/engine/shared-meter-buffer.ts';

/** Construction settings. */
export interface MixEngineOptions {
  /** URL of the built processor module (`mix-processor-url.ts`); injectable for tests. */
  readonly processorUrl: string;
  /** Where the engine plays; the context's destination by default. */
  readonly destination?: AudioNode;
  /** Seconds between `setMix` and the change sounding, so every change lands on an exact frame rather than "next block". */
  readonly scheduleAheadSeconds?: number;
}

/** Fired when the processor reports a new layout (after each configuration). */
export class MixEngineLayoutEvent extends Event {
  readonly layout: EngineLayout;
  constructor(layout: EngineLayout) {
    super('layout');
    this.layout = layout;
  }
}

/** Fired when the processor reports an error. */
export class MixEngineErrorEvent extends Event {
  readonly message: string;
  constructor(message: string) {
    super('error');
    this.message = message;
  }
}

const addedModules = new WeakMap<BaseAudioContext, Promise<void>>();

/** Adds the processor module to a context once, however many engines it hosts. */
export function addMixProcessorModule(context: BaseAudioContext, processorUrl: string): Promise<void> {
  let added = addedModules.get(context);
  if (!added) {
    added = context.audioWorklet.addModule(processorUrl);
    addedModules.set(context, added);
  }
  return added;
}

/**
 * The main-thread side of the mix engine: wraps the AudioContext and the one
 * AudioWorkletNode that renders every track, bus and the master.
 *
 * `setMix` takes the whole parsed mix each time (from the project's Y.Doc);
 * the engine diffs it against the last one and sends either a few timed
 * parameter changes or, when the structure changed, a new configuration.
 * Audio is transferred to the worklet once per asset. Meters are read with
 * `readMeters()` (call it from requestAnimationFrame).
 *
 * @fires layout - {@link MixEngineLayoutEvent}
 * @fires error - {@link MixEngineErrorEvent}
 */
export class MixEngine extends EventTarget {
  readonly context: BaseAudioContext;
  readonly node: AudioWorkletNode;
  readonly #scheduleAhead: number;
  #config: EngineConfig | null = null;
  #layout: EngineLayout = { stripIds: [], latencyFrames: 0, bandCentres: [] };
  #latestMeters: Float64Array | null = null;
  readonly #sharedMeters: SharedMeterBuffer | null;
  #sharedCopy: Float64Array | null = null;

  private constructor(context: BaseAudioContext, node: AudioWorkletNode, options: MixEngineOptions, sharedMeters: SharedMeterBuffer | null) {
    super();
    this.context = context;
    this.node = node;
    this.#scheduleAhead = options.scheduleAheadSeconds ?? 0.03;
    this.#sharedMeters = sharedMeters;
    node.port.onmessage = (event: MessageEvent<EngineReport>) => this.#receive(event.data);
    node.connect(options.destination ?? context.destination);
  }

  /** Loads the processor module (once per context) and starts an engine with an empty mix. */
  static async create(context: BaseAudioContext, options: MixEngineOptions): Promise<MixEngine> {
    await addMixProcessorModule(context, options.processorUrl);
    // Meters through shared memory when the page may have it; otherwise as messages.
    const sharedMeters = globalThis.crossOriginIsolated === true ? new SharedMeterBuffer() : null;
    const node = new AudioWorkletNode(context, mixProcessorName, {
      numberOfInputs: 0,
      numberOfOutputs: 1,
      outputChannelCount: [2],
      processorOptions: { protocolVersion: engineProtocolVersion, metersPerSecond: 60, ...(sharedMeters ? { meterBuffer: sharedMeters.buffer } : {}) },
    });
    return new MixEngine(context, node, options, sharedMeters);
  }

  get layout(): EngineLayout {
    return this.#layout;
  }

  /** Adopts the mix: a few timed parameter changes, or a new configuration when the structure changed. */
  setMix(mix: Mix): void {
    const next = toEngineConfig(mix);
    const changes = this.#config ? diffEngineConfigs(this.#config, next) : null;
    this.#config = next;
    if (changes === null) {
      this.#send({ type: 'configure', config: next });
      return;
    }
    if (changes.length > 0) this.#schedule(changes);
  }

  /** Hands decoded audio to the engine. The channel data is copied once and the copies transferred (no second copy). */
  loadAsset(assetId: string, audio: AudioBuffer | AssetChannels): void {
    const channels =
      'getChannelData' in audio
        ? Array.from({ length: audio.numberOfChannels }, (_, channel) => audio.getChannelData(channel).slice())
        : audio.map((channel) => channel.slice());
    this.#send({ type: 'asset', assetId, channels }, channels.map((channel) => channel.buffer as ArrayBuffer));
  }

  releaseAsset(assetId: string): void {
    this.#send({ type: 'release-asset', assetId });
  }

  play(): void {
    this.#transport({ target: 'transport', command: 'play' });
  }

  pause(): void {
    this.#transport({ target: 'transport', command: 'pause' });
  }

  stop(): void {
    this.#transport({ target: 'transport', command: 'stop' });
  }

  seek(positionSeconds: number): void {
    this.#transport({ target: 'transport', command: 'seek', positionSeconds });
  }

  setLoop(enabled: boolean, startSeconds: number, endSeconds: number): void {
    this.#transport({ target: 'transport', command: 'loop', enabled, startSeconds, endSeconds });
  }

  setMetronome(enabled: boolean, levelDb = -12): void {
    this.#transport({ target: 'transport', command: 'metronome', enabled, levelDb });
  }

  /** The newest meter frame, decoded; null before the first one. */
  readMeters(): MeterReading | null {
    const values = this.#sharedMeters ? this.#readShared(this.#sharedMeters) : this.#latestMeters;
    return values ? readMeterFrame(values, this.#layout.stripIds, this.context.sampleRate) : null;
  }

  /** Disconnects the node; the processor is collected with it. */
  dispose(): void {
    this.node.port.onmessage = null;
    this.node.disconnect();
  }

  #readShared(sharedMeters: SharedMeterBuffer): Float64Array | null {
    const length = meterFrameLength(this.#layout.stripIds.length);
    if (this.#sharedCopy?.length !== length) this.#sharedCopy = new Float64Array(length);
    return sharedMeters.read(this.#sharedCopy) ? this.#sharedCopy : this.#latestMeters;
  }

  #transport(command: TransportCommand): void {
    this.#schedule([command]);
  }

  #schedule(events: readonly EngineEvent[]): void {
    const frame = Math.round((this.context.currentTime + this.#scheduleAhead) * this.context.sampleRate);
    this.#send({ type: 'events', events: events.map((event) => ({ frame, event })) });
  }

  #send(message: EngineMessage, transfer: Transferable[] = []): void {
    this.node.port.postMessage(message, transfer);
  }

  #receive(report: EngineReport): void {
    switch (report.type) {
      case 'layout':
        this.#layout = { stripIds: report.stripIds, latencyFrames: report.latencyFrames, bandCentres: report.bandCentres };
        this.#latestMeters = null;
        this.dispatchEvent(new MixEngineLayoutEvent(this.#layout));
        return;
      case 'meters':
        this.#latestMeters = report.values;
        return;
      case 'error':
        this.dispatchEvent(new MixEngineErrorEvent(report.message));
        return;
    }
  }
}
