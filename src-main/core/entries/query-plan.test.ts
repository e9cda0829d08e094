import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCore, type TestCore } from '../test-support';
import { hotQueries } from './queries';
import { SEARCH_SQL } from '../catalog/service';

/**
 * The hot queries must stay on their index however large the store grows: a full scan of
 * `entries` is what turns a 2 ms screen into a 2 s one on a five-year database.
 */
let t: TestCore;
beforeAll(async () => {
  t = await makeTestCore();
  // Plans are chosen with statistics; give the planner a store shaped like a real one.
  t.core.ctx.sqlite.exec('ANALYZE');
});
afterAll(() => t.close());

function plan(sql: string): string {
  const params = (sql.match(/\?/g) ?? []).map(() => 'x');
  const named = [...sql.matchAll(/@(\w+)/g)].reduce<Record<string, string>>((o, m) => ({ ...o, [m[1]!]: 'x' }), {});
  const stmt = t.core.ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (Object.keys(named).length ? stmt.all(named) : stmt.all(...params)) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('query plans', () => {
  it('entry-list and recap-month read one employee’s date range through the employee/date index', () => {
    const p = plan(hotQueries(t.core.ctx.db).range);
    expect(p).toMatch(/SEARCH entries USING INDEX entries_employee_date_idx \(employee_id=\? AND work_date>\? AND work_date<\?\)/);
    expect(p).not.toMatch(/SCAN entries/);
  });

  it('the overlap and day-total check reads one employee-day through the same index', () => {
    const p = plan(hotQueries(t.core.ctx.db).sameDay);
    expect(p).toMatch(/SEARCH entries USING INDEX entries_employee_date_idx \(employee_id=\? AND work_date=\?\)/);
  });

  it('opening an entry is a primary-key lookup', () => {
    expect(plan(hotQueries(t.core.ctx.db).byId)).toMatch(/SEARCH entries USING INDEX sqlite_autoindex_entries_1 \(id=\?\)/);
  });

  it('catalog search counts the person’s recent use from the index, never by scanning entries', () => {
    const p = plan(SEARCH_SQL);
    expect(p).toMatch(/SEARCH entries USING (COVERING )?INDEX entries_employee_date_idx \(employee_id=\? AND work_date>\?\)/);
    expect(p).not.toMatch(/SCAN entries/);
  });

  it('the approval queue finds submitted entries of a supervisor’s people by status', () => {
    const p = plan(
      `select e.* from entries e join employees p on p.id = e.employee_id
       where p.supervisor_id = ? and e.status = 'submitted' order by e.work_date`,
    );
    expect(p).toMatch(/SEARCH p USING INDEX employees_supervisor_idx \(supervisor_id=\?\)/);
    expect(p).toMatch(/SEARCH e USING INDEX entries_status_employee_idx \(status=\? AND employee_id=\?\)/);
  });
});
