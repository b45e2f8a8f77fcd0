import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMixEntity, readLyrics, readMeta, readMix, projectParts, setMixField, updateMeta } from './project-document.ts';
import { restoreVersion } from './restore-version.ts';

const lyric = fc.array(fc.constantFrom('[Chorus]', 'city lights', 'calling me', 'home tonight', '', 'la la', 'drive slow'), { maxLength: 25 }).map((l) => l.join('\n'));

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  projectParts.lyrics(doc).insert(0, text);
  return doc;
}

describe('restoreVersion', () => {
  it('makes the lyrics exactly the version’s for any pair of texts (property)', () => {
    fc.assert(
      fc.property(lyric, lyric, (now, then) => {
        const current = docWith(now);
        restoreVersion(current, docWith(then));
        expect(readLyrics(current)).toBe(then);
      }),
      { numRuns: 400 },
    );
  });

  it('edits only the lines that differ, so a collaborator’s concurrent edit elsewhere survives', () => {
    const base = docWith('[Verse]\ncity lights\ncalling me\nhome tonight');
    const version = docWith('[Verse]\ncity nights\ncalling me\nhome tonight');
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(base));
    restoreVersion(mine, version);
    // Meanwhile someone adds to the last line.
    const text = projectParts.lyrics(theirs);
    text.insert(text.length, ' (yeah)');
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs));
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
    expect(readLyrics(mine)).toBe('[Verse]\ncity nights\ncalling me\nhome tonight (yeah)');
    expect(readLyrics(theirs)).toBe(readLyrics(mine));
  });

  it('restores metadata and the mix: changed fields, removed and re-added entities', () => {
    const version = new Y.Doc();
    updateMeta(version, { title: 'Night Drive', bpm: 92 });
    addMixEntity(version, 'tracks', 'vocal', { name: 'Vocal', faderDb: -3 });
    setMixField(version, 'master', 'faderDb', -1);
    const current = new Y.Doc();
    Y.applyUpdate(current, Y.encodeStateAsUpdate(version));
    updateMeta(current, { title: 'Night Drive (alt)', bpm: 120 });
    setMixField(current, { collection: 'tracks', id: 'vocal' }, 'faderDb', -20);
    addMixEntity(current, 'tracks', 'extra', { name: 'Extra' });
    setMixField(current, 'master', 'faderDb', -6);

    restoreVersion(current, version);
    expect(readMeta(current)).toMatchObject({ title: 'Night Drive', bpm: 92 });
    const { mix } = readMix(current);
    expect(Object.keys(mix.tracks)).toEqual(['vocal']);
    expect(mix.tracks.vocal?.faderDb).toBe(-3);
    expect(mix.master.faderDb).toBe(-1);
  });
});
