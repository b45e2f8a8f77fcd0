import { eq } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { users } from '../../db/schema.ts';
import { translate } from '../../i18n/translate.ts';
import type { Mailer } from '../../platform/mailer.ts';
import { isSupportedLocale } from '../../../shared/i18n/locales.ts';

const NOTICE_IDS = {
  suspended: { subject: 'mail.account.suspended.subject', body: 'mail.account.suspended.body' },
  reinstated: { subject: 'mail.account.reinstated.subject', body: 'mail.account.reinstated.body' },
} as const;

/**
 * Tells a person, in their language, that a moderator suspended their account or lifted the
 * suspension: otherwise all they would see is a refused sign-in. The moderators' note stays
 * internal. A deleted account is told nothing (its address is gone).
 */
export async function sendAccountNotice(deps: { db: Database; mailer: Mailer }, userId: string, change: 'suspended' | 'reinstated'): Promise<void> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, userId));
  if (!user || user.deletedAt) return;
  const locale = isSupportedLocale(user.locale) ? user.locale : 'en';
  const values = { name: user.displayName };
  const ids = NOTICE_IDS[change];
  await deps.mailer.send({ to: user.email, subject: translate(locale, ids.subject, values), text: translate(locale, ids.body, values) });
}
