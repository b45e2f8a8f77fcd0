import type { LineSuggestionSet } from './style-suggestions.ts';

/** What the suggestion panel knows when it draws. */
export interface SuggestionSources {
  /** The API's, in the writer's style, when it answered. */
  readonly styled: LineSuggestionSet | null;
  /** The engine's on the device, when it answered. */
  readonly device: LineSuggestionSet | null;
  /** The caret's line (0-based); null where the host does not follow it (then any answer fits). */
  readonly caretLine: number | null;
  /** The set on screen now, if any. */
  readonly onScreen: LineSuggestionSet | null;
  /** The writer is reaching for one of the list's buttons (focus in it, or the pointer moving in it). */
  readonly inUse: boolean;
}

/**
 * The suggestions to show. The API's win over the device's once they are there, but only answers for
 * the caret's line count: a list made for another line would put its line in the wrong place. And
 * while the writer is in the list, it stays as it is (for the same line): a newer answer arriving
 * between reading a line and pressing "Use" must not swap the line under their finger.
 */
export function suggestionsToShow(sources: SuggestionSources): LineSuggestionSet | null {
  const { styled, device, caretLine, onScreen, inUse } = sources;
  const fits = (set: LineSuggestionSet | null): set is LineSuggestionSet => !!set && set.suggestions.length > 0 && (caretLine === null || set.caretLine === caretLine);
  if (inUse && fits(onScreen)) return onScreen;
  if (fits(styled)) return styled;
  if (fits(device)) return device;
  return null;
}

/**
 * Whether the list last shown (for another line) stays on screen, dimmed and with its buttons off,
 * while the answer for the caret's new line is on its way: the panel keeps its height instead of
 * collapsing and growing back with every new line. Once the device has answered for this line
 * (even with nothing), or when no answer is coming (the engine failed to load and the API is not
 * being asked), the old list goes.
 */
export function keepWhileFinding(previous: LineSuggestionSet | null, device: LineSuggestionSet | null, caretLine: number | null, answerComing: boolean): boolean {
  if (!answerComing || !previous || caretLine === null || previous.caretLine === caretLine) return false;
  return device?.caretLine !== caretLine;
}
