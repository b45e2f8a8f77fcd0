import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { beatLicenceTiers, beats, beatStems, leads, licences } from '../../db/schema.ts';
import type { TierRow } from './tier-defaults.ts';

export type LicenceRow = typeof licences.$inferSelect;

/** The beat facts the money side needs. */
export async function findBeat(db: Database, id: string) {
  const [row] = await db
    .select({
      id: beats.id,
      producerId: beats.producerId,
      title: beats.title,
      status: beats.status,
      priceCents: beats.priceCents,
      freeDownload: beats.freeDownload,
      audioKey: beats.audioKey,
      audioContentType: beats.audioContentType,
      previewKey: beats.previewKey,
      deliveryMp3Key: beats.deliveryMp3Key,
      deliveryWavKey: beats.deliveryWavKey,
    })
    .from(beats)
    .where(eq(beats.id, id))
    .limit(1);
  return row;
}
export type BeatFacts = NonNullable<Awaited<ReturnType<typeof findBeat>>>;

export async function tierRows(db: Database, beatId: string): Promise<TierRow[]> {
  return db.select().from(beatLicenceTiers).where(eq(beatLicenceTiers.beatId, beatId));
}

/** Writes tiers; `overwrite: false` only fills in tiers that have no row yet (materialising defaults). */
export async function saveTiers(db: Database, beatId: string, rows: readonly TierRow[], now: Date, overwrite: boolean): Promise<void> {
  if (rows.length === 0) return;
  const insert = db.insert(beatLicenceTiers).values(rows.map((row) => ({ ...row, beatId, updatedAt: now })));
  if (!overwrite) {
    await insert.onConflictDoNothing();
    return;
  }
  await insert.onConflictDoUpdate({
    target: [beatLicenceTiers.beatId, beatLicenceTiers.tier],
    set: {
      priceCents: sql`excluded.price_cents`,
      files: sql`excluded.files`,
      enabled: sql`excluded.enabled`,
      streams: sql`excluded.streams`,
      copiesSold: sql`excluded.copies_sold`,
      musicVideos: sql`excluded.music_videos`,
      radioStations: sql`excluded.radio_stations`,
      paidPerformances: sql`excluded.paid_performances`,
      updatedAt: sql`excluded.updated_at`,
    },
  });
}

export async function exclusiveSold(db: Database, beatId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: licences.id })
    .from(licences)
    .where(and(eq(licences.beatId, beatId), eq(licences.tier, 'exclusive'), isNull(licences.revokedAt)))
    .limit(1);
  return row !== undefined;
}

export async function findStems(db: Database, beatId: string) {
  const [row] = await db.select().from(beatStems).where(eq(beatStems.beatId, beatId)).limit(1);
  return row;
}

/** Points the beat at a new stems zip and returns the key it replaced, under a row lock (two uploads racing each learn the right file to delete). */
export async function replaceStems(db: Database, row: typeof beatStems.$inferInsert): Promise<{ previousKey: string | null } | undefined> {
  return db.transaction(async (tx) => {
    const [beat] = await tx.select({ id: beats.id }).from(beats).where(eq(beats.id, row.beatId)).for('update');
    if (!beat) return undefined;
    const [previous] = await tx.select({ key: beatStems.storageKey }).from(beatStems).where(eq(beatStems.beatId, row.beatId));
    await tx
      .insert(beatStems)
      .values(row)
      .onConflictDoUpdate({ target: beatStems.beatId, set: { storageKey: row.storageKey, bytes: row.bytes, entries: row.entries, uncompressedBytes: row.uncompressedBytes, uploadedAt: row.uploadedAt } });
    return { previousKey: previous?.key ?? null };
  });
}

/** Licences the user bought or sold, newest first. */
export async function licencesOf(db: Database, userId: string): Promise<LicenceRow[]> {
  return db
    .select()
    .from(licences)
    .where(or(eq(licences.buyerId, userId), eq(licences.producerId, userId)))
    .orderBy(desc(licences.grantedAt), desc(licences.id))
    .limit(500);
}

export async function findLicence(db: Database, id: string): Promise<LicenceRow | undefined> {
  const [row] = await db.select().from(licences).where(eq(licences.id, id)).limit(1);
  return row;
}

export async function ownsLicence(db: Database, buyerId: string, beatId: string, tier: string): Promise<boolean> {
  const [row] = await db
    .select({ id: licences.id })
    .from(licences)
    .where(and(eq(licences.buyerId, buyerId), eq(licences.beatId, beatId), eq(licences.tier, tier), isNull(licences.revokedAt)))
    .limit(1);
  return row !== undefined;
}

/** Records the e-mail as a lead of the beat's producer (once per beat) and returns its id. */
export async function recordLead(db: Database, lead: typeof leads.$inferInsert): Promise<string> {
  await db.insert(leads).values(lead).onConflictDoNothing();
  const [row] = await db
    .select({ id: leads.id })
    .from(leads)
    .where(and(eq(leads.beatId, lead.beatId), eq(leads.email, lead.email)))
    .limit(1);
  if (!row) throw new Error('the lead could not be recorded');
  return row.id;
}

export async function findLead(db: Database, id: string) {
  const [row] = await db.select().from(leads).where(eq(leads.id, id)).limit(1);
  return row;
}
