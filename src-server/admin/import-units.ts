import { issuePath } from '../../src-shared/errors';
import { PolicySchema } from '../../src-shared/domain/policy';
import type { Unit } from '../../src-shared/domain/types';
import type { Tx } from '../db/client';
import { units } from '../db/schema';
import { RowReader } from './import-cells';
import { dropLoops, loopsBack, pruneReferences } from './import-graph';
import type { ColumnSpec, Issue, SourceRow, UnitRef, Validated } from './import-source';

/**
 * Units (unit kerja / OPD) and their policies, so a fresh server can be set up from files.
 * A unit is identified by its code; one already on the server keeps its id.
 */
export const UNIT_COLUMNS: ColumnSpec[] = [
  { name: 'code', required: true, aliases: ['kode', 'kode_unit', 'unit_code'] },
  { name: 'name', required: true, aliases: ['nama', 'nama_unit'] },
  { name: 'parent_code', aliases: ['parent', 'induk', 'kode_induk'] },
  { name: 'time_zone', aliases: ['timezone', 'tz', 'zona_waktu'] },
];

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';
/** Codes are typed on the command line (`--unit SETDA-ORG`): no spaces. */
const UNIT_CODE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/;

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

interface UnitRow {
  line: number;
  name: string;
  parentCode: string | null;
  timeZone: string;
}

export async function validateUnits(tx: Tx, rows: SourceRow[]): Promise<Validated> {
  const issues: Issue[] = [];
  const all = await tx.select().from(units);
  const byCode = new Map(all.filter((u) => !u.deleted).map((u) => [u.code, u]));
  const codeOfId = new Map(all.map((u) => [u.id, u.code]));
  const idOfCode = new Map(all.map((u) => [u.code, u.id]));

  const firstLine = new Map<string, number>();
  const candidates = new Map<string, UnitRow>();
  for (const row of rows) {
    const r = new RowReader(row);
    let code = r.text('code', { required: true });
    if (code !== null && !UNIT_CODE_RE.test(code)) {
      code = r.fail('code', `unit code "${code}" may hold only letters, digits, ".", "_" and "-" (50 at most)`);
    }
    const name = r.text('name', { required: true, max: 200 });
    const current = code === null ? undefined : byCode.get(code);
    const parentCode = row.cells.has('parent_code') ? r.text('parent_code') : ((current?.parentId && codeOfId.get(current.parentId)) ?? null);
    let timeZone = row.cells.has('time_zone') ? r.text('time_zone') : null;
    timeZone ??= current?.timeZone ?? DEFAULT_TIME_ZONE;
    if (!isTimeZone(timeZone)) r.fail('time_zone', `unknown time zone "${timeZone}" (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)`);
    if (code !== null) {
      const first = firstLine.get(code);
      if (first !== undefined) r.fail('code', `duplicate: unit ${code} is already on line ${first}`);
      else firstLine.set(code, row.line);
    }
    if (!r.ok || code === null || name === null) {
      issues.push(...r.issues);
      continue;
    }
    candidates.set(code, { line: row.line, name, parentCode, timeZone });
  }

  const parentOf = (code: string): string | null => {
    const inFile = candidates.get(code);
    if (inFile) return inFile.parentCode;
    const pid = byCode.get(code)?.parentId;
    return (pid && codeOfId.get(pid)) ?? null;
  };
  dropLoops(candidates, parentOf, (code) => ({ field: 'parent_code', reason: `parent chain loops back to ${code}` }), issues);
  pruneReferences(
    candidates,
    (code, row) => {
      const p = row.parentCode;
      if (p === null) return null;
      const field = 'parent_code';
      if (p === code) return { field, reason: 'a unit cannot be its own parent' };
      const line = firstLine.get(p);
      if (!candidates.has(p) && !byCode.has(p)) {
        return { field, reason: line === undefined ? `unknown parent unit "${p}"` : `parent unit ${p} is on line ${line}, which is invalid` };
      }
      if (loopsBack(code, parentOf)) return { field, reason: `parent chain loops back to ${code}` };
      return null;
    },
    issues,
  );

  const ids = new Map([...candidates.keys()].map((code) => [code, idOfCode.get(code) ?? crypto.randomUUID()]));
  const set: Unit[] = [...candidates.entries()].map(([code, c]) => ({
    id: ids.get(code)!,
    code,
    name: c.name,
    parentId: c.parentCode === null ? null : (ids.get(c.parentCode) ?? byCode.get(c.parentCode)!.id),
    timeZone: c.timeZone,
  }));
  return { set: { units: set }, issues };
}

/**
 * A unit's policy: one JSON object checked with the shared PolicySchema (a missing setting takes
 * its default; an unknown key is refused, as it is most likely a typo). Without a `timeZone` it
 * takes the unit's. Any problem refuses the whole file.
 */
export function validatePolicy(text: string, unit: UnitRef): Validated {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { set: {}, issues: [{ line: null, reason: `not valid JSON: ${(err as Error).message}` }] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { set: {}, issues: [{ line: null, reason: 'a policy is one JSON object, e.g. {"pinLength": 6}' }] };
  }
  const body = { timeZone: unit.timeZone, ...data } as Record<string, unknown>;
  const parsed = PolicySchema.strict().safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const field = issuePath(i.path) || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : '');
      return { line: null, ...(field ? { field } : {}), reason: `${field || 'policy'}: ${i.message}` };
    });
    return { set: {}, issues };
  }
  if (!isTimeZone(parsed.data.timeZone)) {
    return { set: {}, issues: [{ line: null, field: 'timeZone', reason: `unknown time zone "${parsed.data.timeZone}"` }] };
  }
  return { set: { policies: [{ unitId: unit.id, policy: parsed.data }] }, issues: [] };
}
