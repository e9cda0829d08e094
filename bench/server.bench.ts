/**
 * Server benchmark: `npm run bench:server` (flags after `--`, see bench/README.md "Server benchmark").
 *
 * A real server listening on 127.0.0.1 with a real database (a fresh PostgreSQL database when
 * DATABASE_URL is set, else PGlite under bench/.tmp/), 20 units written as the import writes them,
 * 200 workstations enrolled over HTTP. All of them push their outbox at once (1,000 mutations each
 * in batches of 200, one request at a time per workstation), then pull their unit from the
 * beginning. It prints mutations/s, push latency per batch, pull rows/s and, beside them, the same
 * number of entry rows written by raw multi-row INSERTs; then whether every mutation landed exactly
 * once (exit 1 if not). The last line is one JSON object. Nothing here asserts on time.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { HOLIDAYS_2026 } from '../src-shared/demo';
import { loadConfig } from '../src-server/config';
import { startServer, type RunningServer } from '../src-server/http/lifecycle';
import { pushOutbox, type PushTally } from './server/client';
import type { FromWorker, LoadConfig, PullReport, PushReport, ToWorker } from './server/load-worker';
import { ISSUE_SIZE, parseOptions } from './server/options';
import { BENCH_NOW, BENCH_POLICY, benchDates, createsIn, planMutations, slotMinutes, type Expected } from './server/plan';
import { startProfile, type Profile } from './server/profile';
import { rawInsert } from './server/raw';
import { runBacklog } from './server/backlog';
import { machineLoad } from './server/machine';
import { int, profileLines, round, stats, table } from './server/report';
import {
  BENCH_ACTIVITIES,
  benchUnits,
  createBenchDatabase,
  enrollAll,
  probeEmployee,
  seatsOf,
  writeBenchReference,
  type BenchDatabase,
} from './server/setup';
import { verifyExactlyOnce } from './server/verify';

const TARGET = { mutationsPerSec: 3000, pushP99Ms: 1000 } as const;
const PROBE_BATCHES = 5;
const log = (msg: string) => console.error(`[bench:server] ${msg}`);

/** Sends one command to the load worker and waits for its report. */
function ask<T extends FromWorker>(worker: Worker, msg: ToWorker | null, type: T['type']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: FromWorker) => {
      if (m.type !== type) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      resolve(m as T);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    if (msg) worker.postMessage(msg);
  });
}

interface PullCheck {
  ok: boolean;
  failures: string[];
  rows: number;
  pages: number;
  /** Rows a workstation received more than once within its one pull from the beginning. */
  repeated: number;
  missingRoute: boolean;
}

/** Every workstation must have received every entry of its unit, in its final state. */
function checkPull(report: PullReport, unitOf: string[], expectedByUnit: Map<string, Expected>): PullCheck {
  const failures: string[] = [];
  let rows = 0;
  let pages = 0;
  let repeated = 0;
  let missingRoute = false;
  report.perWorkstation.forEach((w, i) => {
    rows += w.rows;
    pages += w.pages;
    repeated += w.repeated;
    missingRoute ||= w.missingRoute;
    for (const p of w.problems) if (failures.length < 10) failures.push(p);
    const want = expectedByUnit.get(unitOf[i]!)!;
    if (!w.missingRoute && (w.entries.count !== want.creates || w.entries.revSum !== want.revSum) && failures.length < 10) {
      failures.push(`workstation ${i}: pulled ${w.entries.count} entries (rev sum ${w.entries.revSum}), expected ${want.creates} (${want.revSum})`);
    }
  });
  return { ok: failures.length === 0 && !missingRoute, failures, rows, pages, repeated, missingRoute };
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2), process.env);
  if (opts.backlog) return runBacklog({ base: opts, mutations: opts.mutations, batch: opts.batch, staff: opts.staff, naive: opts.naive, mix: opts.mix, window: opts.window });
  const now = new Date(BENCH_NOW);
  const startedAll = performance.now();
  const totalMutations = opts.workstations * opts.mutations;
  log(`${opts.engine}: ${opts.workstations} workstations in ${opts.units} units × ${opts.mutations} mutations, batches of ${opts.batch}`);

  let bench: BenchDatabase | null = null;
  let server: RunningServer | null = null;
  let worker: Worker | null = null;
  let databaseOpen = false;
  let profiling: { stop(): Promise<Profile> } | null = null;
  try {
    bench = await createBenchDatabase(opts);
    databaseOpen = true;
    const units = benchUnits(opts.units, opts.workstations);
    const probe = probeEmployee(units[0]!);
    await writeBenchReference(bench.database, units, [probe], now);

    const loaded = loadConfig({}, { logLevel: 'silent', host: '127.0.0.1', port: 0, pushPerMinute: 100_000, enrollPerMinute: 10_000, databasePoolMax: opts.pool });
    if (!loaded.ok) throw new Error(loaded.problems.join('; '));
    // From here the running server owns the database: its stop() closes it, and so does a failed start.
    databaseOpen = false;
    server = await startServer(loaded.config, bench.database, { now: () => now });
    log(`server on ${server.url}, database ${bench.where} (pool ${opts.engine === 'postgres' ? opts.pool : 1})`);

    const seats = seatsOf(units);
    const enrollStart = performance.now();
    const workstations = await enrollAll(bench.database, server.url, [...seats, { unit: units[0]!.unit, employeeId: probe.id, name: 'PC probe' }], now);
    const probeWs = workstations.pop()!;
    log(`enrolled ${workstations.length} workstations over HTTP in ${((performance.now() - enrollStart) / 1000).toFixed(1)} s`);

    const dates = benchDates(BENCH_POLICY, HOLIDAYS_2026);
    const perDay = Math.ceil(createsIn(opts.mutations) / dates.length);
    const activities = BENCH_ACTIVITIES.map((a) => ({ id: a.id, name: a.name }));
    const loadConfigData: LoadConfig = {
      url: server.url,
      batch: opts.batch,
      pullLimit: opts.pullLimit,
      mutations: opts.mutations,
      dates,
      activities,
      workstations: workstations.map((w) => ({ token: w.token, clientId: w.clientId, employeeId: w.employeeId })),
    };
    worker = new Worker(new URL('./server/load-worker.ts', import.meta.url), { workerData: loadConfigData });
    const { expected } = await ask<Extract<FromWorker, { type: 'ready' }>>(worker, null, 'ready');
    log(`outboxes ready: ${dates.length} work dates ${dates[0]}…${dates[dates.length - 1]}, ${perDay} entries a day of ${slotMinutes(perDay)} min`);

    // Push: every workstation at once.
    log(`pushing ${int(totalMutations)} mutations…`);
    if (opts.profile && !bench.url) log('--profile needs PostgreSQL (DATABASE_URL); running without it');
    profiling = opts.profile && bench.url ? await startProfile(bench.url) : null;
    const elu0 = performance.eventLoopUtilization();
    const cpu0 = process.threadCpuUsage();
    const pushed = await ask<PushReport>(worker, { type: 'push' }, 'pushed');
    const serverElu = performance.eventLoopUtilization(elu0).utilization;
    const serverCpu = process.threadCpuUsage(cpu0);
    const serverCpuMs = (serverCpu.user + serverCpu.system) / 1000;
    const loadDuringPush = machineLoad();
    const profile: Profile | null = profiling ? await profiling.stop() : null;
    profiling = null;
    const pushSeconds = pushed.wallMs / 1000;
    const mutationsPerSec = totalMutations / pushSeconds;
    const latency = stats(pushed.latencies);
    log(`pushed in ${pushSeconds.toFixed(1)} s: ${int(mutationsPerSec)} mutations/s; ${JSON.stringify(pushed.statuses)}`);

    log('checking exactly once…');
    const verdict = await verifyExactlyOnce(bench.database.db, {
      clients: workstations.map((w, i) => ({ clientId: w.clientId, employeeId: w.employeeId, expected: expected[i]! })),
      mutations: opts.mutations,
    });
    const answerProblems = [...pushed.problems];
    if (pushed.lastProcessedSeq.some((s) => s !== opts.mutations)) answerProblems.push('a workstation did not reach the end of its outbox');
    const exactlyOnce = verdict.ok && answerProblems.length === 0;

    // Pull: every workstation its unit from the beginning, at once.
    log(`pulling (limit ${opts.pullLimit})…`);
    const pulled = await ask<PullReport>(worker, { type: 'pull' }, 'pulled');
    await worker.terminate();
    worker = null;
    const expectedByUnit = new Map<string, Expected>();
    workstations.forEach((w, i) => {
      const e = expected[i]!;
      const u = expectedByUnit.get(w.unitId) ?? { creates: 0, updates: 0, submits: 0, revSum: 0, submitted: 0, drafts: 0 };
      for (const k of Object.keys(u) as (keyof Expected)[]) u[k] += e[k];
      expectedByUnit.set(w.unitId, u);
    });
    const pull = checkPull(pulled, workstations.map((w) => w.unitId), expectedByUnit);
    const pullSeconds = pulled.wallMs / 1000;
    const pullRowsPerSec = pull.missingRoute ? NaN : pull.rows / pullSeconds;
    const pullLatency = stats(pulled.latencies);
    log(pull.missingRoute ? 'pull: POST /api/v1/sync/pull answers 404 (not built yet)' : `pulled ${int(pull.rows)} rows in ${pull.pages} pages, ${pullSeconds.toFixed(1)} s`);

    // One batch alone, nothing else queued: the service time a batch needs without the crowd.
    const probeTally: PushTally = { latencies: [], statuses: {}, retries: 0, problems: [], lastProcessedSeq: 0 };
    const probePlan = planMutations({ employeeId: probe.id, activities, dates, count: PROBE_BATCHES * opts.batch });
    await pushOutbox({ url: server.url, token: probeWs.token, clientId: probeWs.clientId }, probePlan.mutations, opts.batch, probeTally);
    const probeLatency = stats(probeTally.latencies);
    const probeOk = probeTally.problems.length === 0 && Object.keys(probeTally.statuses).every((k) => k === 'applied');

    // Raw baseline: as many entry rows as there were mutations, straight into the table.
    const streams = opts.engine === 'postgres' ? opts.streams : 1;
    log(`raw baseline: ${int(totalMutations)} rows, ${opts.rawBatch} a statement, ${streams} stream(s)…`);
    const raw = await rawInsert({
      database: bench.database,
      url: bench.url,
      owners: workstations.map((w) => ({ employeeId: w.employeeId, unitId: w.unitId, workstationId: w.workstationId })),
      rowsPerOwner: opts.mutations,
      dates,
      activity: BENCH_ACTIVITIES[0]!,
      streams,
      rawBatch: opts.rawBatch,
    });
    const rawRowsPerSec = raw.rows / raw.seconds;
    const ratio = mutationsPerSec / rawRowsPerSec;

    await server.stop();
    server = null;

    // Report.
    const yes = (ok: boolean) => (ok ? 'yes' : 'NO');
    const pgTarget = opts.engine === 'postgres' ? '' : ' (on PostgreSQL)';
    const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
    const rows: string[][] = [
      ['figure', 'value', 'target', 'met?'],
      [`push: mutations/s (${int(totalMutations)} in ${pushSeconds.toFixed(1)} s)`, int(mutationsPerSec), `≥ ${int(TARGET.mutationsPerSec)}${pgTarget}`, yes(mutationsPerSec >= TARGET.mutationsPerSec)],
      [`push latency per batch of ${opts.batch}, p50 ms (n=${latency.n})`, ms(latency.p50), '', ''],
      [`push latency per batch of ${opts.batch}, p99 ms`, ms(latency.p99), `≤ ${int(TARGET.pushP99Ms)} ms${pgTarget}`, yes(latency.p99 <= TARGET.pushP99Ms)],
      [`pull: rows/s (${pull.missingRoute ? 'route missing' : `${int(pull.rows)} rows, ${pull.pages} pages of ≤ ${opts.pullLimit}, ${pullSeconds.toFixed(1)} s`})`, int(pullRowsPerSec), '', ''],
      [`raw multi-row INSERT: rows/s (${int(raw.rows)} rows, ${raw.statements} statements, ${streams} stream(s), ${raw.seconds.toFixed(1)} s)`, int(rawRowsPerSec), '', ''],
      ['ratio push mutations/s ÷ raw rows/s', ratio.toFixed(3), '', ''],
      ['lost or duplicated mutations', exactlyOnce ? '0' : 'SOME', '0', yes(exactlyOnce)],
      ['— informational —', '', '', ''],
      [`push latency per batch, max ms`, ms(latency.max), '', ''],
      [`one batch of ${opts.batch} alone, nothing queued: p50 / max ms (n=${probeLatency.n})`, `${ms(probeLatency.p50)} / ${ms(probeLatency.max)}`, '', probeOk ? '' : 'NOT APPLIED'],
      [`pull latency per page, p50 / p99 ms (n=${pullLatency.n})`, `${ms(pullLatency.p50)} / ${ms(pullLatency.p99)}`, '', ''],
      ['event loop busy while pushing: server (main) / load worker', `${(serverElu * 100).toFixed(0)} % / ${(pushed.elu * 100).toFixed(0)} %`, '', ''],
      ['CPU per mutation: server thread / load worker, ms', `${(serverCpuMs / totalMutations).toFixed(2)} / ${(pushed.cpuMs / totalMutations).toFixed(2)}`, '', ''],
    ];
    const sizeNote = opts.scaledDown
      ? ` — scaled down for PGlite (one connection); the issue's size is ${ISSUE_SIZE.workstations} × ${ISSUE_SIZE.mutations} on PostgreSQL`
      : '';
    console.log(`server benchmark: ${opts.engine}, ${opts.workstations} workstations in ${opts.units} unit${opts.units === 1 ? '' : 's'} × ${opts.mutations} mutations = ${int(totalMutations)}, batches of ${opts.batch}${sizeNote}`);
    console.log(`database ${bench.where}; server pool ${opts.engine === 'postgres' ? opts.pool : 1} connection(s); load generator in a worker thread, node:http with keep-alive`);
    console.log(`machine at the end of the push: ${loadDuringPush}`);
    console.log(`outboxes: 40 % entry.create (drafts), 30 % entry.update, 30 % entry.submit; ${dates.length} work dates, ${perDay} entries a day`);
    console.log('');
    for (const line of table(rows, [1])) console.log(line);
    console.log('');
    const inFlight = opts.workstations * opts.batch;
    console.log(
      `Little's law: with all ${opts.workstations} workstations pushing, ${int(inFlight)} mutations are queued at once, so a batch waits ` +
        `~${int(inFlight / mutationsPerSec)} s at ${int(mutationsPerSec)}/s; p99 ≤ 1 s under this load needs ~${int(inFlight)} mutations/s.`,
    );
    console.log(`push results: ${JSON.stringify(pushed.statuses)}; retried requests (503/429): ${pushed.retries}`);
    console.log(`stored results: ${JSON.stringify(verdict.stored)}; ${int(verdict.results)} mutation results, ${int(verdict.entries)} entries`);
    console.log(`exactly once: ${exactlyOnce ? 'PASS' : 'FAIL'}`);
    for (const f of [...answerProblems, ...verdict.failures]) console.log(`  ${f}`);
    console.log(
      `pull complete and current: ${pull.missingRoute ? 'SKIPPED (route missing)' : pull.ok ? 'PASS' : 'FAIL'}` +
        `${pull.repeated ? ` (${int(pull.repeated)} rows arrived twice within one pull)` : ''}`,
    );
    for (const f of pull.failures) console.log(`  ${f}`);
    if (profile) {
      console.log('');
      for (const line of profileLines(profile, totalMutations)) console.log(line);
    }
    console.log('');
    console.log(`total run ${((performance.now() - startedAll) / 1000).toFixed(1)} s${opts.keep ? `; kept ${bench.where}` : ''}`);
    console.log(
      JSON.stringify({
        engine: opts.engine,
        workstations: opts.workstations,
        units: opts.units,
        mutations: totalMutations,
        batch: opts.batch,
        mutationsPerSec: round(mutationsPerSec),
        pushP50Ms: round(latency.p50),
        pushP99Ms: round(latency.p99),
        pushMaxMs: round(latency.max),
        probeP50Ms: round(probeLatency.p50),
        serverCpuMsPerMutation: round(serverCpuMs / totalMutations, 3),
        pullLimit: opts.pullLimit,
        pullRows: pull.rows,
        pullRowsPerSec: round(pullRowsPerSec),
        rawInsertRowsPerSec: round(rawRowsPerSec),
        ratio: round(ratio, 4),
        exactlyOnce,
        pullComplete: pull.missingRoute ? null : pull.ok,
      }),
    );
    if (!exactlyOnce || (!pull.missingRoute && !pull.ok)) process.exitCode = 1;
  } finally {
    await profiling?.stop().catch(() => undefined);
    await worker?.terminate();
    await server?.stop().catch(() => undefined);
    if (databaseOpen) await bench?.database.close().catch(() => undefined);
    await bench?.discard().catch((err: unknown) => log(`could not remove the bench database: ${String(err)}`));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
