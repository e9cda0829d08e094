import { and, eq, inArray } from 'drizzle-orm';
import { normalizeNip } from '../../src-shared/domain/nip';
import { ABSENCE_KINDS, type Absence, type Rhk } from '../../src-shared/domain/types';
import type { Tx } from '../db/client';
import { absences, employees, rhk, units } from '../db/schema';
import { RowReader } from './import-cells';
import type { ColumnSpec, Issue, SourceRow, UnitRef, Validated } from './import-source';

/**
 * Data about employees already on the server, found by NIP: RHK targets (identified by NIP, year
 * and title) and absences from the attendance system (identified by NIP and date). With `--unit`
 * every employee must belong to that unit, a guard against importing another unit's file.
 */
export const RHK_COLUMNS: ColumnSpec[] = [
  { name: 'nip', required: true, aliases: ['nip_pegawai'] },
  { name: 'year', required: true, aliases: ['tahun'] },
  { name: 'title', required: true, aliases: ['judul', 'rhk', 'rencana_hasil_kerja'] },
  { name: 'indicator', aliases: ['indikator'] },
  { name: 'target' },
  { name: 'output_unit', aliases: ['satuan'] },
  { name: 'active', aliases: ['aktif'] },
];

export const ABSENCE_COLUMNS: ColumnSpec[] = [
  { name: 'nip', required: true, aliases: ['nip_pegawai'] },
  { name: 'date', required: true, aliases: ['tanggal'] },
  { name: 'kind', required: true, aliases: ['jenis'] },
  { name: 'note', aliases: ['keterangan', 'catatan'] },
];

const ABSENCE_ALIASES = { dl: 'dinas_luar', dinas: 'dinas_luar' } as const;

interface Person {
  id: string;
  unitId: string;
}

/** Employees (not deleted) by NIP, and a reader that fails a row whose NIP is unknown or in another unit. */
async function people(tx: Tx, rows: SourceRow[], unit: UnitRef | null) {
  const nips = rows.flatMap((row) => {
    const v = row.cells.get('nip');
    const nip = typeof v === 'string' ? normalizeNip(v) : null;
    return nip === null ? [] : [nip];
  });
  const found = nips.length
    ? await tx
        .select({ id: employees.id, nip: employees.nip, unitId: employees.unitId, unitCode: units.code })
        .from(employees)
        .innerJoin(units, eq(units.id, employees.unitId))
        .where(and(inArray(employees.nip, nips), eq(employees.deleted, false)))
    : [];
  const byNip = new Map(found.map((e) => [e.nip, e]));
  return (r: RowReader, nip: string | null): Person | null => {
    if (nip === null) return null;
    const e = byNip.get(nip);
    if (!e) return r.fail('nip', `unknown employee NIP ${nip} (import the roster first)`);
    if (unit && e.unitId !== unit.id) return r.fail('nip', `employee ${nip} is in unit ${e.unitCode}, not ${unit.code}`);
    return e;
  };
}

export async function validateRhk(tx: Tx, rows: SourceRow[], unit: UnitRef | null): Promise<Validated> {
  const issues: Issue[] = [];
  const lookup = await people(tx, rows, unit);
  const parsed = rows.map((row) => {
    const r = new RowReader(row);
    const person = lookup(r, r.nip('nip', { required: true }));
    const year = r.int('year', { required: true, min: 2000, max: 2100 });
    const title = r.text('title', { required: true, max: 500 });
    return { r, row, person, year, title };
  });
  const ids = [...new Set(parsed.flatMap((p) => (p.person ? [p.person.id] : [])))];
  const existing = new Map<string, typeof rhk.$inferSelect>();
  for (const e of ids.length ? await tx.select().from(rhk).where(inArray(rhk.employeeId, ids)) : []) {
    const key = `${e.employeeId}|${e.year}|${e.title}`;
    // Two rows with one key can only come from outside the import: prefer the live one.
    if (!existing.has(key) || existing.get(key)!.deleted) existing.set(key, e);
  }
  const firstLine = new Map<string, number>();
  const set: Rhk[] = [];
  for (const { r, row, person, year, title } of parsed) {
    const key = person && year !== null && title !== null ? `${person.id}|${year}|${title}` : null;
    const current = key === null ? undefined : existing.get(key);
    const has = (f: string) => row.cells.has(f);
    const indicator = has('indicator') ? (r.text('indicator', { max: 500 }) ?? '') : (current?.indicator ?? '');
    const target = has('target') ? (r.int('target', { min: 0 }) ?? 0) : (current?.target ?? 0);
    const outputUnit = has('output_unit') ? (r.text('output_unit', { max: 100 }) ?? '') : (current?.outputUnit ?? '');
    const active = has('active') ? r.bool('active', true) : (current?.active ?? true);
    if (key !== null) {
      const first = firstLine.get(key);
      if (first !== undefined) r.fail('title', `duplicate: the same NIP, year and title are already on line ${first}`);
      else firstLine.set(key, r.line);
    }
    if (!r.ok || !person || year === null || title === null) {
      issues.push(...r.issues);
      continue;
    }
    set.push({ id: current?.id ?? crypto.randomUUID(), employeeId: person.id, year, title, indicator, target, outputUnit, active });
  }
  return { set: { rhk: set }, issues };
}

export async function validateAbsences(tx: Tx, rows: SourceRow[], unit: UnitRef | null): Promise<Validated> {
  const issues: Issue[] = [];
  const lookup = await people(tx, rows, unit);
  const parsed = rows.map((row) => {
    const r = new RowReader(row);
    const person = lookup(r, r.nip('nip', { required: true }));
    const date = r.date('date', { required: true });
    const kind = r.choice('kind', ABSENCE_KINDS, { aliases: ABSENCE_ALIASES });
    const note = r.text('note', { max: 500 });
    return { r, person, date, kind, note };
  });
  const ids = [...new Set(parsed.flatMap((p) => (p.person ? [p.person.id] : [])))];
  // The (employee, date) pair is unique on the server: re-importing a day reuses its id.
  const existing = new Map(
    (ids.length ? await tx.select({ id: absences.id, employeeId: absences.employeeId, date: absences.date }).from(absences).where(inArray(absences.employeeId, ids)) : []).map(
      (a) => [`${a.employeeId}|${a.date}`, a.id],
    ),
  );
  const firstLine = new Map<string, number>();
  const set: Absence[] = [];
  for (const { r, person, date, kind, note } of parsed) {
    const key = person && date !== null ? `${person.id}|${date}` : null;
    if (key !== null) {
      const first = firstLine.get(key);
      if (first !== undefined) r.fail('date', `duplicate: this employee's ${date} is already on line ${first}`);
      else firstLine.set(key, r.line);
    }
    if (!r.ok || !person || date === null || kind === null || key === null) {
      issues.push(...r.issues);
      continue;
    }
    set.push({ id: existing.get(key) ?? crypto.randomUUID(), employeeId: person.id, date, kind, note });
  }
  return { set: { absences: set }, issues };
}
