import { isVowel, vowelQuality } from './arpabet.ts';
import { commonWords, type RankedEnding } from './ending-candidates.ts';
import { isFunctionWord } from './function-words.ts';
import { compareWordRuns } from './line-rhyme.ts';
import { CORE_WORDS } from './line-frames.ts';
import { WordClass } from './part-of-speech.ts';
import { RhymeType } from './rhyme.ts';
import { round } from './statistics.ts';
import { topByValue, type SuggestionContext } from './suggestion-context.ts';
import { analyzeLine, type WordSound } from './syllables.ts';

const MAX_NOUNS = 12;
const MAX_ADJECTIVES = 40;
const MAX_PAIRS = 6;
const MINIMUM_MULTI = 0.75;

/**
 * Two-word endings that rhyme on two vowels: an adjective whose vowel matches the target's
 * second-to-last vowel sound, then a noun that rhymes with its last ("the dark night" → "the hot
 * light"). Single words rarely give rappers the multisyllabic rhyme they want; a short noun phrase
 * often does. Endings come out as "the <adjective> <noun>", ready for noun-phrase frames.
 */
export function multisyllabicEndings(context: SuggestionContext, singles: readonly RankedEnding[]): RankedEnding[] {
  const target = context.target;
  if (!target) return [];
  const vowels = target.words.flatMap((word) => word.pronunciation.filter(isVowel));
  const before = vowels.at(-2);
  if (!before) return [];
  const wanted = vowelQuality(before);

  const nouns = singles
    .filter((ending) => ending.sound.length === 1 && ending.syllables === 1 && ending.classes.has(WordClass.noun) && (ending.rhyme?.strength ?? 0) >= 0.8)
    .sort((a, b) => b.score - a.score || (a.ending < b.ending ? -1 : 1))
    .slice(0, MAX_NOUNS);
  if (nouns.length === 0) return [];

  const { lexicon } = context;
  const pool = new Set<string>([...context.own.keys(), ...topByValue(context.theme, 400), ...CORE_WORDS.adjective]);
  for (const word of commonWords(lexicon)) if (lexicon.frequencyPerMillion(word) >= 10) pool.add(word);
  const adjectives: { word: string; weight: number }[] = [];
  for (const word of [...pool].sort()) {
    if (isFunctionWord(word)) continue;
    const pronunciation = lexicon.pronounce(word).pronunciations[0] ?? [];
    const wordVowels = pronunciation.filter(isVowel);
    if (wordVowels.length !== 1 || vowelQuality(wordVowels[0] as string) !== wanted) continue;
    if (!context.classes.classesOf(word).has(WordClass.adjective)) continue;
    const known = lexicon.thesaurus?.partsOfSpeech(word);
    if (known && known.size > 0 && !known.has('a')) continue;
    const commonness = Math.min(1, Math.log10(1 + lexicon.frequencyPerMillion(word)) / 2);
    adjectives.push({ word, weight: (context.theme.get(word) ?? 0) + Math.min(1, (context.own.get(word) ?? 0) / 2) + 0.5 * commonness });
  }
  adjectives.sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : 1));

  const pairs: RankedEnding[] = [];
  for (const noun of nouns) {
    for (const { word: adjective, weight } of adjectives.slice(0, MAX_ADJECTIVES)) {
      // Reusing the target's own adjective ("the dark night" → "the dark light") is an echo, not a rhyme.
      if (adjective === noun.ending || target.words.some((word) => word.token.word === adjective)) continue;
      const phrase = `the ${adjective} ${noun.ending}`;
      const sound: readonly WordSound[] = analyzeLine(phrase, lexicon).words;
      const rhyme = compareWordRuns(target.words, sound);
      if (rhyme.type !== RhymeType.multisyllabic || rhyme.strength < MINIMUM_MULTI) continue;
      const score = noun.score - 1.5 * (noun.rhyme?.strength ?? 0) + 1.5 * rhyme.strength + 0.3 + 0.5 * weight;
      pairs.push({
        ending: phrase,
        syllables: sound.reduce((total, word) => total + word.syllables, 0),
        rhyme: { type: rhyme.type, strength: rhyme.strength },
        theme: noun.theme,
        own: noun.own || weight >= 0.5,
        score: round(score),
        sound,
        classes: new Set(['phrase-noun']),
      });
    }
  }
  // Each noun and each adjective once keeps the list varied ("hot light", "hot fight"… is one idea).
  const chosen: RankedEnding[] = [];
  const usedWords = new Set<string>();
  for (const pair of pairs.sort((a, b) => b.score - a.score || (a.ending < b.ending ? -1 : 1))) {
    const [, adjective, noun] = pair.ending.split(' ') as [string, string, string];
    if (usedWords.has(adjective) || usedWords.has(noun)) continue;
    usedWords.add(adjective);
    usedWords.add(noun);
    chosen.push(pair);
  }
  return chosen.slice(0, MAX_PAIRS);
}
