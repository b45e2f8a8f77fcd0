import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { users } from '../../db/schema.ts';
import { translate } from '../../i18n/translate.ts';
import type { Mailer } from '../../platform/mailer.ts';
import { isSupportedLocale, type SupportedLocale } from '../../../shared/i18n/locales.ts';
import { latestRejection } from './queries.ts';
import type { AccountChange } from './service.ts';

const SUBJECTS: Record<AccountChange, string> = {
  suspended: 'mail.account.suspended.subject',
  reinstated: 'mail.account.reinstated.subject',
  suspension_ended: 'mail.account.suspensionEnded.subject',
  appeal_received: 'mail.account.appealReceived.subject',
  appeal_rejected: 'mail.account.appealRejected.subject',
};

/**
 * Tells a person, in their language, that their account was suspended (with the statement of
 * reasons: why, until when, and the moderator's words to them), that a moderator lifted it, that
 * its time ran out, that their appeal arrived, or that it was turned down and why: otherwise all they
 * would see is a refused sign-in. The moderators' own note stays
 * internal. A deleted account is told nothing (its address is gone).
 */
export async function sendAccountNotice(deps: { db: Database; mailer: Mailer }, userId: string, change: AccountChange): Promise<void> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, userId));
  if (!user || user.deletedAt) return;
  const locale = isSupportedLocale(user.locale) ? user.locale : 'en';
  const name = { name: user.displayName };
  let text: string;
  if (change === 'suspended') {
    const paragraphs = [
      translate(locale, 'mail.account.suspended.body', name),
      translate(locale, 'mail.account.suspended.reason', { reason: user.suspensionReason ?? 'other' }),
      translate(locale, 'mail.account.suspended.until', { until: user.suspendedUntil ? longDate(locale, user.suspendedUntil) : 'none' }),
    ];
    if (user.suspensionMessage) paragraphs.push(translate(locale, 'mail.account.suspended.message', { message: user.suspensionMessage }));
    text = `${paragraphs.join('\n\n')}\n\n— CreatorSync`;
  } else if (change === 'appeal_received') {
    text = translate(locale, 'mail.account.appealReceived.body', name);
  } else if (change === 'appeal_rejected') {
    const response = (await latestRejection(deps.db, userId)) ?? '';
    text = translate(locale, 'mail.account.appealRejected.body', { ...name, response });
  } else {
    text = translate(locale, change === 'reinstated' ? 'mail.account.reinstated.body' : 'mail.account.suspensionEnded.body', name);
  }
  await deps.mailer.send({ to: user.email, subject: translate(locale, SUBJECTS[change], name), text });
}

/** The end of a suspension in the reader's language; in UTC, named, since their time zone is unknown. */
function longDate(locale: SupportedLocale, date: Date): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(date);
}
