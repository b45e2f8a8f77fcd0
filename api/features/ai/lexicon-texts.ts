import { dictionary } from 'cmu-pronouncing-dictionary';
import { compileCmuDictionary } from '../../../scripts/build-pronunciations.ts';
import { compileThesaurus } from '../../../scripts/build-thesaurus.ts';

/** The two compiled files the lyrics engine loads, as text: what the app downloads, built from the npm packages. */
export interface LexiconTexts {
  /** CMUdict in the pronunciation index format (shared/lyrics/pronunciation-index.ts). */
  readonly pronunciations: string;
  /** WordNet restricted to the 20,000 most spoken words (shared/lyrics/thesaurus-index.ts). */
  readonly thesaurus: string;
}

/**
 * Compiles both files with the same builders the scripts use for the app. The heavy part is WordNet
 * (35 MB parsed, then dropped once encoded), which is why the server runs this in a child process.
 */
export function compileLexiconTexts(): LexiconTexts {
  return { pronunciations: compileCmuDictionary(dictionary), thesaurus: compileThesaurus() };
}
