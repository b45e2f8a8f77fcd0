import type { SupportedLocale } from '../../../shared/i18n/locales.ts';
import type { UpdateProfileRequest, User, UserRole } from '../../../shared/schemas/auth.ts';

/** The profile form's values: plain strings for text inputs (no nulls). */
export interface ProfileDraft {
  displayName: string;
  bio: string;
  avatarUrl: string;
  roles: UserRole[];
  locale: SupportedLocale;
}

export function profileDraft(user: User): ProfileDraft {
  return {
    displayName: user.displayName,
    bio: user.bio,
    avatarUrl: user.avatarUrl ?? '',
    roles: [...user.roles],
    locale: user.locale,
  };
}

/** The request for a draft: an emptied avatar field removes the avatar (null), roles keep the canonical order. */
export function profileUpdate(draft: ProfileDraft): UpdateProfileRequest {
  const avatarUrl = draft.avatarUrl.trim();
  return {
    displayName: draft.displayName,
    bio: draft.bio,
    avatarUrl: avatarUrl === '' ? null : avatarUrl,
    roles: draft.roles,
    locale: draft.locale,
  };
}
