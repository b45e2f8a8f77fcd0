import type { Mix } from '../../../shared/mix/mix-document.ts';
import { parseMix } from '../../../shared/mix/mix-document.ts';
import { masterId } from '../../../shared/mix/mix-entities.ts';
import { createDemoSong } from '../../../shared/mix/engine/demo-song.ts';
import type { MeterReading } from '../../../shared/mix/engine/meter-layout.ts';
import { MixEngine } from '../../audio/mix-engine.ts';
import { exportMix, workletRenderer, type ExportResult, type ExportSettings } from '../../audio/export-mix.ts';
import { mixProcessorUrl } from '../../audio/mix-processor-url.ts';
import type { AssetChannels } from '../../../shared/mix/engine/clip-player.ts';
import type { SendSetting, StripFieldValues } from '../../../shared/mix/apply-preset.ts';
import type { PresetSendTarget } from '../../../shared/schemas/plugins.ts';
import { MASTERING_TARGET_LUFS } from '../../../shared/schemas/plugins.ts';
import { addImportedTrack } from './imported-track.ts';
import { absentSend, effectReturns, findSend, writeSend, type SendField } from './strip-controls.ts';

/** Length of the synthesised demo song. */
export const demoSeconds = 12;
const demoTracks = 5;

/** Strip fields the console edits (its knobs, and presets, which also set EQ corners, knee and limiter). */
export type StripField =
  | 'inputGainDb'
  | 'eqEnabled'
  | 'eqLowFrequency'
  | 'eqHighFrequency'
  | 'compressorKneeDb'
  | 'limiterEnabled'
  | 'limiterCeilingDb'
  | 'limiterReleaseMs'
  | 'faderDb'
  | 'pan'
  | 'mute'
  | 'solo'
  | 'eqLowGainDb'
  | 'eqMidFrequency'
  | 'eqMidGainDb'
  | 'eqMidQ'
  | 'eqHighGainDb'
  | 'compressorEnabled'
  | 'compressorThresholdDb'
  | 'compressorRatio'
  | 'compressorAttackMs'
  | 'compressorReleaseMs'
  | 'compressorMakeupGainDb';

/** Insert fields the console edits (reverb and delay). */
export type InsertField =
  | 'decaySeconds'
  | 'damping'
  | 'size'
  | 'preDelaySeconds'
  | 'mix'
  | 'tempoSync'
  | 'division'
  | 'modifier'
  | 'timeSeconds'
  | 'feedback'
  | 'lowCutHz'
  | 'highCutHz'
  | 'pingPong';

type PlainDocument = Record<string, Record<string, Record<string, unknown>> | Record<string, unknown>>;

/**
 * A set of strip and send values written at once (a preset), and what undoes it: the same shape
 * holding the values that were there before.
 */
export interface StripEdit {
  readonly stripId: string;
  readonly fields: StripFieldValues;
  readonly sends: readonly SendSetting[];
}

/**
 * The console's state: the mix document (plain data for now; the project's
 * Y.Doc takes its place once projects sync), the audio context and the
 * engine. Audio starts on the first user gesture (`start`), as browsers
 * require. Fires `change` when the document or transport changes.
 */
export class MixerSession extends EventTarget {
  #document: PlainDocument;
  #mix: Mix;
  #context: AudioContext | null = null;
  #engine: MixEngine | null = null;
  #starting: Promise<void> | null = null;
  /** Files added from the device, kept encoded by asset id: export decodes them again at its own rate. */
  readonly #importedFiles = new Map<string, ArrayBuffer>();
  playing = false;
  looping = false;
  metronome = false;
  /** Loudness the export's mastering aims at; a mastering preset sets it. */
  masteringTargetLufs: number = MASTERING_TARGET_LUFS.default;

  constructor(trackNames: readonly string[]) {
    super();
    const song = createDemoSong({ sampleRate: 8000, durationSeconds: 0.01, trackCount: demoTracks });
    this.#document = structuredClone(song.document) as PlainDocument;
    const tracks = this.#document.tracks as Record<string, Record<string, unknown>>;
    Object.values(tracks).forEach((track, index) => (track.name = trackNames[index] ?? track.name));
    for (const clip of Object.values(this.#document.clips as Record<string, Record<string, unknown>>)) clip.durationSeconds = demoSeconds;
    this.#mix = parseMix(this.#document).mix;
  }

  get mix(): Mix {
    return this.#mix;
  }

  get started(): boolean {
    return this.#engine !== null;
  }

  get tempoBpm(): number {
    return this.#mix.settings.tempoBpm;
  }

  /** Creates the audio context and engine and loads the demo audio (call from a click). */
  start(): Promise<void> {
    this.#starting ??= this.#start();
    return this.#starting;
  }

  async #start(): Promise<void> {
    const context = new AudioContext({ latencyHint: 'interactive' });
    const engine = await MixEngine.create(context, { processorUrl: mixProcessorUrl });
    engine.setMix(this.#mix);
    const song = createDemoSong({ sampleRate: context.sampleRate, durationSeconds: demoSeconds, trackCount: demoTracks });
    for (const [assetId, channels] of song.assets) engine.loadAsset(assetId, channels);
    engine.setLoop(this.looping, 0, demoSeconds);
    this.#context = context;
    this.#engine = engine;
  }

  /**
   * Decodes an audio file from the device (any format the browser decodes)
   * at the engine's rate and adds it as a new track whose clip plays it
   * from the start. Rejects, adding nothing, when the file cannot be decoded.
   */
  async addAudioFile(file: File): Promise<void> {
    await this.addAudio(await file.arrayBuffer(), file.name);
  }

  /** Adds encoded audio (a file's bytes, a licensed beat's download) as a new track named after `fileName`. */
  async addAudio(bytes: ArrayBuffer, fileName: string): Promise<void> {
    await this.start();
    // decodeAudioData detaches the buffer it is given; the original is kept for export.
    const audio = await this.#context!.decodeAudioData(bytes.slice(0));
    const ids = addImportedTrack(this.#document, { key: crypto.randomUUID(), fileName, durationSeconds: audio.duration });
    this.#importedFiles.set(ids.assetId, bytes);
    // The audio goes first, so the configuration that adds the clip finds it.
    this.#engine!.loadAsset(ids.assetId, audio);
    this.#update();
  }

  /** Changes one strip field (a track, bus or the master). */
  setStrip(id: string, field: StripField, value: number | boolean): void {
    if (this.#writeStrip(id, field, value)) this.#update();
  }

  /**
   * Writes many strip fields and sends of one strip at once (applying a preset) through the same
   * writes as the knobs, and returns the edit that puts back what was there (for "Undo").
   */
  applyEdit(edit: StripEdit): StripEdit {
    const strip = edit.stripId === masterId ? this.#mix.master : (this.#mix.tracks[edit.stripId] ?? this.#mix.buses[edit.stripId]);
    if (!strip) throw new Error(`no strip ${edit.stripId}`);
    const before: Record<string, number | boolean> = {};
    for (const field of Object.keys(edit.fields) as Array<keyof StripFieldValues>) {
      const previous = (strip as Record<string, unknown>)[field];
      if (typeof previous === 'number' || typeof previous === 'boolean') before[field] = previous;
    }
    const sendsBefore = edit.sends.map((send) => {
      const existing = findSend(this.#mix.sends, edit.stripId, send.targetBusId) ?? absentSend;
      return { ...send, levelDb: existing.levelDb, preFader: existing.preFader };
    });
    for (const [field, value] of Object.entries(edit.fields)) if (value !== undefined) this.#writeStrip(edit.stripId, field as StripField, value as number | boolean);
    for (const send of edit.sends) {
      writeSend(this.#document, edit.stripId, send.targetBusId, 'levelDb', send.levelDb);
      writeSend(this.#document, edit.stripId, send.targetBusId, 'preFader', send.preFader);
    }
    this.#update();
    return { stripId: edit.stripId, fields: before as StripFieldValues, sends: sendsBefore };
  }

  /** The buses hosting the reverb and delay returns, by the role presets name them. */
  effectReturnBuses(): Partial<Record<PresetSendTarget, string>> {
    const returns = effectReturns(this.#mix.inserts);
    const bus = (id: string | undefined) => (id !== undefined && this.#mix.buses[id] ? id : undefined);
    const reverb = bus(returns.reverb?.ownerId);
    const delay = bus(returns.delay?.ownerId);
    return { ...(reverb ? { reverb } : {}), ...(delay ? { delay } : {}) };
  }

  setMasteringTarget(lufs: number): void {
    if (!Number.isFinite(lufs)) return;
    this.masteringTargetLufs = Math.min(MASTERING_TARGET_LUFS.max, Math.max(MASTERING_TARGET_LUFS.min, lufs));
    this.#changed();
  }

  #writeStrip(id: string, field: StripField, value: number | boolean): boolean {
    const strip = id === masterId ? (this.#document.master as Record<string, unknown>) : ((this.#document.tracks as Record<string, Record<string, unknown>>)[id] ?? (this.#document.buses as Record<string, Record<string, unknown>>)[id]);
    if (!strip) return false;
    strip[field] = value;
    return true;
  }

  /** Changes the level or tap of the send from a strip to a bus, creating the send if there is none yet. */
  setSend(sourceId: string, targetBusId: string, field: SendField, value: number | boolean): void {
    writeSend(this.#document, sourceId, targetBusId, field, value);
    this.#update();
  }

  /** Changes one field of an insert (reverb or delay settings). */
  setInsert(id: string, field: InsertField, value: number | boolean | string): void {
    const insert = (this.#document.inserts as Record<string, Record<string, unknown>> | undefined)?.[id];
    if (!insert) return;
    insert[field] = value;
    this.#update();
  }

  setTempo(tempoBpm: number): void {
    (this.#document.settings as Record<string, unknown>).tempoBpm = tempoBpm;
    this.#update();
  }

  async togglePlay(): Promise<void> {
    await this.start();
    await this.#context!.resume();
    if (this.playing) this.#engine!.pause();
    else this.#engine!.play();
    this.playing = !this.playing;
    this.#changed();
  }

  stop(): void {
    this.#engine?.stop();
    this.playing = false;
    this.#changed();
  }

  setLooping(looping: boolean): void {
    this.looping = looping;
    this.#engine?.setLoop(looping, 0, demoSeconds);
    this.#changed();
  }

  setMetronome(enabled: boolean): void {
    this.metronome = enabled;
    this.#engine?.setMetronome(enabled);
    this.#changed();
  }

  readMeters(): MeterReading | null {
    return this.#engine?.readMeters() ?? null;
  }

  /** Renders the mix offline with the worklet engine; the demo audio is synthesised and added files decoded again at the export rate. */
  async export(settings: ExportSettings): Promise<ExportResult> {
    const song = createDemoSong({ sampleRate: settings.sampleRate, durationSeconds: demoSeconds, trackCount: demoTracks });
    const assets = new Map<string, AssetChannels>(song.assets);
    for (const [assetId, bytes] of this.#importedFiles) assets.set(assetId, await decodeAtRate(bytes, settings.sampleRate));
    return exportMix(this.#mix, assets, settings, workletRenderer(mixProcessorUrl));
  }

  async close(): Promise<void> {
    this.#engine?.dispose();
    await this.#context?.close();
    this.#engine = null;
    this.#context = null;
    this.#starting = null;
    this.playing = false;
  }

  #update(): void {
    this.#mix = parseMix(this.#document).mix;
    this.#engine?.setMix(this.#mix);
    this.#changed();
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

/** Decodes a file's bytes resampled to `sampleRate` (an OfflineAudioContext decodes at its own rate and needs no user gesture). */
async function decodeAtRate(bytes: ArrayBuffer, sampleRate: number): Promise<AssetChannels> {
  const context = new OfflineAudioContext({ numberOfChannels: 1, length: 1, sampleRate });
  const audio = await context.decodeAudioData(bytes.slice(0));
  return Array.from({ length: audio.numberOfChannels }, (_, channel) => audio.getChannelData(channel));
}
