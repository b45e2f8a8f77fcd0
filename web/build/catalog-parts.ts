/**
 * English ships in the first-screen bundle, but only the strings the shell and the eager pages need.
 * Areas that are lazy-loaded as a whole (the marketplace and its sibling pages) get their English
 * strings in a separate chunk, loaded with their pages, so their catalog does not count against the
 * first screen. The split is by message id prefix, applied at build time to the compiled catalog
 * (`locales/en/messages.ts?part=<name>`) by the Vite plugin below. Other languages are lazy chunks
 * already and stay whole.
 */

/** Lazily loaded catalog parts and the id prefixes each one takes. */
export const CATALOG_PARTS = {
  marketplace: ['marketplace.', 'library.', 'messages.', 'analytics.', 'moderation.'],
  /** The forgot- and reset-password pages and changing the e-mail address: rarely visited, so not in the first screen. */
  recovery: ['auth.forgot.', 'auth.reset.', 'auth.emailChange.'],
  /** The Finisher: the lyrics pad, the songwriting assistant and the project pages. */
  studio: ['ai.', 'lyrics.', 'projects.'],
  /**
   * The API's own strings (errors.json, mail.json): the API answers errors already in the caller's
   * language and writes the e-mails, so the web app never loads this part.
   */
  server: ['error.', 'mail.'],
} as const satisfies Record<string, readonly string[]>;
export type CatalogPart = keyof typeof CATALOG_PARTS;

const PART_QUERY = /[?&]part=([a-z]+)$/;

/** The part a message id belongs to, or `core` (the eager part). */
export function partOf(id: string): CatalogPart | 'core' {
  for (const [part, prefixes] of Object.entries(CATALOG_PARTS) as Array<[CatalogPart, readonly string[]]>) {
    if (prefixes.some((prefix) => id.startsWith(prefix))) return part;
  }
  return 'core';
}

/** Reads Lingui's compiled module (`export const messages=JSON.parse("…")`) into its messages object. */
export function readCompiledCatalog(source: string): Record<string, unknown> {
  const match = /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(source);
  if (!match?.[1]) throw new Error('Not a compiled Lingui catalog (expected JSON.parse("…"))');
  return JSON.parse(JSON.parse(match[1]) as string) as Record<string, unknown>;
}

/** The module source for one part of a compiled catalog. */
export function catalogPartModule(source: string, part: CatalogPart | 'core'): string {
  const messages = Object.fromEntries(Object.entries(readCompiledCatalog(source)).filter(([id]) => partOf(id) === part));
  return `export const messages = JSON.parse(${JSON.stringify(JSON.stringify(messages))});\n`;
}

/** Vite plugin: `…/messages.ts?part=core|marketplace` loads that part of the compiled catalog. */
export function catalogPartsPlugin(readFile: (path: string) => Promise<string>) {
  return {
    name: 'creatorsync-catalog-parts',
    enforce: 'pre' as const,
    async load(id: string) {
      const query = PART_QUERY.exec(id);
      if (!query || !/[\\/]locales[\\/][^\\/]+[\\/]messages\.ts\?/.test(id)) return null;
      const part = query[1] as CatalogPart | 'core';
      if (part !== 'core' && !(part in CATALOG_PARTS)) throw new Error(`Unknown catalog part ${part} in ${id}`);
      return catalogPartModule(await readFile(id.slice(0, id.indexOf('?'))), part);
    },
  };
}
