/**
 * The geometry of the CreatorSync mark, in a 48-unit tile: [centre x, height] of each bar, centred
 * vertically. Drawn by web/ui/cs-logo.ts and by web/build/generate-icons.ts (PNG icons); public/icons/favicon.svg matches.
 */
export const BAR_LAYOUT: ReadonlyArray<readonly [number, number]> = [
  [12, 10],
  [18, 20],
  [24, 28],
  [30, 18],
  [36, 10],
];

/** Top-left and bottom-right colours of the tile (#7c3aed → #e0457b). */
export const TILE_GRADIENT: readonly [readonly number[], readonly number[]] = [
  [0x7c, 0x3a, 0xed],
  [0xe0, 0x45, 0x7b],
];
