import { parentPort } from 'node:worker_threads';
import { compileLexiconTexts } from './lexicon-texts.ts';

// Worker thread entry (see lexicon.ts): compiles the lexicon files off the event loop and hands back
// two strings; WordNet's parsed graph dies with the thread.
try {
  parentPort?.postMessage({ ok: true, texts: compileLexiconTexts() });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
