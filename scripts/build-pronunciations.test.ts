import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePronunciationIndex } from '../shared/lyrics/pronunciation-index.ts';
import { buildPronunciations, compileCmuDictionary } from './build-pronunciations.ts';

describe('build-pronunciations', () => {
  it('groups numbered variants and drops trailing comments', () => {
    const index = decodePronunciationIndex(
      compileCmuDictionary({ fire: 'F AY1 ER0', 'fire(2)': 'F AY1 R', aalto: 'AA1 L T OW2 # name, finnish' }),
    );
    expect(index.lookup('fire')).toEqual([['F', 'AY1', 'ER0'], ['F', 'AY1', 'R']]);
    expect(index.lookup('aalto')).toEqual([['AA1', 'L', 'T', 'OW2']]);
  });

  it('writes the full CMUdict index, smaller than the source', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pronunciations-'));
    try {
      const output = join(folder, 'pronunciations.txt');
      const report = buildPronunciations(output);
      const index = decodePronunciationIndex(readFileSync(output, 'utf8'));
      expect(index.size).toBe(report.words);
      expect(report.words).toBeGreaterThan(120_000);
      expect(report.bytes).toBeLessThan(2_000_000);
      expect(index.lookup('orange')).toEqual([['AO1', 'R', 'AH0', 'N', 'JH'], ['AO1', 'R', 'IH0', 'N', 'JH']]);

      const spoken = buildPronunciations(output, { spokenOnly: true });
      const spokenIndex = decodePronunciationIndex(readFileSync(output, 'utf8'));
      expect(spoken.bytes).toBeLessThan(report.bytes * 0.6);
      expect(spokenIndex.has('night')).toBe(true);
      expect(spokenIndex.has('aalborg')).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
