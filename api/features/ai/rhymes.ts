import { isVowel, vowelQuality, vowelSimilarity, type Phoneme, type Pronunciation } from '../../../shared/lyrics/arpabet.ts';
import type { Lexicon } from '../../../shared/lyrics/lexicon.ts';
import { comparePreparedSounds, endingWords, prepareVariants, pronunciationVariants, spelledRime, withEyeRhyme } from '../../../shared/lyrics/line-rhyme.ts';
import { prepareEnding, rhymePart, rhymeVowelIndex, type PreparedEnding, type Rhyme } from '../../../shared/lyrics/rhyme.ts';
import { round } from '../../../shared/lyrics/statistics.ts';
import { analyzeLine, analyzeWord, type WordSound } from '../../../shared/lyrics/syllables.ts';
import type { GenerateRhymesResponse, RhymeSearchType } from '../../../shared/schemas/ai.ts';

interface RhymeCandidate {
  readonly word: string;
  readonly sound: WordSound;
  /** log10 of frequency per million, clamped to [0, 1]: everyday words first among equals. */
  readonly commonness: number;
  readonly variants: readonly Pronunciation[];
  /** Per variant, the consonants before its rhyme vowel ("N" in "night"), space-joined. */
  readonly rhymeOnsets: readonly string[];
  readonly rime: string | undefined;
  /** Sound-alike keys by variant, vowel depth and onset flag (see {@link soundKey}), filled on first use. */
  readonly keys: (SoundKey | undefined)[];
}

interface SoundKey {
  readonly key: string;
  readonly ending: PreparedEnding;
}

/** Rhymable words indexed by the vowel their rhyme rests on, built once per lexicon. */
export interface RhymeDictionary {
  readonly byVowel: ReadonlyMap<string, readonly RhymeCandidate[]>;
  readonly all: readonly RhymeCandidate[];
  /** Per pool (a vowel, or all words) its words sorted for searching, built on first use (see {@link poolIndex}). */
  readonly pools: Map<string, PoolIndex>;
}

/** Words of one pool that sound the same to a target of a given vowel depth, onsets aside (see {@link soundKey}). */
interface SoundGroup {
  readonly key: string;
  readonly endings: readonly PreparedEnding[];
  readonly members: readonly RhymeCandidate[];
}

interface PoolIndex {
  readonly words: readonly RhymeCandidate[];
  /** Sound groups per vowel depth 1–4 (index depth − 1). */
  readonly groups: (readonly SoundGroup[] | undefined)[];
  /** Words by written rime, for eye rhymes. */
  readonly byRime: ReadonlyMap<string, readonly RhymeCandidate[]>;
  /** Words by the onset of any variant's rhyme vowel, for rimes riches. */
  readonly byOnset: ReadonlyMap<string, readonly RhymeCandidate[]>;
}

/** Vowels close enough that perfect, slant, assonance or multisyllabic rhymes can join them. */
const RELATED_VOWEL = 0.6;

export function createRhymeDictionary(lexicon: Lexicon, words: readonly string[]): RhymeDictionary {
  const byVowel = new Map<string, RhymeCandidate[]>();
  const all: RhymeCandidate[] = [];
  for (const word of words) {
    if (!/[aeiouy]/.test(word)) continue; // "ln", "st": abbreviations the dictionary spells out
    const sound = analyzeWord({ text: word, word, start: 0 }, lexicon);
    if (sound.syllables === 0) continue;
    const variants = pronunciationVariants(sound);
    const candidate: RhymeCandidate = {
      word,
      sound,
      commonness: Math.min(1, Math.log10(1 + lexicon.frequencyPerMillion(word)) / 2),
      variants,
      rhymeOnsets: variants.map((variant) => onsetBefore(variant, rhymeVowelIndex(variant)).join(' ')),
      rime: spelledRime(word),
      keys: [],
    };
    all.push(candidate);
    for (const vowel of rhymeVowels(sound)) {
      const bucket = byVowel.get(vowel);
      if (bucket) bucket.push(candidate);
      else byVowel.set(vowel, [candidate]);
    }
  }
  return { byVowel, all, pools: new Map() };
}

function rhymeVowels(sound: WordSound): Set<string> {
  const vowels = new Set<string>();
  for (const pronunciation of sound.pronunciations.length > 0 ? sound.pronunciations.slice(0, 3) : [sound.pronunciation]) {
    const vowel = rhymePart(pronunciation)[0];
    if (vowel) vowels.add(vowelQuality(vowel));
  }
  return vowels;
}

export interface RhymeQuery {
  /** A word or a phrase; the rhyme rests on its ending. */
  readonly text: string;
  readonly types: readonly RhymeSearchType[];
  /** Most words per type. */
  readonly limit: number;
  readonly topic?: string | undefined;
}

interface Found {
  readonly word: string;
  readonly type: RhymeSearchType;
  readonly strength: number;
  readonly syllables: number;
  readonly commonness: number;
}

/**
 * Rhymes for a word or phrase from the everyday vocabulary, judged by the engine's own rhyme model
 * (so "light" is a perfect rhyme of "night" exactly when a lyric would count it one), grouped by
 * type and syllable count. With a topic, also the rhymes closest to it in meaning (WordNet
 * neighbours and their neighbours).
 */
export function findRhymes(lexicon: Lexicon, dictionary: RhymeDictionary, query: RhymeQuery): GenerateRhymesResponse {
  const line = analyzeLine(query.text, lexicon);
  const last = line.words.at(-1);
  const target = { text: line.words.map((word) => word.token.word).join(' '), syllables: line.syllables, rhymeKey: '' };
  if (!last || line.syllables === 0) return { target, groups: query.types.map((type) => ({ type, count: 0, bySyllables: [] })), related: [] };
  const targetWords = endingWords(line.words);
  const targetVowels = rhymeVowels(last);
  target.rhymeKey = rhymePart(last.pronunciations[0] ?? last.pronunciation).map(vowelQuality).join(' ');

  const wanted = new Set<string>(query.types);
  // Consonance joins different vowels, so it needs the whole vocabulary; the rest share a vowel.
  const pools = wanted.has('consonance')
    ? [poolIndex(dictionary, '*', dictionary.all)]
    : [...dictionary.byVowel]
        .filter(([vowel]) => [...targetVowels].some((own) => vowelSimilarity(`${own}1`, `${vowel}1` as Phoneme) >= RELATED_VOWEL))
        .map(([vowel, words]) => poolIndex(dictionary, vowel, words));
  const targetHead = targetWords.slice(0, -1).map((word) => word.pronunciation);
  const targetVariants = pronunciationVariants(last);
  const headVowels = targetHead.reduce((total, pronunciation) => total + pronunciation.filter(isVowel).length, 0);
  const depth = Math.min(4, Math.max(...targetVariants.map((variant) => headVowels + variant.filter(isVowel).length)));
  const targetOnsets = new Set(targetVariants.flatMap((variant) => variant.flatMap((phoneme, index) => (isVowel(phoneme) ? [onsetBefore(variant, index).join(' ')] : []))));
  targetOnsets.delete('');
  const targetRime = spelledRime(last.token.word);
  const preparedTarget = prepareVariants(targetHead, targetVariants);
  // Words that sound alike from where the comparison can reach rhyme alike: compare each sound once.
  const bySound = new Map<string, Rhyme>();
  const heardFrom = (key: string, endings: readonly PreparedEnding[]) => {
    let heard = bySound.get(key);
    if (!heard) {
      heard = comparePreparedSounds(preparedTarget, endings);
      bySound.set(key, heard);
    }
    return heard;
  };
  // A written rime like the target's may make an eye rhyme, and an onset like the target's a rime
  // riche: such words are judged one by one; everyone else takes their sound group's verdict.
  const judgedAlone = (candidate: RhymeCandidate) => (targetRime !== undefined && candidate.rime === targetRime) || candidate.rhymeOnsets.some((onset) => targetOnsets.has(onset));
  const found = new Map<string, Found>();
  const keep = (candidate: RhymeCandidate, rhyme: Rhyme) => {
    if (!wanted.has(rhyme.type) || found.has(candidate.word) || sameStem(candidate.word, last.token.word)) return;
    found.set(candidate.word, { word: candidate.word, type: rhyme.type as RhymeSearchType, strength: rhyme.strength, syllables: candidate.sound.syllables, commonness: candidate.commonness });
  };
  for (const pool of pools) {
    for (const group of soundGroups(pool, depth)) {
      const heard = heardFrom(group.key, group.endings);
      if (!wanted.has(heard.type)) continue;
      for (const candidate of group.members) if (!judgedAlone(candidate)) keep(candidate, heard);
    }
    const alone = new Set([...(targetRime === undefined ? [] : (pool.byRime.get(targetRime) ?? [])), ...[...targetOnsets].flatMap((onset) => pool.byOnset.get(onset) ?? [])]);
    for (const candidate of alone) {
      const keys = candidate.variants.map((_, variant) => soundKey(candidate, variant, depth, targetOnsets.has(candidate.rhymeOnsets[variant] as string)));
      const heard = heardFrom(keys.map((entry) => entry.key).join('|'), keys.map((entry) => entry.ending));
      keep(candidate, candidate.rime !== undefined && candidate.rime === targetRime ? withEyeRhyme(heard, last, candidate.sound) : heard);
    }
  }
  const ranked = [...found.values()].sort((a, b) => b.strength - a.strength || b.commonness - a.commonness || (a.word < b.word ? -1 : 1));

  const groups = query.types.map((type) => {
    const ofType = ranked.filter((rhyme) => rhyme.type === type);
    const kept = ofType.slice(0, query.limit);
    const syllableCounts = [...new Set(kept.map((rhyme) => rhyme.syllables))].sort((a, b) => a - b);
    return {
      type,
      count: ofType.length,
      bySyllables: syllableCounts.map((syllables) => ({ syllables, words: kept.filter((rhyme) => rhyme.syllables === syllables).map(toWord) })),
    };
  });

  const closeness = query.topic ? topicNeighbourhood(lexicon, query.topic.toLowerCase()) : new Map<string, number>();
  const related = ranked
    .filter((rhyme) => closeness.has(rhyme.word))
    .map((rhyme) => ({ ...toWord(rhyme), type: rhyme.type, closeness: round(closeness.get(rhyme.word) ?? 0) }))
    .sort((a, b) => b.closeness * b.strength - a.closeness * a.strength || (a.word < b.word ? -1 : 1))
    .slice(0, query.limit);
  return { target, groups, related };
}

const toWord = (rhyme: Found) => ({ word: rhyme.word, strength: rhyme.strength, syllables: rhyme.syllables });

/** Words related to the topic, with closeness: direct neighbours, then neighbours of the closest ones, weaker. */
function topicNeighbourhood(lexicon: Lexicon, topic: string): Map<string, number> {
  const closeness = new Map<string, number>();
  const thesaurus = lexicon.thesaurus;
  if (!thesaurus) return closeness;
  const keep = (word: string, value: number) => {
    if (word !== topic && value > (closeness.get(word) ?? 0)) closeness.set(word, value);
  };
  const direct = [...thesaurus.related(topic)].sort((a, b) => b[1] - a[1]);
  for (const [word, value] of direct) keep(word, value);
  for (const [word, value] of direct.slice(0, 16)) {
    for (const [further, furtherValue] of thesaurus.related(word)) keep(further, value * furtherValue * 0.8);
  }
  return closeness;
}

/** "night"/"nights"/"nightly": a shared stem is repetition, not a rhyme. */
function sameStem(word: string, target: string): boolean {
  if (word === target) return true;
  const shorter = word.length < target.length ? word : target;
  const longer = shorter === word ? target : word;
  return shorter.length >= 3 && longer.startsWith(shorter);
}

/**
 * The end of a candidate's pronunciation that a comparison with a target of `depth` vowel sounds
 * can see: from its rhyme vowel or its `depth`-th vowel from the end, whichever comes first (a
 * vowel chain never reaches further back than the target's vowels). The consonants before that
 * point only matter when they could equal the target's onset (a rime riche, "light" / "delight"),
 * so they are kept only then. Equal keys give equal rhymes, exactly.
 */
function soundKey(candidate: RhymeCandidate, variant: number, depth: number, withOnset: boolean): SoundKey {
  const slot = variant * 8 + (depth - 1) * 2 + (withOnset ? 1 : 0);
  const cached = candidate.keys[slot];
  if (cached) return cached;
  const pronunciation = candidate.variants[variant] as Pronunciation;
  const main = rhymeVowelIndex(pronunciation);
  let start = main === -1 ? 0 : main;
  let vowelsSeen = 0;
  for (let index = pronunciation.length - 1; index >= 0 && vowelsSeen < depth; index -= 1) {
    if (!isVowel(pronunciation[index] as Phoneme)) continue;
    vowelsSeen += 1;
    start = Math.min(start, index);
  }
  if (withOnset) start -= onsetBefore(pronunciation, start).length;
  const phonemes = pronunciation.slice(start);
  const key = { key: phonemes.join(' '), ending: prepareEnding([phonemes]) };
  candidate.keys[slot] = key;
  return key;
}

/** Consonants before the vowel at `index`, back to the previous vowel. */
function onsetBefore(pronunciation: Pronunciation, index: number): Phoneme[] {
  const onset: Phoneme[] = [];
  for (let position = index - 1; position >= 0 && !isVowel(pronunciation[position] as Phoneme); position -= 1) onset.unshift(pronunciation[position] as Phoneme);
  return onset;
}

function poolIndex(dictionary: RhymeDictionary, name: string, words: readonly RhymeCandidate[]): PoolIndex {
  const known = dictionary.pools.get(name);
  if (known) return known;
  const byRime = new Map<string, RhymeCandidate[]>();
  const byOnset = new Map<string, RhymeCandidate[]>();
  const add = (index: Map<string, RhymeCandidate[]>, key: string, candidate: RhymeCandidate) => {
    const list = index.get(key);
    if (!list) index.set(key, [candidate]);
    else if (list.at(-1) !== candidate) list.push(candidate);
  };
  for (const candidate of words) {
    if (candidate.rime !== undefined) add(byRime, candidate.rime, candidate);
    for (const onset of candidate.rhymeOnsets) if (onset !== '') add(byOnset, onset, candidate);
  }
  const pool = { words, groups: [], byRime, byOnset };
  dictionary.pools.set(name, pool);
  return pool;
}

/** The pool's words grouped by their sound key at this depth, onsets left out; built on first use. */
function soundGroups(pool: PoolIndex, depth: number): readonly SoundGroup[] {
  const known = pool.groups[depth - 1];
  if (known) return known;
  const groups = new Map<string, { key: string; endings: PreparedEnding[]; members: RhymeCandidate[] }>();
  for (const candidate of pool.words) {
    const keys = candidate.variants.map((_, variant) => soundKey(candidate, variant, depth, false));
    const key = keys.map((entry) => entry.key).join('|');
    const group = groups.get(key);
    if (group) group.members.push(candidate);
    else groups.set(key, { key, endings: keys.map((entry) => entry.ending), members: [candidate] });
  }
  const list = [...groups.values()];
  pool.groups[depth - 1] = list;
  return list;
}
