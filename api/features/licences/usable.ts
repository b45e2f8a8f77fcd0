import { AppError } from '../../errors/app-error.ts';

/**
 * What a licence grants (files, signed links, the contract, a song started from it): nothing once it
 * was revoked (its order refunded in full), and nothing for now while a chargeback on its order is open.
 */
export function refuseUnusable(licence: { revokedAt: Date | null; heldAt: Date | null }): void {
  if (licence.revokedAt) throw new AppError('licence_revoked');
  if (licence.heldAt) throw new AppError('licence_on_hold');
}
