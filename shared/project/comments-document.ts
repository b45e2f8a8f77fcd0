import * as Y from 'yjs';
import { parseLineMark, type LineMark } from './line-anchor.ts';

/**
 * The second document of a project: comments (anchored to a lyric line or a time in the song,
 * resolvable) and a small chat. A separate Y.Doc so the server can let commenters write here while
 * the song itself stays read-only for them, without inspecting updates.
 */
export type CommentAnchor = { kind: 'line'; line: number; at?: LineMark } | { kind: 'time'; seconds: number } | { kind: 'song' };

export interface ProjectComment {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  anchor: CommentAnchor;
  resolved: boolean;
  /** ISO 8601, from the writer's clock. */
  createdAt: string;
}

export interface ChatMessage {
  id: string;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: string;
  /**
   * Set when the message shares a line the songwriting assistant suggested: the lyric line it was
   * suggested for (with its mark, so it follows that line like a line comment does).
   */
  suggestionFor?: LineAnchor;
}

export type LineAnchor = Extract<CommentAnchor, { kind: 'line' }>;

type Field = string | number | boolean;
const comments = (doc: Y.Doc) => doc.getMap<Y.Map<Field>>('comments');
const chat = (doc: Y.Doc) => doc.getArray<Y.Map<Field>>('chat');

export const COMMENT_MAX_LENGTH = 2000;

export function addComment(doc: Y.Doc, comment: Omit<ProjectComment, 'resolved'>): void {
  const entry = new Y.Map<Field>();
  doc.transact(() => {
    entry.set('authorId', comment.authorId);
    entry.set('authorName', comment.authorName);
    entry.set('text', comment.text.slice(0, COMMENT_MAX_LENGTH));
    entry.set('anchor', JSON.stringify(comment.anchor));
    entry.set('resolved', false);
    entry.set('createdAt', comment.createdAt);
    comments(doc).set(comment.id, entry);
  });
}

export function setCommentResolved(doc: Y.Doc, id: string, resolved: boolean): void {
  comments(doc).get(id)?.set('resolved', resolved);
}

export function deleteComment(doc: Y.Doc, id: string): void {
  comments(doc).delete(id);
}

function parseAnchor(value: unknown): CommentAnchor {
  try {
    const parsed = JSON.parse(String(value)) as CommentAnchor;
    if (parsed.kind === 'line' && Number.isInteger(parsed.line) && parsed.line >= 0) {
      // A mark that does not read as one is dropped: the stored line number still places the comment.
      const at = parseLineMark(parsed.at);
      return at ? { kind: 'line', line: parsed.line, at } : { kind: 'line', line: parsed.line };
    }
    if (parsed.kind === 'time' && Number.isFinite(parsed.seconds) && parsed.seconds >= 0) return { kind: 'time', seconds: parsed.seconds };
  } catch {
    // A malformed anchor (written by a buggy or hostile client) falls back to the whole song.
  }
  return { kind: 'song' };
}

/** Comments oldest first, each read defensively: the document is shared with other clients. */
export function listComments(doc: Y.Doc): ProjectComment[] {
  return [...comments(doc).entries()]
    .map(([id, entry]) => ({
      id,
      authorId: String(entry.get('authorId') ?? ''),
      authorName: String(entry.get('authorName') ?? ''),
      text: String(entry.get('text') ?? '').slice(0, COMMENT_MAX_LENGTH),
      anchor: parseAnchor(entry.get('anchor')),
      resolved: entry.get('resolved') === true,
      createdAt: String(entry.get('createdAt') ?? ''),
    }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function addChatMessage(doc: Y.Doc, message: ChatMessage): void {
  const entry = new Y.Map<Field>();
  doc.transact(() => {
    entry.set('id', message.id);
    entry.set('authorId', message.authorId);
    entry.set('authorName', message.authorName);
    entry.set('text', message.text.slice(0, COMMENT_MAX_LENGTH));
    entry.set('createdAt', message.createdAt);
    if (message.suggestionFor) entry.set('suggestionFor', JSON.stringify(message.suggestionFor));
    chat(doc).push([entry]);
  });
}

export function listChat(doc: Y.Doc, limit = 200): ChatMessage[] {
  return chat(doc)
    .toArray()
    .slice(-limit)
    .map((entry) => {
      const message: ChatMessage = {
        id: String(entry.get('id') ?? ''),
        authorId: String(entry.get('authorId') ?? ''),
        authorName: String(entry.get('authorName') ?? ''),
        text: String(entry.get('text') ?? '').slice(0, COMMENT_MAX_LENGTH),
        createdAt: String(entry.get('createdAt') ?? ''),
      };
      if (entry.has('suggestionFor')) {
        // Anything but a line anchor (a buggy or hostile writer) makes it an ordinary message.
        const anchor = parseAnchor(entry.get('suggestionFor'));
        if (anchor.kind === 'line') message.suggestionFor = anchor;
      }
      return message;
    });
}
