import type { EngineConfig } from '../../../shared/mix/engine/engine-config.ts';
import type { NativePlan, NativeStrip } from './bench-mix.ts';

/**
 * Functions run inside the page with `page.evaluate`. Playwright sends their
 * source text, so each is self-contained: no imports, no outside helpers
 * (types are erased before they are sent). The synthesised sources are
 * uploaded once and kept on `globalThis`, as stereo AudioBuffers for the
 * native graph and as channel arrays for the engine.
 */

interface BenchGlobal {
  __csBenchSources?: Float32Array[][];
  __csBenchBuffers?: AudioBuffer[];
}

/** Decodes one base64 stereo source and keeps it at `index`. */
export function storeSource({ index, channels, sampleRate }: { index: number; channels: string[]; sampleRate: number }): number {
  const scope = globalThis as unknown as BenchGlobal;
  const decoded = channels.map((text) => {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let offset = 0; offset < binary.length; offset++) bytes[offset] = binary.charCodeAt(offset);
    return new Float32Array(bytes.buffer);
  });
  const buffer = new AudioBuffer({ numberOfChannels: decoded.length, length: decoded[0]!.length, sampleRate });
  decoded.forEach((channel, number) => buffer.copyToChannel(channel, number));
  (scope.__csBenchSources ??= [])[index] = decoded;
  (scope.__csBenchBuffers ??= [])[index] = buffer;
  return decoded[0]!.length;
}

export interface RenderTiming {
  /** Milliseconds `startRendering()` took. */
  readonly milliseconds: number;
  /** Peak of the rendered left channel, to show something was rendered. */
  readonly peak: number;
}

export interface EngineRenderInput {
  readonly processorUrl: string;
  readonly processorName: string;
  readonly protocolVersion: number;
  readonly config: EngineConfig;
  readonly assetSources: Readonly<Record<string, number>>;
  readonly frames: number;
  readonly sampleRate: number;
}

/** Renders the mix with our AudioWorklet engine in an OfflineAudioContext; times only `startRendering()`. */
export async function renderWithEngine(input: EngineRenderInput): Promise<RenderTiming> {
  const sources = (globalThis as unknown as BenchGlobal).__csBenchSources ?? [];
  const context = new OfflineAudioContext({ numberOfChannels: 2, length: input.frames, sampleRate: input.sampleRate });
  await context.audioWorklet.addModule(input.processorUrl);
  const assets = Object.fromEntries(Object.entries(input.assetSources).map(([id, index]) => [id, sources[index]!]));
  const node = new AudioWorkletNode(context, input.processorName, {
    numberOfInputs: 0,
    numberOfOutputs: 1,
    outputChannelCount: [2],
    processorOptions: {
      protocolVersion: input.protocolVersion,
      config: input.config,
      assets,
      events: [
        { frame: 0, event: { target: 'transport', command: 'seek', positionSeconds: 0 } },
        { frame: 0, event: { target: 'transport', command: 'play' } },
      ],
      // Off, as in export: the native graph has no meters either.
      metersPerSecond: 0,
    },
  });
  // The processor reports its layout from its constructor: wait for it, so copying the audio into the worklet is not timed.
  await Promise.race([
    new Promise<void>((resolve) => {
      node.port.onmessage = () => resolve();
    }),
    new Promise<void>((resolve) => setTimeout(resolve, 2000)),
  ]);
  node.connect(context.destination);
  const started = performance.now();
  const rendered = await context.startRendering();
  const milliseconds = performance.now() - started;
  let peak = 0;
  for (const sample of rendered.getChannelData(0)) peak = Math.max(peak, Math.abs(sample));
  return { milliseconds, peak };
}

export interface NativeRenderInput {
  readonly plan: NativePlan;
  readonly frames: number;
  readonly sampleRate: number;
}

/**
 * Renders the same mix as a graph of native nodes. Per track: source →
 * input GainNode → low-shelf, peaking and high-shelf BiquadFilterNodes →
 * DynamicsCompressorNode → fader GainNode → StereoPannerNode, and two send
 * GainNodes. Reverb bus: ConvolverNode (a decaying-noise impulse response
 * of the insert's decay time); delay bus: DelayNode with a low-passed
 * feedback loop; each bus and the master then get the same strip (the
 * master's limiter is a second DynamicsCompressorNode at 20:1).
 */
export async function renderWithNativeNodes(input: NativeRenderInput): Promise<RenderTiming> {
  const buffers = (globalThis as unknown as BenchGlobal).__csBenchBuffers ?? [];
  const { plan, sampleRate } = input;
  const context = new OfflineAudioContext({ numberOfChannels: 2, length: input.frames, sampleRate });
  const gain = (decibels: number) => (Number.isFinite(decibels) ? Math.pow(10, decibels / 20) : 0);
  const strip = (from: AudioNode, settings: NativeStrip): AudioNode => {
    const inputGain = new GainNode(context, { gain: gain(settings.inputGainDb) });
    const low = new BiquadFilterNode(context, { type: 'lowshelf', frequency: settings.eq.lowFrequency, gain: settings.eq.lowGainDb });
    const mid = new BiquadFilterNode(context, { type: 'peaking', frequency: settings.eq.midFrequency, Q: settings.eq.midQ, gain: settings.eq.midGainDb });
    const high = new BiquadFilterNode(context, { type: 'highshelf', frequency: settings.eq.highFrequency, gain: settings.eq.highGainDb });
    from.connect(inputGain).connect(low).connect(mid).connect(high);
    let last: AudioNode = high;
    if (settings.compressor.enabled) {
      const { thresholdDb, ratio, kneeDb, attackMs, releaseMs } = settings.compressor;
      last = last.connect(
        new DynamicsCompressorNode(context, { threshold: thresholdDb, ratio: Math.min(20, ratio), knee: Math.min(40, kneeDb), attack: Math.min(1, attackMs / 1000), release: Math.min(1, releaseMs / 1000) }),
      );
    }
    if (settings.limiterEnabled) last = last.connect(new DynamicsCompressorNode(context, { threshold: settings.limiterCeilingDb, ratio: 20, knee: 0, attack: 0.001, release: 0.05 }));
    const fader = new GainNode(context, { gain: gain(settings.faderDb) });
    const pan = new StereoPannerNode(context, { pan: settings.pan });
    return last.connect(fader).connect(pan);
  };

  const masterInput = new GainNode(context);
  strip(masterInput, plan.master).connect(context.destination);

  // Reverb bus: a stereo decaying-noise impulse response (-60 dB at the decay time), from a fixed-seed generator.
  const reverbInput = new GainNode(context);
  const impulseFrames = Math.max(1, Math.round(plan.reverb.decaySeconds * sampleRate));
  const impulse = new AudioBuffer({ numberOfChannels: 2, length: impulseFrames, sampleRate });
  let seed = 12345;
  for (let channel = 0; channel < 2; channel++) {
    const data = impulse.getChannelData(channel);
    for (let frame = 0; frame < impulseFrames; frame++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      data[frame] = ((seed / 0xffffffff) * 2 - 1) * Math.pow(10, (-3 * frame) / impulseFrames) * 0.1;
    }
  }
  const convolver = new ConvolverNode(context, { buffer: impulse, disableNormalization: true });
  reverbInput.connect(convolver);
  strip(convolver, plan.reverb).connect(masterInput);

  // Delay bus: a feedback delay with a low-pass in the loop, like the engine's filtered delay.
  const delayInput = new GainNode(context);
  const delay = new DelayNode(context, { delayTime: plan.delay.delaySeconds, maxDelayTime: 4 });
  const loopFilter = new BiquadFilterNode(context, { type: 'lowpass', frequency: 6000 });
  const feedback = new GainNode(context, { gain: plan.delay.feedback });
  delayInput.connect(delay).connect(loopFilter).connect(feedback).connect(delay);
  strip(delay, plan.delay).connect(masterInput);

  for (const track of plan.tracks) {
    const source = new AudioBufferSourceNode(context, { buffer: buffers[track.sourceIndex]! });
    const output = strip(source, track);
    output.connect(masterInput);
    output.connect(new GainNode(context, { gain: gain(track.reverbSendDb) })).connect(reverbInput);
    output.connect(new GainNode(context, { gain: gain(track.delaySendDb) })).connect(delayInput);
    source.start(0);
  }

  const started = performance.now();
  const rendered = await context.startRendering();
  const milliseconds = performance.now() - started;
  let peak = 0;
  for (const sample of rendered.getChannelData(0)) peak = Math.max(peak, Math.abs(sample));
  return { milliseconds, peak };
}
