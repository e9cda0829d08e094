/**
 * Sync benchmark: `npm run bench:sync` (flags after `--`, see bench/README.md "Sync").
 *
 * The real server (Fastify on PGlite, then on a scratch PostgreSQL database) listening on
 * 127.0.0.1, and kiosks running the real core with the real sync engine over HTTP. A kiosk that
 * was offline writes a 10,000-entry backlog through `entry-create` (timed on its own: the kiosk
 * store's cost), then pushes it in one attempt (batches of 200); a second, freshly enrolled kiosk
 * does its first pull of those rows; then, on a fresh database, the same backlog one request per
 * entry (a sample, scaled up). Raw-library baselines beside them. The last line is one JSON
 * object. Nothing here asserts on time; a run that loses or refuses a mutation exits 1.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { machineLoad } from './server/machine';
import { int, table } from './server/report';
import { parseSyncOptions, type SyncOptions } from './sync/options';
import { firstOf, planBacklog, SYNC_NOW } from './sync/plan';
import { postgresProblem, rawBaselines, serverCounts, startSyncServer, type Engine, type RawFigures, type SyncServer } from './sync/server';
import { SyncWorkstation, type BacklogTiming, type TimedAttempt } from './sync/workstation';

const TARGET = { pushMs: 5000, ratio: 20 } as const;
const log = (msg: string) => console.error(`[bench:sync] ${msg}`);

interface EngineRun {
  engine: Engine;
  where: string;
  backlog: BacklogTiming;
  push: TimedAttempt;
  stored: { entries: number; results: Record<string, number> };
  firstPull: { totalMs: number; pullMs: number; pullAwaitMs: number; pullRequests: number; pulled: number; entries: number };
  rawLocal: { rows: number; ms: number };
  raw: RawFigures;
  naive: { sample: number; backlog: BacklogTiming; push: TimedAttempt; extrapolatedMs: number };
  problems: string[];
}

function check(problems: string[], ok: boolean, what: string): void {
  if (!ok) {
    problems.push(what);
    log(`PROBLEM: ${what}`);
  }
}

async function withServer<T>(engine: Engine, opts: SyncOptions, label: string, fn: (s: SyncServer) => Promise<T>): Promise<T> {
  const server = await startSyncServer(engine, opts.databaseUrl, label, opts.keep);
  try {
    return await fn(server);
  } finally {
    await server.stop();
    if (opts.keep) log(`kept ${server.where}`);
  }
}

async function withWorkstation<T>(label: string, limits: { batchMax?: number }, keep: boolean, fn: (w: SyncWorkstation) => Promise<T>): Promise<T> {
  const ws = SyncWorkstation.open(label, limits, keep);
  try {
    return await fn(ws);
  } finally {
    ws.close();
    if (keep) log(`kept workstation folder ${ws.dir}`);
  }
}

async function runEngine(engine: Engine, opts: SyncOptions): Promise<EngineRun> {
  const plan = planBacklog(opts.mutations);
  const problems: string[] = [];
  const n = opts.mutations;
  const main = await withServer(engine, opts, 'batched', async (server) => {
    log(`${engine}: server on ${server.url}, database ${server.where}`);
    const a = await withWorkstation(`${engine}-a`, { batchMax: opts.batch }, opts.keep, async (ws) => {
      await ws.enroll(server.url, await server.enrollmentCode(), 'PC Depan');
      log(`${engine}: writing the backlog: ${int(n)} entry-create over ${plan.people.length} people, ${plan.dates.length} days, ≤ ${plan.perDay} a day each…`);
      const backlog = await ws.writeBacklog(plan.people);
      check(problems, ws.pending() === n, `outbox holds ${ws.pending()} mutations, expected ${n}`);
      log(`${engine}: backlog written in ${(backlog.createMs / 1000).toFixed(1)} s; pushing…`);
      const push = await ws.syncNow();
      const r = push.report;
      check(problems, r.outcome.kind === 'ok', `push attempt outcome ${JSON.stringify(r.outcome)}`);
      check(problems, r.pushed === n && r.applied === n && r.refused === 0, `push: pushed ${r.pushed}, applied ${r.applied}, refused ${r.refused}; expected ${n} applied`);
      check(problems, ws.pending() === 0, `outbox still holds ${ws.pending()} after the push`);
      log(`${engine}: pushed in ${(push.pushMs / 1000).toFixed(1)} s (${push.pushRequests} requests), pulled back in ${(push.pullMs / 1000).toFixed(1)} s`);
      return { backlog, push };
    });
    const stored = await serverCounts(server.database);
    check(problems, stored.entries === n && stored.results['applied'] === n && Object.keys(stored.results).length === 1, `server holds ${stored.entries} entries, results ${JSON.stringify(stored.results)}`);
    const b = await withWorkstation(`${engine}-b`, {}, opts.keep, async (ws) => {
      log(`${engine}: a second workstation enrolls and pulls…`);
      const pull = await ws.enroll(server.url, await server.enrollmentCode(), 'PC Belakang');
      const entries = ws.localEntries();
      check(problems, entries === n, `second workstation holds ${entries} entries after its first pull, expected ${n}`);
      return { firstPull: { ...pull, entries }, rawLocal: ws.rawLocalInsert() };
    });
    log(`${engine}: raw baselines…`);
    const raw = await rawBaselines(server);
    return { where: server.where, ...a, stored, ...b, raw };
  });

  const sample = opts.naiveSample;
  const naive = await withServer(engine, opts, 'naive', async (server) =>
    withWorkstation(`${engine}-naive`, { batchMax: 1 }, opts.keep, async (ws) => {
      await ws.enroll(server.url, await server.enrollmentCode(), 'PC Naif');
      const backlog = await ws.writeBacklog(firstOf(plan.people, sample));
      log(`${engine}: naive: ${int(sample)} entries, one push each…`);
      const push = await ws.syncNow();
      const r = push.report;
      check(problems, r.outcome.kind === 'ok' && r.applied === sample && r.refused === 0, `naive push: outcome ${r.outcome.kind}, applied ${r.applied}, refused ${r.refused}; expected ${sample}`);
      check(problems, push.pushRequests === sample, `naive push sent ${push.pushRequests} requests for ${sample} entries`);
      return { sample, backlog, push, extrapolatedMs: (push.pushMs * n) / sample };
    }),
  );
  return { engine, ...main, naive, problems };
}

const perSec = (count: number, ms: number) => (ms > 0 ? (1000 * count) / ms : NaN);
const ms = (x: number) => x.toFixed(0);
const r1 = (x: number) => Number(x.toFixed(1));

function tableFor(run: EngineRun, opts: SyncOptions): string[] {
  const n = opts.mutations;
  const { push, naive, raw, firstPull } = run;
  const ratio = naive.extrapolatedMs / push.pushMs;
  const scaled = naive.sample < n;
  const rows: string[][] = [['figure', 'ms', 'per second', 'raw library, same work', 'target', 'met?']];
  rows.push([
    `kiosk: ${int(n)} × entry-create into the outbox (offline)`, ms(run.backlog.createMs), `${int(perSec(n, run.backlog.createMs))} entries/s`,
    '', '', '',
  ]);
  rows.push([
    `push: ${int(n)} mutations, ${push.pushRequests} requests of ≤ ${opts.batch}`, ms(push.pushMs), `${int(perSec(n, push.pushMs))} mutations/s`,
    `${ms(raw.insertMs)} ms: multi-row INSERT (${raw.insertStatements} statement${raw.insertStatements === 1 ? '' : 's'}, 1 transaction)`, `≤ ${int(TARGET.pushMs)} ms`, push.pushMs <= TARGET.pushMs ? 'yes' : 'NO',
  ]);
  rows.push([`  of which awaiting the server's answers`, ms(push.pushAwaitMs), '', '', '', '']);
  rows.push([
    `naive: one request per entry${scaled ? `, ${int(naive.sample)} sent, × ${(n / naive.sample).toFixed(1)} (extrapolated)` : ''}`, ms(naive.extrapolatedMs),
    `${int(perSec(n, naive.extrapolatedMs))} mutations/s`, '', '', '',
  ]);
  rows.push([`ratio naive ÷ batched push`, `${ratio.toFixed(1)}×`, '', '', `≥ ${TARGET.ratio}×`, ratio >= TARGET.ratio ? 'yes' : 'NO']);
  rows.push([
    `first pull by a new workstation: ${int(firstPull.pulled)} rows, ${firstPull.pullRequests} pages`, ms(firstPull.pullMs), `${int(perSec(firstPull.pulled, firstPull.pullMs))} rows/s`,
    `${ms(raw.selectMs)} ms SELECT + ${ms(run.rawLocal.ms)} ms SQLite INSERT (1 transaction)`, '', '',
  ]);
  rows.push([`  of which awaiting the server's answers`, ms(firstPull.pullAwaitMs), '', '', '', '']);
  rows.push(['— informational —', '', '', '', '', '']);
  rows.push([`  push ÷ raw INSERT`, `${(push.pushMs / raw.insertMs).toFixed(1)}×`, '', '', '', '']);
  rows.push([`  pull back after the push (same attempt): ${int(push.report.pulled)} rows, ${push.pullRequests} pages`, ms(push.pullMs), `${int(perSec(push.report.pulled, push.pullMs))} rows/s`, '', '', '']);
  rows.push([`    of which awaiting the server's answers`, ms(push.pullAwaitMs), '', '', '', '']);
  rows.push([`  enroll command of the new workstation (enroll + first pull)`, ms(firstPull.totalMs), '', '', '', '']);
  rows.push([`  naive, measured: ${int(naive.sample)} requests`, ms(naive.push.pushMs), `${int(perSec(naive.sample, naive.push.pushMs))} mutations/s`, '', '', '']);
  rows.push([`  kiosk logins (PIN checks) and offline attempts while writing`, ms(run.backlog.otherMs), '', '', '', '']);
  return table(rows, [1, 2]);
}

function figures(run: EngineRun, opts: SyncOptions) {
  const n = opts.mutations;
  const { push, naive, raw, firstPull } = run;
  return {
    backlogCreateMs: r1(run.backlog.createMs),
    backlogCreatePerSec: r1(perSec(n, run.backlog.createMs)),
    pushMs: r1(push.pushMs),
    pushMutationsPerSec: r1(perSec(n, push.pushMs)),
    pushRequests: push.pushRequests,
    pushAwaitMs: r1(push.pushAwaitMs),
    applied: push.report.applied,
    refused: push.report.refused,
    rawInsertMs: r1(raw.insertMs),
    rawInsertRowsPerSec: r1(perSec(raw.rows, raw.insertMs)),
    pushVsRawInsert: r1(push.pushMs / raw.insertMs),
    pullBackMs: r1(push.pullMs),
    firstPullRows: firstPull.pulled,
    firstPullMs: r1(firstPull.pullMs),
    firstPullRowsPerSec: r1(perSec(firstPull.pulled, firstPull.pullMs)),
    firstPullAwaitMs: r1(firstPull.pullAwaitMs),
    pullBackAwaitMs: r1(push.pullAwaitMs),
    rawSelectMs: r1(raw.selectMs),
    rawSqliteInsertMs: r1(run.rawLocal.ms),
    naiveSample: naive.sample,
    naiveMeasuredMs: r1(naive.push.pushMs),
    naiveMs: r1(naive.extrapolatedMs),
    naiveExtrapolated: naive.sample < n,
    naiveMutationsPerSec: r1(perSec(n, naive.extrapolatedMs)),
    ratio: r1(naive.extrapolatedMs / push.pushMs),
    pushTargetMet: push.pushMs <= TARGET.pushMs,
    ratioTargetMet: naive.extrapolatedMs / push.pushMs >= TARGET.ratio,
    ok: run.problems.length === 0,
  };
}

async function main(): Promise<void> {
  const opts = parseSyncOptions(process.argv.slice(2), process.env);
  const started = performance.now();
  const runs: EngineRun[] = [];
  const skipped: Record<string, string> = {};
  for (const engine of opts.engines) {
    if (engine === 'postgres') {
      const problem = await postgresProblem(opts.databaseUrl);
      if (problem) {
        skipped[engine] = `PostgreSQL unreachable at ${opts.databaseUrl}: ${problem}`;
        log(`skipping PostgreSQL: ${skipped[engine]}`);
        continue;
      }
    }
    runs.push(await runEngine(engine, opts));
  }
  const load = machineLoad();
  const out: string[] = [];
  out.push(`sync benchmark: ${int(opts.mutations)} entry.create@1 from one kiosk, batches of ${opts.batch}; server and kiosk in this process, HTTP over 127.0.0.1`);
  out.push(`kiosk and server clock ${SYNC_NOW.toISOString()}; machine: ${os.cpus()[0]?.model ?? 'cpu'}, ${load}; Node ${process.version}`);
  for (const run of runs) {
    out.push('', `${run.engine}: ${run.where}`);
    out.push(...tableFor(run, opts));
    out.push(`stored on the server: ${int(run.stored.entries)} entries, results ${JSON.stringify(run.stored.results)}; pushed ${run.push.report.pushed}, applied ${run.push.report.applied}, refused ${run.push.report.refused}`);
    out.push(run.problems.length ? `PROBLEMS: ${run.problems.join('; ')}` : 'every mutation applied once, none refused; the new workstation holds every entry: PASS');
  }
  for (const [engine, why] of Object.entries(skipped)) out.push('', `${engine}: skipped (${why})`);
  out.push('', `total run ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(out.join('\n'));
  const json = {
    bench: 'sync',
    mutations: opts.mutations,
    batch: opts.batch,
    machine: { cpu: os.cpus()[0]?.model ?? null, cores: os.availableParallelism(), loadAvg1: r1(os.loadavg()[0]!), node: process.version },
    engines: Object.fromEntries([...runs.map((r) => [r.engine, figures(r, opts)]), ...Object.entries(skipped).map(([e, why]) => [e, { skipped: why }])]),
    targets: { pushMs: TARGET.pushMs, ratio: TARGET.ratio },
  };
  console.log(JSON.stringify(json));
  if (runs.some((r) => r.problems.length > 0)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
