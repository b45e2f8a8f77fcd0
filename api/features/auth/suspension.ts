import { AppError } from '../../errors/app-error.ts';

interface SuspensionState {
  suspendedAt: Date | null;
  suspendedUntil: Date | null;
  suspensionReason: string | null;
}

/**
 * Whether the account is suspended at `now`. A temporary suspension whose time is up no longer holds,
 * even in the minute before the moderation sweep lifts it (and returns the withheld beats to the store).
 */
export function isSuspended(user: SuspensionState, now: Date): boolean {
  return user.suspendedAt !== null && (user.suspendedUntil === null || user.suspendedUntil > now);
}

/** The refusal a suspended account gets when signing in: the reason, and until when (the person's statement of reasons). */
export function suspensionRefusal(user: SuspensionState): AppError {
  return new AppError('account_suspended', {
    params: { reason: user.suspensionReason ?? 'other', until: user.suspendedUntil ? utcMinute(user.suspendedUntil) : 'none' },
  });
}

/** "2026-12-03 14:05 UTC": the same in every language, and unambiguous without knowing the reader's time zone. */
function utcMinute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
