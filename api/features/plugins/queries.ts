import { and, desc, eq, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { mixPresetInstalls, mixPresets, users } from '../../db/schema.ts';

export type PresetRow = typeof mixPresets.$inferSelect;
export interface PresetWithAuthor {
  preset: PresetRow;
  authorName: string;
}

const withAuthor = { preset: mixPresets, authorName: users.displayName };

export async function findPreset(db: Database, id: string): Promise<PresetWithAuthor | undefined> {
  const [row] = await db.select(withAuthor).from(mixPresets).innerJoin(users, eq(users.id, mixPresets.authorId)).where(eq(mixPresets.id, id));
  return row;
}

export async function insertPreset(db: Database, values: typeof mixPresets.$inferInsert) {
  await db.insert(mixPresets).values(values);
}

export async function updatePreset(db: Database, id: string, values: Partial<typeof mixPresets.$inferInsert>) {
  await db.update(mixPresets).set(values).where(eq(mixPresets.id, id));
}

export async function deletePreset(db: Database, id: string) {
  await db.delete(mixPresets).where(eq(mixPresets.id, id));
}

export interface PresetFilters {
  text: string | undefined;
  kind: string | undefined;
  authorId: string | undefined;
  includeDrafts: boolean;
}

/** Escapes LIKE wildcards so a search for "100%" means the text. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

/** A page of presets after the keyset cursor: newest by (created_at, id), popular by (install_count, id). */
export async function searchPresets(
  db: Database,
  filters: PresetFilters,
  sort: 'newest' | 'popular',
  limit: number,
  after: { value: number | string; id: string } | undefined,
): Promise<PresetWithAuthor[]> {
  const conditions: Array<SQL | undefined> = [
    filters.includeDrafts ? undefined : eq(mixPresets.status, 'published'),
    filters.kind ? eq(mixPresets.kind, filters.kind) : undefined,
    filters.authorId ? eq(mixPresets.authorId, filters.authorId) : undefined,
    filters.text
      ? or(ilike(mixPresets.name, likePattern(filters.text)), ilike(mixPresets.description, likePattern(filters.text)), sql`${mixPresets.tags}::text ilike ${likePattern(filters.text)}`)
      : undefined,
  ];
  if (after) {
    const column = sort === 'popular' ? mixPresets.installCount : mixPresets.createdAt;
    const value = sort === 'popular' ? Number(after.value) : new Date(String(after.value));
    conditions.push(or(lt(column, value), and(eq(column, value), lt(mixPresets.id, after.id))));
  }
  return db
    .select(withAuthor)
    .from(mixPresets)
    .innerJoin(users, eq(users.id, mixPresets.authorId))
    .where(and(...conditions))
    .orderBy(sort === 'popular' ? desc(mixPresets.installCount) : desc(mixPresets.createdAt), desc(mixPresets.id))
    .limit(limit);
}

/** Records that a user applied a preset; the count moves only the first time for that person. */
export async function recordInstall(db: Database, presetId: string, userId: string, at: Date): Promise<{ firstTime: boolean }> {
  return db.transaction(async (tx) => {
    try {
      const inserted = await tx.insert(mixPresetInstalls).values({ presetId, userId, firstAppliedAt: at }).onConflictDoNothing().returning();
      if (inserted.length === 0) return { firstTime: false };
    } catch (error) {
      if (isUniqueViolation(error)) return { firstTime: false };
      throw error;
    }
    await tx.update(mixPresets).set({ installCount: sql`${mixPresets.installCount} + 1` }).where(eq(mixPresets.id, presetId));
    return { firstTime: true };
  });
}
