import type { ChatMessage, ProjectComment } from '../../../shared/project/comments-document.ts';

/** Open comments first in the panel; resolved ones fold away below them. Both keep the given order. */
export function groupComments(comments: readonly ProjectComment[]): { open: ProjectComment[]; resolved: ProjectComment[] } {
  const open: ProjectComment[] = [];
  const resolved: ProjectComment[] = [];
  for (const comment of comments) (comment.resolved ? resolved : open).push(comment);
  return { open, resolved };
}

/**
 * The chat oldest to newest. The shared array keeps insertion order, but a message written offline
 * lands wherever the merge puts it, so order by the writer's time and keep the array order for ties.
 */
export function orderChat(messages: readonly ChatMessage[]): ChatMessage[] {
  return messages
    .map((message, index) => ({ message, index }))
    .sort((a, b) => a.message.createdAt.localeCompare(b.message.createdAt) || a.index - b.index)
    .map(({ message }) => message);
}

/** Entries of `list` whose id is not in `known` (what just arrived), in list order. */
export function newEntries<T extends { id: string }>(known: ReadonlySet<string>, list: readonly T[]): T[] {
  return list.filter((entry) => !known.has(entry.id));
}
