import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addComment, addChatMessage, listChat, listComments, setCommentResolved } from './comments-document.ts';
import {
  PROJECT_SCHEMA_VERSION,
  addMixEntity,
  migrateProjectDocument,
  readMeta,
  readMix,
  removeMixEntity,
  setMixField,
  updateMeta,
} from './project-document.ts';

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
};

describe('project document', () => {
  it('stamps the schema version once and reads defaults from an empty document', () => {
    const doc = new Y.Doc();
    expect(readMeta(doc)).toEqual({ title: '', bpm: 90, musicalKey: '', beatId: null, schemaVersion: 0 });
    expect(migrateProjectDocument(doc)).toBe(true);
    expect(readMeta(doc).schemaVersion).toBe(PROJECT_SCHEMA_VERSION);
    expect(migrateProjectDocument(doc)).toBe(false);
  });

  it('keeps both people’s tracks when two replicas add tracks offline (no nested map lost)', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addMixEntity(a, 'tracks', 'drums', { name: 'Drums' });
    addMixEntity(b, 'tracks', 'vocal', { name: 'Vocal' });
    setMixField(a, 'master', 'faderDb', -2);
    setMixField(b, 'settings', 'bpm', 140);
    sync(a, b);
    expect(Object.keys(readMix(a).mix.tracks).sort()).toEqual(['drums', 'vocal']);
    expect(readMix(b).mix).toEqual(readMix(a).mix);
  });

  it('merges edits to different fields of one strip and converges on the same field (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.constantFrom('faderDb', 'pan', 'muted'), fc.integer({ min: -40, max: 6 })), { maxLength: 30 }), (edits) => {
        const a = new Y.Doc();
        addMixEntity(a, 'tracks', 'vocal', { name: 'Vocal' });
        const b = new Y.Doc();
        Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
        for (const [onA, field, value] of edits) {
          setMixField(onA ? a : b, { collection: 'tracks', id: 'vocal' }, field, field === 'muted' ? value > 0 : field === 'pan' ? value / 40 : value);
        }
        sync(a, b);
        expect(readMix(a).mix).toEqual(readMix(b).mix);
      }),
      { numRuns: 200 },
    );
  });

  it('repairs a mix that concurrent edits left dangling (a send to a bus someone deleted)', () => {
    const doc = new Y.Doc();
    addMixEntity(doc, 'tracks', 'vocal', { name: 'Vocal' });
    addMixEntity(doc, 'buses', 'verb', { name: 'Reverb' });
    addMixEntity(doc, 'sends', 'vocal-verb', { sourceId: 'vocal', targetBusId: 'verb', levelDb: -12 });
    removeMixEntity(doc, 'buses', 'verb');
    const { mix, issues } = readMix(doc);
    expect(mix.sends).toEqual({});
    expect(issues.map((issue) => issue.problem)).toContain('missing_target');
  });

  it('updates metadata and ignores out-of-range values from other clients', () => {
    const doc = new Y.Doc();
    updateMeta(doc, { title: 'Night Drive', bpm: 92, musicalKey: 'F# minor' });
    expect(readMeta(doc)).toMatchObject({ title: 'Night Drive', bpm: 92, musicalKey: 'F# minor' });
    doc.getMap('meta').set('bpm', 9999);
    expect(readMeta(doc).bpm).toBe(90);
  });
});

describe('comments document', () => {
  it('adds, anchors, resolves and orders comments, and keeps chat', () => {
    const doc = new Y.Doc();
    addComment(doc, { id: 'c2', authorId: 'u1', authorName: 'Ana', text: 'Second', anchor: { kind: 'time', seconds: 42.5 }, createdAt: '2026-11-25T10:01:00Z' });
    addComment(doc, { id: 'c1', authorId: 'u2', authorName: 'Ben', text: 'First', anchor: { kind: 'line', line: 3 }, createdAt: '2026-11-25T10:00:00Z' });
    setCommentResolved(doc, 'c1', true);
    expect(listComments(doc).map((c) => [c.id, c.resolved, c.anchor.kind])).toEqual([
      ['c1', true, 'line'],
      ['c2', false, 'time'],
    ]);
    addChatMessage(doc, { id: 'm1', authorId: 'u1', authorName: 'Ana', text: 'Ready to track?', createdAt: '2026-11-25T10:02:00Z' });
    expect(listChat(doc)).toHaveLength(1);
  });

  it('reads a hostile anchor as the whole song', () => {
    const doc = new Y.Doc();
    addComment(doc, { id: 'c', authorId: 'u', authorName: 'X', text: 'hi', anchor: { kind: 'line', line: 1 }, createdAt: '2026-01-01T00:00:00Z' });
    doc.getMap<Y.Map<unknown>>('comments').get('c')!.set('anchor', '{"kind":"line","line":-5}');
    expect(listComments(doc)[0]!.anchor).toEqual({ kind: 'song' });
  });
});
