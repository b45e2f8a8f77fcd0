import nlp from 'compromise';
import type { Thesaurus } from './thesaurus.ts';

/** Open word classes the line builder fills. */
export const WordClass = { noun: 'noun', verb: 'verb', adjective: 'adjective', adverb: 'adverb' } as const;
export type WordClass = (typeof WordClass)[keyof typeof WordClass];

const FROM_WORDNET: Readonly<Record<string, WordClass>> = { n: 'noun', v: 'verb', a: 'adjective', r: 'adverb' };

/**
 * Word classes as the song itself uses them: compromise tags the text in context ("light" in
 * "the light" is a noun), and WordNet adds what a word can be. A verb counts only in its base form
 * (the line builder puts verbs after "I", "we", "can't"), which WordNet lemmas and compromise's
 * Infinitive tag both guarantee.
 */
export interface PartOfSpeechGuesser {
  classesOf(word: string): ReadonlySet<WordClass>;
}

/**
 * Word classes of each word of one line, in context, in order (compromise's reading). Used where
 * a word's role in this very line matters: "rain" ends "make it rain" as a verb.
 */
export function classesInLine(text: string): { word: string; classes: ReadonlySet<WordClass> }[] {
  const result: { word: string; classes: ReadonlySet<WordClass> }[] = [];
  for (const sentence of nlp(text).json() as { terms: { normal: string; tags: string[] }[] }[]) {
    for (const term of sentence.terms) {
      if (!term.normal) continue; // expanded contractions ("I'm" → "i'm" + "")
      const tags = new Set(term.tags);
      const classes = new Set<WordClass>();
      if (tags.has('Noun') && !tags.has('Pronoun') && !tags.has('Possessive')) classes.add(WordClass.noun);
      if (tags.has('Infinitive')) classes.add(WordClass.verb);
      if (tags.has('Adjective')) classes.add(WordClass.adjective);
      if (tags.has('Adverb')) classes.add(WordClass.adverb);
      result.push({ word: term.normal, classes });
    }
  }
  return result;
}

/** Builds the guesser for one song: its text is tagged once, other words are looked up on demand and cached. */
export function createPartOfSpeechGuesser(songText: string, thesaurus: Thesaurus | undefined): PartOfSpeechGuesser {
  const inContext = new Map<string, Set<WordClass>>();
  const note = (word: string, wordClass: WordClass) => {
    const classes = inContext.get(word) ?? new Set<WordClass>();
    classes.add(wordClass);
    inContext.set(word, classes);
  };
  if (songText.trim()) {
    for (const sentence of nlp(songText).json() as { terms: { normal: string; tags: string[] }[] }[]) {
      for (const term of sentence.terms) {
        const tags = new Set(term.tags);
        // Record every word seen, even as a past-tense verb ("said"), so its usage here overrides WordNet.
        if (!inContext.has(term.normal)) inContext.set(term.normal, new Set());
        if (tags.has('Pronoun') || tags.has('Possessive') || tags.has('ProperNoun')) continue;
        if (tags.has('Noun')) note(term.normal, WordClass.noun);
        if (tags.has('Infinitive')) note(term.normal, WordClass.verb);
        if (tags.has('Adjective')) note(term.normal, WordClass.adjective);
        if (tags.has('Adverb')) note(term.normal, WordClass.adverb);
      }
    }
  }
  const cache = new Map<string, ReadonlySet<WordClass>>();
  return {
    classesOf(word) {
      const cached = cache.get(word);
      if (cached) return cached;
      // Names ("george", "chase" as a first name) are not material for generic lines.
      const ownTags = tagsOfWord(word);
      if ((ownTags.has('Person') || ownTags.has('Place') || ownTags.has('Organization')) && !inContext.has(word)) {
        cache.set(word, new Set());
        return new Set();
      }
      // The writer's own usage wins: "said" in their song is a verb, whatever WordNet's "aforesaid" says.
      const classes = new Set<WordClass>(inContext.get(word) ?? []);
      const lemmaClasses = inContext.has(word) ? undefined : thesaurus?.partsOfSpeech(word);
      if (lemmaClasses && lemmaClasses.size > 0) for (const letter of lemmaClasses) classes.add(FROM_WORDNET[letter] as WordClass);
      else if (classes.size === 0 && !inContext.has(word)) {
        const tags = ownTags;
        if (tags.has('Noun') && !tags.has('ProperNoun') && !tags.has('Pronoun')) classes.add(WordClass.noun);
        if (tags.has('Infinitive')) classes.add(WordClass.verb);
        if (tags.has('Adjective')) classes.add(WordClass.adjective);
        if (tags.has('Adverb')) classes.add(WordClass.adverb);
      }
      cache.set(word, classes);
      return classes;
    },
  };
}

/**
 * Bound on remembered out-of-context tags: the suggestion vocabulary is ~12,000 words, so this
 * holds all of it while a stream of made-up words cannot grow the memory without end.
 */
const MAX_REMEMBERED_WORDS = 30_000;
const tagsByWord = new Map<string, ReadonlySet<string>>();

/**
 * compromise's tags for a word on its own. Tagging costs ~0.1 ms a word and every suggestion
 * request asks for hundreds of candidate words, mostly the same ones, so the answers (which depend
 * on the word alone) are remembered across requests.
 */
function tagsOfWord(word: string): ReadonlySet<string> {
  const remembered = tagsByWord.get(word);
  if (remembered) return remembered;
  const tags: ReadonlySet<string> = new Set((nlp(word).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? []);
  if (tagsByWord.size >= MAX_REMEMBERED_WORDS) tagsByWord.delete(tagsByWord.keys().next().value as string);
  tagsByWord.set(word, tags);
  return tags;
}
