import { compileLexiconTexts } from './lexicon-texts.ts';

// Child process entry (see lexicon.ts): compiles the lexicon files away from the server and sends back
// two strings; WordNet's parsed graph, and every page of memory it took, go away with the process.
try {
  process.send?.({ ok: true, texts: compileLexiconTexts() }, () => process.exit(0));
} catch (error) {
  process.send?.({ ok: false, message: error instanceof Error ? error.message : String(error) }, () => process.exit(1));
}
