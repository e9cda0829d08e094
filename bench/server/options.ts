/**
 * Flags of `npm run bench:server` (bench/README.md "Server benchmark"). `--name N` and `--name=N`
 * both work. PGlite has one connection, so without DATABASE_URL the defaults shrink to a size that
 * finishes in about a minute; any flag given wins over the default of either engine.
 */
export interface Options {
  engine: 'postgres' | 'pglite';
  databaseUrl: string | null;
  workstations: number;
  units: number;
  /** Mutations per workstation. */
  mutations: number;
  /** Mutations per push request. */
  batch: number;
  /** `limit` of each pull request (PROTOCOL.md: default 500, at most 5,000). */
  pullLimit: number;
  /** node-postgres pool of the server (config databasePoolMax; its default is 10). */
  pool: number;
  /** Concurrent connections of the raw-INSERT baseline. */
  streams: number;
  /** Rows per raw INSERT statement. */
  rawBatch: number;
  /** Sample pg_stat_activity and count the server's statements (PostgreSQL only). */
  profile: boolean;
  /** Keep the database (PostgreSQL) or the temp folder (PGlite) and print where it is. */
  keep: boolean;
  /** True when the sizes are PGlite's scaled-down defaults, not the issue's. */
  scaledDown: boolean;
  /** Run the one-client backlog instead (backlog.ts); `mutations` is then the backlog's size. */
  backlog: boolean;
  /** Backlog: staff of the one unit whose entries the backlog holds. */
  staff: number;
  /** Backlog: mutations sent one request each, for the naive ratio. */
  naive: number;
  /** Backlog: the 40/30/30 create/update/submit outbox of one employee instead of creates only. */
  mix: boolean;
  /** Backlog: the unit's backdating window in working days (the rules walk it for every entry). */
  window: number;
}

const INT_FLAGS = {
  '--workstations': 'workstations',
  '--units': 'units',
  '--mutations': 'mutations',
  '--batch': 'batch',
  '--pull-limit': 'pullLimit',
  '--pool': 'pool',
  '--streams': 'streams',
  '--raw-batch': 'rawBatch',
  '--staff': 'staff',
  '--naive': 'naive',
  '--window': 'window',
} as const satisfies Record<string, keyof Options>;

type IntKey = (typeof INT_FLAGS)[keyof typeof INT_FLAGS];

export const ISSUE_SIZE = { workstations: 200, units: 20, mutations: 1000, batch: 200 } as const;
const PGLITE_SIZE = { workstations: 10, units: 1, mutations: 100, batch: 50 } as const;
/** Issue #4's sync benchmark: one client's 10,000-mutation backlog, pushed 200 at a time. */
const BACKLOG_SIZE = { workstations: 1, units: 1, mutations: 10_000, batch: 200 } as const;

export function parseOptions(argv: readonly string[], env: Record<string, string | undefined>): Options {
  const databaseUrl = env['DATABASE_URL'] || null;
  const given: Partial<Record<IntKey, number>> = {};
  let profile = false;
  let keep = false;
  let backlog = false;
  let mix = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag = '', inline] = arg.split('=', 2) as [string, string | undefined];
    if (flag === '--profile') profile = true;
    else if (flag === '--keep') keep = true;
    else if (flag === '--backlog') backlog = true;
    else if (flag === '--mix') mix = true;
    else if (flag in INT_FLAGS) {
      const value = inline ?? argv[++i];
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${flag} needs a whole number ≥ 1`);
      given[INT_FLAGS[flag as keyof typeof INT_FLAGS]] = Number(value);
    } else throw new Error(`unknown option ${arg} (see bench/README.md "Server benchmark")`);
  }
  const size = backlog ? BACKLOG_SIZE : databaseUrl ? ISSUE_SIZE : PGLITE_SIZE;
  const o: Options = {
    engine: databaseUrl ? 'postgres' : 'pglite',
    databaseUrl,
    workstations: given.workstations ?? size.workstations,
    units: given.units ?? Math.min(size.units, given.workstations ?? size.workstations),
    mutations: given.mutations ?? size.mutations,
    batch: given.batch ?? size.batch,
    pullLimit: given.pullLimit ?? 500,
    pool: given.pool ?? 10,
    streams: given.streams ?? 20,
    rawBatch: given.rawBatch ?? 1000,
    profile,
    keep,
    scaledDown: !backlog && !databaseUrl && given.workstations === undefined && given.mutations === undefined,
    backlog,
    staff: given.staff ?? 40,
    naive: given.naive ?? 500,
    window: given.window ?? 3,
    mix,
  };
  if (o.units > o.workstations) throw new Error('--units must not exceed --workstations (one employee per workstation)');
  if (o.batch > 1000) throw new Error('--batch is at most 1,000 (PROTOCOL.md "Limits")');
  if (o.pullLimit > 5000) throw new Error('--pull-limit is at most 5,000 (PROTOCOL.md "Limits")');
  if (o.window > 60) throw new Error('--window is at most 60 working days (PolicySchema)');
  if (o.pool > 200) throw new Error('--pool is at most 200 (config databasePoolMax)');
  return o;
}
