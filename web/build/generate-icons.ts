/**
 * Draws the app icons (the CreatorSync mark: white sound bars on a violet-to-pink tile) as PNG files in
 * public/icons/. Run with `node web/build/generate-icons.ts` after changing the mark; the PNGs are committed.
 *
 * No image library: a few shapes, 4×4 supersampling for smooth edges, and a hand-written PNG encoder
 * (zlib from Node). "any" icons have rounded corners; maskable ones are full-bleed with the bars
 * inside the 80 % safe zone, as the maskable icon spec asks.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { BAR_LAYOUT, TILE_GRADIENT } from '../ui/icon-mark.ts';

type Rgba = [number, number, number, number];

interface IconSpec {
  file: string;
  size: number;
  /** Corner radius as a fraction of the size; 0 for full-bleed. */
  cornerRadius: number;
  /** Scale of the bars around the centre (maskable icons keep them inside the safe zone). */
  markScale: number;
}

const ICONS: IconSpec[] = [
  { file: 'icon-192.png', size: 192, cornerRadius: 0.25, markScale: 1 },
  { file: 'icon-512.png', size: 512, cornerRadius: 0.25, markScale: 1 },
  { file: 'maskable-192.png', size: 192, cornerRadius: 0, markScale: 0.72 },
  { file: 'maskable-512.png', size: 512, cornerRadius: 0, markScale: 0.72 },
  { file: 'apple-touch-icon.png', size: 180, cornerRadius: 0, markScale: 0.85 },
];

const SAMPLES = 4;

function insideRoundedRect(x: number, y: number, left: number, top: number, width: number, height: number, radius: number): boolean {
  if (x < left || y < top || x > left + width || y > top + height) return false;
  const cx = Math.min(Math.max(x, left + radius), left + width - radius);
  const cy = Math.min(Math.max(y, top + radius), top + height - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function mix(a: readonly number[], b: readonly number[], t: number): number[] {
  return a.map((value, index) => value + ((b[index] ?? 0) - value) * t);
}

/** Colour at a point of the unit tile (0..1 coordinates), or null outside it. */
function shade(u: number, v: number, spec: IconSpec): Rgba | null {
  if (!insideRoundedRect(u, v, 0, 0, 1, 1, spec.cornerRadius)) return null;
  const units = 48;
  const centre = 24;
  for (const [barCentre, barHeight] of BAR_LAYOUT) {
    const width = 4 * spec.markScale;
    const height = barHeight * spec.markScale;
    const left = centre + (barCentre - centre) * spec.markScale - width / 2;
    const top = centre - height / 2;
    if (insideRoundedRect(u * units, v * units, left, top, width, height, width / 2)) return [255, 255, 255, 255];
  }
  const [r, g, b] = mix(TILE_GRADIENT[0], TILE_GRADIENT[1], (u + v) / 2);
  return [r ?? 0, g ?? 0, b ?? 0, 255];
}

function render(spec: IconSpec): Buffer {
  const { size } = spec;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0 (None), then RGBA
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = shade((x + (sx + 0.5) / SAMPLES) / size, (y + (sy + 0.5) / SAMPLES) / size, spec);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 255;
        }
      }
      const covered = a / 255;
      const offset = 1 + x * 4;
      // Straight (non-premultiplied) alpha, as PNG expects.
      row[offset] = covered ? Math.round(r / covered) : 0;
      row[offset + 1] = covered ? Math.round(g / covered) : 0;
      row[offset + 2] = covered ? Math.round(b / covered) : 0;
      row[offset + 3] = Math.round(a / (SAMPLES * SAMPLES));
    }
    rows.push(row);
  }
  return encodePng(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width: number, height: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0;
  header[11] = 0;
  header[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outputDirectory = join(import.meta.dirname, '../../public/icons');
for (const spec of ICONS) {
  writeFileSync(join(outputDirectory, spec.file), render(spec));
  console.log(`wrote public/icons/${spec.file}`);
}
