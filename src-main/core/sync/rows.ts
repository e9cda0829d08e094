import type Database from 'better-sqlite3';
import type { SyncTable } from '../../../src-shared/protocol';
import type { SyncRows } from '../../../src-shared/sync-rows';
import { catalogSearchText } from '../catalog/service';

/**
 * Pulled rows → SQLite columns, one upsert and one delete per synced table, prepared once per
 * open database (a first pull writes tens of thousands of rows). Booleans become 0/1 and lists JSON
 * text here, so the rest of the core reads the same shapes as before.
 * `entries` is not here: it has a server copy and local changes on top (entries-apply.ts).
 */
type Columns = Record<string, string | number | null>;
type ReferenceTable = Exclude<SyncTable, 'entries'>;

const bool = (b: boolean): number => (b ? 1 : 0);

export const toColumns: { [T in ReferenceTable]: (row: SyncRows[T], version: number) => Columns } = {
  units: (r, version) => ({ id: r.id, code: r.code, name: r.name, parent_id: r.parentId, time_zone: r.timeZone, version }),
  employees: (r, version) => ({
    id: r.id,
    nip: r.nip,
    name: r.name,
    unit_id: r.unitId,
    position_title: r.positionTitle,
    supervisor_id: r.supervisorId,
    roles: JSON.stringify(r.roles),
    pin_hash: r.pinHash,
    must_change_pin: bool(r.mustChangePin),
    tpp_base: r.tppBase,
    active: bool(r.active),
    version,
  }),
  catalog: (r, version) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    output_unit: r.outputUnit,
    norm_minutes: r.normMinutes,
    category: r.category,
    scope_unit_id: r.scopeUnitId,
    scope_position: r.scopePosition,
    search_text: catalogSearchText(r),
    active: bool(r.active),
    version,
  }),
  rhk: (r, version) => ({
    id: r.id,
    employee_id: r.employeeId,
    year: r.year,
    title: r.title,
    indicator: r.indicator,
    target: r.target,
    output_unit: r.outputUnit,
    active: bool(r.active),
    version,
  }),
  policies: (r, version) => ({ unit_id: r.unitId, body: JSON.stringify(r.policy), version }),
  holidays: (r, version) => ({ date: r.date, name: r.name, kind: r.kind, version }),
  absences: (r, version) => ({ id: r.id, employee_id: r.employeeId, date: r.date, kind: r.kind, note: r.note, version }),
};

export const KEY_COLUMN: Record<SyncTable, string> = {
  units: 'id',
  employees: 'id',
  catalog: 'id',
  rhk: 'id',
  policies: 'unit_id',
  holidays: 'date',
  absences: 'id',
  entries: 'id',
};

/**
 * Natural keys that are unique locally besides the id: a row the server now files under another
 * id (an employee re-imported with a new id, an absence recorded again) replaces the old local row
 * instead of failing the whole page on a unique constraint.
 */
const DISPLACE: Partial<Record<ReferenceTable, string>> = {
  employees: 'delete from employees where nip = @nip and id <> @id',
  absences: 'delete from absences where employee_id = @employee_id and date = @date and id <> @id',
};

interface Statements {
  upsert: Database.Statement;
  remove: Database.Statement;
  displace: Database.Statement | null;
}

const cache = new WeakMap<Database.Database, Map<ReferenceTable, Statements>>();

function statements(sqlite: Database.Database, table: ReferenceTable, sample: Columns): Statements {
  let byTable = cache.get(sqlite);
  if (!byTable) cache.set(sqlite, (byTable = new Map()));
  let s = byTable.get(table);
  if (!s) {
    const cols = Object.keys(sample);
    const key = KEY_COLUMN[table];
    const set = cols.filter((c) => c !== key).map((c) => `${c} = excluded.${c}`).join(', ');
    s = {
      upsert: sqlite.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')}) on conflict (${key}) do update set ${set}`),
      remove: sqlite.prepare(`delete from ${table} where ${key} = ?`),
      displace: DISPLACE[table] ? sqlite.prepare(DISPLACE[table]) : null,
    };
    byTable.set(table, s);
  }
  return s;
}

export function putReference<T extends ReferenceTable>(sqlite: Database.Database, table: T, row: SyncRows[T], version: number): void {
  const cols = toColumns[table](row, version);
  const s = statements(sqlite, table, cols);
  if (s.displace) s.displace.run(pick(cols, s.displace));
  s.upsert.run(cols);
}

export function deleteReference(sqlite: Database.Database, table: ReferenceTable, id: string): void {
  // Any complete sample builds the same statements; deletes only need the key.
  const s = cache.get(sqlite)?.get(table) ?? statements(sqlite, table, SAMPLES[table]);
  s.remove.run(id);
}

function pick(cols: Columns, stmt: Database.Statement): Columns {
  const names = stmt.source.match(/@\w+/g)?.map((n) => n.slice(1)) ?? [];
  return Object.fromEntries(names.map((n) => [n, cols[n] ?? null]));
}

/** Column lists per table, for building a table's statements before its first put. */
const SAMPLES: Record<ReferenceTable, Columns> = {
  units: toColumns.units({ id: '', code: '', name: '', parentId: null, timeZone: '' }, 0),
  employees: toColumns.employees(
    { id: '', nip: '', name: '', unitId: '', positionTitle: '', supervisorId: null, roles: [], pinHash: null, mustChangePin: false, tppBase: null, active: true },
    0,
  ),
  catalog: toColumns.catalog(
    { id: '', code: '', name: '', outputUnit: '', normMinutes: null, category: 'tugas_pokok', scopeUnitId: null, scopePosition: null, active: true },
    0,
  ),
  rhk: toColumns.rhk({ id: '', employeeId: '', year: 0, title: '', indicator: '', target: 0, outputUnit: '', active: true }, 0),
  policies: { unit_id: '', body: '', version: 0 },
  holidays: toColumns.holidays({ date: '2000-01-01', name: '', kind: 'libur_nasional' }, 0),
  absences: toColumns.absences({ id: '', employeeId: '', date: '2000-01-01', kind: 'cuti', note: null }, 0),
};
