import { describe, expect, expectTypeOf, it } from 'vitest';
import { DEMO } from './demo';
import { DEFAULT_POLICY } from './domain/policy';
import type { Absence, Activity, Employee, Entry, Holiday, Rhk, Unit } from './domain/types';
import {
  EmployeeRowSchema,
  EntryRowSchema,
  parseSyncChange,
  PolicyRowSchema,
  SYNC_ROW_SCHEMAS,
  syncRowId,
  type AbsenceRow,
  type CatalogRow,
  type EmployeeRow,
  type EntryRow,
  type HolidayRow,
  type RhkRow,
  type UnitRow,
} from './sync-rows';
import { SYNC_TABLES } from './protocol';

const employee: EmployeeRow = {
  ...DEMO.employees[0]!,
  pinHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
  mustChangePin: false,
};

const entry: EntryRow = {
  id: '0190a000-0000-7000-8000-000000000001',
  employeeId: DEMO.employees[4]!.id,
  workDate: '2026-11-24',
  startTime: '08:00',
  endTime: '09:30',
  minutes: 90,
  creditedMinutes: 60,
  activityId: DEMO.catalog[0]!.id,
  activityText: null,
  rhkId: null,
  volume: 1,
  outputUnit: 'dokumen',
  description: 'Menyusun konsep laporan',
  evidenceNote: null,
  status: 'approved',
  rev: 3,
  reviewerId: DEMO.employees[1]!.id,
  reviewNote: null,
  reviewedAt: '2026-11-24T07:00:00.000Z',
  flags: ['late_entry'],
  workstationId: null,
  createdAt: '2026-11-24T02:00:00.000Z',
  updatedAt: '2026-11-24T02:30:00.000Z',
  receivedAt: '2026-11-24T02:31:00.000Z',
};

describe('pulled row schemas', () => {
  it('has one schema per synced table', () => {
    expect(Object.keys(SYNC_ROW_SCHEMAS).sort()).toEqual([...SYNC_TABLES].sort());
  });

  it('accepts every demo row as the server sends it', () => {
    expect(SYNC_ROW_SCHEMAS.units.parse(DEMO.unit)).toEqual(DEMO.unit);
    for (const e of DEMO.employees) expect(EmployeeRowSchema.safeParse({ ...e, pinHash: null, mustChangePin: true }).success).toBe(true);
    for (const a of DEMO.catalog) expect(SYNC_ROW_SCHEMAS.catalog.parse(a)).toEqual(a);
    for (const r of DEMO.rhk) expect(SYNC_ROW_SCHEMAS.rhk.parse(r)).toEqual(r);
    for (const h of DEMO.holidays) expect(SYNC_ROW_SCHEMAS.holidays.parse(h)).toEqual(h);
    for (const a of DEMO.absences) expect(SYNC_ROW_SCHEMAS.absences.parse(a)).toEqual(a);
    expect(EntryRowSchema.parse(entry)).toEqual(entry);
  });

  it('fills the policy defaults, so a partial stored document still reaches the kiosk whole', () => {
    const parsed = PolicyRowSchema.parse({ unitId: DEMO.unit.id, policy: { pinLength: 4 } });
    expect(parsed.policy).toEqual({ ...DEFAULT_POLICY, pinLength: 4 });
  });

  it('refuses rows a workstation could not file', () => {
    expect(EntryRowSchema.safeParse({ ...entry, status: 'archived' }).success).toBe(false);
    expect(EntryRowSchema.safeParse({ ...entry, workDate: '2026-02-30' }).success).toBe(false);
    expect(EntryRowSchema.safeParse({ ...entry, startTime: '8:00' }).success).toBe(false);
    expect(EntryRowSchema.safeParse({ ...entry, flags: ['mystery'] }).success).toBe(false);
    expect(EntryRowSchema.safeParse({ ...entry, receivedAt: null }).success).toBe(false);
    expect(EmployeeRowSchema.safeParse({ ...employee, nip: '1234' }).success).toBe(false);
    expect(EmployeeRowSchema.safeParse({ ...employee, roles: ['root'] }).success).toBe(false);
  });

  it('accepts any hex id and long text the server already holds', () => {
    const id = 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa';
    expect(EntryRowSchema.safeParse({ ...entry, id, description: 'x'.repeat(5000) }).success).toBe(true);
  });

  it('strips keys it does not know, so a newer server does not break an older workstation', () => {
    expect(EmployeeRowSchema.parse({ ...employee, futureField: 1 })).toEqual(employee);
  });
});

describe('parseSyncChange', () => {
  it('parses a put by its table and keeps the id, the date for holidays and the unit for policies', () => {
    const holiday = DEMO.holidays[0]!;
    expect(parseSyncChange({ table: 'holidays', id: holiday.date, op: 'put', row: holiday, version: 3 })).toEqual({
      ok: true,
      change: { table: 'holidays', id: holiday.date, op: 'put', row: holiday, version: 3 },
    });
    const policy = parseSyncChange({ table: 'policies', id: DEMO.unit.id, op: 'put', row: { unitId: DEMO.unit.id, policy: {} }, version: 1 });
    expect(policy.ok && policy.change.op === 'put' && policy.change.table === 'policies' && policy.change.row.policy).toEqual(DEFAULT_POLICY);
    expect(syncRowId('entries', entry)).toBe(entry.id);
  });

  it('takes a delete without a row', () => {
    expect(parseSyncChange({ table: 'entries', id: entry.id, op: 'delete', row: null, version: 9 })).toEqual({
      ok: true,
      change: { table: 'entries', id: entry.id, op: 'delete', row: null, version: 9 },
    });
  });

  it('refuses a row that fails its schema, a delete with a row, and a row filed under another id', () => {
    const bad = parseSyncChange({ table: 'entries', id: entry.id, op: 'put', row: { ...entry, volume: 0 }, version: 1 });
    expect(bad).toEqual({ ok: false, error: expect.stringContaining('volume') });
    expect(parseSyncChange({ table: 'entries', id: entry.id, op: 'delete', row: entry, version: 1 }).ok).toBe(false);
    expect(parseSyncChange({ table: 'employees', id: DEMO.employees[1]!.id, op: 'put', row: employee, version: 1 }).ok).toBe(false);
  });

  it('matches the domain types the kiosk works with', () => {
    expectTypeOf<UnitRow>().toExtend<Unit>();
    expectTypeOf<Omit<EmployeeRow, 'pinHash' | 'mustChangePin'>>().toExtend<Employee>();
    expectTypeOf<CatalogRow>().toExtend<Activity>();
    expectTypeOf<RhkRow>().toExtend<Rhk>();
    expectTypeOf<HolidayRow>().toExtend<Holiday>();
    expectTypeOf<AbsenceRow>().toExtend<Absence>();
    expectTypeOf<EntryRow>().toExtend<Omit<Entry, 'syncCode' | 'syncMessage'>>();
  });
});
