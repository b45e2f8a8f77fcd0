import { type EngineMessage, type EngineProcessorOptions, type EngineReport, engineProtocolVersion, mixProcessorName } from '../../shared/mix/engine/engine-protocol.ts';
import { MixRenderer } from '../../shared/mix/engine/mix-renderer.ts';
import { SharedMeterBuffer } from '../../shared/mix/engine/shared-meter-buffer.ts';

/**
 * The mix engine's AudioWorklet processor: a message pump around
 * `MixRenderer`, which does all the rendering. Built by Vite as its own file
 * (`mix-processor-url.ts`) and loaded with `audioWorklet.addModule`, so it
 * obeys the page's `script-src 'self'`.
 *
 * Per render quantum it renders straight into the output arrays and, 60
 * times a second, publishes a meter frame: into a SharedArrayBuffer under a
 * sequence lock when the page is cross-origin isolated, otherwise as a
 * posted copy.
 */

/** The parts of AudioWorkletGlobalScope used here (TypeScript's DOM library does not describe worklet scopes). */
interface AudioWorkletScope {
  readonly sampleRate: number;
  readonly currentFrame: number;
  readonly AudioWorkletProcessor: new (options: AudioWorkletNodeOptions) => { readonly port: MessagePort };
  registerProcessor(name: string, processor: new (options: AudioWorkletNodeOptions) => object): void;
}

const scope = globalThis as unknown as AudioWorkletScope;

class MixProcessor extends scope.AudioWorkletProcessor {
  readonly #renderer: MixRenderer;
  readonly #spareRight = new Float32Array(128);
  readonly #sharedMeters: SharedMeterBuffer | null;

  constructor(options: AudioWorkletNodeOptions) {
    super(options);
    const init = (options.processorOptions ?? {}) as EngineProcessorOptions;
    if (init.protocolVersion !== engineProtocolVersion) {
      throw new Error(`mix engine protocol ${String(init.protocolVersion)} does not match the processor's ${engineProtocolVersion} (stale cached build?)`);
    }
    this.#renderer = new MixRenderer({ sampleRate: scope.sampleRate, metersPerSecond: init.metersPerSecond ?? 60 });
    this.#sharedMeters = init.meterBuffer ? new SharedMeterBuffer(init.meterBuffer) : null;
    if (init.config) this.#renderer.configure(init.config);
    for (const [assetId, channels] of Object.entries(init.assets ?? {})) this.#renderer.setAsset(assetId, channels);
    if (init.events) this.#renderer.schedule(init.events);
    this.#reportLayout();
    this.port.onmessage = (event: MessageEvent<EngineMessage>) => this.#receive(event.data);
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const output = outputs[0];
    const left = output?.[0];
    if (!left) return true;
    const right = output[1] ?? this.#spareRight;
    if (this.#renderer.process(left, right, left.length, scope.currentFrame)) this.#publishMeters();
    return true;
  }

  #receive(message: EngineMessage): void {
    try {
      switch (message.type) {
        case 'configure':
          this.#renderer.configure(message.config);
          this.#reportLayout();
          return;
        case 'asset':
          this.#renderer.setAsset(message.assetId, message.channels);
          return;
        case 'release-asset':
          this.#renderer.releaseAsset(message.assetId);
          return;
        case 'events':
          this.#renderer.schedule(message.events);
          return;
      }
    } catch (error) {
      // Tell the page (the worklet console is easy to miss), then let it surface here too.
      this.#post({ type: 'error', message: `${message.type}: ${error instanceof Error ? error.message : String(error)}` });
      throw error;
    }
  }

  #reportLayout(): void {
    this.#post({ type: 'layout', protocolVersion: engineProtocolVersion, ...this.#renderer.layout });
  }

  #publishMeters(): void {
    const values = this.#renderer.meterValues;
    if (this.#sharedMeters?.write(values)) return;
    this.#post({ type: 'meters', values: values.slice() });
  }

  #post(report: EngineReport): void {
    this.port.postMessage(report);
  }
}

scope.registerProcessor(mixProcessorName, MixProcessor);
