import type { Thesaurus } from './thesaurus.ts';

/**
 * A compact, lazily fetchable form of a {@link Thesaurus} restricted to a vocabulary (say the
 * 20,000 most spoken words): WordNet's 35 MB of text is far too much for a phone, while the
 * suggestion engine only needs, per word, its common parts of speech, whether it takes an object,
 * and its closest neighbours inside the same vocabulary.
 *
 * Format (version 1): header `CSTHES1`; a line with the vocabulary separated by spaces (a word's
 * id is its position); then one line per word, in vocabulary order:
 * `<parts>|<t, i or ->|<neighbour>,<neighbour>…` where a neighbour is `<id base 36>.<closeness
 * 0–9 tenths>.<parts, empty for gloss words>`.
 */
export const THESAURUS_INDEX_HEADER = 'CSTHES1';

const PARTS = ['n', 'v', 'a', 'r'] as const;

/** Encodes the thesaurus for the vocabulary, keeping each word's `maxRelated` closest neighbours. */
export function encodeThesaurus(thesaurus: Thesaurus, vocabulary: readonly string[], maxRelated = 24): string {
  const words = [...new Set(vocabulary.map((word) => word.toLowerCase()).filter((word) => /^[a-z][a-z'-]*$/.test(word)))];
  const ids = new Map(words.map((word, id) => [word, id]));
  const lines = [THESAURUS_INDEX_HEADER, words.join(' ')];
  for (const word of words) {
    const parts = [...thesaurus.partsOfSpeech(word)].sort().join('');
    const transitive = thesaurus.takesObject?.(word);
    const partsOf = new Map<string, string>();
    for (const part of PARTS) {
      for (const related of thesaurus.relatedAs?.(word, part).keys() ?? []) partsOf.set(related, (partsOf.get(related) ?? '') + part);
    }
    const neighbours = [...thesaurus.related(word)]
      .filter(([related]) => ids.has(related))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, maxRelated)
      .map(([related, closeness]) => `${(ids.get(related) as number).toString(36)}.${Math.max(1, Math.min(9, Math.round(closeness * 10)))}.${partsOf.get(related) ?? ''}`);
    lines.push(`${parts}|${transitive === undefined ? '-' : transitive ? 't' : 'i'}|${neighbours.join(',')}`);
  }
  return lines.join('\n') + '\n';
}

/** Decodes an index made by {@link encodeThesaurus}; neighbours are unpacked per word on first use. */
export function decodeThesaurus(text: string): Thesaurus {
  const lines = text.split('\n');
  if (lines[0] !== THESAURUS_INDEX_HEADER) throw new Error(`Not a thesaurus index (header "${(lines[0] ?? '').slice(0, 20)}")`);
  const words = (lines[1] ?? '').split(' ').filter(Boolean);
  const ids = new Map(words.map((word, id) => [word, id]));
  const entry = (word: string) => {
    const id = ids.get(word.toLowerCase());
    return id === undefined ? undefined : (lines[id + 2] ?? '').split('|');
  };
  const cache = new Map<string, readonly { word: string; closeness: number; parts: string }[]>();
  const neighbours = (word: string) => {
    const cached = cache.get(word);
    if (cached) return cached;
    const field = entry(word)?.[2] ?? '';
    const list = field
      ? field.split(',').map((item) => {
          const [id, tenths, parts] = item.split('.');
          return { word: words[Number.parseInt(id ?? '', 36)] ?? '', closeness: Number(tenths) / 10, parts: parts ?? '' };
        })
      : [];
    if (cache.size > 5000) cache.clear();
    cache.set(word, list);
    return list;
  };
  const partsOfSpeech = (word: string): ReadonlySet<string> => new Set((entry(word)?.[0] ?? '').split('').filter(Boolean));
  return {
    related: (word) => new Map(neighbours(word).map((item) => [item.word, item.closeness])),
    relatedAs: (word, part) =>
      new Map(
        neighbours(word)
          .filter((item) => (item.parts ? item.parts.includes(part) : partsOfSpeech(item.word).has(part)))
          .map((item) => [item.word, item.closeness]),
      ),
    takesObject: (word) => {
      const flag = entry(word)?.[1];
      return flag === 't' ? true : flag === 'i' ? false : undefined;
    },
    partsOfSpeech,
  };
}
