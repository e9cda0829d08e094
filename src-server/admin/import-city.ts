import { eq, inArray } from 'drizzle-orm';
import { ACTIVITY_CATEGORIES, HOLIDAY_KINDS, type Activity, type Holiday } from '../../src-shared/domain/types';
import type { Tx } from '../db/client';
import { catalog, holidays, units } from '../db/schema';
import { RowReader } from './import-cells';
import type { ColumnSpec, Issue, SourceRow, Validated } from './import-source';

/**
 * The city-wide tables: the activity catalog (bank aktivitas), identified by code, and the
 * holidays (libur nasional, cuti bersama), identified by date.
 */
export const CATALOG_COLUMNS: ColumnSpec[] = [
  { name: 'code', required: true, aliases: ['kode', 'kode_aktivitas'] },
  { name: 'name', required: true, aliases: ['nama', 'aktivitas', 'nama_aktivitas'] },
  { name: 'output_unit', required: true, aliases: ['satuan', 'output'] },
  { name: 'norm_minutes', aliases: ['norm', 'norma', 'norma_menit', 'waktu_efektif'] },
  { name: 'category', aliases: ['kategori', 'jenis'] },
  { name: 'scope_unit_code', aliases: ['scope_unit', 'unit_lingkup'] },
  { name: 'scope_position', aliases: ['scope_jabatan', 'jabatan'] },
  { name: 'active', aliases: ['aktif'] },
];

export const HOLIDAY_COLUMNS: ColumnSpec[] = [
  { name: 'date', required: true, aliases: ['tanggal'] },
  { name: 'name', required: true, aliases: ['nama', 'keterangan'] },
  { name: 'kind', aliases: ['jenis'] },
];

const CATEGORY_ALIASES = { pokok: 'tugas_pokok', tambahan: 'tugas_tambahan' } as const;
const HOLIDAY_ALIASES = { libur: 'libur_nasional', nasional: 'libur_nasional', cuti: 'cuti_bersama' } as const;

/** Records `line` as the first of `key`, or fails the row as a duplicate of the first. */
function checkDuplicate(r: RowReader, firstLine: Map<string, number>, key: string | null, field: string, what: string): void {
  if (key === null) return;
  const first = firstLine.get(key);
  if (first !== undefined) r.fail(field, `duplicate: ${what} is already on line ${first}`);
  else firstLine.set(key, r.line);
}

export async function validateCatalog(tx: Tx, rows: SourceRow[]): Promise<Validated> {
  const issues: Issue[] = [];
  const unitRows = await tx.select({ id: units.id, code: units.code }).from(units).where(eq(units.deleted, false));
  const unitIds = new Map(unitRows.map((u) => [u.code, u.id]));
  const unitCodes = new Map(unitRows.map((u) => [u.id, u.code]));
  const codes = rows.flatMap((row) => {
    const c = row.cells.get('code');
    return typeof c === 'string' || typeof c === 'number' ? [String(c).trim()] : [];
  });
  const existing = new Map(
    (codes.length ? await tx.select().from(catalog).where(inArray(catalog.code, codes)) : []).map((a) => [a.code, a]),
  );
  const firstLine = new Map<string, number>();
  const set: Activity[] = [];
  for (const row of rows) {
    const r = new RowReader(row);
    const has = (f: string) => row.cells.has(f);
    const code = r.text('code', { required: true, max: 50 });
    const name = r.text('name', { required: true, max: 500 });
    const outputUnit = r.text('output_unit', { required: true, max: 100 });
    const current = code === null ? undefined : existing.get(code);
    const normMinutes = has('norm_minutes') ? r.int('norm_minutes', { min: 1 }) : (current?.normMinutes ?? null);
    const category = has('category')
      ? r.choice('category', ACTIVITY_CATEGORIES, { fallback: 'tugas_pokok', aliases: CATEGORY_ALIASES })
      : ((current?.category as Activity['category'] | undefined) ?? 'tugas_pokok');
    const scopeCode = has('scope_unit_code') ? r.text('scope_unit_code') : ((current?.scopeUnitId && unitCodes.get(current.scopeUnitId)) ?? null);
    const scopeUnitId = scopeCode === null ? null : (unitIds.get(scopeCode) ?? r.fail('scope_unit_code', `unknown unit "${scopeCode}"`));
    const scopePosition = has('scope_position') ? r.text('scope_position', { max: 200 }) : (current?.scopePosition ?? null);
    const active = has('active') ? r.bool('active', true) : (current?.active ?? true);
    checkDuplicate(r, firstLine, code, 'code', `activity ${code}`);
    if (!r.ok || code === null || name === null || outputUnit === null || category === null) {
      issues.push(...r.issues);
      continue;
    }
    set.push({ id: current?.id ?? crypto.randomUUID(), code, name, outputUnit, normMinutes, category, scopeUnitId, scopePosition, active });
  }
  return { set: { catalog: set }, issues };
}

export async function validateHolidays(tx: Tx, rows: SourceRow[]): Promise<Validated> {
  const issues: Issue[] = [];
  const firstLine = new Map<string, number>();
  const parsed: { r: RowReader; date: string | null; name: string | null; kind: Holiday['kind'] | null; hasKind: boolean }[] = [];
  for (const row of rows) {
    const r = new RowReader(row);
    const date = r.date('date', { required: true });
    const name = r.text('name', { required: true, max: 200 });
    const hasKind = row.cells.has('kind');
    const kind = hasKind ? r.choice('kind', HOLIDAY_KINDS, { fallback: 'libur_nasional', aliases: HOLIDAY_ALIASES }) : null;
    checkDuplicate(r, firstLine, date, 'date', `holiday ${date}`);
    parsed.push({ r, date, name, kind, hasKind });
  }
  const dates = parsed.map((p) => p.date).filter((d): d is string => d !== null);
  const existing = new Map((dates.length ? await tx.select().from(holidays).where(inArray(holidays.date, dates)) : []).map((h) => [h.date, h]));
  const set: Holiday[] = [];
  for (const { r, date, name, kind, hasKind } of parsed) {
    if (!r.ok || date === null || name === null || (hasKind && kind === null)) {
      issues.push(...r.issues);
      continue;
    }
    set.push({ date, name, kind: kind ?? (existing.get(date)?.kind as Holiday['kind'] | undefined) ?? 'libur_nasional' });
  }
  return { set: { holidays: set }, issues };
}
