import { unzlibSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderContractPdf, type ContractFacts } from './contract-pdf.ts';

const facts: ContractFacts = {
  licenceId: 'lic-1',
  orderId: 'ord-1',
  beatId: 'beat-1',
  beatTitle: 'Ночной город',
  tier: 'premium',
  files: ['mp3', 'wav'],
  caps: { streams: 100_000, copiesSold: 5_000, musicVideos: 1, radioStations: 2, paidPerformances: 10 },
  priceCents: 5_000,
  currency: 'usd',
  buyerName: 'Łukasz Żółć 李',
  buyerId: 'buyer-1',
  producerName: 'Ζωή Dvořák שלום',
  producerId: 'producer-1',
  grantedAt: new Date('2026-11-25T12:00:00Z'),
};

/** The Unicode code points the PDF's fonts map glyphs to (their ToUnicode CMaps), as hex. */
function mappedCodePoints(pdf: Uint8Array): Set<string> {
  const text = Buffer.from(pdf).toString('latin1');
  const mapped = new Set<string>();
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    let body: string;
    try {
      body = Buffer.from(unzlibSync(pdf.subarray(start, end))).toString('latin1');
    } catch {
      continue;
    }
    if (!body.includes('begincmap')) continue;
    for (const [, code] of body.matchAll(/<[0-9A-F]+> <([0-9A-F]{4,8})>/g)) mapped.add(code!);
  }
  return mapped;
}

describe('licence contract PDF', () => {
  it('prints Latin with any accent, Greek and Cyrillic as written, and only what it cannot lay out as "?"', async () => {
    const pdf = await renderContractPdf(facts);
    const document = await PDFDocument.load(pdf);
    expect(document.getTitle()).toBe('Licence lic-1 - Ночной город');
    const mapped = mappedCodePoints(pdf);
    for (const character of 'ŁŻółćΖωήřНчйгд') expect(mapped, character).toContain(character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'));
    // CJK is not in the font; Hebrew would be drawn reversed: both become "?".
    for (const character of '李שלום') expect(mapped, character).not.toContain(character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'));
    expect(mapped).toContain('003F');
  });

  it('renders the same bytes for the same facts', async () => {
    expect(await renderContractPdf(facts)).toEqual(await renderContractPdf(facts));
  });
});
