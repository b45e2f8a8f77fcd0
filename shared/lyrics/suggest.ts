import { analyzeSong } from './analyze-song.ts';
import { rankEndings, type EndingSuggestion } from './ending-candidates.ts';
import { isFunctionWord } from './function-words.ts';
import type { Lexicon } from './lexicon.ts';
import { draftLines } from './line-drafts.ts';
import { planLine, type LinePlan } from './line-plan.ts';
import { compareWordRuns, endingWords } from './line-rhyme.ts';
import type { RankedEnding } from './ending-candidates.ts';
import { RhymeType } from './rhyme.ts';
import { createRandom, type Random } from './seeded-random.ts';
import { round } from './statistics.ts';
import { summarizeStyle, type StyleProfile } from './style-profile.ts';
import { buildSuggestionContext, type SuggestionContext } from './suggestion-context.ts';
import { analyzeLine, type WordSound } from './syllables.ts';

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

export interface Suggestions {
  readonly plan: LinePlan;
  readonly endings: readonly EndingSuggestion[];
  readonly lines: readonly LineSuggestion[];
}

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
  const context = buildSuggestionContext(song, text, lexicon, options.profile, plan, options.lineIndex);
  const endings = rankEndings(context);
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

function buildLine(context: SuggestionContext, plan: LinePlan, ending: RankedEnding, random: Random): LineSuggestion | undefined {
  let best: LineSuggestion | undefined;
  for (const { text: draft, echoes } of draftLines(context, plan, ending, random)) {
    const sound = analyzeLine(draft, context.lexicon);
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

/** The words a listener hears rhyming: the last word, or the multi-word run for a multisyllabic rhyme. */
function rhymeText(words: readonly WordSound[], type: RhymeType): string {
  const last = words.at(-1);
  if (type !== RhymeType.multisyllabic || !last) return last?.token.word ?? '';
  const content = words.filter((word, index) => index === words.length - 1 || !isFunctionWord(word.token.word) || index > 0);
  return content.slice(-2).map((word) => word.token.word).join(' ');
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
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
