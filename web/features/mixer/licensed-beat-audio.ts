import { DownloadLinks, type DownloadLink } from '../../../shared/schemas/commerce.ts';
import type { ApiClient } from '../../api/api-client.ts';

/** The beat behind a licence, as encoded audio ready to decode, with its file kind for the track name. */
export interface LicensedBeatAudio {
  readonly bytes: ArrayBuffer;
  readonly file: 'wav' | 'mp3';
}

/** Why a licensed beat could not be opened, beyond the API's own errors. */
export class NoLicensedAudioError extends Error {
  constructor(licenceId: string) {
    super(`licence ${licenceId} has no audio file to open`);
    this.name = 'NoLicensedAudioError';
  }
}

/**
 * The link to open a beat's audio with: the WAV when the tier includes it, else the MP3; null when
 * there is neither. A link must be one of ours (same origin, the downloads route), never an
 * arbitrary URL, so anything else is skipped.
 */
export function chooseAudioDownload(links: readonly DownloadLink[]): (DownloadLink & { file: 'wav' | 'mp3' }) | null {
  const ours = links.filter((link) => link.url.startsWith('/api/downloads/'));
  const link = ours.find((candidate) => candidate.file === 'wav') ?? ours.find((candidate) => candidate.file === 'mp3');
  return link ? { ...link, file: link.file as 'wav' | 'mp3' } : null;
}

/**
 * Fetches a licensed beat's full-quality audio through the licence's short-lived signed links
 * (`GET /api/licences/{id}/downloads`, buyer or producer): the WAV when the tier includes it, else
 * the MP3. Stems are a zip and are not opened here.
 */
export async function fetchLicensedBeatAudio(client: ApiClient, licenceId: string): Promise<LicensedBeatAudio> {
  const { links } = await client.request({ method: 'GET', path: `/api/licences/${encodeURIComponent(licenceId)}/downloads`, authenticated: true, schema: DownloadLinks });
  const link = chooseAudioDownload(links);
  if (!link) throw new NoLicensedAudioError(licenceId);
  const blob = await client.requestBlob({ method: 'GET', path: link.url as `/api/${string}` });
  return { bytes: await blob.arrayBuffer(), file: link.file };
}
