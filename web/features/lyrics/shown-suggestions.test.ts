import { describe, expect, it } from 'vitest';
import { keepWhileFinding, suggestionsToShow, type SuggestionSources } from './shown-suggestions.ts';
import type { LineSuggestionSet } from './style-suggestions.ts';

const set = (text: string, caretLine: number, personalized = false): LineSuggestionSet => ({
  suggestions: [{ text, syllables: 5, rhymesWith: null }],
  targetSyllables: 5,
  personalized,
  caretLine,
});
const none: SuggestionSources = { styled: null, device: null, caretLine: 3, onScreen: null, inUse: false };

describe('which suggestions the panel shows', () => {
  it('prefers the writer’s-style answer to the device’s, and shows the device’s while there is none', () => {
    const device = set('from the device', 3);
    const styled = set('in your style', 3, true);
    expect(suggestionsToShow({ ...none, device })).toBe(device);
    expect(suggestionsToShow({ ...none, device, styled })).toBe(styled);
    expect(suggestionsToShow({ ...none, device, styled: { ...styled, suggestions: [] } })).toBe(device);
    expect(suggestionsToShow(none)).toBeNull();
  });

  it('shows nothing made for another line than the caret’s, unless the host does not follow the caret', () => {
    const device = set('for the first line', 0);
    const styled = set('also for the first line', 0, true);
    expect(suggestionsToShow({ ...none, device, styled })).toBeNull();
    expect(suggestionsToShow({ ...none, device, styled: set('for the caret’s', 3) })?.suggestions[0]?.text).toBe('for the caret’s');
    expect(suggestionsToShow({ ...none, device, styled, caretLine: null })).toBe(styled);
  });

  it('keeps the list on screen while the writer is in it, until they leave or the caret moves', () => {
    const onScreen = set('the one they are reading', 3);
    const styled = set('arrived just now', 3, true);
    expect(suggestionsToShow({ ...none, styled, onScreen, inUse: true })).toBe(onScreen);
    // Even when the newer request is still running (no answer yet), the list does not vanish.
    expect(suggestionsToShow({ ...none, onScreen, inUse: true })).toBe(onScreen);
    expect(suggestionsToShow({ ...none, styled, onScreen, inUse: false })).toBe(styled);
    expect(suggestionsToShow({ ...none, styled: set('for line 5', 4), onScreen, inUse: true, caretLine: 4 })?.suggestions[0]?.text).toBe('for line 5');
  });

  it('keeps the last list, dimmed, while the caret’s new line waits for its answer, and drops it once the device answered', () => {
    const previous = set('for the line before', 2);
    expect(keepWhileFinding(previous, set('for the line before', 2), 3, true)).toBe(true);
    expect(keepWhileFinding(previous, null, 3, true)).toBe(true);
    // The device answered for line 3, with nothing to offer: "write more" is the truth now.
    expect(keepWhileFinding(previous, { ...set('', 3), suggestions: [] }, 3, true)).toBe(false);
    // Nothing will answer (the engine failed to load, the API is not asked): do not promise lines.
    expect(keepWhileFinding(previous, null, 3, false)).toBe(false);
    expect(keepWhileFinding(null, null, 3, true)).toBe(false);
    expect(keepWhileFinding(previous, null, null, true)).toBe(false);
    expect(keepWhileFinding(previous, null, 2, true)).toBe(false);
  });
});
