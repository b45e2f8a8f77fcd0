import { translate } from '../../i18n/translate.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from '../../platform/mailer.ts';
import type { InvitableRole } from '../../../shared/schemas/projects.ts';
import type { SupportedLocale } from '../../../shared/i18n/locales.ts';

const ROLE_IDS: Record<InvitableRole, string> = {
  editor: 'mail.role.editor',
  commenter: 'mail.role.commenter',
  viewer: 'mail.role.viewer',
};

/**
 * The e-mail that carries an invitation to one person: who invites, to which song, with what rights,
 * the link (`/invite?token=…`, the page that joins) and until when it works. Sent after the invite is
 * stored; a failure is logged, and the owner still has the link on screen to send another way.
 */
export function sendInviteMail(
  deps: { mailer: Mailer; logger: Logger },
  invite: { to: string; locale: SupportedLocale; inviterName: string; projectTitle: string; role: InvitableRole; link: string; expiresAt: Date },
): void {
  const { locale } = invite;
  const values = {
    inviter: invite.inviterName,
    project: invite.projectTitle,
    role: translate(locale, ROLE_IDS[invite.role]),
    link: invite.link,
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(invite.expiresAt),
  };
  void deps.mailer
    .send({ to: invite.to, subject: translate(locale, 'mail.invite.subject', values), text: translate(locale, 'mail.invite.body', values) })
    .catch((error: unknown) => deps.logger.error('could not send an invitation e-mail', { error }));
}
