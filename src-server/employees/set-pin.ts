import { and, eq } from 'drizzle-orm';
import { parseNip } from '../../src-shared/domain/nip';
import { checkNewPin } from '../../src-shared/domain/pin-rules';
import { DEFAULT_POLICY, PolicySchema, type Policy } from '../../src-shared/domain/policy';
import type { Db } from '../db/client';
import { auditLog, employees, policies, units } from '../db/schema';
import { nextVersion } from '../db/sync-scope';
import { withTransaction } from '../db/transaction';
import { hashPin } from './pin';

/**
 * The operator sets an (initial) PIN for an employee: `npm run server -- set-pin --nip …`.
 * The PIN is checked with the kiosk's own rules under the unit's policy, hashed in the kiosk's
 * format, and the row takes a new version of its unit so every workstation of the unit pulls it.
 * The audit row records who and when, never the PIN or its hash.
 */
export interface SetPinInput {
  nip: string;
  pin: string;
  /** Force a change at the next kiosk login (the default for a PIN someone else chose). */
  mustChangePin: boolean;
}

export type SetPinResult =
  | { ok: true; employeeId: string; name: string; unitCode: string; mustChangePin: boolean; version: number }
  | { ok: false; code: 'NIP_INVALID' | 'NIP_UNKNOWN' | 'PIN_FORMAT' | 'PIN_TOO_WEAK'; params?: Record<string, number> };

export async function setPin(db: Db, input: SetPinInput, now: Date): Promise<SetPinResult> {
  const parsed = parseNip(input.nip);
  if (!parsed.ok) return { ok: false, code: 'NIP_INVALID' };
  const [person] = await db
    .select({ id: employees.id, name: employees.name, unitId: employees.unitId, unitCode: units.code, policy: policies.body, policyDeleted: policies.deleted })
    .from(employees)
    .innerJoin(units, eq(units.id, employees.unitId))
    .leftJoin(policies, eq(policies.unitId, employees.unitId))
    .where(and(eq(employees.nip, parsed.nip), eq(employees.deleted, false)));
  if (!person) return { ok: false, code: 'NIP_UNKNOWN' };

  const policy: Policy = person.policy && !person.policyDeleted ? PolicySchema.parse(person.policy) : DEFAULT_POLICY;
  const weakness = checkNewPin(input.pin, policy);
  if (weakness) return { ok: false, code: weakness, params: { length: policy.pinLength } };

  // scrypt takes a moment: hash before the transaction so the unit's counter is locked briefly.
  const pinHash = await hashPin(input.pin);
  const version = await withTransaction(db, async (tx) => {
    const v = await nextVersion(tx, person.unitId);
    await tx
      .update(employees)
      .set({ pinHash, mustChangePin: input.mustChangePin, version: v, updatedAt: now })
      .where(eq(employees.id, person.id));
    await tx.insert(auditLog).values({
      at: now,
      action: 'employee.set_pin',
      entityType: 'employee',
      entityId: person.id,
      detail: { nip: parsed.nip, mustChangePin: input.mustChangePin, via: 'cli' },
    });
    return v;
  });
  return { ok: true, employeeId: person.id, name: person.name, unitCode: person.unitCode, mustChangePin: input.mustChangePin, version };
}
