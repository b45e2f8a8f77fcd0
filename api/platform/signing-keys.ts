import { hkdfSync, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { serverSecrets } from '../db/schema.ts';

export interface SigningKeys {
  accessTokens: Uint8Array;
  deviceCookies: Uint8Array;
  syncTickets: Uint8Array;
}

/**
 * The master secret comes from JWT_SECRET when set; otherwise one is generated on first start and
 * kept in the database, so every instance sharing the database signs with the same key and a
 * restart does not sign everybody out. Each purpose gets its own key derived with HKDF, so a
 * token made for one purpose can never verify for another even if the claims were confused.
 */
export async function loadSigningKeys(db: Database, configured: string | undefined, now: Date): Promise<SigningKeys> {
  const master = configured ? Buffer.from(configured, 'utf8') : await storedMasterSecret(db, now);
  const derive = (purpose: string) => new Uint8Array(hkdfSync('sha256', master, Buffer.alloc(0), `creatorsync:${purpose}`, 32));
  return { accessTokens: derive('access-token'), deviceCookies: derive('device-cookie'), syncTickets: derive('sync-ticket') };
}

async function storedMasterSecret(db: Database, now: Date): Promise<Buffer> {
  // Insert-if-absent then read: two instances starting together agree on whichever insert won.
  await db
    .insert(serverSecrets)
    .values({ name: 'jwt-master', value: randomBytes(32).toString('base64url'), createdAt: now })
    .onConflictDoNothing();
  const [row] = await db.select().from(serverSecrets).where(eq(serverSecrets.name, 'jwt-master'));
  if (!row) throw new Error('the jwt-master secret could not be stored');
  return Buffer.from(row.value, 'base64url');
}
