import { faderGain } from '../../dsp/fader.ts';
import { LoudnessMeter } from '../../dsp/loudness-meter.ts';
import { SpectrumAnalyser } from '../../dsp/spectrum-analyser.ts';
import { TruePeakMeter } from '../../dsp/true-peak-meter.ts';
import { ClipVoice, type AssetChannels } from './clip-player.ts';
import type { EngineConfig } from './engine-config.ts';
import { StripRole } from './strip-role.ts';
import { stripLatencies } from './engine-latency.ts';
import type { EngineEvent, EngineLayout, TimedEvent } from './engine-protocol.ts';
import { MeterHeader, meterFrameLength, meterHeaderLength, spectrumBandCount, spectrumOffset, stripMeterLength } from './meter-layout.ts';
import { Metronome } from './metronome.ts';
import { CompensationDelay, createInsertProcessor, SendRoute, setInsertParameters, StripProcessor, type InsertProcessor } from './strip-processor.ts';

/** Construction settings; they size the preallocated buffers. */
export interface MixRendererOptions {
  readonly sampleRate: number;
  /** Largest block `process` is called with: the Web Audio render quantum, 128. */
  readonly blockFrames?: number;
  /** Meter frames per second (60 by default); 0 skips master metering and the analyser (offline export). */
  readonly metersPerSecond?: number;
}

const fftSize = 4096;

/**
 * The whole mix engine, without Web Audio: what the AudioWorklet processor
 * runs per render quantum and what Node runs for tests, benchmarks and
 * offline rendering. Everything sample-level is here; the processor is only
 * a message pump around it.
 *
 * Per block it splits at every pending event's frame and at the loop end,
 * so parameter changes, transport commands and loop jumps land on the exact
 * frame. Within a span it plays clips into their tracks, runs every strip in
 * processing order (each adds into its output bus and sends), copies the
 * master out, meters it and adds the click.
 *
 * `configure` may allocate (new strips, effects, clip voices); it keeps the
 * DSP state of strips, inserts and sends whose ids survive, so a routing
 * change mid-song does not cut reverb tails. `process` allocates nothing.
 */
export class MixRenderer {
  readonly sampleRate: number;
  readonly blockFrames: number;
  #strips: StripProcessor[] = [];
  #stripsById = new Map<string, StripProcessor>();
  #tracks: StripProcessor[] = [];
  #trackClips: ClipVoice[][] = [];
  #clips: ClipVoice[] = [];
  #sends = new Map<string, SendRoute>();
  #inserts = new Map<string, InsertProcessor>();
  readonly #assets = new Map<string, AssetChannels>();
  #master: StripProcessor | null = null;
  #latencyFrames = 0;

  readonly #events: TimedEvent[] = [];
  #eventHead = 0;

  #playing = false;
  #position = 0;
  #loopEnabled = false;
  #loopStart = 0;
  #loopEnd = 0;
  #tempoBpm = 120;
  #beatsPerBar = 4;
  readonly #metronome: Metronome;

  readonly #gains: Float32Array;
  readonly #metersEnabled: boolean;
  readonly #meterInterval: number;
  #framesUntilMeters: number;
  #meterValues = new Float64Array(meterFrameLength(0));
  #meterSequence = 0;
  readonly #truePeak = new TruePeakMeter(2);
  #intervalTruePeakDb = -Infinity;
  readonly #loudness: LoudnessMeter;
  readonly #analyser: SpectrumAnalyser;
  readonly #analysisRing = new Float32Array(fftSize);
  readonly #analysisInput = new Float32Array(fftSize);
  readonly #bands = new Float32Array(spectrumBandCount);
  #ringPosition = 0;

  constructor(options: MixRendererOptions) {
    this.sampleRate = options.sampleRate;
    this.blockFrames = options.blockFrames ?? 128;
    this.#gains = new Float32Array(this.blockFrames);
    this.#metronome = new Metronome(this.sampleRate);
    const metersPerSecond = options.metersPerSecond ?? 60;
    this.#metersEnabled = metersPerSecond > 0;
    this.#meterInterval = this.#metersEnabled ? Math.max(1, Math.round(this.sampleRate / metersPerSecond)) : Infinity;
    this.#framesUntilMeters = this.#meterInterval;
    this.#loudness = new LoudnessMeter(this.sampleRate, 2);
    this.#analyser = new SpectrumAnalyser({ sampleRate: this.sampleRate, fftSize, bandCount: spectrumBandCount });
  }

  /** Strip ids in processing order, the engine latency and the analyser's band centres. */
  get layout(): EngineLayout {
    return { stripIds: this.#strips.map((strip) => strip.id), latencyFrames: this.#latencyFrames, bandCentres: [...this.#analyser.bandCentres] };
  }

  get latencyFrames(): number {
    return this.#latencyFrames;
  }

  get playing(): boolean {
    return this.#playing;
  }

  /** Song position in frames. */
  get position(): number {
    return this.#position;
  }

  /** The latest meter frame (see `meter-layout.ts`); rewritten in place. */
  get meterValues(): Float64Array {
    return this.#meterValues;
  }

  /** Adopts a new mix structure (and every setting in it). */
  configure(config: EngineConfig): void {
    const sampleRate = this.sampleRate;
    const previous = this.#stripsById;
    const strips: StripProcessor[] = [];
    const created = new Set<StripProcessor>();
    const byId = new Map<string, StripProcessor>();
    for (const settings of config.strips) {
      const existing = previous.get(settings.id);
      let strip: StripProcessor;
      if (existing && existing.role === settings.role) {
        existing.applySettings(settings);
        strip = existing;
      } else {
        strip = new StripProcessor(settings, sampleRate, this.blockFrames, this.#metersEnabled);
        created.add(strip);
      }
      strips.push(strip);
      byId.set(settings.id, strip);
    }
    const master = strips.find((strip) => strip.role === StripRole.master) ?? null;
    const latencies = stripLatencies(config, sampleRate);
    const compensation = (previous: CompensationDelay | null, sourceLatency: number, targetId: string): CompensationDelay | null => {
      const frames = (latencies.get(targetId)?.input ?? 0) - sourceLatency;
      if (frames <= 0) return null;
      return previous?.frames === frames ? previous : new CompensationDelay(frames);
    };
    for (const settings of config.strips) {
      const strip = byId.get(settings.id)!;
      strip.output = settings.role === StripRole.master ? null : (byId.get(settings.outputId) ?? master);
      strip.outputDelay = strip.output ? compensation(strip.outputDelay, latencies.get(settings.id)!.output, strip.output.id) : null;
      strip.sidechain = settings.sidechainId === '' ? null : (byId.get(settings.sidechainId) ?? null);
      strip.inserts = [];
      strip.preSends = [];
      strip.postSends = [];
    }

    const inserts = new Map<string, InsertProcessor>();
    for (const insert of config.inserts) {
      const owner = byId.get(insert.ownerId);
      if (!owner) continue;
      let processor = this.#inserts.get(insert.id);
      if (processor && processor.kind === insert.kind) setInsertParameters(processor, insert.parameters);
      else processor = createInsertProcessor(insert, sampleRate);
      inserts.set(insert.id, processor);
      owner.inserts.push(processor);
    }

    const sends = new Map<string, SendRoute>();
    for (const send of config.sends) {
      const source = byId.get(send.sourceId);
      const target = byId.get(send.targetId);
      if (!source || !target) continue;
      let route = this.#sends.get(send.id);
      if (route && route.target === target && route.preFader === send.preFader) route.level.setTarget(faderGain(send.levelDb));
      else route = new SendRoute(send.id, target, send.preFader, send.levelDb, sampleRate);
      const sourceLatency = latencies.get(send.sourceId)!;
      route.delay = compensation(route.delay, send.preFader ? sourceLatency.input : sourceLatency.output, send.targetId);
      sends.set(send.id, route);
      (send.preFader ? source.preSends : source.postSends).push(route);
    }

    this.#clips = config.clips.map((clip) => new ClipVoice(clip, sampleRate));
    this.#tracks = strips.filter((strip) => strip.role === StripRole.track);
    this.#trackClips = this.#tracks.map((track) => this.#clips.filter((voice) => voice.clip.trackId === track.id));
    for (const voice of this.#clips) voice.asset = this.#assets.get(voice.clip.assetId) ?? null;

    this.#strips = strips;
    this.#stripsById = byId;
    this.#inserts = inserts;
    this.#sends = sends;
    this.#master = master;
    this.#tempoBpm = config.tempoBpm;
    this.#beatsPerBar = config.beatsPerBar;
    this.#latencyFrames = master ? (latencies.get(master.id)?.output ?? 0) : 0;
    this.#meterValues = new Float64Array(meterFrameLength(strips.length));
    this.#updateAudibility(created);
  }

  /** Makes decoded audio available to every clip that plays `assetId`. */
  setAsset(assetId: string, channels: AssetChannels): void {
    this.#assets.set(assetId, channels);
    for (const voice of this.#clips) if (voice.clip.assetId === assetId) voice.asset = channels;
  }

  releaseAsset(assetId: string): void {
    this.#assets.delete(assetId);
    for (const voice of this.#clips) if (voice.clip.assetId === assetId) voice.asset = null;
  }

  /** Queues events; each applies at its frame (rounded), in frame order, ties in arrival order. */
  schedule(events: readonly TimedEvent[]): void {
    const queue = this.#events;
    for (const timed of events) {
      const event = { frame: Math.round(timed.frame), event: timed.event };
      let index = queue.length;
      while (index > this.#eventHead && queue[index - 1]!.frame > event.frame) index--;
      queue.splice(index, 0, event);
    }
  }

  /**
   * Renders `frames` into `left` / `right` from index 0 (in spans of at most `blockFrames`).
   * `contextFrame` is the frame of the block's first sample on the event
   * timeline. Returns true when a new meter frame is ready.
   */
  process(left: Float32Array, right: Float32Array, frames: number, contextFrame: number): boolean {
    let metersReady = false;
    let offset = 0;
    while (offset < frames) {
      const now = contextFrame + offset;
      this.#applyDueEvents(now);
      // Never more than the buffers hold, whatever quantum the host uses (Web Audio may allow others than 128).
      let span = Math.min(frames - offset, this.blockFrames);
      if (this.#eventHead < this.#events.length) span = Math.min(span, this.#events[this.#eventHead]!.frame - now);
      if (this.#playing && this.#loopEnabled && this.#position < this.#loopEnd) span = Math.min(span, this.#loopEnd - this.#position);
      this.#renderSpan(left, right, offset, span);
      offset += span;
      if (this.#playing) {
        this.#position += span;
        if (this.#loopEnabled && this.#position === this.#loopEnd) {
          this.#position = this.#loopStart;
          this.#metronome.reset();
        }
      }
      this.#framesUntilMeters -= span;
      if (this.#framesUntilMeters <= 0) {
        this.#framesUntilMeters += this.#meterInterval;
        this.#writeMeters();
        metersReady = true;
      }
    }
    return metersReady;
  }

  #renderSpan(left: Float32Array, right: Float32Array, offset: number, frames: number): void {
    const strips = this.#strips;
    for (let index = 0; index < strips.length; index++) {
      strips[index]!.left.fill(0, 0, frames);
      strips[index]!.right.fill(0, 0, frames);
    }
    if (this.#playing) {
      const tracks = this.#tracks;
      const position = this.#position;
      for (let track = 0; track < tracks.length; track++) {
        const strip = tracks[track]!;
        const clips = this.#trackClips[track]!;
        for (let clip = 0; clip < clips.length; clip++) clips[clip]!.addTo(strip.left, strip.right, position, frames);
      }
    }
    const gains = this.#gains;
    for (let index = 0; index < strips.length; index++) strips[index]!.process(frames, gains);

    const master = this.#master;
    if (master) {
      // Indexed copy: subarray() would allocate a view per span.
      const masterLeft = master.left;
      const masterRight = master.right;
      for (let index = 0; index < frames; index++) {
        left[offset + index] = masterLeft[index]!;
        right[offset + index] = masterRight[index]!;
      }
      if (this.#metersEnabled) this.#meterMaster(master, frames);
    } else {
      left.fill(0, offset, offset + frames);
      right.fill(0, offset, offset + frames);
    }
    if (this.#playing) this.#metronome.addTo(left, right, offset, this.#position, frames, this.#tempoBpm, this.#beatsPerBar);
  }

  #meterMaster(master: StripProcessor, frames: number): void {
    this.#truePeak.process(master.channels, frames);
    const blockPeakDb = this.#truePeak.blockPeakDb;
    if (blockPeakDb > this.#intervalTruePeakDb) this.#intervalTruePeakDb = blockPeakDb;
    this.#loudness.process(master.channels, frames);
    const ring = this.#analysisRing;
    const masterLeft = master.left;
    const masterRight = master.right;
    let position = this.#ringPosition;
    for (let index = 0; index < frames; index++) {
      ring[position] = 0.5 * (masterLeft[index]! + masterRight[index]!);
      position = position + 1 === fftSize ? 0 : position + 1;
    }
    this.#ringPosition = position;
  }

  #writeMeters(): void {
    const values = this.#meterValues;
    values[MeterHeader.sequence] = ++this.#meterSequence;
    values[MeterHeader.transportFrame] = this.#position;
    values[MeterHeader.playing] = this.#playing ? 1 : 0;
    values[MeterHeader.masterTruePeakDb] = this.#intervalTruePeakDb;
    values[MeterHeader.masterTruePeakMaxDb] = this.#truePeak.maximumDb;
    values[MeterHeader.momentaryLufs] = this.#loudness.momentary;
    values[MeterHeader.shortTermLufs] = this.#loudness.shortTerm;
    values[MeterHeader.integratedLufs] = this.#loudness.integrated;
    values[MeterHeader.limiterGainReductionDb] = this.#master?.limiter?.gainReductionDb ?? 0;
    this.#intervalTruePeakDb = -Infinity;
    const strips = this.#strips;
    for (let index = 0; index < strips.length; index++) strips[index]!.writeMeters(values, meterHeaderLength + index * stripMeterLength);
    // Unroll the ring so the analyser sees the last fftSize samples in order.
    const ring = this.#analysisRing;
    const input = this.#analysisInput;
    const split = this.#ringPosition;
    for (let index = 0; index < fftSize; index++) input[index] = ring[(split + index) % fftSize]!;
    this.#analyser.analyse(input, this.#bands);
    values.set(this.#bands, spectrumOffset(strips.length));
  }

  #applyDueEvents(now: number): void {
    const queue = this.#events;
    while (this.#eventHead < queue.length && queue[this.#eventHead]!.frame <= now) {
      this.#apply(queue[this.#eventHead]!.event);
      this.#eventHead++;
    }
    if (this.#eventHead === queue.length && queue.length > 0) {
      queue.length = 0;
      this.#eventHead = 0;
    }
  }

  #apply(event: EngineEvent): void {
    switch (event.target) {
      case 'strip': {
        const strip = this.#stripsById.get(event.id);
        if (strip?.applyChange(event)) this.#updateAudibility();
        return;
      }
      case 'send':
        this.#sends.get(event.id)?.level.setTarget(faderGain(event.levelDb));
        return;
      case 'insert': {
        const insert = this.#inserts.get(event.id);
        if (insert) setInsertParameters(insert, event.parameters);
        return;
      }
      case 'tempo':
        this.#tempoBpm = Math.min(Math.max(event.tempoBpm, 20), 300);
        this.#beatsPerBar = Math.max(1, Math.round(event.beatsPerBar));
        return;
      case 'transport':
        this.#applyTransport(event);
        return;
    }
  }

  #applyTransport(event: Extract<EngineEvent, { target: 'transport' }>): void {
    switch (event.command) {
      case 'play':
        this.#playing = true;
        return;
      case 'pause':
        this.#playing = false;
        return;
      case 'stop':
        this.#playing = false;
        this.#position = this.#loopEnabled ? this.#loopStart : 0;
        this.#metronome.reset();
        // A new pass: the integrated loudness and the clip light start again.
        this.#loudness.reset();
        this.#truePeak.reset();
        return;
      case 'seek':
        this.#position = Math.max(0, Math.round(finiteOr(event.positionSeconds, 0) * this.sampleRate));
        this.#metronome.reset();
        return;
      case 'loop': {
        const start = Math.max(0, Math.round(finiteOr(event.startSeconds, 0) * this.sampleRate));
        const end = Math.round(finiteOr(event.endSeconds, 0) * this.sampleRate);
        // A loop needs a length; an empty or inverted region turns looping off.
        this.#loopEnabled = event.enabled && end > start;
        this.#loopStart = start;
        this.#loopEnd = end;
        return;
      }
      case 'metronome':
        this.#metronome.enabled = event.enabled;
        this.#metronome.setLevelDb(finiteOr(event.levelDb, -12));
        return;
    }
  }

  /** Solo-in-place: when any track is soloed, unsoloed tracks fall silent; buses (effect returns) keep playing. */
  #updateAudibility(created?: ReadonlySet<StripProcessor>): void {
    let soloActive = false;
    for (const track of this.#tracks) if (track.solo) soloActive = true;
    for (const strip of this.#strips) {
      const soloedOut = strip.role === StripRole.track && soloActive && !strip.solo;
      strip.setAudible(!strip.mute && !soloedOut, created?.has(strip) ?? false);
    }
  }
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
