import { describe, expect, it } from 'vitest';
import { staleWhileRevalidate, type ResultSource } from './stale-while-revalidate.ts';

describe('staleWhileRevalidate', () => {
  it('shows the saved value first, then the fresh one, and saves it', async () => {
    const shown: Array<[string, ResultSource]> = [];
    const saved: string[] = [];
    const result = await staleWhileRevalidate({
      load: async () => ({ value: 'old', savedAt: 1 }),
      fetch: async () => 'new',
      save: async (value) => void saved.push(value),
      show: (value, source) => shown.push([value, source]),
      reportError: () => {},
    });
    expect(shown).toEqual([
      ['old', 'saved'],
      ['new', 'network'],
    ]);
    expect(saved).toEqual(['new']);
    expect(result).toEqual({ source: 'network' });
  });

  it('keeps the saved value when the server cannot be reached', async () => {
    const failure = new Error('offline');
    const result = await staleWhileRevalidate({
      load: async () => ({ value: 'old', savedAt: 1 }),
      fetch: async () => Promise.reject(failure),
      save: async () => {},
      show: () => {},
      reportError: () => {},
    });
    expect(result).toEqual({ source: 'saved', error: failure });
  });

  it('reports a broken device store and still shows the network answer', async () => {
    const reported: unknown[] = [];
    const shown: string[] = [];
    const result = await staleWhileRevalidate({
      load: async () => Promise.reject(new Error('quota')),
      fetch: async () => 'new',
      save: async () => Promise.reject(new Error('quota')),
      show: (value) => shown.push(value),
      reportError: (error) => reported.push(error),
    });
    expect(shown).toEqual(['new']);
    expect(reported).toHaveLength(2);
    expect(result.source).toBe('network');
  });

  it('says there is nothing when both fail', async () => {
    const result = await staleWhileRevalidate({
      load: async () => null,
      fetch: async () => Promise.reject(new Error('offline')),
      save: async () => {},
      show: () => {},
      reportError: () => {},
    });
    expect(result.source).toBe('none');
  });
});
