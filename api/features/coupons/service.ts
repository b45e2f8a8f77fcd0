import { randomUUID } from 'node:crypto';
import type { Coupon, CouponList, CreateCouponRequest } from '../../../shared/schemas/commerce.ts';
import type { Database } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../platform/clock.ts';
import * as queries from './queries.ts';

function toCoupon(row: queries.CouponRow): Coupon {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind === 'amount' ? 'amount' : 'percent',
    value: row.kind === 'amount' ? row.value / 100 : row.value,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    maxUses: row.maxUses,
    uses: row.uses,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Whether a coupon can still be applied at `now` (the use is only counted when the payment is granted). */
export function isRedeemable(row: queries.CouponRow, now: Date): boolean {
  return row.deletedAt === null && (row.expiresAt === null || row.expiresAt.getTime() > now.getTime()) && (row.maxUses === null || row.uses < row.maxUses);
}

export function createCouponsService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async list(producerId: string): Promise<CouponList> {
      return { coupons: (await queries.couponsOf(db, producerId)).map(toCoupon) };
    },

    async create(producerId: string, request: CreateCouponRequest): Promise<Coupon> {
      const id = randomUUID();
      try {
        await queries.insertCoupon(db, {
          id,
          producerId,
          code: request.code,
          codeKey: request.code.toLowerCase(),
          kind: request.kind,
          value: request.kind === 'amount' ? Math.round(request.value * 100) : request.value,
          expiresAt: request.expiresAt ? new Date(request.expiresAt) : null,
          maxUses: request.maxUses,
          createdAt: clock.now(),
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('coupon_code_taken', { cause: error });
        throw error;
      }
      const row = await queries.findLiveCoupon(db, id);
      if (!row) throw new AppError('coupon_not_found');
      return toCoupon(row);
    },

    /** Someone else's coupon is as absent as a missing one: its existence is not revealed. */
    async remove(producerId: string, id: string): Promise<void> {
      const row = await queries.findLiveCoupon(db, id);
      if (!row || row.producerId !== producerId) throw new AppError('coupon_not_found');
      await queries.softDelete(db, id, clock.now());
    },

    /** The coupon a code names for this cart: one of its producers', redeemable now; `coupon_invalid` otherwise. */
    async forCart(code: string, producerIds: string[]): Promise<queries.CouponRow> {
      const now = clock.now();
      const matches = await queries.findByCode(db, code, producerIds);
      const usable = producerIds.map((producerId) => matches.find((row) => row.producerId === producerId && isRedeemable(row, now))).find(Boolean);
      if (!usable) throw new AppError('coupon_invalid');
      return usable;
    },
  };
}

export type CouponsService = ReturnType<typeof createCouponsService>;
