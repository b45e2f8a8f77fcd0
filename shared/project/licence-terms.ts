import { z } from 'zod';
import type * as Y from 'yjs';
import { LICENCE_FILES, LICENCE_TIERS, type UsageCaps } from '../schemas/commerce.ts';
import { masterId, TrackSourceKind } from '../mix/mix-entities.ts';
import { orderKeyBetween } from '../mix/order-key.ts';
import { addMixEntity, migrateProjectDocument, projectParts, readMix, setMixField, updateMeta } from './project-document.ts';

/**
 * "Start a song with this beat": a song document that begins with the licensed beat as its first
 * track and a copy of the licence's terms, so everyone in the project (and the device, offline)
 * sees what the beat may be used for.
 *
 * The terms live in the top-level `licence` map as flat primitives, written once by the server
 * when it creates the song. They are a copy for reading: the licence row and its contract PDF stay
 * the authority (the sync server does not inspect updates, so an editor could in principle change
 * the copy; the contract link always leads back to the real terms).
 */

const CAP_FIELDS = ['streams', 'copiesSold', 'musicVideos', 'radioStations', 'paidPerformances'] as const satisfies ReadonlyArray<keyof UsageCaps>;
const capKey = (cap: (typeof CAP_FIELDS)[number]) => `cap${cap[0]!.toUpperCase()}${cap.slice(1)}`;

const cap = z.number().int().min(0).nullable().catch(null);

/** The licence terms as a song document carries them. */
export const LicenceTerms = z.object({
  licenceId: z.string().min(1).max(64),
  beatId: z.string().min(1).max(64),
  beatTitle: z.string().max(200),
  producerName: z.string().max(200).catch(''),
  tier: z.enum(LICENCE_TIERS),
  files: z.array(z.enum(LICENCE_FILES)),
  caps: z.object({ streams: cap, copiesSold: cap, musicVideos: cap, radioStations: cap, paidPerformances: cap }),
  grantedAt: z.string().max(40).catch(''),
  /** The contract PDF (`GET /api/licences/{id}/contract.pdf`, buyer and producer only). */
  contractUrl: z.string().max(300),
});
export type LicenceTerms = z.infer<typeof LicenceTerms>;

/** The licence terms a song was started from, or null (most songs; or a copy too damaged to show). */
export function readLicenceTerms(doc: Y.Doc): LicenceTerms | null {
  const map = projectParts.licence(doc);
  if (!map.has('licenceId')) return null;
  const files = map.get('files');
  const parsed = LicenceTerms.safeParse({
    licenceId: map.get('licenceId'),
    beatId: map.get('beatId'),
    beatTitle: map.get('beatTitle'),
    producerName: map.get('producerName'),
    tier: map.get('tier'),
    files: typeof files === 'string' && files !== '' ? files.split(',') : [],
    caps: Object.fromEntries(CAP_FIELDS.map((field) => [field, map.get(capKey(field))])),
    grantedAt: map.get('grantedAt'),
    contractUrl: map.get('contractUrl'),
  });
  return parsed.success ? parsed.data : null;
}

/** What the server knows when it starts a song from a licence. */
export interface LicensedBeatSong {
  readonly terms: LicenceTerms;
  /** The beat's tempo and key when the producer gave them. */
  readonly bpm: number | null;
  readonly musicalKey: string | null;
  /** Id of the beat's track: derived from the licence, so two servers seeding at once write the same entity. */
  readonly trackId: string;
}

/** The track id of a licence's beat in the song started from it (at most 64 characters). */
export function licensedBeatTrackId(licenceId: string): string {
  return `beat-${licenceId}`.slice(0, 64);
}

/**
 * Makes an empty song the start of a song on a licensed beat: title, tempo and key from the beat,
 * the beat as the first track (named after it, its source the licence) and the terms. Does nothing
 * and returns false when the document already carries licence terms, so repeating it (a retried
 * request) never adds a second track or brings back one the writers deleted.
 */
export function startSongWithLicensedBeat(doc: Y.Doc, song: LicensedBeatSong): boolean {
  if (projectParts.licence(doc).has('licenceId')) return false;
  const { terms } = song;
  doc.transact(() => {
    migrateProjectDocument(doc);
    updateMeta(doc, {
      title: terms.beatTitle,
      beatId: terms.beatId,
      ...(song.bpm !== null && song.bpm >= 20 && song.bpm <= 300 ? { bpm: song.bpm } : {}),
      ...(song.musicalKey ? { musicalKey: song.musicalKey } : {}),
    });
    if (song.bpm !== null && song.bpm >= 20 && song.bpm <= 300) setMixField(doc, 'settings', 'tempoBpm', song.bpm);
    // First in the console: before any track that might already be there.
    const orders = Object.values(readMix(doc).mix.tracks).map((track) => track.order);
    const first = orders.length ? orders.reduce((lowest, order) => (order < lowest ? order : lowest)) : null;
    addMixEntity(doc, 'tracks', song.trackId, {
      name: terms.beatTitle,
      order: orderKeyBetween(null, first),
      outputId: masterId,
      sourceKind: TrackSourceKind.licensedBeat,
      sourceLicenceId: terms.licenceId,
      sourceBeatId: terms.beatId,
    });
    const map = projectParts.licence(doc);
    map.set('beatId', terms.beatId);
    map.set('beatTitle', terms.beatTitle);
    map.set('producerName', terms.producerName);
    map.set('tier', terms.tier);
    map.set('files', terms.files.join(','));
    for (const field of CAP_FIELDS) map.set(capKey(field), terms.caps[field]);
    map.set('grantedAt', terms.grantedAt);
    map.set('contractUrl', terms.contractUrl);
    // Last: its presence is what marks the song as started.
    map.set('licenceId', terms.licenceId);
  });
  return true;
}
