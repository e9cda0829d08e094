import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * SQL for the batch path's set-wise reads and writes. Lists and rows travel as one array or JSON
 * parameter each, not one parameter per value: a statement's text stays the same whatever the
 * batch's size, and building it costs next to nothing (drizzle's per-parameter work was a quarter
 * of a 200-row insert's time).
 */
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export const anyId = (column: SQL, ids: readonly string[]): SQL => sql`${column} = any(${sql.param(ids)}::uuid[])`;

/**
 * `id = any(…)` of the live rows of `table` on each (employee, date): one index descent per pair,
 * then the rows by primary key. Written so no plan can turn it into a scan of the whole table (a
 * plain join of the pairs with the table is hashed over a sequential scan once the planner thinks
 * the table small, and PGlite never gathers statistics); `offset 0` keeps the lateral subquery
 * from being pulled up into such a join.
 */
export function onDays(table: 'entries' | 'absences', dateColumn: 'work_date' | 'date', pairs: readonly [string, string][]): SQL {
  const employeesParam = sql.param(pairs.map((p) => p[0]));
  const datesParam = sql.param(pairs.map((p) => p[1]));
  const lookup = `select id from ${quote(table)} where employee_id = p.employee_id and ${quote(dateColumn)} = p.day and not deleted offset 0`;
  return sql`${sql.raw(`${quote(table)}."id"`)} = any(array(
    select x.id from unnest(${employeesParam}::uuid[], ${datesParam}::date[]) as p(employee_id, day)
    cross join lateral (${sql.raw(lookup)}) as x))`;
}

/** `v(<key> <type>, …)` of jsonb_to_recordset: the rows' keys as drizzle names them, the columns' own types. */
function recordOf<T extends PgTable>(table: T, keys: readonly string[]): string {
  const columns = getTableColumns(table) as Record<string, { getSQLType(): string }>;
  return keys.map((k) => `${quote(k)} ${columns[k]!.getSQLType()}`).join(', ');
}

const sqlName = <T extends PgTable>(table: T, key: string): string => quote((getTableColumns(table) as Record<string, { name: string }>)[key]!.name);

/**
 * `insert into <table> (…) select … from jsonb_to_recordset(…)`: drizzle rows, every column
 * given, in one JSON parameter (a column the JSON leaves out would be null, not its default).
 */
export function insertFromJson<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][]): SQL {
  const keys = Object.keys(getTableColumns(table));
  const target = keys.map((k) => sqlName(table, k)).join(', ');
  const source = keys.map((k) => `v.${quote(k)}`).join(', ');
  return sql`insert into ${table} (${sql.raw(target)}) select ${sql.raw(source)} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${sql.raw(recordOf(table, keys))})`;
}

/** `update <table> … from jsonb_to_recordset(…)`: rows changed in the same columns, by `id`, writing only those. */
export function updateFromJson<T extends PgTable>(table: T, columns: readonly string[], rows: readonly T['$inferSelect'][]): SQL {
  const keys = ['id', ...columns.filter((c) => c !== 'id')];
  const records = rows.map((r) => Object.fromEntries(keys.map((k) => [k, (r as Record<string, unknown>)[k]])));
  const set = keys
    .slice(1)
    .map((k) => `${sqlName(table, k)} = v.${quote(k)}`)
    .join(', ');
  return sql`update ${table} set ${sql.raw(set)} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(${sql.raw(recordOf(table, keys))}) where ${table}.${sql.raw(`${sqlName(table, 'id')} = v."id"`)}`;
}
