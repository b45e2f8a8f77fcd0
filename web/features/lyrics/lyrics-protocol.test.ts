import { describe, expect, it } from 'vitest';
import { isLyricsRequest, isLyricsResponse } from './lyrics-protocol.ts';

describe('lyrics worker protocol', () => {
  it('accepts the three request shapes', () => {
    expect(isLyricsRequest({ type: 'analyze', id: 1, text: 'a' })).toBe(true);
    expect(isLyricsRequest({ type: 'suggest', id: 2, text: 'a', caretLine: 0, seed: 1 })).toBe(true);
    expect(isLyricsRequest({ type: 'rhymes', id: 3, word: 'night' })).toBe(true);
  });

  it('rejects anything else', () => {
    for (const message of [null, 'analyze', { type: 'analyze', text: 'a' }, { type: 'analyze', id: 1.5, text: 'a' }, { type: 'suggest', id: 1, text: 'a' }, { type: 'rhymes', id: 1 }, { type: 'delete', id: 1 }]) {
      expect(isLyricsRequest(message), JSON.stringify(message)).toBe(false);
    }
  });

  it('recognises responses by type', () => {
    expect(isLyricsResponse({ type: 'ready', version: 1, loadMs: 3 })).toBe(true);
    expect(isLyricsResponse({ type: 'analysis', id: 1, lines: [] })).toBe(true);
    expect(isLyricsResponse({ type: 'webpackOk' })).toBe(false);
    expect(isLyricsResponse(undefined)).toBe(false);
  });
});
