import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeThesaurus, THESAURUS_INDEX_HEADER } from '../shared/lyrics/thesaurus-index.ts';
import { buildThesaurus, parseArguments, spokenVocabulary } from './build-thesaurus.ts';

describe('build-thesaurus', () => {
  const folder = mkdtempSync(join(tmpdir(), 'thesaurus-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('takes the most spoken words first, lower-cased and unique', () => {
    const words = spokenVocabulary(500);
    expect(words).toHaveLength(500);
    expect(new Set(words).size).toBe(500);
    expect(words.slice(0, 10)).toContain('you');
    expect(words).toContain('night');
    expect(words.every((word) => word === word.toLowerCase())).toBe(true);
  });

  it('writes a thesaurus the engine decodes, restricted to the vocabulary', () => {
    const output = join(folder, 'thesaurus.txt');
    const report = buildThesaurus(output, { words: 3000 });
    const text = readFileSync(output, 'utf8');
    expect(text.startsWith(`${THESAURUS_INDEX_HEADER}\n`)).toBe(true);
    expect(report.bytes).toBe(Buffer.byteLength(text));
    expect(report.words).toBeGreaterThan(2500);
    expect(report.gzippedBytes).toBeLessThan(report.bytes / 2);
    const thesaurus = decodeThesaurus(text);
    const vocabulary = new Set(spokenVocabulary(3000));
    const related = thesaurus.related('night');
    expect(related.has('dark')).toBe(true);
    for (const word of related.keys()) expect(vocabulary.has(word)).toBe(true);
    expect(thesaurus.partsOfSpeech('light')).toEqual(new Set(['n', 'v', 'a']));
    expect(thesaurus.takesObject?.('take')).toBe(true);
  });

  it('parses its command line', () => {
    expect(parseArguments(['out.txt'])).toEqual({ outputPath: 'out.txt', words: 20_000 });
    expect(parseArguments(['out.txt', '--words', '500'])).toEqual({ outputPath: 'out.txt', words: 500 });
    expect(parseArguments([])).toBeUndefined();
    expect(parseArguments(['--words', '5'])).toBeUndefined();
    expect(parseArguments(['out.txt', '--words', 'many'])).toBeUndefined();
    expect(parseArguments(['out.txt', '--spoken'])).toBeUndefined();
  });

  it('runs as a command and refuses a missing output path', () => {
    const output = join(folder, 'cli.txt');
    const printed = execFileSync(process.execPath, ['scripts/build-thesaurus.ts', output, '--words', '800'], { encoding: 'utf8' });
    expect(printed).toMatch(/^Wrote \d+ words to .*cli\.txt: \d+ bytes, \d+ bytes gzipped/);
    expect(decodeThesaurus(readFileSync(output, 'utf8')).partsOfSpeech('night').has('n')).toBe(true);
    expect(() => execFileSync(process.execPath, ['scripts/build-thesaurus.ts'], { stdio: 'pipe' })).toThrow();
  });
});
