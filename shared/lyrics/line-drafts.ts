import { echoLine } from './echo-line.ts';
import { isFunctionWord } from './function-words.ts';
import type { Lexicon } from './lexicon.ts';
import { CLOSED_CLASSES, CORE_WORDS, FRAMES, type Frame } from './line-frames.ts';
import type { LinePlan } from './line-plan.ts';
import { classesInLine, WordClass } from './part-of-speech.ts';
import type { Random } from './seeded-random.ts';
import type { RankedEnding } from './ending-candidates.ts';
import { topByValue, type Filler, type SuggestionContext } from './suggestion-context.ts';
import { analyzeLine } from './syllables.ts';
import { isProfane } from './vocabulary.ts';

/** A candidate line before scoring; `echoes` is the lyric line whose skeleton it borrows. */
export interface LineDraft {
  readonly text: string;
  readonly echoes?: number;
}

/**
 * Drafts lines ending on `ending`: frame-built lines whose slots spend the syllable budget, and
 * lines on the skeletons of the writer's own lines. Articles and "I'm gonna" are fixed here so
 * scoring sees the final text.
 */
export function draftLines(context: SuggestionContext, plan: LinePlan, ending: RankedEnding, random: Random): LineDraft[] {
  const frames: Frame[] = [];
  for (const wordClass of ending.classes) {
    if (wordClass === WordClass.adverb && !/ly$/.test(ending.ending) && !CORE_WORDS.adverb.includes(ending.ending)) continue;
    frames.push(...(FRAMES[wordClass] ?? []));
  }
  const poolFor = (slot: string) => {
    const cached = context.pools.get(slot);
    if (cached) return cached;
    const pool = fillersFor(slot, context);
    context.pools.set(slot, pool);
    return pool;
  };
  const drafts: LineDraft[] = [];
  for (let attempt = 0; attempt < 30 && frames.length > 0; attempt += 1) {
    const words = fillFrame(random.pick(frames), ending, plan.targetSyllables, poolFor, random);
    if (words) drafts.push({ text: capitalise(contractBeforeGoingTo(words).join(' ').replace(/ ,/g, ',')) });
  }
  drafts.push(...echoDrafts(context, plan, ending, poolFor, random));
  return drafts.map((draft) => ({ ...draft, text: fixArticles(draft.text, context.lexicon) }));
}

/** Lines built on the skeletons of the song's own lines whose last word can take this ending's class. */
function echoDrafts(context: SuggestionContext, plan: LinePlan, ending: RankedEnding, poolFor: (slot: string) => readonly Filler[], random: Random): { text: string; echoes: number }[] {
  if (ending.sound.length !== 1) return [];
  const drafts: { text: string; echoes: number }[] = [];
  context.song.lines.forEach((line, index) => {
    if (context.skipLines.has(index) || line.syllables === 0) return;
    const last = line.words.at(-1);
    const predicted = line.syllables - (last?.syllables ?? 0) + ending.syllables;
    if (!last || Math.abs(predicted - plan.targetSyllables) > 1) return;
    const inLine = classesInLine(line.text);
    if (!setsMeet(inLine.at(-1)?.classes ?? new Set(), ending.classes)) return;
    const text = echoLine(
      line,
      ending.ending,
      (word, position) => {
        // Swap only inside a noun phrase ("my shadow", "the empty station"), where a noun or
        // adjective of the same length cannot break the grammar.
        const before = line.words[position - 1]?.token.word ?? '';
        const beforeThat = line.words[position - 2]?.token.word ?? '';
        const classes = inLine.find((term) => term.word === word.token.word)?.classes ?? new Set();
        const slot = classes.has(WordClass.noun) ? 'N' : classes.has(WordClass.adjective) ? 'J' : undefined;
        if (!slot || !(DETERMINERS.has(before) || (DETERMINERS.has(beforeThat) && !isFunctionWord(before)))) return undefined;
        const plural = /[^s]s$/.test(word.token.word);
        const options = poolFor(slot).filter(
          (filler) => filler.syllables === word.syllables && filler.text !== word.token.word && filler.text !== ending.ending && (slot !== 'N' || /[^s]s$/.test(filler.text) === plural),
        );
        return options.length ? random.weighted(options, (filler) => filler.weight).text : undefined;
      },
      (positions) => random.pick(positions),
    );
    if (text) drafts.push({ text: capitalise(text), echoes: index });
  });
  return drafts;
}

const WORDNET_LETTER: Readonly<Record<WordClass, string>> = { noun: 'n', verb: 'v', adjective: 'a', adverb: 'r' };

/** Adjectives that only follow a verb ("I walk alone"), never a determiner ("the alone station"). */
const PREDICATIVE_ONLY: ReadonlySet<string> = new Set(['alone', 'asleep', 'awake', 'afraid', 'alive', 'aware', 'ablaze', 'afloat', 'alike', 'apart', 'ashamed', 'awash']);

const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'my', 'your', 'our', 'their', 'his', 'her', 'its', 'this', 'that', 'these', 'those']);

function setsMeet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const item of a) if (b.has(item)) return true;
  return false;
}

/** Fills a frame's slots left to right, spending the syllable budget so the line can land on target. */
function fillFrame(frame: Frame, ending: RankedEnding, target: number, poolFor: (slot: string) => readonly Filler[], random: Random): string[] | undefined {
  const slots = frame.filter((slot) => isSlot(slot) && slot !== 'E');
  // Every literal word in the frames ("is", "so", "were", "feel") is one syllable.
  let budget = target - ending.syllables - frame.filter((slot) => !isSlot(slot) && slot !== ',').length;
  const words: string[] = [];
  let open = slots.length;
  for (const slot of frame) {
    if (slot === 'E') {
      words.push(ending.ending);
      continue;
    }
    if (!isSlot(slot)) {
      words.push(slot);
      continue;
    }
    open -= 1;
    const pool = poolFor(slot);
    const fits = pool.filter((filler) => (open === 0 ? Math.abs(budget - filler.syllables) <= 1 : budget - filler.syllables >= open));
    if (fits.length === 0) return undefined;
    const chosen = random.weighted(fits, (filler) => filler.weight);
    words.push(chosen.text);
    budget -= chosen.syllables;
  }
  return words;
}

const SLOTS = new Set(['S', 'Sp', 'A', 'V', 'Vt', 'P', 'D', 'J', 'N', 'Ns', 'R', 'O', 'E']);
const isSlot = (slot: string) => SLOTS.has(slot);

function fillersFor(slot: string, context: SuggestionContext): Filler[] {
  const closed = slot === 'A' ? context.auxiliaries : CLOSED_CLASSES[slot];
  if (closed) {
    return closed.map((text) => ({
      text,
      syllables: analyzeLine(text, context.lexicon).syllables,
      weight: 1 + Math.min(2, context.own.get(text.replace(/,$/, '')) ?? 0),
    }));
  }
  const wordClass = slot === 'V' || slot === 'Vt' ? WordClass.verb : slot === 'J' ? WordClass.adjective : slot === 'R' ? WordClass.adverb : WordClass.noun;
  const classTheme = context.themeByClass?.[wordClass] ?? context.theme;
  const words = new Set<string>([...CORE_WORDS[wordClass]]);
  for (const word of context.own.keys()) words.add(word);
  for (const word of topByValue(classTheme, 300)) if ((classTheme.get(word) ?? 0) >= 0.5) words.add(word);
  const fillers: Filler[] = [];
  for (const word of words) {
    if (!/^[a-z']+$/.test(word) || isFunctionWord(word)) continue;
    if (!context.allowProfanity && isProfane(word)) continue;
    if (!context.classes.classesOf(word).has(wordClass)) continue;
    if (slot === 'Ns' && /[^s]s$/.test(word)) continue;
    if (wordClass === WordClass.adjective && PREDICATIVE_ONLY.has(word)) continue;
    // Tagging in context can misfire ("beyond" as an adjective); when WordNet knows the word, it must agree.
    const known = context.lexicon.thesaurus?.partsOfSpeech(word);
    if (known && known.size > 0 && !known.has(WORDNET_LETTER[wordClass])) continue;
    // Without the thesaurus's verb frames every verb may take an object; with them, only transitive ones do.
    if (slot === 'Vt' && context.lexicon.thesaurus?.takesObject?.(word) === false) continue;
    if (wordClass === WordClass.adverb && !/ly$/.test(word) && !CORE_WORDS.adverb.includes(word)) continue;
    const pronunciation = context.lexicon.pronounce(word);
    if (pronunciation.source !== 'dictionary' && !context.own.has(word)) continue;
    const ownCount = context.own.get(word) ?? 0;
    const theme = Math.max(classTheme.get(word) ?? 0, context.own.has(word) ? (context.theme.get(word) ?? 0) : 0);
    const commonness = Math.min(1, Math.log10(1 + context.lexicon.frequencyPerMillion(word)) / 2);
    if (ownCount === 0 && theme < 0.5 && !CORE_WORDS[wordClass].includes(word)) continue;
    // Lyrics live in spoken English: a theme word rarer than ~10 per million in film dialogue
    // ("commission", "accompany") reads like a report, not a song.
    if (ownCount === 0 && context.lexicon.frequencies && commonness < 0.5) continue;
    const syllables = analyzeLine(word, context.lexicon).syllables;
    if (syllables === 0) continue;
    // Short words carry a beat better; long Latinate ones crowd the bar.
    const brevity = syllables <= 2 ? 1 : 0.5;
    fillers.push({ text: word, syllables, weight: (0.3 + 2 * Math.min(1, ownCount / 2) + 2 * theme + commonness) * brevity });
  }
  return fillers.sort((a, b) => (a.text < b.text ? -1 : 1));
}

/** "a amount" → "an amount", "an dream" → "a dream", by the next word's first sound, not its spelling. */
function fixArticles(text: string, lexicon: Lexicon): string {
  return text.replace(/\b([Aa])(n?) ([\p{L}']+)/gu, (whole, article: string, _n: string, next: string) => {
    const first = lexicon.pronounce(next.toLowerCase()).pronunciations[0]?.[0];
    if (first === undefined) return whole;
    return `${article}${/\d$/.test(first) ? 'n' : ''} ${next}`;
  });
}

const NEEDS_BE = /^(?:gonna|finna|tryna|gon|bout to)$/;
const CONTRACTED: Readonly<Record<string, string>> = { I: "I'm", we: "we're", you: "you're", they: "they're" };

/** "I gonna" is not English; "I'm gonna" is. Same syllable count, so the plan still holds. */
function contractBeforeGoingTo(words: readonly string[]): string[] {
  return words.map((word, index) => {
    const next = words[index + 1];
    return next !== undefined && NEEDS_BE.test(next) ? (CONTRACTED[word] ?? word) : word;
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

