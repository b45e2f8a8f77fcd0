import type { WordClass } from './part-of-speech.ts';

/**
 * Sentence frames for generated lines. Each frame is a sequence of slots ending in the rhyme
 * slot `E`; closed-class slots draw from the short lists below, open ones from the song's theme
 * and the writer's words. Frames keep generated lines grammatical without a language model: verbs
 * only ever follow a subject or an auxiliary in base form, "is" only follows a singular noun.
 *
 * Slots: S subject, Sp plural subject, A auxiliary, V verb, Vt verb taking an object, P preposition, D determiner,
 * J adjective, N noun, Ns singular noun, R adverb, O opener, E ending; anything else is literal.
 */
export type Frame = readonly string[];

export const FRAMES: Readonly<Record<WordClass | 'phrase-noun' | 'phrase-verb', readonly Frame[]>> = {
  noun: [
    ['S', 'Vt', 'D', 'E'],
    ['S', 'V', 'P', 'D', 'E'],
    ['S', 'Vt', 'D', 'J', 'E'],
    ['S', 'V', 'P', 'D', 'J', 'E'],
    ['S', 'A', 'V', 'P', 'D', 'E'],
    ['O', 'S', 'V', 'P', 'D', 'E'],
    ['S', 'Vt', 'D', 'N', 'P', 'D', 'E'],
    ['D', 'J', 'N', 'P', 'D', 'E'],
    ['O', 'S', 'A', 'Vt', 'D', 'J', 'E'],
    ['S', 'A', 'R', 'V', 'P', 'D', 'E'],
  ],
  verb: [
    ['S', 'A', 'E'],
    ['S', 'A', 'R', 'E'],
    ['O', 'S', 'A', 'E'],
    ['P', 'D', 'J', 'N', ',', 'S', 'A', 'E'],
    ['S', 'Vt', 'D', 'N', ',', 'S', 'A', 'E'],
  ],
  adjective: [
    ['D', 'Ns', 'is', 'so', 'E'],
    ['D', 'J', 'Ns', 'is', 'E'],
    ['Sp', 'were', 'J', 'and', 'E'],
    ['S', 'feel', 'so', 'E'],
    ['O', 'S', 'keep', 'D', 'N', 'E'],
    ['S', 'make', 'D', 'N', 'E'],
  ],
  adverb: [
    ['S', 'V', 'E'],
    ['S', 'Vt', 'D', 'N', 'E'],
    ['O', 'S', 'A', 'V', 'E'],
  ],
  'phrase-noun': [
    ['S', 'Vt', 'E'],
    ['S', 'V', 'P', 'E'],
    ['O', 'S', 'A', 'V', 'P', 'E'],
  ],
  'phrase-verb': [
    ['S', 'A', 'E'],
    ['O', 'S', 'A', 'E'],
    ['S', 'A', 'R', 'E'],
  ],
};

/** Closed-class fillers. Writers' own auxiliaries ("finna", "tryna") are added when they use them. */
export const CLOSED_CLASSES: Readonly<Record<string, readonly string[]>> = {
  S: ['I', 'we', 'you', 'they'],
  Sp: ['we', 'you', 'they'],
  A: ["can't", "won't", 'gotta', 'wanna', 'never', 'still', 'just', 'gonna', 'will', 'could', 'would', 'might', 'used to', 'had to'],
  P: ['in', 'through', 'under', 'into', 'across', 'with', 'for', 'like', 'from', 'on', 'beneath', 'inside', 'over', 'at'],
  D: ['the', 'my', 'your', 'our'],
  O: ['and', 'so', 'now', 'yeah,', 'oh,', "'cause"],
  // Adverbs that sit naturally between an auxiliary and a verb ("I can't always run").
  R: ['always', 'really', 'only', 'slowly', 'barely', 'finally', 'truly', 'quietly'],
};

/** Auxiliary-like slang a writer may use; offered only if the writer does. */
export const VERNACULAR_AUXILIARIES: readonly string[] = ['finna', 'tryna', 'gon', 'bout to', 'gotta', 'wanna', 'gonna'];

/** Core open-class words so a first line on an empty page still has material. */
export const CORE_WORDS: Readonly<Record<WordClass, readonly string[]>> = {
  noun: ['night', 'heart', 'city', 'road', 'fire', 'light', 'dream', 'time', 'world', 'sky', 'rain', 'street', 'love', 'sound', 'home', 'moon', 'river', 'money', 'crown', 'storm'],
  verb: ['run', 'ride', 'fall', 'shine', 'burn', 'hold', 'chase', 'move', 'rise', 'fly', 'dance', 'dream', 'break', 'stay', 'wait', 'sing', 'walk', 'drive', 'find', 'take', 'light', 'keep'],
  adjective: ['cold', 'bright', 'wild', 'young', 'lost', 'free', 'slow', 'golden', 'broken', 'quiet', 'restless', 'heavy', 'electric', 'empty'],
  adverb: ['slowly', 'tonight', 'again', 'away', 'forever', 'alone', 'together', 'now'],
};
