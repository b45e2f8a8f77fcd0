/**
 * Semantic neighbourhoods of words, used to keep suggestions on the song's theme. The interface is
 * small so a compact precomputed table can replace the full WordNet graph in the app.
 */
export interface Thesaurus {
  /** Words related to `word` with a closeness in (0,1]: synonyms near 1, hypernyms/hyponyms lower. */
  related(word: string): ReadonlyMap<string, number>;
  /** Parts of speech WordNet lists for the word: n, v, a (adjective), r (adverb). */
  partsOfSpeech(word: string): ReadonlySet<string>;
}
