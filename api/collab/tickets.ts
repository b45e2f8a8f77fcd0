import { SignJWT, jwtVerify } from 'jose';
import { lt } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { usedTickets } from '../db/schema.ts';
import type { Clock } from '../platform/clock.ts';
import { TOKEN_ISSUER } from '../features/auth/access-tokens.ts';

/**
 * Sync tickets: what a client trades its access token for right before opening the sync socket.
 * A ticket names one user and one document, lives 30 seconds and works once (its id is recorded in
 * the database on use, so this holds across instances). It travels in the socket URL, which is why
 * it is short-lived and single-use, and why request logs leave query strings out.
 */
export const TICKET_TTL_SECONDS = 30;
const TICKET_TYPE = 'ticket+jwt';
const TICKET_AUDIENCE = 'creatorsync-sync';

export type TicketRefusal = 'invalid' | 'expired' | 'reused' | 'wrong_document';

export function createTicketIssuer(deps: { secret: Uint8Array; db: Database; clock: Clock }) {
  const { secret, db, clock } = deps;
  return {
    async issue(userId: string, documentName: string): Promise<string> {
      const issuedAt = Math.floor(clock.now().getTime() / 1000);
      return new SignJWT({ doc: documentName })
        .setProtectedHeader({ alg: 'HS256', typ: TICKET_TYPE })
        .setSubject(userId)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TICKET_AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + TICKET_TTL_SECONDS)
        .setJti(crypto.randomUUID())
        .sign(secret);
    },

    /** Verifies and consumes a ticket for `documentName`; the second use of the same ticket is refused. */
    async redeem(ticket: string, documentName: string): Promise<{ userId: string } | { refused: TicketRefusal }> {
      if (ticket.length > 2048) return { refused: 'invalid' };
      let payload;
      try {
        ({ payload } = await jwtVerify(ticket, secret, {
          algorithms: ['HS256'],
          issuer: TOKEN_ISSUER,
          audience: TICKET_AUDIENCE,
          typ: TICKET_TYPE,
          currentDate: clock.now(),
          requiredClaims: ['sub', 'jti', 'exp'],
        }));
      } catch (error) {
        return { refused: (error as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid' };
      }
      if (payload.doc !== documentName) return { refused: 'wrong_document' };
      try {
        await db.insert(usedTickets).values({ ticketId: payload.jti!, expiresAt: new Date(payload.exp! * 1000) });
      } catch (error) {
        if (isUniqueViolation(error)) return { refused: 'reused' };
        throw error;
      }
      return { userId: payload.sub! };
    },

    /** Used-ticket rows are only needed until the ticket would have expired anyway. */
    async forgetExpired(): Promise<void> {
      await db.delete(usedTickets).where(lt(usedTickets.expiresAt, clock.now()));
    },
  };
}

export type TicketIssuer = ReturnType<typeof createTicketIssuer>;
