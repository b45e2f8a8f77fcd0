import { isFunctionWord } from './function-words.ts';
import type { Thesaurus } from './thesaurus.ts';

/** WordNet's four parts of speech as its files name them. */
export const WORDNET_PARTS = ['noun', 'verb', 'adj', 'adv'] as const;
export type WordnetPart = (typeof WORDNET_PARTS)[number];

/** The text of WordNet's `index.*` and `data.*` files (any subset of parts), read by the caller. */
export interface WordnetFiles {
  readonly index: Partial<Record<WordnetPart, string>>;
  readonly data: Partial<Record<WordnetPart, string>>;
}

interface Synset {
  readonly words: readonly string[];
  /** Verb frame numbers (WordNet's sentence frames), empty for other parts of speech. */
  readonly frames: readonly number[];
  readonly pointers: readonly (readonly [symbol: string, target: string])[];
  readonly gloss: string;
}

/**
 * How close a pointer's target is to the theme of the source word. Synonyms and "similar to"
 * adjectives are nearly interchangeable in a lyric; hyponyms (kinds of) drift further.
 */
const POINTER_WEIGHTS: Readonly<Record<string, number>> = {
  '&': 0.8, '+': 0.7, '@': 0.6, '@i': 0.6, '=': 0.6, '\\': 0.6, '*': 0.6, '>': 0.6, '^': 0.55, '!': 0.5,
  '#m': 0.55, '#s': 0.55, '#p': 0.55, '%m': 0.55, '%s': 0.55, '%p': 0.55, '~': 0.5, '~i': 0.5,
};
/** WordNet verb frames with a direct object ("Somebody ----s something", "… somebody", …). */
const TRANSITIVE_FRAMES: ReadonlySet<number> = new Set([8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 24, 25, 26, 28, 29, 30, 31, 32, 33, 34]);
const SYNONYM_WEIGHT = 0.9;
const GLOSS_WEIGHT = 0.45;
const SENSES_PER_PART = 3;
const SENSE_DECAY = [1, 0.8, 0.6];
const PART_CODES: Readonly<Record<string, WordnetPart>> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
const PART_LETTERS: Readonly<Record<WordnetPart, string>> = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };

/**
 * Builds a {@link Thesaurus} from WordNet's database files. Relations come from the most common
 * three senses of each part of speech (index files list senses by frequency), and the content
 * words of a sense's gloss count as loosely related: "night" reaches "dark", "sunset", "sunrise",
 * which is exactly the neighbourhood a songwriter means by "on theme".
 */
export function wordnetThesaurus(files: WordnetFiles): Thesaurus {
  const synsets = new Map<string, Synset>();
  const senses = new Map<string, Map<WordnetPart, string[]>>();
  const tagged = new Map<string, Map<WordnetPart, number>>();
  for (const part of WORDNET_PARTS) {
    const data = files.data[part];
    if (data) parseData(data, part, synsets);
    const index = files.index[part];
    if (index) parseIndex(index, part, senses, tagged);
  }
  const cache = new Map<string, ReadonlyMap<string, Relation>>();
  const relations = (word: string): ReadonlyMap<string, Relation> => {
    const key = word.toLowerCase();
    const cached = cache.get(key);
    if (cached) return cached;
    const related = new Map<string, Relation>();
    const add = (other: string, closeness: number, part: string | undefined) => {
      if (other === key || other.includes('_')) return;
      const existing = related.get(other);
      if (!existing) related.set(other, { closeness, parts: new Set(part ? [part] : []) });
      else {
        if (part) existing.parts.add(part);
        if (closeness > existing.closeness) related.set(other, { closeness, parts: existing.parts });
      }
    };
    for (const offsets of senses.get(key)?.values() ?? []) {
      offsets.slice(0, SENSES_PER_PART).forEach((synsetKey, rank) => {
        const decay = SENSE_DECAY[rank] ?? 0.5;
        const synset = synsets.get(synsetKey);
        if (!synset) return;
        const ownPart = PART_LETTERS[synsetKey.split(':')[0] as WordnetPart];
        for (const synonym of synset.words) add(synonym, SYNONYM_WEIGHT * decay, ownPart);
        let hyponyms = 0;
        for (const [symbol, target] of synset.pointers) {
          const weight = POINTER_WEIGHTS[symbol];
          if (weight === undefined) continue;
          if (symbol.startsWith('~') && ++hyponyms > 12) continue; // broad words have hundreds of kinds
          const targetPart = PART_LETTERS[target.split(':')[0] as WordnetPart];
          for (const other of synsets.get(target)?.words ?? []) add(other, weight * decay, targetPart);
        }
        for (const glossWord of glossWords(synset.gloss)) add(glossWord, GLOSS_WEIGHT * decay, undefined);
      });
    }
    if (cache.size > 5000) cache.clear();
    cache.set(key, related);
    return related;
  };
  const partsOfSpeech = (word: string): ReadonlySet<string> => {
    // Only the parts a word is commonly used as: WordNet's sense-tagged corpus counts say "fruit"
    // is a noun far more than a verb. Parts with under a third of the top count are dropped.
    const key = word.toLowerCase();
    const parts = [...(senses.get(key)?.keys() ?? [])];
    const counts = tagged.get(key);
    const top = Math.max(0, ...parts.map((part) => counts?.get(part) ?? 0));
    const common = top === 0 ? parts : parts.filter((part) => (counts?.get(part) ?? 0) >= Math.max(1, top / 3));
    return new Set(common.map((part) => PART_LETTERS[part]));
  };
  const takesObject = (word: string): boolean | undefined => {
    const offsets = senses.get(word.toLowerCase())?.get('verb');
    if (!offsets) return undefined;
    // The two most common senses decide: "fall" never takes an object, "chase" does.
    return offsets.slice(0, 2).some((offset) => (synsets.get(offset)?.frames ?? []).some((frame) => TRANSITIVE_FRAMES.has(frame)));
  };
  return {
    takesObject,
    related(word) {
      return new Map([...relations(word)].map(([other, relation]) => [other, relation.closeness]));
    },
    relatedAs(word, part) {
      const result = new Map<string, number>();
      for (const [other, relation] of relations(word)) {
        // Gloss words carry no part; they count when the word is commonly that part.
        const fits = relation.parts.size > 0 ? relation.parts.has(part) : partsOfSpeech(other).has(part);
        if (fits) result.set(other, relation.closeness);
      }
      return result;
    },
    partsOfSpeech,
  };
}

interface Relation {
  readonly closeness: number;
  readonly parts: Set<string>;
}
function parseData(text: string, part: WordnetPart, synsets: Map<string, Synset>): void {
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith(' ')) continue; // licence header lines start with spaces
    const bar = line.indexOf(' | ');
    const fields = (bar === -1 ? line : line.slice(0, bar)).split(' ');
    const offset = fields[0];
    const wordCount = Number.parseInt(fields[3] ?? '', 16);
    if (!offset || !Number.isFinite(wordCount)) continue;
    const words: string[] = [];
    let position = 4;
    for (let word = 0; word < wordCount; word += 1) {
      words.push((fields[position] ?? '').toLowerCase().replace(/\(\w+\)$/, ''));
      position += 2;
    }
    const pointerCount = Number(fields[position] ?? 0);
    position += 1;
    const pointers: [string, string][] = [];
    for (let pointer = 0; pointer < pointerCount; pointer += 1) {
      const symbol = fields[position] ?? '';
      const target = fields[position + 1] ?? '';
      const targetPart = PART_CODES[fields[position + 2] ?? ''];
      if (targetPart) pointers.push([symbol, `${targetPart}:${target}`]);
      position += 4;
    }
    const frames: number[] = [];
    if (part === 'verb') {
      const frameCount = Number(fields[position] ?? 0);
      position += 1;
      for (let frame = 0; frame < frameCount; frame += 1) {
        frames.push(Number(fields[position + 1]));
        position += 3; // "+ f_num w_num"
      }
    }
    synsets.set(`${part}:${offset}`, { words, pointers, frames, gloss: bar === -1 ? '' : line.slice(bar + 3) });
  }
}

function parseIndex(text: string, part: WordnetPart, senses: Map<string, Map<WordnetPart, string[]>>, tagged: Map<string, Map<WordnetPart, number>>): void {
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    const lemma = fields[0];
    const synsetCount = Number(fields[2]);
    if (!lemma || !Number.isFinite(synsetCount)) continue;
    const offsets = fields.slice(fields.length - synsetCount).map((offset) => `${part}:${offset}`);
    const parts = senses.get(lemma) ?? new Map<WordnetPart, string[]>();
    parts.set(part, offsets);
    senses.set(lemma, parts);
    // Fields: lemma pos synset_cnt p_cnt [pointer symbols] sense_cnt tagsense_cnt offsets…
    const taggedCount = Number(fields[4 + Number(fields[3] ?? 0) + 1]);
    if (Number.isFinite(taggedCount)) {
      const counts = tagged.get(lemma) ?? new Map<WordnetPart, number>();
      counts.set(part, taggedCount);
      tagged.set(lemma, counts);
    }
  }
}

/** Content words of a gloss's definition (examples in quotes are skipped: they drift off topic). */
function glossWords(gloss: string): string[] {
  const definition = gloss.split(/;\s*"/)[0] ?? '';
  return (definition.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((word) => !isFunctionWord(word) && !GLOSS_STOP.has(word));
}

const GLOSS_STOP = new Set(['usually', 'especially', 'something', 'someone', 'used', 'having', 'being', 'one', 'etc', 'often', 'person', 'thing', 'act', 'state', 'quality', 'characterized', 'relating']);
