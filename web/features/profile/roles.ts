import type { UserRole } from '../../../shared/schemas/auth.ts';
import { messageId } from '../../app/message-id.ts';

const ROLE_LABEL_IDS = {
  producer: messageId('profile.role.producer'),
  artist: messageId('profile.role.artist'),
  songwriter: messageId('profile.role.songwriter'),
  engineer: messageId('profile.role.engineer'),
  listener: messageId('profile.role.listener'),
} as const satisfies Record<UserRole, string>;

/** Catalog id of a role's label. */
export function roleLabelId(role: UserRole): string {
  return ROLE_LABEL_IDS[role];
}
