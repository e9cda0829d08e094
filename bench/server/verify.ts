import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../src-server/db/client';
import type { Expected } from './plan';

/**
 * Exactly once, read back from the database after the pushes: every client's seq reached the end
 * of its outbox, every seq has one stored result under one mutation id, no mutation id was stored
 * twice anywhere, and every employee's entries are the ones their outbox describes (count, final
 * revisions, statuses). Each failed check is one line.
 */
export interface VerifyInput {
  clients: { clientId: string; employeeId: string; expected: Expected }[];
  mutations: number;
}

export interface Verdict {
  ok: boolean;
  failures: string[];
  /** mutation_results.status (+ code) → count, over the bench's clients. */
  stored: Record<string, number>;
  entries: number;
  results: number;
}

const n = (v: unknown) => Number(v);

export async function verifyExactlyOnce(db: Db, input: VerifyInput): Promise<Verdict> {
  const failures: string[] = [];
  const fail = (msg: string) => {
    if (failures.length < 20) failures.push(msg);
  };
  const M = input.mutations;

  const clients = new Map(
    (await queryRows<{ client_id: string; last_seq: unknown }>(db, sql`select client_id, last_seq from sync_clients`)).map((r) => [r.client_id, n(r.last_seq)]),
  );
  const results = new Map(
    (
      await queryRows<{ client_id: string; rows: unknown; ids: unknown; seqs: unknown; min_seq: unknown; max_seq: unknown }>(
        db,
        sql`select client_id, count(*) as rows, count(distinct mutation_id) as ids, count(distinct seq) as seqs,
                   min(seq) as min_seq, max(seq) as max_seq
            from mutation_results group by client_id`,
      )
    ).map((r) => [r.client_id, r]),
  );
  const entries = new Map(
    (
      await queryRows<{ employee_id: string; rows: unknown; ids: unknown; rev_sum: unknown; submitted: unknown; drafts: unknown; deleted: unknown }>(
        db,
        sql`select employee_id, count(*) as rows, count(distinct id) as ids, sum(rev) as rev_sum,
                   count(*) filter (where status = 'submitted') as submitted,
                   count(*) filter (where status = 'draft') as drafts,
                   count(*) filter (where deleted) as deleted
            from entries group by employee_id`,
      )
    ).map((r) => [r.employee_id, r]),
  );

  for (const c of input.clients) {
    const lastSeq = clients.get(c.clientId);
    if (lastSeq !== M) fail(`client ${c.clientId}: last_seq ${lastSeq}, expected ${M}`);
    const r = results.get(c.clientId);
    if (!r || n(r.rows) !== M || n(r.ids) !== M || n(r.seqs) !== M || n(r.min_seq) !== 1 || n(r.max_seq) !== M) {
      fail(`client ${c.clientId}: mutation_results rows ${r?.rows} ids ${r?.ids} seqs ${r?.seqs} range ${r?.min_seq}..${r?.max_seq}, expected ${M} of 1..${M}`);
    }
    const e = entries.get(c.employeeId);
    const x = c.expected;
    if (!e || n(e.rows) !== x.creates || n(e.ids) !== x.creates || n(e.rev_sum) !== x.revSum || n(e.submitted) !== x.submitted || n(e.drafts) !== x.drafts || n(e.deleted) !== 0) {
      fail(
        `employee ${c.employeeId}: entries ${e?.rows} revs ${e?.rev_sum} submitted ${e?.submitted} drafts ${e?.drafts} deleted ${e?.deleted}; ` +
          `expected ${x.creates}, ${x.revSum}, ${x.submitted}, ${x.drafts}, 0`,
      );
    }
  }

  const [dupes] = await queryRows<{ n: unknown }>(
    db,
    sql`select count(*) as n from (select mutation_id from mutation_results group by mutation_id having count(*) > 1) d`,
  );
  if (n(dupes?.n) !== 0) fail(`${dupes?.n} mutation ids stored more than once`);

  const stored: Record<string, number> = {};
  for (const r of await queryRows<{ status: string; code: string | null; rows: unknown }>(
    db,
    sql`select status, code, count(*) as rows from mutation_results group by status, code order by 3 desc`,
  )) {
    stored[r.code ? `${r.status}:${r.code}` : r.status] = n(r.rows);
  }
  if (Object.keys(stored).some((k) => k !== 'applied')) fail(`not every mutation was applied: ${JSON.stringify(stored)}`);

  const [totals] = await queryRows<{ entries: unknown; results: unknown }>(
    db,
    sql`select (select count(*) from entries) as entries, (select count(*) from mutation_results) as results`,
  );
  const wantEntries = input.clients.reduce((a, c) => a + c.expected.creates, 0);
  if (n(totals?.entries) !== wantEntries) fail(`${totals?.entries} entries in all, expected ${wantEntries}`);
  if (n(totals?.results) !== M * input.clients.length) fail(`${totals?.results} mutation results in all, expected ${M * input.clients.length}`);

  return { ok: failures.length === 0, failures, stored, entries: n(totals?.entries), results: n(totals?.results) };
}
