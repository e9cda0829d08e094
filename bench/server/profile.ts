import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

/**
 * Where the push time goes on PostgreSQL (`--profile`): every statement the server sends, counted
 * and timed at the driver (node-postgres Client.query, so the time includes the round trip and
 * any wait for a lock inside PostgreSQL); the wait for a pooled connection; what the database's
 * backends are doing, sampled from pg_stat_activity every 25 ms; and CPU seconds of this process
 * and of all postgres processes. The patching only observes: queries run unchanged.
 */
interface StatementStat {
  count: number;
  ms: number;
}

export interface Profile {
  statements: Map<string, StatementStat>;
  poolWaits: StatementStat;
  /** Backend state → sum of backends seen in that state over all samples. */
  activity: Map<string, number>;
  samples: number;
  cpu: { nodeSeconds: number; postgresSeconds: number | null; backendSeconds: number | null; wallSeconds: number };
}

/** `select … from "entries" where "entries"."employee_id" = $1 and …` → `select entries (employee_id, work_date, deleted)`. */
export function statementKey(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const verb = (/^\w+/.exec(t)?.[0] ?? '?').toLowerCase();
  if (['begin', 'commit', 'rollback'].includes(verb)) return verb;
  const table = /\b(?:from|into|update)\s+"?(\w+)"?/i.exec(t)?.[1] ?? '';
  const where = /\bwhere\b(.*)$/i.exec(t)?.[1] ?? '';
  const cols = [...new Set([...where.matchAll(/"(\w+)"\s*(?:=|<>|>=|<=|>|<|in\b)/gi)].map((m) => m[1]))].slice(0, 4);
  const extras = [/ on conflict /i.test(t) ? 'on conflict' : '', / for update\b/i.test(t) ? 'for update' : ''].filter(Boolean);
  return `${verb} ${table}${cols.length ? ` (${cols.join(', ')})` : ''}${extras.length ? ` ${extras.join(' ')}` : ''}`;
}

/** utime + stime of a process in seconds (USER_HZ is 100 on Linux), or null when it cannot be read. */
function processCpuSeconds(pid: string | number, onlyPostgres = false): number | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const close = stat.lastIndexOf(')');
  if (onlyPostgres && !stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) return null;
  const fields = stat.slice(close + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // fields 14 and 15 of stat
}

/** Every postgres process of the cluster, other databases' included (other work on the machine shows here). */
function postgresCpuSeconds(): number | null {
  try {
    let total = 0;
    for (const pid of fs.readdirSync('/proc')) if (/^\d+$/.test(pid)) total += processCpuSeconds(pid, true) ?? 0;
    return total;
  } catch {
    return null;
  }
}

type QueryFn = (...args: unknown[]) => unknown;

export async function startProfile(url: string): Promise<{ stop(): Promise<Profile> }> {
  const statements = new Map<string, StatementStat>();
  const poolWaits: StatementStat = { count: 0, ms: 0 };
  const activity = new Map<string, number>();
  let samples = 0;
  const sampler = new pg.Client({ connectionString: url });
  // A lost sampler connection ends the sampling, not the run.
  sampler.on('error', () => undefined);
  await sampler.connect();

  const record = (text: string, ms: number) => {
    const key = statementKey(text);
    const s = statements.get(key) ?? { count: 0, ms: 0 };
    s.count++;
    s.ms += ms;
    statements.set(key, s);
  };
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const originalQuery = proto.query;
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    if (this === sampler) return originalQuery.apply(this, args);
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '');
    const t0 = performance.now();
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (...cb: unknown[]) => {
        record(text, performance.now() - t0);
        return (last as QueryFn)(...cb);
      };
      return originalQuery.apply(this, args);
    }
    const result = originalQuery.apply(this, args);
    if (result instanceof Promise) result.then(() => record(text, performance.now() - t0), () => record(text, performance.now() - t0));
    return result;
  };
  const poolProto = pg.Pool.prototype as unknown as { connect: QueryFn };
  const originalConnect = poolProto.connect;
  poolProto.connect = function (this: pg.Pool, ...args: unknown[]) {
    const t0 = performance.now();
    const done = () => {
      poolWaits.count++;
      poolWaits.ms += performance.now() - t0;
    };
    const cb = args[0];
    if (typeof cb === 'function') {
      return originalConnect.call(this, (...r: unknown[]) => {
        done();
        return (cb as QueryFn)(...r);
      });
    }
    const result = originalConnect.apply(this, args) as Promise<unknown>;
    result.then(done, done);
    return result;
  };

  // CPU of the bench database's own backends: those there now count from now, later ones from their start.
  const backends = new Map<number, { start: number; last: number }>();
  const readBackends = async () =>
    (
      await sampler.query<{ pid: number; state: string | null; wtype: string | null; wevent: string | null; query: string }>(
        `select pid, state, wait_event_type as wtype, wait_event as wevent, query from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      )
    ).rows;
  const refreshBackendCpu = () => {
    for (const [pid, b] of backends) b.last = processCpuSeconds(pid) ?? b.last;
  };
  for (const r of await readBackends()) {
    const now = processCpuSeconds(r.pid);
    if (now !== null) backends.set(r.pid, { start: now, last: now });
  }

  let running = true;
  const sample = async () => {
    while (running) {
      const rows = await readBackends().catch(() => null);
      if (!rows) return;
      samples++;
      for (const r of rows) if (!backends.has(r.pid)) backends.set(r.pid, { start: 0, last: processCpuSeconds(r.pid) ?? 0 });
      if (samples % 20 === 0) refreshBackendCpu();
      for (const r of rows) {
        let key: string;
        if (r.state === 'active') key = r.wtype ? `active, waiting ${r.wtype}:${r.wevent}${r.wtype === 'Lock' ? ` in ${statementKey(r.query)}` : ''}` : 'active, on CPU';
        else if (r.state === 'idle in transaction') key = 'idle in transaction (waiting for Node)';
        else key = r.state ?? 'unknown';
        activity.set(key, (activity.get(key) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const sampling = sample();
  const cpu0 = process.cpuUsage();
  const pg0 = postgresCpuSeconds();
  const wall0 = performance.now();

  return {
    async stop() {
      const cpu = process.cpuUsage(cpu0);
      const pg1 = postgresCpuSeconds();
      const wallSeconds = (performance.now() - wall0) / 1000;
      running = false;
      await sampling;
      refreshBackendCpu();
      await sampler.end().catch(() => undefined);
      const readable = fs.existsSync('/proc/self/stat');
      const backendSeconds = readable ? [...backends.values()].reduce((a, b) => a + b.last - b.start, 0) : null;
      proto.query = originalQuery;
      poolProto.connect = originalConnect;
      return {
        statements,
        poolWaits,
        activity,
        samples,
        cpu: {
          nodeSeconds: (cpu.user + cpu.system) / 1e6,
          postgresSeconds: pg0 !== null && pg1 !== null ? pg1 - pg0 : null,
          backendSeconds,
          wallSeconds,
        },
      };
    },
  };
}
