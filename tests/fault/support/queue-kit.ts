import { DEMO } from '../../../src-shared/demo';
import type { AdminOps } from './admin';
import type { FaultProxy, LogEntry } from './proxy';
import type { Workstation } from './workstation';

/**
 * Small helpers of the queue, auth and backlog fault cases (4, 5, 8, 9, 10); the shared
 * convergence assertions are in converge.ts.
 */

export const ENTRY = {
  workDate: '2026-11-25',
  startTime: '08:00',
  endTime: '09:30',
  activityId: DEMO.catalog[0]!.id,
  volume: 1,
  description: 'Menyusun laporan kepegawaian bulanan',
};

/** An entry of `minutes` starting `slot` slots after 07:30 (non-overlapping per slot). */
export function slotEntry(workDate: string, slot: number, minutes = 30) {
  const at = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const start = 7 * 60 + 30 + slot * minutes;
  return { ...ENTRY, workDate, startTime: at(start), endTime: at(start + minutes), description: `Pekerjaan ke-${slot + 1} tanggal ${workDate}` };
}

/**
 * Records absence on the server as the personnel import does: a row versioned in the unit's
 * scope (so workstations pull it). After this the server refuses that person's entries that day.
 */
export async function serverAbsence(server: AdminOps, employeeId: string, date: string, unitId = DEMO.unit.id): Promise<void> {
  await server.query(
    `with v as (insert into sync_counters (scope, version) values ($3::text, 1)
                on conflict (scope) do update set version = sync_counters.version + 1 returning version)
     insert into absences (id, employee_id, unit_id, date, kind, note, version, deleted, updated_at)
     select gen_random_uuid(), $1::uuid, $3::uuid, $2::date, 'sakit', null, v.version, false, now() from v`,
    [employeeId, date, unitId],
  );
}

/** The sync requests (push, pull) the proxy saw since `from` (an index into its log). */
export const syncRequests = (proxy: FaultProxy, from = 0): LogEntry[] => proxy.log.slice(from).filter((e) => e.path.startsWith('/api/v1/sync/'));

/** Captures the seqs of every push request body, in arrival order. */
export function recordPushSeqs(proxy: FaultProxy): { pushes: number[][]; stop: () => void } {
  const pushes: number[][] = [];
  const stop = proxy.onRequest((req) => {
    if (!req.path.startsWith('/api/v1/sync/push')) return;
    const body = JSON.parse(req.body.toString('utf8')) as { mutations: { seq: number }[] };
    pushes.push(body.mutations.map((m) => m.seq));
  });
  return { pushes, stop: () => void stop() };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function status(ws: Workstation) {
  return ws.call('workstation-status', {});
}

export async function outboxCounts(ws: Workstation): Promise<{ total: number; pending: number }> {
  const [r] = await ws.query<{ total: number; pending: number }>('select count(*) as total, sum(acked_at is null) as pending from outbox');
  return { total: Number(r?.total ?? 0), pending: Number(r?.pending ?? 0) };
}

export interface SyncLogRow {
  trigger: string;
  outcome: string;
  pushed: number;
  applied: number;
  refused: number;
  error_code: string | null;
  detail: string | null;
}

export const syncLog = (ws: Workstation) =>
  ws.query<SyncLogRow>('select trigger, outcome, pushed, applied, refused, error_code, detail from sync_log order by id');
