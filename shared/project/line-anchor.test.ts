import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addChatMessage, addComment, listChat, listComments } from './comments-document.ts';
import { markLine, parseLineMark, resolveLines, type LineMark } from './line-anchor.ts';
import { projectParts } from './project-document.ts';

function song(text: string, clientID = 1): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  projectParts.lyrics(doc).insert(0, text);
  return doc;
}

const lyrics = (doc: Y.Doc) => projectParts.lyrics(doc);
const lineOf = (doc: Y.Doc, mark: LineMark | undefined) => resolveLines(doc, [mark])[0];
const lines = (doc: Y.Doc) => lyrics(doc).toString().split('\n');

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('line marks', () => {
  it('keep a comment on its line when lines are written above it', () => {
    const doc = song('[Verse]\ncity lights\ncalling me home');
    const mark = markLine(doc, 2);
    expect(lineOf(doc, mark)).toBe(2);
    lyrics(doc).insert(0, '[Intro]\nooh\n\n');
    expect(lines(doc)[lineOf(doc, mark)!]).toBe('calling me home');
    expect(lineOf(doc, mark)).toBe(5);
  });

  it('follow the line when a line break is typed at its very start, and stay when text is typed there', () => {
    const doc = song('one\ntwo');
    const mark = markLine(doc, 1);
    lyrics(doc).insert(4, 'so ');
    expect(lineOf(doc, mark)).toBe(1);
    lyrics(doc).insert(4, '\n');
    expect(lines(doc)).toEqual(['one', '', 'so two']);
    expect(lineOf(doc, mark)).toBe(2);
  });

  it('mark an empty line and an empty last line', () => {
    const doc = song('a\n\nb\n');
    const middle = markLine(doc, 1);
    const last = markLine(doc, 3);
    expect(last?.after).toBe(true);
    expect(resolveLines(doc, [middle, last])).toEqual([1, 3]);
    lyrics(doc).insert(0, 'x\n');
    expect(resolveLines(doc, [middle, last])).toEqual([2, 4]);
  });

  it('move a comment to where its line was when the line is deleted', () => {
    const doc = song('one\ntwo\nthree');
    const mark = markLine(doc, 1);
    lyrics(doc).delete(4, 4); // "two\n"
    expect(lines(doc)).toEqual(['one', 'three']);
    expect(lineOf(doc, mark)).toBe(1);
  });

  it('give nothing for an empty song, a line past the end, or a mark this copy cannot find', () => {
    expect(markLine(new Y.Doc(), 0)).toBeUndefined();
    expect(markLine(song('a\nb'), 2)).toBeUndefined();
    expect(lineOf(song('a'), { client: 999, clock: 0 })).toBeUndefined();
    expect(lineOf(song('a'), undefined)).toBeUndefined();
  });

  it('give nothing for a mark that names a character outside the lyrics', () => {
    const doc = song('a\nb', 7);
    projectParts.meta(doc).set('title', 'Night Drive');
    const metaItem = { client: 7, clock: 3 };
    expect(lineOf(doc, metaItem)).toBeUndefined();
  });

  it('resolve on a collaborator’s copy, and after a merge of concurrent edits', () => {
    const ana = song('hook\nverse one\nverse two', 1);
    const ben = new Y.Doc();
    ben.clientID = 2;
    sync(ana, ben);
    const mark = markLine(ana, 2);
    lyrics(ana).insert(0, 'intro\n');
    lyrics(ben).delete(0, 5); // "hook\n"
    lyrics(ben).insert(0, 'new hook\nbridge\n');
    sync(ana, ben);
    expect(lyrics(ana).toString()).toBe(lyrics(ben).toString());
    for (const doc of [ana, ben]) expect(lines(doc)[lineOf(doc, mark)!]).toBe('verse two');
  });

  it('always name the line holding the marked character, through random concurrent edits (property)', () => {
    const MARKER = '§';
    const chunk = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n'), maxLength: 6 });
    const edit = fc.record({ onSecond: fc.boolean(), insert: fc.boolean(), at: fc.nat(), length: fc.integer({ min: 1, max: 5 }), text: chunk });
    fc.assert(
      fc.property(fc.array(chunk, { minLength: 1, maxLength: 8 }), fc.nat(), fc.array(edit, { maxLength: 30 }), (lineTexts, pick, edits) => {
        const target = pick % lineTexts.length;
        const text = lineTexts.map((line, index) => (index === target ? MARKER + line.replaceAll('\n', '') : line.replaceAll('\n', ''))).join('\n');
        const first = song(text, 1);
        const second = new Y.Doc();
        second.clientID = 2;
        sync(first, second);
        const mark = markLine(first, target);
        for (const step of edits) {
          const doc = step.onSecond ? second : first;
          const current = lyrics(doc).toString();
          const at = step.at % (current.length + 1);
          if (step.insert) lyrics(doc).insert(at, step.text);
          else {
            // Deletions spare the marked character: where it is fixes the line the mark must give.
            const end = Math.min(current.length, at + step.length);
            const marker = current.indexOf(MARKER);
            if (at < end && !(marker >= at && marker < end)) lyrics(doc).delete(at, end - at);
          }
        }
        sync(first, second);
        for (const doc of [first, second]) {
          const now = lyrics(doc).toString();
          const expected = now.slice(0, now.indexOf(MARKER)).split('\n').length - 1;
          expect(lineOf(doc, mark)).toBe(expected);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('stay within the song when the marked line itself is deleted (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('la', '', 'oh no', 'x'), { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), fc.nat(), (lineTexts, pick, from, length) => {
        const doc = song(lineTexts.join('\n') || ' ');
        const count = lines(doc).length;
        const mark = markLine(doc, pick % count);
        const text = lyrics(doc).toString();
        const start = from % text.length;
        lyrics(doc).delete(start, Math.min(text.length - start, 1 + (length % text.length)));
        const line = lineOf(doc, mark);
        expect(line).toBeGreaterThanOrEqual(0);
        expect(line).toBeLessThan(lines(doc).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseLineMark', () => {
  it('reads marks and refuses anything else', () => {
    expect(parseLineMark({ client: 12, clock: 3 })).toEqual({ client: 12, clock: 3 });
    expect(parseLineMark({ client: 12, clock: 3, after: true, extra: 'x' })).toEqual({ client: 12, clock: 3, after: true });
    for (const bad of [null, 'x', 5, {}, { client: -1, clock: 0 }, { client: 2 ** 32, clock: 0 }, { client: 1.5, clock: 0 }, { client: 1, clock: -2 }, { client: 1, clock: '3' }, { client: 1, clock: 2, after: 'yes' }]) {
      expect(parseLineMark(bad)).toBeUndefined();
    }
  });

  it('lets a comment carry its mark through the comments document, dropping a malformed one', () => {
    const comments = new Y.Doc();
    const base = { authorId: 'u', authorName: 'Ana', text: 'weak rhyme', createdAt: '2026-11-26T10:00:00Z' };
    addComment(comments, { ...base, id: 'a', anchor: { kind: 'line', line: 2, at: { client: 4, clock: 9 } } });
    addComment(comments, { ...base, id: 'b', anchor: { kind: 'line', line: 1 } });
    comments.getMap<Y.Map<unknown>>('comments').get('b')!.set('anchor', '{"kind":"line","line":1,"at":{"client":"x"}}');
    expect(listComments(comments).map((comment) => comment.anchor)).toEqual([
      { kind: 'line', line: 2, at: { client: 4, clock: 9 } },
      { kind: 'line', line: 1 },
    ]);
  });

  it('lets a chat message carry the line a shared suggestion is for, and reads a malformed one as an ordinary message', () => {
    const comments = new Y.Doc();
    const base = { authorId: 'u', authorName: 'Ana', createdAt: '2026-11-26T10:00:00Z' };
    addChatMessage(comments, { ...base, id: 'm1', text: 'we chase the echo', suggestionFor: { kind: 'line', line: 3, at: { client: 4, clock: 9 } } });
    addChatMessage(comments, { ...base, id: 'm2', text: 'plain' });
    addChatMessage(comments, { ...base, id: 'm3', text: 'odd' });
    comments.getArray<Y.Map<unknown>>('chat').get(2).set('suggestionFor', '{"kind":"time","seconds":3}');
    expect(listChat(comments).map((message) => message.suggestionFor)).toEqual([{ kind: 'line', line: 3, at: { client: 4, clock: 9 } }, undefined, undefined]);
  });
});
