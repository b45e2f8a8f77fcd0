import { VOWELS, type Phoneme, type Pronunciation } from './arpabet.ts';

/**
 * Letter-to-sound rules for words no dictionary knows: slang ("finna", "skrrt"), names, spellings
 * of ad-libs and made-up words. The goal is not a perfect transcription but one that counts
 * syllables the way a writer would and lands on the right stressed vowel, because those two facts
 * decide rhymes and cadence.
 *
 * The rules scan left to right, longest spelling first, in the order English spelling is most
 * predictable: consonant digraphs, vowel teams, r-coloured vowels, then single letters with the
 * "magic e" and open-syllable cases. Stress is placed afterwards from suffixes and syllable weight.
 */

interface Unit {
  readonly phonemes: Phoneme[];
  /** Set when this unit is a syllable nucleus: the vowel quality (no stress digit). */
  readonly nucleus?: string;
  /** A short vowel from a single letter: reduces to schwa when unstressed. */
  readonly reducible?: boolean;
}

const VOWEL_LETTERS = new Set(['a', 'e', 'i', 'o', 'u']);
const isVowelLetter = (letter: string | undefined): boolean => letter !== undefined && VOWEL_LETTERS.has(letter);
const isConsonantLetter = (letter: string | undefined): boolean =>
  letter !== undefined && /[a-z]/.test(letter) && !VOWEL_LETTERS.has(letter) && letter !== 'y';

const SHORT: Readonly<Record<string, string>> = { a: 'AE', e: 'EH', i: 'IH', o: 'AA', u: 'AH' };
const LONG: Readonly<Record<string, string>> = { a: 'EY', e: 'IY', i: 'AY', o: 'OW', u: 'UW' };

/** Vowel teams, longest first; `end` restricts a rule to the end of the word. */
const VOWEL_TEAMS: readonly { spelling: string; phonemes: string[]; end?: boolean; notBeforeVowel?: boolean; afterVowel?: boolean }[] = [
  { spelling: 'eigh', phonemes: ['EY'] },
  { spelling: 'ough', phonemes: ['OW'], end: true },
  { spelling: 'ough', phonemes: ['AO'] },
  { spelling: 'augh', phonemes: ['AO'] },
  { spelling: 'igh', phonemes: ['AY'] },
  { spelling: 'eer', phonemes: ['IH', 'R'], notBeforeVowel: true },
  { spelling: 'ear', phonemes: ['IH', 'R'], end: true },
  { spelling: 'ear', phonemes: ['ER'], notBeforeVowel: true },
  { spelling: 'air', phonemes: ['EH', 'R'], notBeforeVowel: true },
  { spelling: 'are', phonemes: ['EH', 'R'], end: true },
  { spelling: 'ire', phonemes: ['AY', 'ER'], end: true },
  { spelling: 'ired', phonemes: ['AY', 'ER', 'D'], end: true },
  { spelling: 'ires', phonemes: ['AY', 'ER', 'Z'], end: true },
  { spelling: 'eau', phonemes: ['UW'] },
  { spelling: 'uy', phonemes: ['AY'] },
  { spelling: 'ea', phonemes: ['IY', 'AH'], end: true, afterVowel: true },
  { spelling: 'ore', phonemes: ['AO', 'R'], end: true },
  { spelling: 'ure', phonemes: ['UH', 'R'], end: true },
  { spelling: 'oar', phonemes: ['AO', 'R'], notBeforeVowel: true },
  { spelling: 'oor', phonemes: ['AO', 'R'], notBeforeVowel: true },
  { spelling: 'our', phonemes: ['AW', 'R'], notBeforeVowel: true },
  { spelling: 'ar', phonemes: ['AA', 'R'], notBeforeVowel: true },
  { spelling: 'or', phonemes: ['AO', 'R'], notBeforeVowel: true },
  { spelling: 'er', phonemes: ['ER'], notBeforeVowel: true },
  { spelling: 'ir', phonemes: ['ER'], notBeforeVowel: true },
  { spelling: 'ur', phonemes: ['ER'], notBeforeVowel: true },
  { spelling: 'ee', phonemes: ['IY'] },
  { spelling: 'ea', phonemes: ['IY'] },
  { spelling: 'ai', phonemes: ['EY'] },
  { spelling: 'ay', phonemes: ['EY'] },
  { spelling: 'ei', phonemes: ['EY'] },
  { spelling: 'ey', phonemes: ['IY'], end: true, afterVowel: true }, // "money"; a one-syllable "they", "grey" is EY
  { spelling: 'ey', phonemes: ['EY'] },
  { spelling: 'oa', phonemes: ['OW'] },
  { spelling: 'ook', phonemes: ['UH', 'K'] },
  { spelling: 'oo', phonemes: ['UW'] },
  { spelling: 'ou', phonemes: ['AW'] },
  { spelling: 'own', phonemes: ['AW', 'N'] },
  { spelling: 'ow', phonemes: ['OW'], end: true },
  { spelling: 'ow', phonemes: ['AW'] },
  { spelling: 'oi', phonemes: ['OY'] },
  { spelling: 'oy', phonemes: ['OY'] },
  { spelling: 'au', phonemes: ['AO'] },
  { spelling: 'aw', phonemes: ['AO'] },
  { spelling: 'ew', phonemes: ['UW'] },
  { spelling: 'ue', phonemes: ['UW'] },
  { spelling: 'ui', phonemes: ['UW'] },
  { spelling: 'eu', phonemes: ['UW'] },
  { spelling: 'ie', phonemes: ['IY'] },
];

/** Consonant spellings, longest first. `start` restricts to the word start. */
const CONSONANT_SPELLINGS: readonly { spelling: string; phonemes: string[]; start?: boolean }[] = [
  { spelling: 'tch', phonemes: ['CH'] },
  { spelling: 'sch', phonemes: ['S', 'K'] },
  { spelling: 'chr', phonemes: ['K', 'R'] },
  { spelling: 'ch', phonemes: ['CH'] },
  { spelling: 'sh', phonemes: ['SH'] },
  { spelling: 'th', phonemes: ['TH'] },
  { spelling: 'ph', phonemes: ['F'] },
  { spelling: 'wh', phonemes: ['W'] },
  { spelling: 'wr', phonemes: ['R'], start: true },
  { spelling: 'kn', phonemes: ['N'], start: true },
  { spelling: 'gn', phonemes: ['N'], start: true },
  { spelling: 'gh', phonemes: ['G'], start: true },
  { spelling: 'ck', phonemes: ['K'] },
  { spelling: 'dg', phonemes: ['JH'] },
  { spelling: 'nk', phonemes: ['NG', 'K'] },
  { spelling: 'ng', phonemes: ['NG'] },
  { spelling: 'qu', phonemes: ['K', 'W'] },
  { spelling: 'zz', phonemes: ['Z'] },
];

const SIMPLE_CONSONANTS: Readonly<Record<string, string[]>> = {
  b: ['B'], d: ['D'], f: ['F'], h: ['HH'], j: ['JH'], k: ['K'], l: ['L'], m: ['M'], n: ['N'], p: ['P'], q: ['K'],
  r: ['R'], t: ['T'], v: ['V'], w: ['W'], z: ['Z'],
};

const VOWEL_NAMES: ReadonlySet<string> = new Set(VOWELS);
const SILENT_E_BEFORE = /^(?:ly|ful|fully|less|ment|ments|ness|thing|things|one|body|where|times?|days?|ways?|ty)$/;
const VOICELESS_FINAL = new Set(['P', 'K', 'F', 'TH', 'S', 'SH', 'CH', 'T']);
const SIBILANTS = new Set(['S', 'Z', 'SH', 'ZH', 'CH', 'JH']);

/**
 * Pronounces an unknown word from its spelling. Returns ARPAbet with stress digits; an empty array
 * for input with no letters. Never throws.
 */
export function letterToSound(rawWord: string): Pronunciation {
  // Stretched spellings ("sooo", "yeahhh") keep one letter; "skrrt"/"brr" keep the double r.
  const word = rawWord.toLowerCase().replace(/[^a-z]/g, '').replace(/([a-z])\1{2,}/g, '$1');
  if (word.length === 0) return [];
  const units = scan(word);
  if (!units.some((unit) => unit.nucleus)) addSyllabicNucleus(units);
  // Last resort for odd spellings ("qu", "aaa'"): a written vowel always makes a syllable.
  if (!units.some((unit) => unit.nucleus) && /[aeiouy]/.test(word)) units.push({ phonemes: ['AH'], nucleus: 'AH' });
  return assignStress(word, units);
}

function scan(word: string): Unit[] {
  const units: Unit[] = [];
  let index = 0;
  const at = (offset: number) => word[index + offset];
  const rest = () => word.slice(index);
  while (index < word.length) {
    const letter = word[index] as string;
    const remaining = rest();
    const atEnd = (length: number) => index + length === word.length;

    // Endings with their own rules: -ed, -es, -le, -tion/-sion, silent final e.
    if (remaining === 'ed' && index >= 2 && units.some((unit) => unit.nucleus)) {
      const last = units.at(-1)?.phonemes.at(-1);
      if (last === 'T' || last === 'D') units.push({ phonemes: ['IH', 'D'], nucleus: 'IH', reducible: true });
      else units.push({ phonemes: [last !== undefined && VOICELESS_FINAL.has(last) ? 'T' : 'D'] });
      break;
    }
    if (remaining === 'es' && index >= 2 && units.some((unit) => unit.nucleus)) {
      const last = units.at(-1)?.phonemes.at(-1);
      if (last !== undefined && SIBILANTS.has(last)) units.push({ phonemes: ['IH', 'Z'], nucleus: 'IH', reducible: true });
      else units.push({ phonemes: ['Z'] });
      break;
    }
    if (remaining === 'le' && index >= 1 && isConsonantLetter(word[index - 1]) && units.some((unit) => unit.nucleus)) {
      units.push({ phonemes: ['AH', 'L'], nucleus: 'AH', reducible: true });
      break;
    }
    if (/^[tsc]i[aou]/.test(remaining) && index > 0 && /^(?:ion|ial|ious|ian|ient)/.test(remaining.slice(1))) {
      units.push({ phonemes: [letter === 's' && isVowelLetter(word[index - 1]) ? 'ZH' : 'SH'] });
      index += 2; // the i is absorbed: "-tion" is SH AH N
      continue;
    }
    // A silent e before a suffix or second compound part: "something", "careful", "lonely".
    if (letter === 'e' && index >= 2 && isConsonantLetter(word[index - 1]) && isVowelLetter(word[index - 2]) && SILENT_E_BEFORE.test(word.slice(index + 1))) {
      index += 1;
      continue;
    }
    // A vowel before -ing keeps its own syllable: "going", "doing", "being".
    if ((isVowelLetter(letter) || letter === 'y') && index > 0 && /^[aeiouy]ings?$/.test(remaining)) {
      const long = letter === 'y' ? 'AY' : (LONG[letter] as string);
      units.push({ phonemes: [long], nucleus: long });
      index += 1;
      continue;
    }
    // "-ion"/"-ian" after l or n is a glide plus schwa: "million", "onion".
    if (letter === 'i' && /^i(?:on|ons|an|ans)$/.test(remaining) && (word[index - 1] === 'l' || word[index - 1] === 'n')) {
      units.push({ phonemes: ['Y'] });
      index += 1;
      continue;
    }
    // Final -sm is two syllables: "prism", "racism" (IH Z AH M).
    if (remaining === 'sm' && units.some((unit) => unit.nucleus)) {
      units.push({ phonemes: ['Z'] }, { phonemes: ['AH', 'M'], nucleus: 'AH', reducible: true });
      break;
    }
    // Initial gu before a vowel is a hard g with a silent u: "guess", "guide", "guarantee".
    if (letter === 'g' && index === 0 && at(1) === 'u' && isVowelLetter(at(2))) {
      units.push({ phonemes: ['G'] });
      index += 2;
      continue;
    }
    if (letter === 'e' && atEnd(1) && word[index - 1] === 'y' && isConsonantLetter(word[index - 2])) {
      units.push({ phonemes: ['EY'], nucleus: 'EY' }); // "kanye", "oye": the y is a glide, the e is sounded
      break;
    }
    if (letter === 'e' && atEnd(1) && units.some((unit) => unit.nucleus)) break; // silent final e

    // Final -ough: "through" UW after thr, "rough", "tough", "enough" AH F after r, t or n.
    if (remaining === 'ough' && index > 0) {
      const through = word.slice(index - 3, index) === 'thr';
      // ... but not after a vowel and r ("thorough", "borough" end in OW).
      const afterVowelR = word[index - 1] === 'r' && isVowelLetter(word[index - 2]);
      if (through || (/[rtn]/.test(word[index - 1] as string) && !afterVowelR)) {
        units.push(through ? { phonemes: ['UW'], nucleus: 'UW' } : { phonemes: ['AH', 'F'], nucleus: 'AH' });
        break;
      }
    }
    if (isVowelLetter(letter) || (letter === 'y' && !isVowelLetter(at(1)))) {
      const team = VOWEL_TEAMS.find(
        (rule) =>
          remaining.startsWith(rule.spelling) &&
          (!rule.end || atEnd(rule.spelling.length)) &&
          (!rule.afterVowel || units.some((unit) => unit.nucleus)) &&
          (!rule.notBeforeVowel || !isVowelLetter(at(rule.spelling.length)) || at(rule.spelling.length) === undefined),
      );
      if (team && !(team.spelling === 'ie' && atEnd(2) && countVowelGroups(word) === 1)) {
        const nucleus = team.phonemes[0] as string;
        units.push({ phonemes: [...team.phonemes], nucleus });
        index += team.spelling.length;
        continue;
      }
      if (remaining === 'ie') {
        units.push({ phonemes: ['AY'], nucleus: 'AY' }); // tie, lie, die
        break;
      }
      units.push(singleVowel(word, index));
      index += 1;
      continue;
    }

    if (letter === 'y') {
      units.push({ phonemes: ['Y'] });
      index += 1;
      continue;
    }
    if (letter === 'w' || letter === 'h') {
      // w and h after a vowel with no vowel following are part of the vowel spelling ("naw", "yeah").
      if (index > 0 && isVowelLetter(word[index - 1]) && !isVowelLetter(at(1))) {
        index += 1;
        continue;
      }
    }
    if (letter === 'g' && at(1) === 'h') {
      index += 2; // silent gh after a vowel: "thugh" style spellings
      continue;
    }
    const digraph = CONSONANT_SPELLINGS.find(
      (rule) => remaining.startsWith(rule.spelling) && (!rule.start || index === 0) && (rule.spelling !== 'qu' || isVowelLetter(at(2))),
    );
    if (digraph) {
      units.push({ phonemes: [...digraph.phonemes] });
      index += digraph.spelling.length;
      continue;
    }
    const doubled = at(1) === letter;
    const step = doubled ? 2 : 1;
    const next = word[index + step];
    const softening = next === 'e' || next === 'i' || next === 'y';
    if (letter === 'c') units.push({ phonemes: doubled && softening ? ['K', 'S'] : [softening ? 'S' : 'K'] });
    else if (letter === 'g') units.push({ phonemes: [softening && !doubled ? 'JH' : 'G'] });
    else if (letter === 'x') units.push({ phonemes: index === 0 ? ['Z'] : ['K', 'S'] });
    else if (letter === 's') {
      const last = units.at(-1)?.phonemes.at(-1);
      const betweenVowels = !doubled && index > 0 && isVowelLetter(word[index - 1]) && isVowelLetter(next);
      const finalVoiced = !doubled && index === word.length - 1 && index > 0 && last !== undefined && !VOICELESS_FINAL.has(last);
      units.push({ phonemes: [betweenVowels || finalVoiced ? 'Z' : 'S'] });
    } else units.push({ phonemes: [...(SIMPLE_CONSONANTS[letter] ?? [])] });
    index += step;
  }
  return units;
}

function singleVowel(word: string, index: number): Unit {
  const letter = word[index] as string;
  const isLast = index === word.length - 1;
  const vowelGroups = countVowelGroups(word);
  if (letter === 'y') {
    if (isLast) return vowelGroups <= 1 ? { phonemes: ['AY'], nucleus: 'AY' } : { phonemes: ['IY'], nucleus: 'IY' };
    return { phonemes: ['IH'], nucleus: 'IH', reducible: true };
  }
  if (isLast) {
    if (letter === 'a') return { phonemes: ['AH'], nucleus: 'AH', reducible: vowelGroups > 1 };
    if (letter === 'e' || letter === 'i') return { phonemes: ['IY'], nucleus: 'IY' };
    if (letter === 'o') return { phonemes: ['OW'], nucleus: 'OW' };
    return { phonemes: ['UW'], nucleus: 'UW' };
  }
  // Magic e: vowel, one consonant, final e (or -es/-ed): "bake", "vibes", "hyped".
  const after = word.slice(index + 1);
  if (/^[bcdfgklmnprstvz](?:e|es|ed)$/.test(after) || /^(?:ch|th|st)e$/.test(after)) {
    const long = LONG[letter] as string;
    return { phonemes: [long], nucleus: long };
  }
  if (letter !== 'i' && /^[tsc]i(?:on|al)/.test(after)) {
    const long = LONG[letter] as string; // nation, lotion
    return { phonemes: [long], nucleus: long };
  }
  if (letter === 'a' && /^l(?:l|k|t)/.test(after)) return { phonemes: ['AO'], nucleus: 'AO' };
  if (letter === 'i' && /^(?:nd|ld|gn)/.test(after)) return { phonemes: ['AY'], nucleus: 'AY' };
  if (letter === 'o' && /^(?:ld|lt|st$)/.test(after)) return { phonemes: ['OW'], nucleus: 'OW' };
  // Open syllable before another vowel ("dia", "rio") keeps the long sound.
  if (isVowelLetter(word[index + 1])) {
    const long = letter === 'i' ? 'IY' : (LONG[letter] as string);
    return { phonemes: [long], nucleus: long };
  }
  // A short a after w or qu is rounded to AA before a coronal: "want", "wash", "swan", "squad"
  // (but "wax", "wag", "swam" keep AE).
  if (letter === 'a' && (word[index - 1] === 'w' || word.slice(index - 2, index) === 'qu') && /^(?:[ntdsl]|tch|sh)/.test(after)) {
    return { phonemes: ['AA'], nucleus: 'AA', reducible: true };
  }
  const short = SHORT[letter] as string;
  return { phonemes: [short], nucleus: short, reducible: true };
}

function countVowelGroups(word: string): number {
  return (word.match(/[aeiouy]+/g) ?? []).length;
}

/** Words spelled with no vowel letter: "skrrt", "brr", "hmm". The r-run or nasal becomes the syllable. */
function addSyllabicNucleus(units: Unit[]): void {
  const rIndex = units.findIndex((unit) => unit.phonemes[0] === 'R');
  if (rIndex !== -1) {
    units[rIndex] = { phonemes: ['ER'], nucleus: 'ER' };
    return;
  }
  const nasalIndex = units.findIndex((unit) => unit.phonemes[0] === 'M' || unit.phonemes[0] === 'N');
  if (nasalIndex !== -1) units.splice(nasalIndex, 0, { phonemes: ['AH'], nucleus: 'AH' });
}

const FINAL_STRESS_SUFFIXES = ['ee', 'eer', 'oon', 'ette', 'esque', 'ique', 'ade'];
const PRE_STRESS_SUFFIXES = ['tion', 'sion', 'cian', 'tial', 'cial', 'ic', 'ics', 'ical', 'ity', 'ian', 'ious', 'ify', 'itis'];

const PREFIX = /^(?:a|be|de|re|pre|pro|con|com|dis|mis|ex|en|em|in|im|un|sub|sup|suc|sur|per|ad|ob)(?=[^aeiouy])/;

/**
 * Two-syllable words made of an unstressed prefix and a root with a long vowel stress the root:
 * "afloat", "detail", "precise", "include", "complain". A short-vowel root ("insect", "progress")
 * or a weak second syllable ("enter", "empty", "intro", "ankle") keeps the stress up front.
 */
function unstressedPrefix(word: string, units: readonly Unit[], nuclei: readonly number[]): boolean {
  const prefix = PREFIX.exec(word)?.[0];
  if (!prefix) return false;
  // The prefix must hold the first vowel and nothing of the root: its letters end before the second nucleus.
  const firstVowelLetter = word.search(/[aeiouy]/);
  if (firstVowelLetter >= prefix.length) return false;
  const second = units[nuclei[1] as number] as Unit;
  if (second.reducible || second.nucleus === 'ER') return false;
  const open = (nuclei[1] as number) === units.length - 1 && second.phonemes.length === 1;
  return !open;
}

function assignStress(word: string, units: Unit[]): Pronunciation {
  const nuclei: number[] = [];
  units.forEach((unit, position) => {
    if (unit.nucleus) nuclei.push(position);
  });
  let stressed = 0;
  const count = nuclei.length;
  if (count >= 2) {
    if (FINAL_STRESS_SUFFIXES.some((suffix) => word.endsWith(suffix) && word.length > suffix.length + 1)) stressed = count - 1;
    else if (PRE_STRESS_SUFFIXES.some((suffix) => word.endsWith(suffix))) stressed = Math.max(0, count - 2);
    else if (count === 2) stressed = unstressedPrefix(word, units, nuclei) ? 1 : 0;
    else {
      const penultimate = units[nuclei[count - 2] as number] as Unit;
      const between = units.slice((nuclei[count - 2] as number) + 1, nuclei[count - 1]);
      const consonantsAfter = between.reduce((total, unit) => total + unit.phonemes.length, 0);
      const heavy = !penultimate.reducible || consonantsAfter >= 2;
      stressed = heavy ? count - 2 : count - 3;
    }
  }
  const result: Phoneme[] = [];
  let nucleusNumber = 0;
  for (const unit of units) {
    if (!unit.nucleus) {
      result.push(...unit.phonemes);
      continue;
    }
    const isStressed = nucleusNumber === stressed;
    nucleusNumber += 1;
    const [vowel, ...tail] = unit.phonemes as [string, ...string[]];
    let quality = vowel;
    if (!isStressed && unit.reducible) quality = vowel === 'EH' || vowel === 'IH' ? 'IH' : 'AH';
    // A team can carry a second, unstressed vowel ("-ire" is AY ER, final "-ea" is IY AH).
    result.push(`${quality}${isStressed ? 1 : 0}`, ...tail.map((phoneme) => (VOWEL_NAMES.has(phoneme) ? `${phoneme}0` : phoneme)));
  }
  return result;
}
