import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Executor } from '../db/client';
import { auditLog, enrollmentCodes, syncClients, units, workstations } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { HttpError } from '../http/errors';
import { hashSecret, newEnrollmentCode, newToken, normalizeEnrollmentCode } from './tokens';

export const ENROLLMENT_CODE_TTL_MS = 24 * 60 * 60 * 1000;

export interface EnrollInput {
  enrollmentCode: string;
  name: string;
  clientId: string;
}

export interface Enrolled {
  workstationId: string;
  unitId: string;
  token: string;
}

/**
 * Enrolls a workstation with a single-use code (PROTOCOL.md "Identity"). In one transaction: the
 * code is locked and spent, the workstation row and its token hash are written, and the client id
 * is bound. A client id still bound to an active workstation is a copied database: 409
 * REENROLL_REQUIRED, and the code stays unspent. A client id of a revoked workstation moves to the
 * new one and keeps its sequence, so re-enrolling the same file never replays or skips a mutation.
 */
export async function enroll(db: Db, input: EnrollInput, now: Date): Promise<Enrolled> {
  const codeHash = hashSecret(normalizeEnrollmentCode(input.enrollmentCode));
  return withTransaction(db, async (tx) => {
    const [code] = await tx.select().from(enrollmentCodes).where(eq(enrollmentCodes.codeHash, codeHash)).for('update');
    if (!code) throw new HttpError('UNAUTHENTICATED', 'unknown enrollment code');
    if (code.usedAt) throw new HttpError('UNAUTHENTICATED', 'enrollment code already used');
    if (code.expiresAt.getTime() <= now.getTime()) throw new HttpError('UNAUTHENTICATED', 'enrollment code expired');

    const [client] = await tx.select().from(syncClients).where(eq(syncClients.clientId, input.clientId)).for('update');
    if (client) {
      const [bound] = await tx.select().from(workstations).where(eq(workstations.id, client.workstationId));
      if (bound && !bound.revokedAt) {
        throw new HttpError('REENROLL_REQUIRED', 'clientId belongs to another enrolled workstation; make a new clientId');
      }
      if (bound && bound.unitId !== code.unitId) {
        throw new HttpError('REENROLL_REQUIRED', 'clientId was enrolled to another unit; make a new clientId');
      }
    }

    const workstationId = crypto.randomUUID();
    const token = newToken();
    await tx.insert(workstations).values({
      id: workstationId,
      unitId: code.unitId,
      name: input.name.trim(),
      tokenHash: hashSecret(token),
      clientId: input.clientId,
      enrolledAt: now,
    });
    if (client) {
      await tx.update(syncClients).set({ workstationId, updatedAt: now }).where(eq(syncClients.clientId, input.clientId));
    } else {
      await tx.insert(syncClients).values({ clientId: input.clientId, workstationId, lastSeq: 0, updatedAt: now });
    }
    await tx.update(enrollmentCodes).set({ usedAt: now, workstationId }).where(eq(enrollmentCodes.codeHash, codeHash));
    await tx.insert(auditLog).values({
      at: now,
      workstationId,
      action: 'workstation.enroll',
      entityType: 'workstation',
      entityId: workstationId,
      detail: { name: input.name.trim(), unitId: code.unitId, clientId: input.clientId, rebound: Boolean(client) },
    });
    return { workstationId, unitId: code.unitId, token };
  });
}

/** A fresh single-use code for a unit (by its code, e.g. SETDA-ORG). The code itself is only returned, never stored. */
export async function createEnrollmentCode(db: Executor, unitCode: string, now: Date): Promise<{ code: string; unitId: string; expiresAt: Date }> {
  const [unit] = await db.select({ id: units.id }).from(units).where(and(eq(units.code, unitCode), eq(units.deleted, false)));
  if (!unit) throw new HttpError('NOT_FOUND', `unit ${unitCode} not found`);
  const code = newEnrollmentCode();
  const expiresAt = new Date(now.getTime() + ENROLLMENT_CODE_TTL_MS);
  await db.insert(enrollmentCodes).values({ codeHash: hashSecret(normalizeEnrollmentCode(code)), unitId: unit.id, createdAt: now, expiresAt });
  await db.insert(auditLog).values({ at: now, action: 'enrollment_code.create', entityType: 'unit', entityId: unit.id, detail: { expiresAt: expiresAt.toISOString() } });
  return { code, unitId: unit.id, expiresAt };
}

/** Revokes a workstation: its token stops working at once (403), its client id may re-enroll. */
export async function revokeWorkstation(db: Executor, workstationId: string, now: Date): Promise<{ revoked: boolean }> {
  const rows = await db
    .update(workstations)
    .set({ revokedAt: now })
    .where(and(eq(workstations.id, workstationId), isNull(workstations.revokedAt)))
    .returning({ id: workstations.id });
  if (rows.length === 0) {
    const [exists] = await db.select({ id: workstations.id }).from(workstations).where(eq(workstations.id, workstationId));
    if (!exists) throw new HttpError('NOT_FOUND', `workstation ${workstationId} not found`);
    return { revoked: false };
  }
  await db.insert(auditLog).values({ at: now, workstationId, action: 'workstation.revoke', entityType: 'workstation', entityId: workstationId, detail: {} });
  return { revoked: true };
}
