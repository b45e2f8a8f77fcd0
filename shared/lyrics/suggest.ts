import { analyzeSong, type SongAnalysis } from './analyze-song.ts';
import { echoLine } from './echo-line.ts';
import { isFunctionWord } from './function-words.ts';
import type { Lexicon } from './lexicon.ts';
import { CLOSED_CLASSES, CORE_WORDS, FRAMES, VERNACULAR_AUXILIARIES, type Frame } from './line-frames.ts';
import { planLine, type LinePlan } from './line-plan.ts';
import { compareWordRuns, endingWords } from './line-rhyme.ts';
import { classesInLine, createPartOfSpeechGuesser, WordClass, type PartOfSpeechGuesser } from './part-of-speech.ts';
import { RhymeType, rhymePart } from './rhyme.ts';
import { createRandom, type Random } from './seeded-random.ts';
import { round } from './statistics.ts';
import { summarizeStyle, type StyleProfile } from './style-profile.ts';
import { analyzeLine, analyzeWord, type WordSound } from './syllables.ts';
import { isProfane } from './vocabulary.ts';

export interface SuggestOptions {
  /** Where the new line goes among lyric lines; defaults to after the last line. */
  readonly lineIndex?: number;
  readonly newStanza?: boolean;
  /** Overrides the planned syllable count. */
  readonly targetSyllables?: number;
  /** The writer's learned style: favourite words, phrases, scheme and line length. */
  readonly profile?: StyleProfile;
  /** Same seed, same suggestions. */
  readonly seed?: number;
  /** How many lines to propose (default 5). */
  readonly count?: number;
}

/** Why a suggestion was made; structured so the UI can phrase it in the writer's language. */
export interface SuggestionReason {
  readonly rhymesWith?: { readonly text: string; readonly line: number; readonly type: RhymeType; readonly strength: number };
  readonly syllables: number;
  readonly targetSyllables: number;
  /** Words on the song's theme (WordNet neighbours of its words). */
  readonly themeWords: readonly string[];
  /** Words the writer has used before. */
  readonly ownWords: readonly string[];
  /** One of the writer's favourite phrases, when the line reuses it. */
  readonly ownPhrase?: string;
  /** Lyric line whose shape the suggestion borrows (same syntax, new words). */
  readonly echoesLine?: number;
}

export interface LineSuggestion {
  readonly text: string;
  readonly ending: string;
  readonly syllables: number;
  readonly score: number;
  readonly why: SuggestionReason;
}

export interface EndingSuggestion {
  readonly ending: string;
  readonly syllables: number;
  readonly rhyme?: { readonly type: RhymeType; readonly strength: number };
  readonly theme: number;
  readonly own: boolean;
  readonly score: number;
}

export interface Suggestions {
  readonly plan: LinePlan;
  readonly endings: readonly EndingSuggestion[];
  readonly lines: readonly LineSuggestion[];
}

const MINIMUM_RHYME = 0.6;
const ACCEPTED_RHYMES: ReadonlySet<RhymeType> = new Set([RhymeType.perfect, RhymeType.multisyllabic, RhymeType.slant]);

/** Per-lexicon list of common, pronounceable words: built once, reused across calls (a cache, not state). */
const commonWordsCache = new WeakMap<Lexicon, readonly string[]>();

/**
 * Proposes next lines and line endings. Endings rhyme with the line the stanza's scheme pairs
 * this one with (perfect, slant or multisyllabic), lines land within one syllable of the planned
 * length, words come from the song's theme (WordNet neighbours) and the writer's own vocabulary,
 * and sentence frames keep the grammar sound. Deterministic for a given seed.
 */
export function suggestLines(text: string, lexicon: Lexicon, options: SuggestOptions = {}): Suggestions {
  const song = analyzeSong(text, lexicon);
  const style = options.profile ? summarizeStyle(options.profile, 200) : undefined;
  const plan = planLine(song, {
    ...(options.lineIndex !== undefined ? { lineIndex: options.lineIndex } : {}),
    ...(options.newStanza !== undefined ? { newStanza: options.newStanza } : {}),
    ...(options.targetSyllables !== undefined ? { targetSyllables: options.targetSyllables } : {}),
    ...(style?.favouriteScheme ? { favouriteScheme: style.favouriteScheme } : {}),
    ...(style && style.sessions > 0 ? { usualSyllables: style.syllablesPerLine.mean } : {}),
  });
  const random = createRandom(options.seed ?? 1);
  const context = buildContext(song, text, lexicon, options.profile, plan, options.lineIndex);
  const endings = rankEndings(context, plan);
  const lines: LineSuggestion[] = [];
  const count = Math.max(0, options.count ?? 5);
  const usedEndings = new Set<string>();
  for (const ending of endings) {
    if (lines.length >= count * 2) break;
    if (usedEndings.has(ending.ending)) continue;
    const line = buildLine(context, plan, ending, random);
    if (line) {
      lines.push(line);
      usedEndings.add(ending.ending);
      for (const word of [...line.why.themeWords, ...line.why.ownWords]) context.usedWords.set(word, (context.usedWords.get(word) ?? 0) + 1);
    }
  }
  lines.sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : 1));
  return { plan, endings: endings.slice(0, 12).map(({ sound: _sound, classes: _classes, ...ending }) => ending), lines: lines.slice(0, count) };
}

interface Context {
  readonly song: SongAnalysis;
  readonly lexicon: Lexicon;
  readonly classes: PartOfSpeechGuesser;
  /** Writer's content words with counts (song + profile). */
  readonly own: ReadonlyMap<string, number>;
  readonly ownPhrases: readonly string[];
  /** Theme closeness of words to the song, in (0,1]. */
  readonly theme: ReadonlyMap<string, number>;
  /** The same, per word class, when the thesaurus knows parts of speech. */
  readonly themeByClass?: Readonly<Record<WordClass, ReadonlyMap<string, number>>>;
  readonly allowProfanity: boolean;
  readonly target?: { readonly words: readonly WordSound[]; readonly text: string; readonly line: number };
  readonly stanzaEndWords: ReadonlySet<string>;
  readonly auxiliaries: readonly string[];
  /** Slot fillers, built once per call and shared by every ending. */
  readonly pools: Map<string, readonly Filler[]>;
  /** Lyric lines that must not serve as skeletons (the rhyme target and the line being rewritten). */
  readonly skipLines: ReadonlySet<number>;
  /** Content words already used by accepted suggestions: five lines on one crutch word read as a bug. */
  readonly usedWords: Map<string, number>;
}

function buildContext(song: SongAnalysis, text: string, lexicon: Lexicon, profile: StyleProfile | undefined, plan: LinePlan, lineIndex: number | undefined): Context {
  const own = new Map<string, number>();
  const ownPhrases: string[] = [];
  for (const line of song.lines) for (const word of line.words) if (!isFunctionWord(word.token.word)) own.set(word.token.word, (own.get(word.token.word) ?? 0) + 1);
  if (profile) {
    for (const [word, count] of Object.entries(profile.words)) own.set(word, (own.get(word) ?? 0) + count);
    ownPhrases.push(...Object.entries(profile.phrases).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 50).map(([phrase]) => phrase));
  }
  ownPhrases.push(...song.vocabulary.favouritePhrases.map((phrase) => phrase.phrase));

  // Theme: WordNet neighbours of the song's content words, combined as a noisy-or so a word
  // related to several of the song's words ("dark" for night, shadow and rain) outranks a word
  // that one gloss happens to mention.
  const theme = new Map<string, number>();
  const songWords = [...own.keys()].filter((word) => song.lines.some((line) => line.words.some((sound) => sound.token.word === word)));
  if (lexicon.thesaurus) {
    for (const word of songWords.slice(-60)) {
      for (const [related, closeness] of lexicon.thesaurus.related(word)) {
        if (related.length >= 3) theme.set(related, 1 - (1 - (theme.get(related) ?? 0)) * (1 - closeness));
      }
    }
  }
  for (const word of songWords) theme.set(word, Math.max(theme.get(word) ?? 0, 0.6));
  const thesaurus = lexicon.thesaurus;
  const themeAs = (part: 'n' | 'v' | 'a' | 'r') => {
    const closeness = new Map<string, number>();
    for (const word of songWords.slice(-60)) {
      for (const [related, value] of thesaurus?.relatedAs?.(word, part) ?? []) {
        if (related.length >= 3) closeness.set(related, 1 - (1 - (closeness.get(related) ?? 0)) * (1 - value));
      }
    }
    return closeness;
  };
  const themeByClass: Record<WordClass, ReadonlyMap<string, number>> | undefined = thesaurus?.relatedAs
    ? { noun: themeAs('n'), verb: themeAs('v'), adjective: themeAs('a'), adverb: themeAs('r') }
    : undefined;
  const target =
    plan.rhymeWithLine === undefined
      ? undefined
      : (() => {
          const line = song.lines[plan.rhymeWithLine] as SongAnalysis['lines'][number];
          return { words: endingWords(line.words), text: line.words.at(-1)?.token.word ?? '', line: plan.rhymeWithLine };
        })();
  const stanzaLength = song.stanzas.find((stanza) => stanza.startLine === plan.stanzaStart)?.scheme.length ?? 0;
  const stanzaEndWords = new Set(
    song.lines
      .slice(plan.stanzaStart, plan.stanzaStart + stanzaLength)
      .filter((_, offset) => plan.stanzaStart + offset !== lineIndex)
      .map((line) => line.words.at(-1)?.token.word ?? ''),
  );
  const writerUses = (word: string) => (own.get(word) ?? 0) > 0 || song.lines.some((line) => line.words.some((sound) => sound.token.word === word));
  return {
    song,
    lexicon,
    classes: createPartOfSpeechGuesser(text, lexicon.thesaurus),
    own,
    ownPhrases,
    theme,
    ...(themeByClass ? { themeByClass } : {}),
    allowProfanity: song.vocabulary.profanityShare > 0 || (profile ? profile.profaneWords > 0 : false),
    ...(target ? { target } : {}),
    stanzaEndWords,
    auxiliaries: [...CLOSED_CLASSES.A as readonly string[], ...VERNACULAR_AUXILIARIES.filter((word) => writerUses(word.split(' ')[0] as string))],
    pools: new Map(),
    usedWords: new Map(),
    skipLines: new Set([plan.rhymeWithLine, lineIndex].filter((line): line is number => line !== undefined)),
  };
}

function commonWords(lexicon: Lexicon): readonly string[] {
  const cached = commonWordsCache.get(lexicon);
  if (cached) return cached;
  const words: string[] = [];
  for (const word of lexicon.frequencies?.keys() ?? []) {
    if (/^[a-z]{2,}$/.test(word) && lexicon.frequencyPerMillion(word) >= 2 && lexicon.pronunciations.has(word)) words.push(word);
  }
  words.sort();
  commonWordsCache.set(lexicon, words);
  return words;
}

interface RankedEnding extends EndingSuggestion {
  readonly sound: readonly WordSound[];
  readonly classes: ReadonlySet<WordClass | 'phrase-noun' | 'phrase-verb'>;
}

function rankEndings(context: Context, plan: LinePlan): RankedEnding[] {
  const { lexicon, target } = context;
  // Without a rhyme to find, the whole dictionary is noise: draw endings from the writer and the theme.
  const candidates = new Set<string>([...context.own.keys(), ...topByValue(context.theme, 400), ...(target ? commonWords(lexicon) : [])]);
  for (const word of CORE_WORDS.noun) candidates.add(word);
  const targetLast = target?.words.at(-1);
  const targetVowels = new Set<string>();
  if (targetLast) {
    for (const pronunciation of targetLast.pronunciations) {
      const part = rhymePart(pronunciation);
      if (part[0]) targetVowels.add(part[0].slice(0, 2));
      const last = [...pronunciation].reverse().find((phoneme) => /\d$/.test(phoneme));
      if (last) targetVowels.add(last.slice(0, 2));
    }
  }
  const ranked: RankedEnding[] = [];
  const consider = (ending: string, sound: readonly WordSound[], classes: RankedEnding['classes'], phrase: boolean) => {
    let rhyme: EndingSuggestion['rhyme'];
    if (target) {
      const result = compareWordRuns(target.words, sound);
      if (!ACCEPTED_RHYMES.has(result.type) || result.strength < MINIMUM_RHYME) return;
      rhyme = { type: result.type, strength: result.strength };
    }
    const last = sound.at(-1)?.token.word ?? ending;
    const theme = context.theme.get(last) ?? 0;
    const ownCount = context.own.get(last) ?? 0;
    // The writer's own words count as common: they are common for this writer.
    const commonness = Math.max(ownCount > 0 ? 0.7 : 0, Math.min(1, Math.log10(1 + lexicon.frequencyPerMillion(last)) / 2));
    // Rare words ("swain", "flocculent") rhyme on paper but stop a listener; keep the writer's own.
    if (!phrase && ownCount === 0 && lexicon.frequencies && commonness < 0.3) return;
    const syllables = sound.reduce((total, word) => total + word.syllables, 0);
    const score =
      1.5 * (rhyme?.strength ?? 0.5) + 1.0 * theme + 1.5 * Math.min(1, Math.log2(1 + ownCount) / 3) + 1.0 * commonness +
      (rhyme?.type === RhymeType.multisyllabic ? 0.3 : 0) + (phrase ? 0.4 : 0);
    ranked.push({ ending, syllables, ...(rhyme ? { rhyme } : {}), theme: round(theme), own: ownCount > 0 || phrase, score: round(score), sound, classes });
  };
  for (const word of candidates) {
    if (isFunctionWord(word) || context.stanzaEndWords.has(word) || sameStem(word, context.target?.text)) continue;
    if (word.length < 3 && !context.own.has(word)) continue; // two-letter dictionary entries are mostly abbreviations
    if (!context.allowProfanity && isProfane(word)) continue;
    const sound = analyzeWord({ text: word, word, start: 0 }, lexicon);
    if (sound.syllables === 0) continue;
    if (targetVowels.size > 0 && !sound.pronunciations.some((pronunciation) => sharesVowel(pronunciation, targetVowels))) continue;
    const classes = context.classes.classesOf(word);
    if (classes.size === 0) continue;
    consider(word, [sound], classes, false);
  }
  for (const phrase of context.ownPhrases) {
    const line = analyzeLine(phrase, lexicon);
    const first = line.words[0]?.token.word ?? '';
    const last = line.words.at(-1)?.token.word ?? '';
    if (line.words.length < 2 || isFunctionWord(last) || last === context.target?.text || context.stanzaEndWords.has(last)) continue;
    const kind = CLOSED_CLASSES.D?.includes(first) || CLOSED_CLASSES.P?.includes(first) ? 'phrase-noun' : context.classes.classesOf(first).has(WordClass.verb) ? 'phrase-verb' : undefined;
    if (kind) consider(phrase, line.words, new Set([kind]), true);
  }
  return ranked.sort((a, b) => b.score - a.score || (a.ending < b.ending ? -1 : 1));
}

/** "orange"/"oranges", "night"/"nightly": a shared stem is repetition, not rhyme. */
function sameStem(word: string, target: string | undefined): boolean {
  if (!target) return false;
  const shorter = word.length < target.length ? word : target;
  const longer = shorter === word ? target : word;
  return shorter.length >= 3 && longer.startsWith(shorter);
}

function sharesVowel(pronunciation: readonly string[], vowels: ReadonlySet<string>): boolean {
  const part = rhymePart(pronunciation);
  return pronunciation.some((phoneme) => /\d$/.test(phoneme) && vowels.has(phoneme.slice(0, 2))) && part.length > 0;
}

interface Filler {
  readonly text: string;
  readonly syllables: number;
  readonly weight: number;
}

function buildLine(context: Context, plan: LinePlan, ending: RankedEnding, random: Random): LineSuggestion | undefined {
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
  const drafts: { text: string; echoes?: number }[] = [];
  for (let attempt = 0; attempt < 30 && frames.length > 0; attempt += 1) {
    const words = fillFrame(random.pick(frames), ending, plan.targetSyllables, poolFor, random);
    if (words) drafts.push({ text: capitalise(contractBeforeGoingTo(words).join(' ').replace(/ ,/g, ',')) });
  }
  drafts.push(...echoDrafts(context, plan, ending, poolFor, random));
  let best: LineSuggestion | undefined;
  for (const { text: draft, echoes } of drafts) {
    const sound = analyzeLine(fixArticles(draft, context.lexicon), context.lexicon);
    const text = sound.text;
    if (Math.abs(sound.syllables - plan.targetSyllables) > 1) continue;
    const content = sound.words.map((word) => word.token.word).filter((word) => !isFunctionWord(word));
    if (new Set(content).size < content.length) continue; // a word twice reads like a glitch
    const themeWords = unique(content.filter((word) => (context.theme.get(word) ?? 0) >= 0.5 && !context.own.has(word)));
    const ownWords = unique(content.filter((word) => context.own.has(word)));
    // A line on the writer's own skeleton carries their syntax and rhythm: worth more than a frame.
    // Leaning on the very word being rhymed with ("orange … orange course") reads as lazy.
    const echoesTarget = context.target !== undefined && content.includes(context.target.text);
    const reused = content.reduce((total, word) => total + (context.usedWords.get(word) ?? 0), 0);
    const score = round(
      ending.score + 0.35 * themeWords.length + 0.45 * Math.min(3, ownWords.length) + (echoes !== undefined ? 0.8 : 0) - (echoesTarget ? 0.6 : 0) - 0.6 * reused -
        0.4 * Math.abs(sound.syllables - plan.targetSyllables) + 0.1 * random.next(),
    );
    if (best && score <= best.score) continue;
    const rhyme = context.target ? compareWordRuns(context.target.words, endingWords(sound.words)) : undefined;
    const ownPhrase = context.ownPhrases.find((phrase) => ` ${sound.words.map((word) => word.token.word).join(' ')} `.includes(` ${phrase} `));
    best = {
      text,
      ending: ending.ending,
      syllables: sound.syllables,
      score,
      why: {
        ...(context.target && rhyme
          ? { rhymesWith: { text: rhymeText(context.target.words, rhyme.type), line: context.target.line, type: rhyme.type, strength: rhyme.strength } }
          : {}),
        syllables: sound.syllables,
        targetSyllables: plan.targetSyllables,
        themeWords,
        ownWords,
        ...(ownPhrase ? { ownPhrase } : {}),
        ...(echoes !== undefined ? { echoesLine: echoes } : {}),
      },
    };
  }
  return best;
}

/** Lines built on the skeletons of the song's own lines whose last word can take this ending's class. */
function echoDrafts(context: Context, plan: LinePlan, ending: RankedEnding, poolFor: (slot: string) => readonly Filler[], random: Random): { text: string; echoes: number }[] {
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

function fillersFor(slot: string, context: Context): Filler[] {
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

/** The words a listener hears rhyming: the last word, or the multi-word run for a multisyllabic rhyme. */
function rhymeText(words: readonly WordSound[], type: RhymeType): string {
  const last = words.at(-1);
  if (type !== RhymeType.multisyllabic || !last) return last?.token.word ?? '';
  const content = words.filter((word, index) => index === words.length - 1 || !isFunctionWord(word.token.word) || index > 0);
  return content.slice(-2).map((word) => word.token.word).join(' ');
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

/** The `limit` keys with the highest values, ties by key, for bounded and deterministic pools. */
function topByValue(values: ReadonlyMap<string, number>, limit: number): string[] {
  return [...values]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([key]) => key);
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * An English one-line explanation ("rhymes with “night” (perfect), 8 syllables"), for logs,
 * tests and API consumers without a catalog; the app phrases {@link SuggestionReason} itself.
 */
export function explainSuggestion(suggestion: LineSuggestion): string {
  const parts: string[] = [];
  const { rhymesWith, syllables, themeWords, ownWords } = suggestion.why;
  if (rhymesWith) parts.push(`rhymes with \u201c${rhymesWith.text}\u201d (${rhymesWith.type})`);
  parts.push(`${syllables} syllables`);
  if (themeWords.length) parts.push(`on theme: ${themeWords.join(', ')}`);
  if (ownWords.length) parts.push(`your words: ${ownWords.join(', ')}`);
  return parts.join(', ');
}
