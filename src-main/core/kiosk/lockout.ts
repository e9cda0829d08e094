import { eq } from 'drizzle-orm';
import type { Policy } from '../../../src-shared/domain/policy';
import { kioskLockouts } from '../db/schema';
import type { Db } from '../context';

/**
 * Wrong-PIN accounting for one employee on this workstation. After `maxWrongPins` misses the
 * employee is locked for `lockoutMinutes`, doubling with every repeat since the last good PIN,
 * capped at eight times the base (40 minutes by default): a guesser gets a handful of tries an
 * hour, a person who forgot their PIN is never locked out for the whole day.
 */
export const MAX_LOCK_MULTIPLIER = 8;

export function lockedUntil(db: Db, employeeId: string, now: Date): Date | null {
  const r = db.select({ until: kioskLockouts.lockedUntil }).from(kioskLockouts).where(eq(kioskLockouts.employeeId, employeeId)).get();
  if (!r?.until) return null;
  const until = new Date(r.until);
  return until.getTime() > now.getTime() ? until : null;
}

export type MissOutcome = { locked: false; remaining: number } | { locked: true; until: Date; lockCount: number };

/** Records one wrong PIN; call inside a transaction. */
export function recordMiss(db: Db, employeeId: string, now: Date, policy: Policy): MissOutcome {
  const row = db.select().from(kioskLockouts).where(eq(kioskLockouts.employeeId, employeeId)).get();
  const failed = (row?.failedCount ?? 0) + 1;
  const lockCount = row?.lockCount ?? 0;
  if (failed >= policy.maxWrongPins) {
    const multiplier = Math.min(2 ** lockCount, MAX_LOCK_MULTIPLIER);
    const until = new Date(now.getTime() + policy.lockoutMinutes * multiplier * 60_000);
    const values = { failedCount: 0, lockCount: lockCount + 1, lockedUntil: until.toISOString(), lastFailedAt: now.toISOString() };
    db.insert(kioskLockouts).values({ employeeId, ...values }).onConflictDoUpdate({ target: kioskLockouts.employeeId, set: values }).run();
    return { locked: true, until, lockCount: lockCount + 1 };
  }
  const values = { failedCount: failed, lockCount, lockedUntil: null, lastFailedAt: now.toISOString() };
  db.insert(kioskLockouts).values({ employeeId, ...values }).onConflictDoUpdate({ target: kioskLockouts.employeeId, set: values }).run();
  return { locked: false, remaining: policy.maxWrongPins - failed };
}

export function clearMisses(db: Db, employeeId: string): void {
  db.delete(kioskLockouts).where(eq(kioskLockouts.employeeId, employeeId)).run();
}

export function lockedMap(db: Db, now: Date): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of db.select().from(kioskLockouts).all()) {
    if (r.lockedUntil && new Date(r.lockedUntil).getTime() > now.getTime()) out.set(r.employeeId, r.lockedUntil);
  }
  return out;
}
