import type { Mix } from '../../../shared/mix/mix-document.ts';
import { TrackSourceKind, type Clip, type Track } from '../../../shared/mix/mix-entities.ts';

/**
 * Where a project track's sound comes from, and how it becomes engine clips (pure: no audio, no I/O).
 * A track started from a licensed beat names the licence (`sourceLicenceId`); its audio is fetched
 * through the licence's signed links by this device, never written into the song document, so the
 * clip that plays it exists only in the mix handed to this device's engine.
 */

/** How far a track's audio got on this device, for the note under the track. */
export const TrackAudioStatus = {
  /** No source and no clips: "no audio yet". */
  none: 'none',
  /** Being fetched or read from the device. */
  loading: 'loading',
  /** Fetched (or read from the device's copy); it plays once the engine runs. */
  ready: 'ready',
  /** The server said this person may not download it: only the licence holder hears it. */
  holderOnly: 'holder-only',
  /** Offline and not saved on this device yet. */
  offline: 'offline',
  /** Anything else (no audio file on the licence, undecodable bytes, a server error). */
  failed: 'failed',
} as const;
export type TrackAudioStatus = (typeof TrackAudioStatus)[keyof typeof TrackAudioStatus];

/** The licence a track's audio comes from, or null when it has none. */
export function licenceSourceOf(track: Track): string | null {
  return track.sourceKind === TrackSourceKind.licensedBeat && track.sourceLicenceId !== '' ? track.sourceLicenceId : null;
}

/** Every licence whose audio the mix needs, once each, in track order of appearance. */
export function licencesInMix(mix: Mix): string[] {
  const licences = new Set<string>();
  for (const track of Object.values(mix.tracks)) {
    const licence = licenceSourceOf(track);
    if (licence !== null) licences.add(licence);
  }
  return [...licences];
}

/** The engine asset holding a licence's audio (one per licence, however many tracks play it). */
export function licenceAssetId(licenceId: string): string {
  return `licence-${licenceId}`;
}

/** A licence's audio once decoded and handed to the engine. */
export interface LoadedSource {
  readonly assetId: string;
  readonly durationSeconds: number;
}

/**
 * The mix the engine plays: the document's mix plus, for each track whose licensed beat is loaded
 * and that has no clips of its own, one clip playing the whole beat from the start. Clip ids are
 * derived from the track id, so the same input always gives the same clips and a fader move stays a
 * parameter change (not a reconfiguration).
 */
export function withSourceClips(mix: Mix, loaded: ReadonlyMap<string, LoadedSource>): Mix {
  const tracksWithClips = new Set(Object.values(mix.clips).map((clip) => clip.trackId));
  const added: Record<string, Clip> = {};
  for (const track of Object.values(mix.tracks)) {
    const licence = licenceSourceOf(track);
    const source = licence === null ? undefined : loaded.get(licence);
    if (!source || tracksWithClips.has(track.id)) continue;
    const id = `source-${track.id}`;
    added[id] = {
      id,
      trackId: track.id,
      assetId: source.assetId,
      name: track.name,
      startSeconds: 0,
      durationSeconds: source.durationSeconds,
      sourceOffsetSeconds: 0,
      gainDb: 0,
      fadeInSeconds: 0,
      fadeOutSeconds: 0,
      muted: false,
    };
  }
  return Object.keys(added).length === 0 ? mix : { ...mix, clips: { ...mix.clips, ...added } };
}

/** Where the song ends: the end of its last unmuted clip (0 when there is nothing to play). */
export function songEndSeconds(mix: Mix): number {
  return Object.values(mix.clips).reduce((end, clip) => (clip.muted ? end : Math.max(end, clip.startSeconds + clip.durationSeconds)), 0);
}

/**
 * The note for a track: its licence's status when it has a licensed source, otherwise `none` (the
 * page plays licensed beats only; other audio is not stored with projects yet).
 */
export function trackAudioStatus(track: Track, licenceStatus: (licenceId: string) => TrackAudioStatus): TrackAudioStatus {
  const licence = licenceSourceOf(track);
  return licence === null ? TrackAudioStatus.none : licenceStatus(licence);
}
