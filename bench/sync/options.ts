/**
 * Flags of `npm run bench:sync` (bench/README.md "Sync"). `--name N` and `--name=N` both work.
 */
export interface SyncOptions {
  /** Size of the backlog (entry.create@1 mutations) and so of the first pull. */
  mutations: number;
  /** Mutations per push of the batched run (the engine's default, PROTOCOL.md: ≤ 200). */
  batch: number;
  /** Entries the naive run (one request per entry) sends; its time is scaled up to `mutations`. */
  naiveSample: number;
  engines: ('pglite' | 'postgres')[];
  /** PostgreSQL server for the scratch databases (the user needs CREATEDB). */
  databaseUrl: string;
  /** Keep the temp folders and scratch databases, and print where they are. */
  keep: boolean;
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function parseSyncOptions(argv: string[], env: NodeJS.ProcessEnv): SyncOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const eq = arg.indexOf('=');
    if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (arg === '--keep') flags.set('keep', 'true');
    else flags.set(arg.slice(2), argv[++i] ?? '');
  }
  const known = new Set(['mutations', 'batch', 'naive-sample', 'engines', 'keep']);
  for (const k of flags.keys()) if (!known.has(k)) throw new Error(`unknown flag --${k} (known: ${[...known].map((x) => `--${x}`).join(', ')})`);
  const num = (name: string, fallback: number, min: number) => {
    const raw = flags.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} wants an integer ≥ ${min}, got ${raw}`);
    return n;
  };
  const mutations = num('mutations', 10_000, 1);
  const engines = (flags.get('engines') ?? 'pglite,postgres').split(',').map((e) => e.trim());
  for (const e of engines) if (e !== 'pglite' && e !== 'postgres') throw new Error(`--engines: pglite and/or postgres, got ${e}`);
  return {
    mutations,
    batch: num('batch', 200, 1),
    // The naive run costs about a request per entry: a sample keeps the whole bench near 3 minutes.
    naiveSample: Math.min(mutations, num('naive-sample', 500, 1)),
    engines: engines as SyncOptions['engines'],
    databaseUrl: env['TEST_DATABASE_URL'] || DEFAULT_DATABASE_URL,
    keep: flags.has('keep'),
  };
}
