import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { LicenceFile, LicenceTier, UsageCaps } from '../../../shared/schemas/commerce.ts';

export interface ContractFacts {
  licenceId: string;
  orderId: string;
  beatId: string;
  beatTitle: string;
  tier: LicenceTier;
  files: LicenceFile[];
  caps: UsageCaps;
  priceCents: number;
  currency: string;
  buyerName: string;
  buyerId: string;
  producerName: string;
  producerId: string;
  grantedAt: Date;
}

const TIER_NAMES: Record<LicenceTier, string> = {
  basic: 'Basic lease (MP3)',
  premium: 'Premium lease (WAV)',
  trackout: 'Trackout lease (WAV + stems)',
  unlimited: 'Unlimited lease',
  exclusive: 'Exclusive rights',
};

const CAP_LINES: [keyof UsageCaps, string][] = [
  ['streams', 'Audio streams'],
  ['copiesSold', 'Copies sold or distributed'],
  ['musicVideos', 'Music videos'],
  ['radioStations', 'Radio stations'],
  ['paidPerformances', 'Paid performances'],
];

/**
 * DejaVu Sans (from the dejavu-fonts-ttf package), embedded as a subset of the characters used: it
 * covers Latin in all its accents, Greek, Cyrillic and more, so "Łukasz", "Zoë" and "Дмитрий" print as
 * written. Loaded once per process.
 */
const require = createRequire(import.meta.url);
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array; covered: Set<number> }> | undefined;
function loadFonts() {
  fonts ??= Promise.all([readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')), readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))]).then(
    ([regular, bold]) => {
      const inBold = new Set(fontkit.create(bold).characterSet);
      return { regular, bold, covered: new Set(fontkit.create(regular).characterSet.filter((codePoint) => inBold.has(codePoint))) };
    },
  );
  return fonts;
}

/**
 * Right-to-left scripts (Hebrew, Arabic…) would need bidi reordering and shaping, which pdf-lib does
 * not do: drawn as they come they would be reversed and, for Arabic, unjoined.
 */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

/**
 * What the embedded fonts can draw as it is: characters they lack (CJK, emoji) or cannot lay out
 * (right-to-left scripts) become "?", so pdf-lib never throws. Names stay recognisable; the ids
 * identify the parties.
 */
function printableWith(covered: Set<number>) {
  return (text: string): string =>
    Array.from(text.normalize('NFC'), (character) => {
      const codePoint = character.codePointAt(0)!;
      if (codePoint < 0x20) return ' ';
      return covered.has(codePoint) && !RIGHT_TO_LEFT.test(character) ? character : '?';
    }).join('');
}

function money(cents: number, currency: string) {
  return `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`;
}

/** Writes lines top-down, wrapping long ones and adding pages as needed. */
function writer(document: PDFDocument, font: PDFFont, bold: PDFFont, printable: (text: string) => string) {
  const margin = 56;
  let page: PDFPage = document.addPage([595, 842]);
  let y = 842 - margin;
  const maxWidth = 595 - 2 * margin;
  return (text: string, options: { size?: number; bold?: boolean; gap?: number } = {}) => {
    const size = options.size ?? 11;
    const face = options.bold ? bold : font;
    const words = printable(text).split(' ');
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (face.widthOfTextAtSize(candidate, size) > maxWidth && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
    for (const part of lines) {
      if (y < margin + size) {
        page = document.addPage([595, 842]);
        y = 842 - margin;
      }
      page.drawText(part, { x: margin, y, size, font: face, color: rgb(0.1, 0.1, 0.12) });
      y -= size * 1.4;
    }
    y -= options.gap ?? 0;
  };
}

/** The licence contract as a PDF: parties, beat, tier, files, usage caps, price, date and order. Same facts, same bytes. */
export async function renderContractPdf(facts: ContractFacts): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  // Metadata is Unicode text: the title keeps every character, whatever the fonts draw.
  document.setTitle(`Licence ${facts.licenceId} - ${facts.beatTitle}`);
  document.setCreator('CreatorSync');
  document.setProducer('CreatorSync');
  document.setCreationDate(facts.grantedAt);
  document.setModificationDate(facts.grantedAt);
  const loaded = await loadFonts();
  document.registerFontkit(fontkit);
  const font = await document.embedFont(loaded.regular, { subset: true });
  const bold = await document.embedFont(loaded.bold, { subset: true });
  const write = writer(document, font, bold, printableWith(loaded.covered));
  const date = facts.grantedAt.toISOString().slice(0, 10);

  write('Beat Licence Agreement', { size: 20, bold: true, gap: 8 });
  write(`${TIER_NAMES[facts.tier]}`, { size: 13, bold: true, gap: 10 });
  write(`Licence: ${facts.licenceId}`);
  write(`Order: ${facts.orderId}`);
  write(`Date: ${date}`, { gap: 10 });
  write('Parties', { bold: true });
  write(`Licensor (producer): ${facts.producerName} (account ${facts.producerId})`);
  write(`Licensee (buyer): ${facts.buyerName} (account ${facts.buyerId})`, { gap: 10 });
  write('Beat', { bold: true });
  write(`"${facts.beatTitle}" (beat ${facts.beatId})`);
  write(`Files delivered: ${facts.files.map((file) => file.toUpperCase()).join(', ')}`);
  write(`Price paid: ${money(facts.priceCents, facts.currency)}`, { gap: 10 });
  write('Usage limits', { bold: true });
  for (const [key, label] of CAP_LINES) write(`${label}: ${facts.caps[key] === null ? 'unlimited' : facts.caps[key]!.toLocaleString('en-US')}`);
  write('', { gap: 4 });
  write('Terms', { bold: true });
  const terms =
    facts.tier === 'exclusive'
      ? [
          'The licensor grants the licensee exclusive rights to use the beat in new recordings. The licensor will not license the beat to anyone else from the date above; licences granted before that date stay valid.',
          'The licensor keeps the copyright in the composition and must be credited as producer.',
        ]
      : [
          'The licensor grants the licensee a non-exclusive, non-transferable licence to use the beat in one new recording, within the usage limits above. The licensor may license the beat to others.',
          'The licensor keeps the copyright in the beat and must be credited as producer ("Prod. by ' + facts.producerName + '").',
          'Uses beyond the limits above need a new licence.',
        ];
  for (const term of terms) write(term, { gap: 4 });
  write('', { gap: 8 });
  write('This agreement was made electronically through CreatorSync when the payment for the order above was confirmed.', { size: 9 });
  return document.save({ useObjectStreams: false });
}
