/**
 * Up to two initials for an avatar placeholder: first letters of the first and last words. Splits by
 * grapheme, so accented letters, emoji and combined characters are never cut in half.
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = (word: string | undefined): string => (word ? ([...new Intl.Segmenter().segment(word)][0]?.segment ?? '') : '');
  const letters = words.length > 1 ? first(words[0]) + first(words[words.length - 1]) : first(words[0]);
  return letters.toLocaleUpperCase();
}
