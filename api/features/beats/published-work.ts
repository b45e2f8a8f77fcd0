import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { beats, mixPresets } from '../../db/schema.ts';

/**
 * A person's published work (beats and mixer presets) leaves the store as `withheld` — their account
 * was suspended or deleted. Every public path already treats anything but `published` as not for
 * sale or show; licences already sold keep working. Drafts are left as they are.
 */
export async function withholdPublishedWork(tx: Executor, userId: string, now: Date): Promise<void> {
  await tx.update(beats).set({ status: 'withheld', updatedAt: now }).where(and(eq(beats.producerId, userId), eq(beats.status, 'published')));
  await tx.update(mixPresets).set({ status: 'withheld', updatedAt: now }).where(and(eq(mixPresets.authorId, userId), eq(mixPresets.status, 'published')));
}

/** Publishes again exactly what `withholdPublishedWork` took off the store (a lifted suspension). */
export async function republishWithheldWork(tx: Executor, userId: string, now: Date): Promise<void> {
  await tx.update(beats).set({ status: 'published', updatedAt: now }).where(and(eq(beats.producerId, userId), eq(beats.status, 'withheld')));
  await tx.update(mixPresets).set({ status: 'published', updatedAt: now }).where(and(eq(mixPresets.authorId, userId), eq(mixPresets.status, 'withheld')));
}
