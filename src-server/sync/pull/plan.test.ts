import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../src-shared/demo';
import { queryRows } from '../../db/client';
import { makeTestDatabase } from '../../test-support';
import { entriesQuery } from './rows';

/**
 * The hot query of a pull reads a unit's entries above a version: it must walk
 * entries_unit_version_idx, not scan every unit's entries. Sequential scans are switched off for
 * the plan so a tiny test table cannot make the planner prefer one; what is checked is that the
 * index serves this query's shape: its range as the index condition, its order without a sort.
 */
describe('pull query plans', () => {
  let database: Awaited<ReturnType<typeof makeTestDatabase>>;
  beforeAll(async () => {
    database = await makeTestDatabase();
  });
  afterAll(() => database.close());

  const plan = (range: Parameters<typeof entriesQuery>[3]) =>
    database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await queryRows<Record<string, string>>(tx, sql`explain ${entriesQuery(tx, DEMO.unit.id, '2026-09-01', range)}`);
      return rows.map((r) => Object.values(r)[0]).join('\n');
    });

  const expectIndexWalk = (text: string) => {
    expect(text).toMatch(/Index Scan using entries_unit_version_idx/);
    expect(text).toMatch(/Index Cond: \(\(unit_id = .*\) AND \(version [>=]/);
    expect(text).not.toMatch(/Sort/);
  };

  it('reads a page of entries through entries_unit_version_idx, in index order', async () => {
    expectIndexWalk(await plan({ after: 10, limit: 501, skipTombstones: false }));
    expectIndexWalk(await plan({ after: 0, limit: 501, skipTombstones: true }));
  });

  it('reads one whole version through the same index', async () => {
    expectIndexWalk(await plan({ exact: 7, skipTombstones: false }));
  });
});
