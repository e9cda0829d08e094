import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { HOLIDAYS_2026 } from '../../src-shared/demo';
import { fromMinutes, toMinutes } from '../../src-shared/domain/dates';
import type { Mutation } from '../../src-shared/protocol';
import { loadConfig } from '../../src-server/config';
import { queryRows } from '../../src-server/db/client';
import { startServer, type RunningServer } from '../../src-server/http/lifecycle';
import { pushBatch } from '../../src-server/sync/push/service';
import { pushOutbox, type PushTally } from './client';
import type { Options } from './options';
import { PolicySchema } from '../../src-shared/domain/policy';
import { BENCH_POLICY, benchDates, planMutations } from './plan';
import { int, round, stats, table } from './report';
import { BENCH_ACTIVITIES, benchUnits, createBenchDatabase, enrollAll, seatsOf, writeBenchReference, type BenchWorkstation } from './setup';

/**
 * `npm run bench:server -- --backlog`: one workstation's backlog after a long offline stretch
 * (issue #4's sync benchmark): 10,000 entry.create@1 of the unit's staff, in batches of 200, from
 * one client, on a fresh database each, three ways: pushBatch called in-process (the server's own
 * cost), the same over loopback HTTP, and one request per entry (the naive client, a sample of
 * `--naive` entries, extrapolated). The kiosk was offline for the 18 open working days: each entry
 * was made on its work date (clientTime), under the unit's policy with a `--window` of 3 working
 * days (the default). `--mix` sends the bench's 40/30/30 create/update/submit outbox of one
 * employee instead (60-day window, all made today). Prints ms per mutation and whether every
 * mutation was applied once.
 */
export interface BacklogOptions {
  base: Options;
  mutations: number;
  batch: number;
  staff: number;
  naive: number;
  mix: boolean;
  window: number;
}

/** The server's clock: Wednesday 2026-11-25 17:00 WIB, after the last entries of the backlog were made. */
const BACKLOG_NOW = '2026-11-25T10:00:00.000Z';

const log = (msg: string) => console.error(`[bench:backlog] ${msg}`);

/**
 * The kiosk's days, date after date, employee after employee: 30-minute slots from 07:30, each
 * entry made at 16:30 WIB of its work date.
 */
function creates(staff: string[], dates: string[], count: number): Mutation[] {
  const perDay = Math.ceil(count / (staff.length * dates.length));
  const minutes = Math.min(30, Math.floor((24 * 60 - toMinutes('07:30')) / perDay));
  const out: Mutation[] = [];
  for (let d = 0; d < dates.length && out.length < count; d++) {
    for (let e = 0; e < staff.length && out.length < count; e++) {
      for (let k = 0; k < perDay && out.length < count; k++) {
        const start = toMinutes('07:30') + k * minutes;
        const a = BENCH_ACTIVITIES[out.length % BENCH_ACTIVITIES.length]!;
        const entry = {
          id: crypto.randomUUID(),
          employeeId: staff[e]!,
          workDate: dates[d]!,
          startTime: fromMinutes(start),
          endTime: fromMinutes(start + minutes),
          activityId: a.id,
          volume: 1,
          description: `${a.name} untuk berkas nomor ${out.length + 1}`,
          status: 'draft',
        };
        const clientTime = `${entry.workDate}T09:30:00.000Z`;
        out.push({ seq: out.length + 1, id: crypto.randomUUID(), name: 'entry.create@1', args: { entry }, actorId: entry.employeeId, clientTime });
      }
    }
  }
  return out;
}

interface Run {
  label: string;
  mutations: number;
  ms: number;
  cpuMs: number;
  statuses: Record<string, number>;
  problems: string[];
  batchP50: number;
  batchMax: number;
}

type Mode = 'inprocess' | 'http' | 'naive';

async function runOnce(o: BacklogOptions, mode: Mode): Promise<Run> {
  const now = new Date(BACKLOG_NOW);
  const bench = await createBenchDatabase({ ...o.base, keep: false });
  let server: RunningServer | null = null;
  try {
    const units = benchUnits(1, o.staff);
    await writeBenchReference(bench.database, units, [], now, o.mix ? BENCH_POLICY : PolicySchema.parse({ backdateWorkingDays: o.window }));
    const loaded = loadConfig({}, { logLevel: 'silent', host: '127.0.0.1', port: 0, pushPerMinute: 100_000, enrollPerMinute: 10_000, databasePoolMax: o.base.pool });
    if (!loaded.ok) throw new Error(loaded.problems.join('; '));
    server = await startServer(loaded.config, bench.database, { now: () => now });
    const [ws] = (await enrollAll(bench.database, server.url, seatsOf(units).slice(0, 1), now)) as [BenchWorkstation];
    const dates = benchDates(BENCH_POLICY, HOLIDAYS_2026);
    const staff = units[0]!.staff.map((s) => s.id);
    const count = mode === 'naive' ? Math.min(o.naive, o.mutations) : o.mutations;
    const activities = BENCH_ACTIVITIES.map((a) => ({ id: a.id, name: a.name }));
    const mutations = o.mix ? planMutations({ employeeId: staff[0]!, activities, dates, count }).mutations : creates(staff, dates, count);
    const batch = mode === 'naive' ? 1 : o.batch;
    const tally: PushTally = { latencies: [], statuses: {}, retries: 0, problems: [], lastProcessedSeq: 0 };

    const cpu0 = process.cpuUsage();
    const started = performance.now();
    if (mode === 'inprocess') {
      const authed = { id: ws.workstationId, unitId: ws.unitId, clientId: ws.clientId, name: ws.name };
      for (let from = 0; from < mutations.length; from += batch) {
        const sent = mutations.slice(from, from + batch);
        const t = performance.now();
        const result = await pushBatch(bench.database.db, authed, { protocol: 1, clientId: ws.clientId, mutations: sent }, () => now);
        tally.latencies.push(performance.now() - t);
        for (const r of result.results) {
          const key = r.status === 'applied' ? 'applied' : `${r.status}:${r.code ?? '?'}`;
          tally.statuses[key] = (tally.statuses[key] ?? 0) + 1;
        }
        if (result.lastProcessedSeq !== sent[sent.length - 1]!.seq) tally.problems.push(`lastProcessedSeq ${result.lastProcessedSeq}`);
      }
    } else {
      await pushOutbox({ url: server.url, token: ws.token, clientId: ws.clientId }, mutations, batch, tally);
    }
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);

    const [stored] = await queryRows<{ results: string | number; entries: string | number; last: string | number }>(
      bench.database.db,
      sql`select (select count(*) from mutation_results where client_id = ${ws.clientId}) as results,
                 (select count(*) from entries) as entries,
                 (select last_seq from sync_clients where client_id = ${ws.clientId}) as last`,
    );
    const problems = [...tally.problems];
    if (Number(stored!.results) !== count || Number(stored!.last) !== count) problems.push(`stored ${stored!.results} results, last_seq ${stored!.last}; sent ${count}`);
    if (!o.mix && Number(stored!.entries) !== count) problems.push(`${stored!.entries} entries for ${count} creates`);
    const latency = stats(tally.latencies);
    const label = { inprocess: 'pushBatch in-process', http: 'HTTP loopback', naive: 'HTTP, one request per mutation' }[mode];
    return { label, mutations: count, ms, cpuMs: (cpu.user + cpu.system) / 1000, statuses: tally.statuses, problems, batchP50: latency.p50, batchMax: latency.max };
  } finally {
    if (server) await server.stop().catch(() => undefined);
    else await bench.database.close().catch(() => undefined);
    await bench.discard().catch(() => undefined);
  }
}

export async function runBacklog(o: BacklogOptions): Promise<void> {
  const what = o.mix ? 'mixed (40/30/30) mutations of one employee, 60-day window' : `entry.create@1 of ${o.staff} staff, ${o.window}-day window`;
  log(`${o.base.engine}: ${o.mutations} ${what}, batches of ${o.batch}, one client`);
  const runs: Run[] = [];
  for (const mode of ['inprocess', 'http', 'naive'] as const) {
    log(`${mode}…`);
    runs.push(await runOnce(o, mode));
  }
  const [inproc, http, naive] = runs as [Run, Run, Run];
  const perMutation = (r: Run) => r.ms / r.mutations;
  const rows = [
    ['run', 'mutations', 'wall s', 'ms / mutation', 'mutations/s', 'CPU ms / mutation', 'batch p50 / max ms', 'results'],
    ...runs.map((r) => [
      r.label,
      int(r.mutations),
      (r.ms / 1000).toFixed(2),
      perMutation(r).toFixed(3),
      int((1000 * r.mutations) / r.ms),
      (r.cpuMs / r.mutations).toFixed(3),
      `${r.batchP50.toFixed(1)} / ${r.batchMax.toFixed(1)}`,
      `${JSON.stringify(r.statuses)}${r.problems.length ? ` PROBLEMS: ${r.problems.slice(0, 3).join('; ')}` : ''}`,
    ]),
  ];
  const ratio = perMutation(naive) / perMutation(http);
  const backlogSeconds = (perMutation(http) * o.mutations) / 1000;
  console.log(`backlog benchmark: ${o.base.engine}, one client, ${int(o.mutations)} ${what}, batches of ${o.batch}`);
  console.log('');
  for (const line of table(rows, [1, 2, 3, 4, 5])) console.log(line);
  console.log('');
  console.log(`backlog over HTTP: ${backlogSeconds.toFixed(2)} s (target ≤ 5 s): ${backlogSeconds <= 5 ? 'yes' : 'NO'}`);
  console.log(`naive / batched, per mutation: ${ratio.toFixed(1)}× (target ≥ 20×): ${ratio >= 20 ? 'yes' : 'NO'}`);
  const ok = runs.every((r) => r.problems.length === 0 && Object.keys(r.statuses).every((k) => k === 'applied'));
  console.log(`every mutation applied once: ${ok ? 'PASS' : 'FAIL'}`);
  console.log(
    JSON.stringify({
      engine: o.base.engine,
      backlog: o.mutations,
      batch: o.batch,
      mix: o.mix,
      window: o.mix ? BENCH_POLICY.backdateWorkingDays : o.window,
      inProcessMsPerMutation: round(perMutation(inproc), 4),
      httpMsPerMutation: round(perMutation(http), 4),
      naiveMsPerMutation: round(perMutation(naive), 4),
      backlogSeconds: round(backlogSeconds, 2),
      ratio: round(ratio, 1),
      ok,
    }),
  );
  if (!ok) process.exitCode = 1;
}
