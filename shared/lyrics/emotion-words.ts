/**
 * Seed words for a few emotion categories songwriters talk about. Hand-picked and short on
 * purpose: each word is a clear, common signal in lyrics. Matching strips common suffixes, so
 * "cryin'", "cried" and "cries" all hit "cry".
 */
export const Emotion = {
  joy: 'joy',
  sadness: 'sadness',
  anger: 'anger',
  fear: 'fear',
  love: 'love',
  confidence: 'confidence',
} as const;
export type Emotion = (typeof Emotion)[keyof typeof Emotion];

export const EMOTION_WORDS: Readonly<Record<Emotion, readonly string[]>> = {
  joy: ['happy', 'joy', 'smile', 'laugh', 'dance', 'celebrate', 'sunshine', 'bright', 'glad', 'fun', 'party', 'shine', 'free',
    'alive', 'high', 'golden', 'bless', 'blessed', 'grateful', 'cheer', 'delight', 'paradise', 'heaven', 'sing', 'good'],
  sadness: ['sad', 'cry', 'tear', 'tears', 'alone', 'lonely', 'lost', 'goodbye', 'miss', 'gone', 'empty', 'broken', 'blue',
    'grey', 'gray', 'cold', 'rain', 'sorrow', 'grief', 'mourn', 'pain', 'hurt', 'regret', 'funeral', 'dark', 'fade', 'weep'],
  anger: ['angry', 'mad', 'rage', 'hate', 'fight', 'burn', 'kill', 'war', 'fury', 'blood', 'revenge', 'fire', 'smoke',
    'scream', 'shout', 'enemy', 'opps', 'beef', 'snake', 'fake', 'betray', 'damn', 'destroy', 'break', 'violent'],
  fear: ['fear', 'afraid', 'scared', 'scare', 'panic', 'nervous', 'anxious', 'worry', 'shadow', 'ghost', 'haunt', 'terror',
    'danger', 'paranoid', 'shake', 'tremble', 'dread', 'nightmare', 'run', 'hide', 'trap', 'doubt'],
  love: ['love', 'lover', 'heart', 'kiss', 'baby', 'babe', 'darling', 'honey', 'hold', 'touch', 'forever', 'together', 'desire',
    'romance', 'sweet', 'embrace', 'adore', 'soulmate', 'tender', 'want', 'need', 'yours', 'mine', 'bae'],
  confidence: ['boss', 'king', 'queen', 'crown', 'win', 'winner', 'champion', 'top', 'best', 'rich', 'money', 'gold', 'diamond',
    'flex', 'drip', 'shine', 'hustle', 'grind', 'rise', 'power', 'strong', 'unstoppable', 'legend', 'goat', 'stack', 'ice'],
};

const INDEX: ReadonlyMap<string, readonly Emotion[]> = (() => {
  const index = new Map<string, Emotion[]>();
  for (const [emotion, words] of Object.entries(EMOTION_WORDS) as [Emotion, readonly string[]][]) {
    for (const word of words) index.set(word, [...(index.get(word) ?? []), emotion]);
  }
  return index;
})();

/** Emotions a word signals, trying the word and then simple stems (plural, -ed, -ing, -in'). */
export function emotionsOf(word: string): readonly Emotion[] {
  const direct = INDEX.get(word);
  if (direct) return direct;
  for (const stem of stems(word)) {
    const found = INDEX.get(stem);
    if (found) return found;
  }
  return [];
}

function stems(word: string): string[] {
  const candidates: string[] = [];
  const strip = (pattern: RegExp, replacement = '') => {
    if (pattern.test(word)) candidates.push(word.replace(pattern, replacement));
  };
  strip(/in'?$/);
  strip(/ing$/);
  strip(/ing$/, 'e');
  strip(/ied$/, 'y');
  strip(/ies$/, 'y');
  strip(/ed$/);
  strip(/d$/);
  strip(/es$/);
  strip(/s$/);
  strip(/(.)\1(?:in'?|ing|ed)$/, '$1'); // "runnin'" → "run"
  return candidates;
}
