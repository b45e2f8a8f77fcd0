import type * as Y from 'yjs';
import type { CommentAnchor, ProjectComment } from '../../../shared/project/comments-document.ts';
import { resolveLines } from '../../../shared/project/line-anchor.ts';
import { messageId } from '../../app/message-id.ts';

/** The longest time a comment can point at: 999:59, far beyond any song. */
const MAX_MINUTES = 999;

/**
 * A time in the song as `m:ss` (`0:07`, `1:05`, `12:30`). Fractions are dropped: comments point
 * at a second, not a sample.
 */
export function formatSongTime(seconds: number): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * Reads what someone typed as a time in the song: `m:ss` or `mm:ss` (seconds 00–59), or a plain
 * number of seconds. Spaces around are ignored. Returns seconds, or null when it is not a time.
 */
export function parseSongTime(text: string): number | null {
  const value = text.trim();
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(value);
  if (clock) {
    const minutes = Number(clock[1]);
    return minutes > MAX_MINUTES ? null : minutes * 60 + Number(clock[2]);
  }
  if (/^\d{1,5}$/.test(value)) {
    const seconds = Number(value);
    return seconds <= MAX_MINUTES * 60 + 59 ? seconds : null;
  }
  return null;
}

/** A catalog message for an anchor: "Line 12" (lines are stored 0-based), "At 1:05", "Whole song". */
export function anchorLabel(anchor: CommentAnchor): { id: string; values?: Record<string, unknown> } {
  switch (anchor.kind) {
    case 'line':
      return { id: messageId('projects.comments.anchor.line'), values: { line: anchor.line + 1 } };
    case 'time':
      return { id: messageId('projects.comments.anchor.time'), values: { time: formatSongTime(anchor.seconds) } };
    case 'song':
      return { id: messageId('projects.comments.anchor.song') };
  }
}

/**
 * The comments with each line comment on the line its mark points at in `song` now (see
 * `line-anchor.ts`), so a comment follows its line as people write above it. Where the mark cannot
 * be found (no song yet, not synced that far, an old comment without one) the stored line stands.
 */
export function placeComments(song: Y.Doc | null, comments: readonly ProjectComment[]): ProjectComment[] {
  const lines = song ? resolveLines(song, comments.map((comment) => (comment.anchor.kind === 'line' ? comment.anchor.at : undefined))) : [];
  return comments.map((comment, index) => {
    const line = lines[index];
    return comment.anchor.kind === 'line' && line !== undefined && line !== comment.anchor.line ? { ...comment, anchor: { ...comment.anchor, line } } : comment;
  });
}

/** Whether two placements put every comment on the same line (so the panel need not redraw). */
export function samePlaces(a: readonly ProjectComment[], b: readonly ProjectComment[]): boolean {
  return a.length === b.length && a.every((comment, index) => comment === b[index] || (comment.id === b[index]!.id && lineOf(comment) === lineOf(b[index]!)));
}

const lineOf = (comment: ProjectComment) => (comment.anchor.kind === 'line' ? comment.anchor.line : -1);
