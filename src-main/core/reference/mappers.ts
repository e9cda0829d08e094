import type { Absence, AbsenceKind, Activity, ActivityCategory, Employee, Holiday, HolidayKind, Rhk, Role } from '../../../src-shared/domain/types';
import type { absences, catalog, employees, holidays, rhk } from '../db/schema';

/** Rows → domain types at the boundary: SQLite's 0/1 and JSON text never leak past here. */

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

export function parseJsonArray<T>(text: string): T[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

export const rowToEmployee = (r: Row<typeof employees>): Employee => ({
  id: r.id,
  nip: r.nip,
  name: r.name,
  unitId: r.unitId,
  positionTitle: r.positionTitle,
  supervisorId: r.supervisorId,
  roles: parseJsonArray<Role>(r.roles),
  tppBase: r.tppBase,
  active: r.active === 1,
});

export const rowToActivity = (r: Row<typeof catalog>): Activity => ({
  id: r.id,
  code: r.code,
  name: r.name,
  outputUnit: r.outputUnit,
  normMinutes: r.normMinutes,
  category: r.category as ActivityCategory,
  scopeUnitId: r.scopeUnitId,
  scopePosition: r.scopePosition,
  active: r.active === 1,
});

export const rowToRhk = (r: Row<typeof rhk>): Rhk => ({
  id: r.id,
  employeeId: r.employeeId,
  year: r.year,
  title: r.title,
  indicator: r.indicator,
  target: r.target,
  outputUnit: r.outputUnit,
  active: r.active === 1,
});

export const rowToHoliday = (r: Row<typeof holidays>): Holiday => ({ date: r.date, name: r.name, kind: r.kind as HolidayKind });

export const rowToAbsence = (r: Row<typeof absences>): Absence => ({
  id: r.id,
  employeeId: r.employeeId,
  date: r.date,
  kind: r.kind as AbsenceKind,
  note: r.note,
});

/** Lower-case, accents removed, single spaces: what catalog search compares. */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
