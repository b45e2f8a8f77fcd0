import type { ProjectRole } from '../../../shared/schemas/projects.ts';
import { messageId } from '../../app/message-id.ts';

const ROLE_LABELS = {
  owner: messageId('projects.role.owner'),
  editor: messageId('projects.role.editor'),
  commenter: messageId('projects.role.commenter'),
  viewer: messageId('projects.role.viewer'),
} as const satisfies Record<ProjectRole, string>;

/** Catalog id of a project role's name. */
export function roleLabelId(role: ProjectRole): string {
  return ROLE_LABELS[role];
}
