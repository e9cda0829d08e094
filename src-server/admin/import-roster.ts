import { eq } from 'drizzle-orm';
import { ROLES, type Role } from '../../src-shared/domain/types';
import type { Tx } from '../db/client';
import { employees, units } from '../db/schema';
import type { EmployeeRecord } from '../reference/write';
import { RowReader } from './import-cells';
import { dropLoops, loopsBack, pruneReferences } from './import-graph';
import type { ColumnSpec, Issue, SourceRow, UnitRef, Validated } from './import-source';

/**
 * The roster (daftar pegawai): one row per employee, identified by NIP. An employee already on
 * the server keeps its id (entries and PIN stay attached); a new one gets a fresh id, no PIN and
 * must_change_pin, so the operator sets an initial PIN with `set-pin`. PINs never travel in files.
 */
export const ROSTER_COLUMNS: ColumnSpec[] = [
  { name: 'nip', required: true, aliases: ['nip_pegawai'] },
  { name: 'name', required: true, aliases: ['nama', 'nama_pegawai'] },
  { name: 'unit_code', aliases: ['unit', 'kode_unit'] },
  { name: 'position_title', aliases: ['position', 'jabatan'] },
  { name: 'supervisor_nip', aliases: ['supervisor', 'nip_atasan', 'atasan_nip'] },
  { name: 'roles', aliases: ['role', 'peran'] },
  { name: 'active', aliases: ['aktif'] },
  { name: 'tpp_base', aliases: ['tpp', 'tpp_dasar'] },
];

interface RosterRow {
  line: number;
  nip: string;
  name: string;
  unitId: string;
  /** null: none; undefined never (a missing column already took the current value). */
  supervisorNip: string | null;
  positionTitle: string;
  roles: Role[];
  active: boolean;
  tppBase: number | null;
}

type Existing = typeof employees.$inferSelect;

export async function validateRoster(tx: Tx, rows: SourceRow[], unit: UnitRef | null): Promise<Validated> {
  const issues: Issue[] = [];
  const unitIds = new Map((await tx.select({ id: units.id, code: units.code }).from(units).where(eq(units.deleted, false))).map((u) => [u.code, u.id]));
  const all = await tx.select().from(employees);
  const byNip = new Map(all.filter((e) => !e.deleted).map((e) => [e.nip, e]));
  const byId = new Map(all.map((e) => [e.id, e]));
  // A tombstoned employee coming back keeps its id: its NIP is still taken by the unique index.
  const idOfNip = new Map(all.map((e) => [e.nip, e.id]));

  const firstLine = new Map<string, number>();
  const candidates = new Map<string, RosterRow>();
  for (const row of rows) {
    const r = new RowReader(row);
    const nip = r.nip('nip', { required: true });
    const name = r.text('name', { required: true, max: 200 });
    const unitCode = r.text('unit_code') ?? unit?.code ?? null;
    let unitId: string | null = null;
    if (unitCode === null) r.fail('unit_code', 'missing value for "unit_code" (or give --unit)');
    else unitId = unitIds.get(unitCode) ?? r.fail('unit_code', `unknown unit "${unitCode}" (import it with --kind units first)`);
    const current: Existing | undefined = nip ? byNip.get(nip) : undefined;
    const has = (f: string) => row.cells.has(f);
    // A column left out of the file keeps what the server has; an empty cell clears it.
    const positionTitle = has('position_title') ? (r.text('position_title', { max: 200 }) ?? '') : (current?.positionTitle ?? '');
    const supervisorNip = has('supervisor_nip')
      ? r.nip('supervisor_nip')
      : ((current?.supervisorId && byId.get(current.supervisorId)?.nip) ?? null);
    const roles = has('roles') ? r.list('roles', ROLES, ['staff']) : ((current?.roles as Role[] | undefined) ?? ['staff']);
    const active = has('active') ? r.bool('active', true) : (current?.active ?? true);
    const tppBase = has('tpp_base') ? r.int('tpp_base', { min: 0 }) : (current?.tppBase ?? null);

    if (nip !== null) {
      const first = firstLine.get(nip);
      if (first !== undefined) r.fail('nip', `duplicate: NIP ${nip} is already on line ${first}`);
      else firstLine.set(nip, row.line);
    }
    if (!r.ok || nip === null || name === null || unitId === null || roles === null) {
      issues.push(...r.issues);
      continue;
    }
    candidates.set(nip, { line: row.line, nip, name, unitId, supervisorNip, positionTitle, roles, active, tppBase });
  }

  const supervisorOf = (nip: string): string | null => {
    const inFile = candidates.get(nip);
    if (inFile) return inFile.supervisorNip;
    const sid = byNip.get(nip)?.supervisorId;
    return (sid && byId.get(sid)?.nip) ?? null;
  };
  dropLoops(candidates, supervisorOf, (nip) => ({ field: 'supervisor_nip', reason: `supervisor chain loops back to ${nip}` }), issues);
  pruneReferences(
    candidates,
    (nip, row) => {
      const s = row.supervisorNip;
      if (s === null) return null;
      const field = 'supervisor_nip';
      if (s === nip) return { field, reason: 'an employee cannot be their own supervisor' };
      const line = firstLine.get(s);
      if (line !== undefined && !candidates.has(s) && !byNip.has(s)) return { field, reason: `supervisor ${s} is on line ${line}, which is invalid` };
      if (line === undefined && !byNip.has(s)) return { field, reason: `unknown supervisor NIP ${s} (not in this file nor on the server)` };
      if (loopsBack(nip, supervisorOf)) return { field, reason: `supervisor chain loops back to ${nip}` };
      return null;
    },
    issues,
  );

  const ids = new Map([...candidates.keys()].map((nip) => [nip, idOfNip.get(nip) ?? crypto.randomUUID()]));
  const records: EmployeeRecord[] = [...candidates.values()].map((c) => {
    const record: EmployeeRecord = {
      id: ids.get(c.nip)!,
      nip: c.nip,
      name: c.name,
      unitId: c.unitId,
      positionTitle: c.positionTitle,
      supervisorId: c.supervisorNip === null ? null : (ids.get(c.supervisorNip) ?? byNip.get(c.supervisorNip)!.id),
      roles: c.roles,
      tppBase: c.tppBase,
      active: c.active,
    };
    return idOfNip.has(c.nip) ? record : { ...record, pinHash: null, mustChangePin: true };
  });
  return { set: { employees: records }, issues };
}
