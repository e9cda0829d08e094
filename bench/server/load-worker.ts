import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { Mutation } from '../../src-shared/protocol';
import { pullUnit, pushOutbox, type PullTally, type PushTally } from './client';
import { planMutations, type Expected } from './plan';

/**
 * The simulated workstations, in a worker thread: the server keeps the main thread's event loop to
 * itself, as it would in its own process, and the load generator's JSON work is not counted as
 * server latency. The main thread says when to push and when to pull; the plans are built before
 * either, so building them is not timed.
 */
export interface LoadConfig {
  url: string;
  batch: number;
  pullLimit: number;
  mutations: number;
  dates: string[];
  activities: { id: string; name: string }[];
  workstations: { token: string; clientId: string; employeeId: string }[];
}

export type ToWorker = { type: 'push' } | { type: 'pull' };

export interface PushReport {
  type: 'pushed';
  wallMs: number;
  latencies: number[];
  statuses: Record<string, number>;
  retries: number;
  problems: string[];
  lastProcessedSeq: number[];
  /** Event-loop utilization of this worker while pushing (0–1). */
  elu: number;
  /** CPU time of this thread while pushing, ms. */
  cpuMs: number;
}

export interface PullReport {
  type: 'pulled';
  wallMs: number;
  latencies: number[];
  perWorkstation: Omit<PullTally, 'latencies'>[];
  elu: number;
}

export type FromWorker = { type: 'ready'; expected: Expected[] } | PushReport | PullReport;

const config = workerData as LoadConfig;
const port = parentPort!;
const targets = config.workstations.map((w) => ({ url: config.url, token: w.token, clientId: w.clientId }));
const plans = config.workstations.map((w) =>
  planMutations({ employeeId: w.employeeId, activities: config.activities, dates: config.dates, count: config.mutations }),
);
const outboxes: Mutation[][] = plans.map((p) => p.mutations);

async function push(): Promise<PushReport> {
  const tallies: PushTally[] = targets.map(() => ({ latencies: [], statuses: {}, retries: 0, problems: [], lastProcessedSeq: 0 }));
  const elu0 = performance.eventLoopUtilization();
  const cpu0 = process.threadCpuUsage();
  const t0 = performance.now();
  await Promise.all(targets.map((t, i) => pushOutbox(t, outboxes[i]!, config.batch, tallies[i]!)));
  const wallMs = performance.now() - t0;
  const cpu = process.threadCpuUsage(cpu0);
  const statuses: Record<string, number> = {};
  for (const t of tallies) for (const [k, n] of Object.entries(t.statuses)) statuses[k] = (statuses[k] ?? 0) + n;
  return {
    type: 'pushed',
    wallMs,
    latencies: tallies.flatMap((t) => t.latencies),
    statuses,
    retries: tallies.reduce((a, t) => a + t.retries, 0),
    problems: tallies.flatMap((t) => t.problems).slice(0, 20),
    lastProcessedSeq: tallies.map((t) => t.lastProcessedSeq),
    elu: performance.eventLoopUtilization(elu0).utilization,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

async function pull(): Promise<PullReport> {
  const tallies: PullTally[] = targets.map(() => ({
    pages: 0,
    rows: 0,
    latencies: [],
    entries: { count: 0, revSum: 0, statuses: {} },
    repeated: 0,
    problems: [],
    missingRoute: false,
  }));
  const elu0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  await Promise.all(targets.map((t, i) => pullUnit(t, config.pullLimit, tallies[i]!)));
  const wallMs = performance.now() - t0;
  return {
    type: 'pulled',
    wallMs,
    latencies: tallies.flatMap((t) => t.latencies),
    perWorkstation: tallies.map(({ latencies: _, ...rest }) => rest),
    elu: performance.eventLoopUtilization(elu0).utilization,
  };
}

port.on('message', (msg: ToWorker) => {
  const run = msg.type === 'push' ? push() : pull();
  run.then(
    (report) => port.postMessage(report satisfies FromWorker),
    (err: unknown) => {
      throw err;
    },
  );
});
port.postMessage({ type: 'ready', expected: plans.map((p) => p.expected) } satisfies FromWorker);
