import { inArray } from 'drizzle-orm';
import { PolicySchema, type Policy } from '../../src-shared/domain/policy';
import type { Absence, Activity, Employee, Holiday, Rhk, Unit } from '../../src-shared/domain/types';
import type { Tx } from '../db/client';
import { absences, catalog, employees, holidays, policies, rhk, unitDepartures, units } from '../db/schema';
import { GLOBAL_SCOPE, nextVersion } from '../db/sync-scope';
import { canonicalJson } from '../lib/canonical-json';

/**
 * Writes reference data (roster, catalog, RHK, holidays, absences, policies) as the import and the
 * demo loader deliver it. Only rows whose content changed are written, so importing the same file
 * twice sends nothing new to the workstations. Changed rows of one scope take one version per
 * VERSION_CHUNK rows: a pull page holds whole versions, and a roster of thousands must still fit
 * in pages of a few hundred rows.
 */
export const VERSION_CHUNK = 200;

export type EmployeeRecord = Employee & { pinHash?: string | null; mustChangePin?: boolean };

export interface ReferenceSet {
  units?: Unit[];
  employees?: EmployeeRecord[];
  catalog?: Activity[];
  rhk?: Rhk[];
  holidays?: Holiday[];
  absences?: Absence[];
  policies?: { unitId: string; policy: Policy }[];
}

export type ReferenceCounts = Record<keyof ReferenceSet, { written: number; unchanged: number }>;

/** Hands out versions per scope, a new one every VERSION_CHUNK rows. */
class Versioner {
  private readonly state = new Map<string, { version: number; used: number }>();
  constructor(private readonly tx: Tx) {}
  async take(scope: string): Promise<number> {
    const s = this.state.get(scope);
    if (s && s.used < VERSION_CHUNK) {
      s.used++;
      return s.version;
    }
    const version = await nextVersion(this.tx, scope);
    this.state.set(scope, { version, used: 1 });
    return version;
  }
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/** Compares only the keys of `next`: a row is unchanged when every given field already holds that value. */
function unchanged(existing: Record<string, unknown> | undefined, next: Record<string, unknown>): boolean {
  if (!existing || existing['deleted'] === true) return false;
  return Object.entries(next).every(([k, v]) => same(existing[k] ?? null, v ?? null));
}

export async function writeReference(tx: Tx, set: ReferenceSet, now: Date): Promise<ReferenceCounts> {
  const v = new Versioner(tx);
  const counts = Object.fromEntries(
    ['units', 'employees', 'catalog', 'rhk', 'holidays', 'absences', 'policies'].map((k) => [k, { written: 0, unchanged: 0 }]),
  ) as ReferenceCounts;
  const tally = (key: keyof ReferenceSet, wrote: boolean) => counts[key][wrote ? 'written' : 'unchanged']++;

  if (set.units?.length) {
    const existing = new Map((await tx.select().from(units).where(inArray(units.id, set.units.map((u) => u.id)))).map((r) => [r.id, r]));
    for (const u of set.units) {
      const row = { id: u.id, code: u.code, name: u.name, parentId: u.parentId, timeZone: u.timeZone };
      const wrote = !unchanged(existing.get(u.id), row);
      if (wrote) {
        const values = { ...row, version: await v.take(u.id), deleted: false, updatedAt: now };
        await tx.insert(units).values(values).onConflictDoUpdate({ target: units.id, set: values });
      }
      tally('units', wrote);
    }
    // A new unit starts on the documented defaults (in its own time zone) unless a policy comes
    // with it: workstations always pull a policy, and the server's rules read the same one.
    const given = new Set((set.policies ?? []).map((p) => p.unitId));
    const fresh = set.units.filter((u) => !existing.has(u.id) && !given.has(u.id));
    if (fresh.length) {
      const stored = new Set(
        (await tx.select({ unitId: policies.unitId }).from(policies).where(inArray(policies.unitId, fresh.map((u) => u.id)))).map((r) => r.unitId),
      );
      const defaults = fresh.filter((u) => !stored.has(u.id)).map((u) => ({ unitId: u.id, policy: PolicySchema.parse({ timeZone: u.timeZone }) }));
      set = { ...set, policies: [...(set.policies ?? []), ...defaults] };
    }
  }

  if (set.policies?.length) {
    const existing = new Map(
      (await tx.select().from(policies).where(inArray(policies.unitId, set.policies.map((p) => p.unitId)))).map((r) => [r.unitId, r]),
    );
    for (const p of set.policies) {
      const wrote = !unchanged(existing.get(p.unitId), { body: p.policy });
      if (wrote) {
        const values = { unitId: p.unitId, body: p.policy, version: await v.take(p.unitId), deleted: false, updatedAt: now };
        await tx.insert(policies).values(values).onConflictDoUpdate({ target: policies.unitId, set: values });
      }
      tally('policies', wrote);
    }
  }

  if (set.employees?.length) {
    const existing = new Map(
      (await tx.select().from(employees).where(inArray(employees.id, set.employees.map((e) => e.id)))).map((r) => [r.id, r]),
    );
    for (const e of set.employees) {
      const row: Record<string, unknown> = {
        id: e.id,
        nip: e.nip,
        name: e.name,
        unitId: e.unitId,
        positionTitle: e.positionTitle,
        supervisorId: e.supervisorId,
        roles: e.roles,
        tppBase: e.tppBase,
        active: e.active,
      };
      if (e.pinHash !== undefined) row['pinHash'] = e.pinHash;
      if (e.mustChangePin !== undefined) row['mustChangePin'] = e.mustChangePin;
      const before = existing.get(e.id);
      const wrote = !unchanged(before, row);
      if (wrote) {
        const values = { ...(row as typeof employees.$inferInsert), version: await v.take(e.unitId), deleted: false, updatedAt: now };
        await tx.insert(employees).values(values).onConflictDoUpdate({ target: employees.id, set: values });
      }
      if (before && before.unitId !== e.unitId) {
        // The old unit's workstations must drop the person: a tombstone in the old unit's scope.
        const departure = { unitId: before.unitId, employeeId: e.id, version: await v.take(before.unitId), deleted: true, updatedAt: now };
        await tx
          .insert(unitDepartures)
          .values(departure)
          .onConflictDoUpdate({ target: [unitDepartures.unitId, unitDepartures.employeeId], set: departure });
      }
      tally('employees', wrote);
    }
  }

  if (set.catalog?.length) {
    const existing = new Map((await tx.select().from(catalog).where(inArray(catalog.id, set.catalog.map((a) => a.id)))).map((r) => [r.id, r]));
    for (const a of set.catalog) {
      const row = {
        id: a.id,
        code: a.code,
        name: a.name,
        outputUnit: a.outputUnit,
        normMinutes: a.normMinutes,
        category: a.category,
        scopeUnitId: a.scopeUnitId,
        scopePosition: a.scopePosition,
        active: a.active,
      };
      const wrote = !unchanged(existing.get(a.id), row);
      if (wrote) {
        const values = { ...row, version: await v.take(GLOBAL_SCOPE), deleted: false, updatedAt: now };
        await tx.insert(catalog).values(values).onConflictDoUpdate({ target: catalog.id, set: values });
      }
      tally('catalog', wrote);
    }
  }

  if (set.holidays?.length) {
    const existing = new Map(
      (await tx.select().from(holidays).where(inArray(holidays.date, set.holidays.map((h) => h.date)))).map((r) => [r.date, r]),
    );
    for (const h of set.holidays) {
      const row = { date: h.date, name: h.name, kind: h.kind };
      const wrote = !unchanged(existing.get(h.date), row);
      if (wrote) {
        const values = { ...row, version: await v.take(GLOBAL_SCOPE), deleted: false, updatedAt: now };
        await tx.insert(holidays).values(values).onConflictDoUpdate({ target: holidays.date, set: values });
      }
      tally('holidays', wrote);
    }
  }

  // RHK and absences take the unit of their employee, read after the roster above is written.
  const people = [...new Set([...(set.rhk ?? []).map((r) => r.employeeId), ...(set.absences ?? []).map((a) => a.employeeId)])];
  const unitOf = new Map(
    people.length
      ? (await tx.select({ id: employees.id, unitId: employees.unitId }).from(employees).where(inArray(employees.id, people))).map((r) => [r.id, r.unitId])
      : [],
  );
  const employeeUnit = (id: string): string => {
    const unit = unitOf.get(id);
    if (!unit) throw new Error(`employee ${id} not found: the import validates references before writing`);
    return unit;
  };

  if (set.rhk?.length) {
    const existing = new Map((await tx.select().from(rhk).where(inArray(rhk.id, set.rhk.map((r) => r.id)))).map((r) => [r.id, r]));
    for (const r of set.rhk) {
      const unitId = employeeUnit(r.employeeId);
      const row = { id: r.id, employeeId: r.employeeId, unitId, year: r.year, title: r.title, indicator: r.indicator, target: r.target, outputUnit: r.outputUnit, active: r.active };
      const wrote = !unchanged(existing.get(r.id), row);
      if (wrote) {
        const values = { ...row, version: await v.take(unitId), deleted: false, updatedAt: now };
        await tx.insert(rhk).values(values).onConflictDoUpdate({ target: rhk.id, set: values });
      }
      tally('rhk', wrote);
    }
  }

  if (set.absences?.length) {
    const existing = new Map(
      (await tx.select().from(absences).where(inArray(absences.id, set.absences.map((a) => a.id)))).map((r) => [r.id, r]),
    );
    for (const a of set.absences) {
      const unitId = employeeUnit(a.employeeId);
      const row = { id: a.id, employeeId: a.employeeId, unitId, date: a.date, kind: a.kind, note: a.note };
      const wrote = !unchanged(existing.get(a.id), row);
      if (wrote) {
        const values = { ...row, version: await v.take(unitId), deleted: false, updatedAt: now };
        await tx.insert(absences).values(values).onConflictDoUpdate({ target: absences.id, set: values });
      }
      tally('absences', wrote);
    }
  }
  return counts;
}
