import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ProjectComment } from '../../../shared/project/comments-document.ts';
import { markLine } from '../../../shared/project/line-anchor.ts';
import { projectParts } from '../../../shared/project/project-document.ts';
import { anchorLabel, formatSongTime, parseSongTime, placeComments, samePlaces } from './comment-anchor.ts';

describe('song times', () => {
  it('formats seconds as m:ss, dropping fractions', () => {
    expect(formatSongTime(0)).toBe('0:00');
    expect(formatSongTime(7)).toBe('0:07');
    expect(formatSongTime(65)).toBe('1:05');
    expect(formatSongTime(42.9)).toBe('0:42');
    expect(formatSongTime(750)).toBe('12:30');
    expect(formatSongTime(-3)).toBe('0:00');
    expect(formatSongTime(Number.NaN)).toBe('0:00');
  });

  it('reads m:ss, mm:ss and plain seconds', () => {
    expect(parseSongTime('1:05')).toBe(65);
    expect(parseSongTime(' 01:05 ')).toBe(65);
    expect(parseSongTime('0:00')).toBe(0);
    expect(parseSongTime('12:30')).toBe(750);
    expect(parseSongTime('90')).toBe(90);
  });

  it('refuses what is not a time', () => {
    for (const text of ['', '1:5', '1:60', '1:05:00', '-0:10', 'abc', '1.5', ':30', '1000:00']) expect(parseSongTime(text), text).toBeNull();
  });

  it('round-trips every whole second it formats', () => {
    for (const seconds of [0, 1, 59, 60, 61, 599, 3599, 3600, 59_999]) expect(parseSongTime(formatSongTime(seconds))).toBe(seconds);
  });
});

describe('anchor labels', () => {
  it('numbers lines from 1 (they are stored from 0) and writes times as m:ss', () => {
    expect(anchorLabel({ kind: 'line', line: 11 })).toEqual({ id: 'projects.comments.anchor.line', values: { line: 12 } });
    expect(anchorLabel({ kind: 'time', seconds: 65 })).toEqual({ id: 'projects.comments.anchor.time', values: { time: '1:05' } });
    expect(anchorLabel({ kind: 'song' })).toEqual({ id: 'projects.comments.anchor.song' });
  });
});

describe('placing comments', () => {
  const base = { authorId: 'u', authorName: 'Ana', text: 'x', resolved: false, createdAt: '2026-11-26T10:00:00Z' };

  it('puts a marked line comment on the line its mark points at now, and leaves the others', () => {
    const song = new Y.Doc();
    projectParts.lyrics(song).insert(0, 'one\ntwo\nthree');
    const at = markLine(song, 2)!;
    const comments: ProjectComment[] = [
      { ...base, id: 'marked', anchor: { kind: 'line', line: 2, at } },
      { ...base, id: 'old', anchor: { kind: 'line', line: 1 } },
      { ...base, id: 'lost', anchor: { kind: 'line', line: 0, at: { client: 424242, clock: 0 } } },
      { ...base, id: 'time', anchor: { kind: 'time', seconds: 5 } },
    ];
    const before = placeComments(song, comments);
    expect(before).toEqual(comments);
    projectParts.lyrics(song).insert(0, 'intro\n\n');
    const after = placeComments(song, comments);
    expect(after.map((comment) => (comment.anchor.kind === 'line' ? comment.anchor.line : comment.anchor.kind))).toEqual([4, 1, 0, 'time']);
    expect(samePlaces(before, after)).toBe(false);
    expect(samePlaces(after, placeComments(song, comments))).toBe(true);
    expect(placeComments(null, comments)).toEqual(comments);
  });
});
