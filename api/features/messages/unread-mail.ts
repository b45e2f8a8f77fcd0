import { aliasedTable, and, desc, eq, gt, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { conversationReads, messages, userBlocks, users } from '../../db/schema.ts';
import { translate } from '../../i18n/translate.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from '../../platform/mailer.ts';
import { isSupportedLocale } from '../../../shared/i18n/locales.ts';
import { isSuspended } from '../auth/suspension.ts';

/** A message read within this long never causes an e-mail: the person was there, or about to be. */
export const UNREAD_MAIL_DELAY_MINUTES = 10;
/** Older unread messages are not news any more (and a new deployment does not mail a backlog). */
const LOOKBACK_MS = 24 * 3_600_000;
/** Conversations shown in one e-mail; the rest are counted. */
const LISTED_CONVERSATIONS = 5;
/** The first characters of a conversation's newest message, as a preview. */
const PREVIEW_CHARACTERS = 140;
/** At most one such e-mail per person in this long. */
const COOL_DOWN_MS = 3_600_000;
/** Pairs read per sweep; the next sweep takes the rest. */
const PAIRS_PER_SWEEP = 500;

interface DuePair {
  userId: string;
  conversationId: string;
  newestSeq: number;
  count: number;
}

/**
 * E-mails about messages left unread, so a buyer's question does not wait for the producer's next
 * visit. Every minute, each person with messages from others that are UNREAD_MAIL_DELAY_MINUTES old
 * and still unread gets one e-mail listing those conversations: who wrote, how many, and a preview of
 * the newest. Reading in time, a removed message, a block either way, a suspended or deleted account,
 * or turning the e-mails off (`users.message_emails`) sends nothing. Not a stream: after an e-mail
 * about a conversation, the next one about it waits until the person has read it, and a person gets
 * at most one such e-mail an hour (the rest wait for the next). Each message is mailed about at most
 * once (`conversation_reads.emailed_seq`, claimed with a conditional update, so several instances
 * sweeping at once send one e-mail).
 */
export function createUnreadMailer(deps: { db: Database; clock: Clock; mailer: Mailer; logger: Logger; publicOrigin: string | undefined }) {
  const { db, clock, mailer, logger } = deps;
  const other = aliasedTable(users, 'sender');

  async function duePairs(now: Date): Promise<DuePair[]> {
    const rows = await db
      .select({
        userId: conversationReads.userId,
        conversationId: conversationReads.conversationId,
        newestSeq: sql<number>`max(${messages.seq})`.mapWith(Number),
        count: sql<number>`count(*)`.mapWith(Number),
      })
      .from(messages)
      .innerJoin(conversationReads, and(eq(conversationReads.conversationId, messages.conversationId), ne(conversationReads.userId, messages.senderId)))
      .innerJoin(users, eq(users.id, conversationReads.userId))
      .where(
        and(
          gt(messages.createdAt, new Date(now.getTime() - LOOKBACK_MS)),
          lte(messages.createdAt, new Date(now.getTime() - UNREAD_MAIL_DELAY_MINUTES * 60_000)),
          isNull(messages.removedAt),
          gt(messages.seq, conversationReads.lastReadSeq),
          // Whatever was mailed about has been read since.
          lte(conversationReads.emailedSeq, conversationReads.lastReadSeq),
          eq(users.messageEmails, true),
          isNull(users.deletedAt),
          sql`not exists (select 1 from ${conversationReads} as recent where recent.user_id = ${conversationReads.userId} and recent.emailed_at > ${new Date(now.getTime() - COOL_DOWN_MS).toISOString()}::timestamptz)`,
          sql`not exists (select 1 from ${userBlocks} where (${userBlocks.blockerId} = ${conversationReads.userId} and ${userBlocks.blockedId} = ${messages.senderId}) or (${userBlocks.blockerId} = ${messages.senderId} and ${userBlocks.blockedId} = ${conversationReads.userId}))`,
        ),
      )
      .groupBy(conversationReads.userId, conversationReads.conversationId)
      .limit(PAIRS_PER_SWEEP);
    return rows;
  }

  /** Claims the pairs for this sweep; only the ones still unclaimed come back (another instance may have sent them). */
  async function claim(userId: string, pairs: DuePair[], now: Date): Promise<DuePair[]> {
    const claimed: DuePair[] = [];
    for (const pair of pairs) {
      const updated = await db
        .update(conversationReads)
        .set({ emailedSeq: pair.newestSeq, emailedAt: now })
        .where(
          and(
            eq(conversationReads.conversationId, pair.conversationId),
            eq(conversationReads.userId, userId),
            lt(conversationReads.emailedSeq, pair.newestSeq),
            lte(conversationReads.emailedSeq, conversationReads.lastReadSeq),
          ),
        )
        .returning({ conversationId: conversationReads.conversationId });
      if (updated.length > 0) claimed.push(pair);
    }
    return claimed;
  }

  async function describe(pair: DuePair) {
    const [newest] = await db
      .select({ body: messages.body, senderName: other.displayName })
      .from(messages)
      .innerJoin(other, eq(other.id, messages.senderId))
      .where(and(eq(messages.conversationId, pair.conversationId), lte(messages.seq, pair.newestSeq), ne(messages.senderId, pair.userId), isNull(messages.removedAt)))
      .orderBy(desc(messages.seq))
      .limit(1);
    return { name: newest?.senderName ?? '', count: pair.count, preview: preview(newest?.body ?? '') };
  }

  async function mailOne(userId: string, pairs: DuePair[], now: Date): Promise<boolean> {
    const [person] = await db.select().from(users).where(eq(users.id, userId));
    if (!person || person.deletedAt || !person.messageEmails || isSuspended(person, now)) return false;
    const claimed = await claim(userId, pairs, now);
    if (claimed.length === 0) return false;
    const locale = isSupportedLocale(person.locale) ? person.locale : 'en';
    const listed = await Promise.all(claimed.slice(0, LISTED_CONVERSATIONS).map(describe));
    const total = claimed.reduce((sum, pair) => sum + pair.count, 0);
    const lines = listed.map((entry) => translate(locale, 'mail.unreadMessages.conversation', entry));
    if (claimed.length > listed.length) lines.push(translate(locale, 'mail.unreadMessages.more', { count: claimed.length - listed.length }));
    const origin = deps.publicOrigin?.replace(/\/+$/, '');
    const values = { name: person.displayName, count: total, first: listed[0]?.name ?? '', conversations: lines.join('\n\n'), link: origin ? `${origin}/messages` : '' };
    await mailer.send({
      to: person.email,
      subject: translate(locale, claimed.length === 1 ? 'mail.unreadMessages.subjectOne' : 'mail.unreadMessages.subjectMany', values),
      text: translate(locale, origin ? 'mail.unreadMessages.body' : 'mail.unreadMessages.bodyNoLink', values),
    });
    return true;
  }

  return {
    /** One sweep: returns how many e-mails went out. */
    async sendDue(): Promise<number> {
      const now = clock.now();
      const byUser = new Map<string, DuePair[]>();
      for (const pair of await duePairs(now)) byUser.set(pair.userId, [...(byUser.get(pair.userId) ?? []), pair]);
      let sent = 0;
      for (const [userId, pairs] of byUser) {
        // One person's failed e-mail is logged; the others still get theirs. Claimed pairs are not retried:
        // a notice late by a sweep or lost is better than one sent twice.
        if (await mailOne(userId, pairs, now).catch((error: unknown) => (logger.error('could not e-mail about unread messages', { userId, error }), false))) sent++;
      }
      return sent;
    },
  };
}

export type UnreadMailer = ReturnType<typeof createUnreadMailer>;

function preview(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return [...flat].length > PREVIEW_CHARACTERS ? `${[...flat].slice(0, PREVIEW_CHARACTERS - 1).join('')}…` : flat;
}
