import { expect } from 'vitest';
import { DEMO } from '../../../src-shared/demo';
import type { AdminOps } from './admin';
import type { FaultProxy } from './proxy';
import type { Workstation } from './workstation';

/**
 * Shared assertions of the fault suite: "every workstation equals the server" and "every
 * mutation applied exactly once", stated once so every case means the same by them.
 */

/** What a user sees of an entry; both sides are read into this shape. */
export interface EntrySnapshot {
  id: string;
  employeeId: string;
  rev: number;
  status: string;
  workDate: string;
  startTime: string;
  endTime: string;
  volume: number;
  description: string;
}

export interface MutationResultRow {
  mutationId: string;
  clientId: string;
  seq: number;
  name: string;
  status: string;
  code: string | null;
}

// The server's work_date is a PostgreSQL date (read as text); the workstation's is already text.
const entryColumns = (workDate: string) => `id, employee_id as "employeeId", rev, status, ${workDate} as "workDate", start_time as "startTime",
  end_time as "endTime", volume, description`;

const normalize = (rows: EntrySnapshot[]): EntrySnapshot[] =>
  rows.map((r) => ({ ...r, rev: Number(r.rev), volume: Number(r.volume) })).sort((a, b) => a.id.localeCompare(b.id));

/** The server's live (not deleted) entries of the unit, sorted by id. */
export async function serverEntries(server: AdminOps, unitId: string = DEMO.unit.id): Promise<EntrySnapshot[]> {
  return normalize(await server.query<EntrySnapshot>(`select ${entryColumns('work_date::text')} from entries where unit_id = $1 and not deleted`, [unitId]));
}

/** The workstation's entries, sorted by id; `local_only` drafts (refused creates) are left out unless asked for. */
export async function workstationEntries(ws: Workstation, opts: { includeLocalOnly?: boolean } = {}): Promise<EntrySnapshot[]> {
  const where = opts.includeLocalOnly ? '' : 'where local_only = 0';
  return normalize(await ws.query<EntrySnapshot>(`select ${entryColumns('work_date')} from entries ${where}`));
}

/** Mutations the server has not answered, in queue order. */
export async function pendingOutbox(ws: Workstation): Promise<{ seq: number; id: string; name: string; entity_id: string }[]> {
  return ws.query('select seq, id, name, entity_id from outbox where acked_at is null order by seq');
}

/** The workstation's clientId (the key of its exactly-once state on the server). */
export async function clientIdOf(ws: Workstation): Promise<string> {
  const [row] = await ws.query<{ client_id: string }>('select client_id from sync_state where id = 1');
  if (!row) throw new Error(`workstation ${ws.dir} has no sync_state`);
  return row.client_id;
}

export interface ConvergeOptions {
  unitId?: string;
  /** Require every outbox to be fully answered (default true). */
  outboxEmpty?: boolean;
}

/**
 * Each workstation's entries (local-only drafts aside) equal the server's entries of the unit —
 * same ids, revs, statuses, dates, times, volumes, descriptions — and (by default) no outbox still
 * holds an unanswered mutation. Returns the server's entries for further checks.
 */
export async function expectConverged(server: AdminOps, workstations: readonly Workstation[], opts: ConvergeOptions = {}): Promise<EntrySnapshot[]> {
  const expected = await serverEntries(server, opts.unitId);
  for (const [i, ws] of workstations.entries()) {
    if (opts.outboxEmpty !== false) expect(await pendingOutbox(ws), `workstation #${i} (${ws.dir}) outbox`).toEqual([]);
    expect(await workstationEntries(ws), `workstation #${i} (${ws.dir}) entries`).toEqual(expected);
  }
  return expected;
}

/**
 * Exactly-once on the server: no mutation id recorded twice (for these clients, or anywhere when
 * none are named), and for each client the answered seqs are exactly 1..last_seq with no gap —
 * sync_clients.last_seq agrees with mutation_results. Returns the clients' results in seq order.
 */
export async function expectExactlyOnce(server: AdminOps, clientIds?: readonly string[]): Promise<MutationResultRow[]> {
  const clients = clientIds ?? (await server.query<{ client_id: string }>('select client_id from sync_clients')).map((r) => r.client_id);
  const dupes = await server.query<{ mutation_id: string; n: number }>(
    'select mutation_id, count(*)::int as n from mutation_results where client_id = any($1::uuid[]) group by mutation_id having count(*) > 1',
    [clients],
  );
  expect(dupes, 'mutation ids recorded more than once').toEqual([]);
  const all: MutationResultRow[] = [];
  for (const clientId of clients) {
    const rows = (
      await server.query<MutationResultRow>(
        `select mutation_id as "mutationId", client_id as "clientId", seq, name, status, code
           from mutation_results where client_id = $1 order by seq`,
        [clientId],
      )
    ).map((r) => ({ ...r, seq: Number(r.seq) }));
    const [state] = await server.query<{ last_seq: number }>('select last_seq from sync_clients where client_id = $1', [clientId]);
    const lastSeq = Number(state?.last_seq ?? 0);
    expect(
      rows.map((r) => r.seq),
      `client ${clientId}: answered seqs are 1..last_seq`,
    ).toEqual(Array.from({ length: lastSeq }, (_, k) => k + 1));
    all.push(...rows);
  }
  return all;
}

/**
 * The workstation's queue and the server's record agree: every mutation the server answered is,
 * at the same seq, the one this PC queued (nothing reordered, nothing skipped), and every answered
 * mutation still kept here carries the server's status. Call after expectExactlyOnce.
 */
export async function expectOutboxMatchesServer(server: AdminOps, ws: Workstation): Promise<void> {
  const clientId = await clientIdOf(ws);
  const local = await ws.query<{ seq: number; id: string; name: string; result_status: string | null; acked_at: string | null }>(
    'select seq, id, name, result_status, acked_at from outbox order by seq',
  );
  const remote = await server.query<{ seq: number; mutation_id: string; name: string; status: string }>(
    'select seq, mutation_id, name, status from mutation_results where client_id = $1 order by seq',
    [clientId],
  );
  const bySeq = new Map(remote.map((r) => [Number(r.seq), r]));
  for (const m of local) {
    const r = bySeq.get(m.seq);
    if (m.acked_at !== null) {
      expect(r, `acked seq ${m.seq} is on the server`).toBeDefined();
      expect({ id: r!.mutation_id, name: r!.name, status: r!.status }).toEqual({ id: m.id, name: m.name, status: m.result_status });
    } else if (r) {
      // Processed but the answer never arrived (dropped): the next push learns it.
      expect({ id: r.mutation_id, name: r.name }).toEqual({ id: m.id, name: m.name });
    }
  }
}

/** Polls `cond` until it returns a truthy value (returned) or the deadline passes (throws). */
export async function waitFor<T>(
  cond: () => T | Promise<T>,
  opts: { timeoutMs?: number; intervalMs?: number; message?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  let last: unknown;
  for (;;) {
    try {
      const v = await cond();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`waitFor timed out after ${opts.timeoutMs ?? 10_000} ms: ${opts.message ?? ''} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 25));
  }
}

/**
 * Heals every cable and syncs every workstation until all outboxes are answered, then once more
 * so each has pulled the others' last changes (that last round must push nothing).
 */
export async function quiesce(proxies: readonly FaultProxy[], workstations: readonly Workstation[], rounds = 12): Promise<void> {
  for (const p of proxies) {
    p.clear();
    p.partition(false);
  }
  for (let round = 0; round < rounds; round++) {
    const results = await Promise.all(workstations.map((w) => w.sync()));
    if (results.every((s) => s.outcome === 'ok' && s.status.pending === 0)) {
      for (const w of workstations) expect(await w.sync()).toMatchObject({ outcome: 'ok', pushed: 0 });
      return;
    }
  }
  throw new Error(`the workstations did not quiesce within ${rounds} rounds after healing`);
}

/** mulberry32: a small seeded PRNG, so a failing randomized run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
