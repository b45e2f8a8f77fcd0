/**
 * Semantic neighbourhoods of words, used to keep suggestions on the song's theme. The interface is
 * small so a compact precomputed table can replace the full WordNet graph in the app.
 */
export interface Thesaurus {
  /** Words related to `word` with a closeness in (0,1]: synonyms near 1, hypernyms/hyponyms lower. */
  related(word: string): ReadonlyMap<string, number>;
  /**
   * Like `related`, keeping only links whose related sense is the given part of speech, so an
   * adjective sense of "sound" (healthy, safe) never offers "safe" as a noun. Optional: a compact
   * table may not know parts.
   */
  relatedAs?(word: string, part: 'n' | 'v' | 'a' | 'r'): ReadonlyMap<string, number>;
  /** Whether a verb's common senses take a direct object ("chase the night" but not "fall the night"); undefined when unknown. */
  takesObject?(verb: string): boolean | undefined;
  /** Parts of speech the word is commonly used as: n, v, a (adjective), r (adverb). Empty when unknown. */
  partsOfSpeech(word: string): ReadonlySet<string>;
}
