import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SuggestLyricsRequest, SuggestLyricsResponse } from '../../../shared/schemas/ai.ts';
import { fromServer, lyricLineAt, StyleSuggestions } from './style-suggestions.ts';

const response = (text: string, personalized = true): SuggestLyricsResponse => ({
  plan: { stanzaStart: 0, positionInStanza: 2, expectedScheme: 'ABAB', rhymeWithLine: 0, targetSyllables: 9 },
  endings: [],
  suggestions: [
    { rank: 1, text, ending: 'night', syllables: 9, score: 1, why: { syllables: 9, targetSyllables: 9, themeWords: [], ownWords: ['neon'], rhymesWith: { text: 'city light', line: 0, type: 'perfect', strength: 1 } } },
    { rank: 2, text: 'plain one', ending: 'one', syllables: 2, score: 0.5, why: { syllables: 2, targetSyllables: 9, themeWords: [], ownWords: [] } },
  ],
  personalized,
});

describe('suggestions in the writer’s style', () => {
  it('count lyric lines as the API does: headers and blank lines are not lines', () => {
    const text = '[Verse]\nfirst line\n\nsecond line\n[Chorus]\nthird';
    expect(lyricLineAt(text, 0)).toBe(0);
    expect(lyricLineAt(text, 2)).toBe(1);
    expect(lyricLineAt(text, 3)).toBe(1);
    expect(lyricLineAt(text, 5)).toBe(2);
    expect(lyricLineAt(text, 6)).toBe(3);
  });

  it('show the API’s answer in the panel’s shape', () => {
    expect(fromServer(response('neon rain on the night'), 4)).toEqual({
      suggestions: [
        { text: 'neon rain on the night', syllables: 9, rhymesWith: 'city light' },
        { text: 'plain one', syllables: 2, rhymesWith: null },
      ],
      targetSyllables: 9,
      personalized: true,
      caretLine: 4,
    });
  });

  it('keep only the newest request’s answer, and stand aside when the API cannot answer', async () => {
    const pending: Array<{ request: SuggestLyricsRequest; resolve: (value: SuggestLyricsResponse) => void; reject: (error: Error) => void }> = [];
    const style = new StyleSuggestions((request) => new Promise((resolve, reject) => pending.push({ request, resolve, reject })), { minIntervalMs: 0 });
    let changes = 0;
    style.addEventListener('change', () => changes++);
    style.request('one\ntwo\n', 2);
    style.request('one\ntwo\nthree\n', 3);
    expect(pending.map((call) => call.request)).toEqual([
      { text: 'one\ntwo\n', line: 2, count: 4 },
      { text: 'one\ntwo\nthree\n', line: 3, count: 4 },
    ]);
    expect(style.pending).toBe(true);
    pending[1]!.resolve(response('newest'));
    pending[0]!.resolve(response('stale'));
    await Promise.resolve();
    await Promise.resolve();
    expect(style.current?.suggestions[0]?.text).toBe('newest');
    expect(style.current?.caretLine).toBe(3);
    expect(style.pending).toBe(false);
    // One change for each request started, one for the newest answer; the stale answer changes nothing.
    expect(changes).toBe(3);

    style.request('one\n', 1);
    expect(style.current).toBeNull();
    expect(style.pending).toBe(true);
    pending[2]!.reject(new Error('offline'));
    await Promise.resolve();
    expect(style.current).toBeNull();
    expect(style.pending).toBe(false);
    style.request('one\n', 0);
    style.clear();
    expect(style.current).toBeNull();
    expect(style.pending).toBe(false);
    // A request the writer left behind (clear) does not come back when it answers late.
    pending[3]!.resolve(response('late'));
    await Promise.resolve();
    await Promise.resolve();
    expect(style.current).toBeNull();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('send at most one request per interval, the newest of those that waited, and none once cleared', async () => {
    vi.useFakeTimers();
    let now = 0;
    const sent: SuggestLyricsRequest[] = [];
    const style = new StyleSuggestions(
      (request) => {
        sent.push(request);
        return Promise.resolve(response(`for ${request.text.trim()}`));
      },
      { minIntervalMs: 2000, now: () => now },
    );
    style.request('one\n', 1);
    expect(sent.map((request) => request.text)).toEqual(['one\n']);
    await vi.advanceTimersByTimeAsync(0);
    expect(style.current?.suggestions[0]?.text).toBe('for one');

    // Three pauses within the interval (a co-writer typing): one request, the newest, when it ends.
    now = 500;
    style.request('one\ntwo\n', 2);
    now = 900;
    style.request('one\ntwo\nthree\n', 3);
    expect(style.pending).toBe(true);
    expect(style.current).toBeNull();
    now = 2000;
    await vi.advanceTimersByTimeAsync(1100);
    expect(sent.map((request) => request.text)).toEqual(['one\n', 'one\ntwo\nthree\n']);
    expect(style.current?.suggestions[0]?.text).toBe('for one\ntwo\nthree');
    expect(style.current?.caretLine).toBe(3);
    expect(style.pending).toBe(false);

    // A request that waits and is then cleared (the writer went offline) is never sent.
    now = 2500;
    style.request('gone\n', 1);
    style.clear();
    now = 5000;
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toHaveLength(2);
    expect(style.pending).toBe(false);

    // After a quiet interval the next request goes at once.
    style.request('again\n', 1);
    expect(sent).toHaveLength(3);
  });
});
