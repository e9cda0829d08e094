import { z } from 'zod';
import { MAX_PUSH_BYTES } from '../src-shared/protocol';

/**
 * Server configuration: environment variables, overridden by command-line flags, validated once at
 * boot. A wrong value stops the server with one line per problem naming the variable or flag.
 */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const boolText = z
  .union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'yes', 'no'])])
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'yes');

export const ServerConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  host: z.string().min(1).default('127.0.0.1'),
  /** PGlite data folder, used when no databaseUrl is given. */
  dataDir: z.string().min(1).default('./data/server'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'expected postgres://user@host:port/database')
    .optional(),
  databasePoolMax: z.coerce.number().int().min(1).max(200).default(10),
  /** Folder served at /api/v1/updates/:channel/… for electron-updater. */
  updatesDir: z.string().min(1).default('./data/updates'),
  logLevel: z.enum(LOG_LEVELS).default('info'),
  /** Behind a reverse proxy, take the client address from X-Forwarded-For (for rate limits and logs). */
  trustProxy: boolText.default(false),
  /** Enrollment attempts per minute per address. */
  enrollPerMinute: z.coerce.number().int().min(1).max(10000).default(10),
  /** Pushes per minute per workstation (a workstation sends one batch every few minutes). */
  pushPerMinute: z.coerce.number().int().min(1).max(100000).default(120),
  /** Pull pages per minute per workstation (a first pull of a big unit takes a few dozen pages). */
  pullPerMinute: z.coerce.number().int().min(1).max(100000).default(600),
  /** Largest request body in bytes (PROTOCOL.md: 2 MB). */
  bodyLimit: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(MAX_PUSH_BYTES),
  /** How long a graceful shutdown waits for requests in flight, in ms. */
  shutdownGraceMs: z.coerce.number().int().min(0).max(600000).default(10000),
});
export type ServerConfig = z.infer<typeof ServerConfigSchema>;

/** Environment variable of each setting (documented in README "Configuration"). */
export const ENV_NAMES: Record<keyof ServerConfig, string> = {
  port: 'KK_PORT',
  host: 'KK_HOST',
  dataDir: 'KK_DATA_DIR',
  databaseUrl: 'DATABASE_URL',
  databasePoolMax: 'KK_DATABASE_POOL_MAX',
  updatesDir: 'KK_UPDATES_DIR',
  logLevel: 'KK_LOG_LEVEL',
  trustProxy: 'KK_TRUST_PROXY',
  enrollPerMinute: 'KK_ENROLL_PER_MINUTE',
  pushPerMinute: 'KK_PUSH_PER_MINUTE',
  pullPerMinute: 'KK_PULL_PER_MINUTE',
  bodyLimit: 'KK_BODY_LIMIT',
  shutdownGraceMs: 'KK_SHUTDOWN_GRACE_MS',
};

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; problems: string[] };

/**
 * Flags (already named like the config keys, e.g. from `--port` → port) win over the environment.
 * Empty environment variables count as unset.
 */
export function loadConfig(env: Record<string, string | undefined>, flags: Partial<Record<keyof ServerConfig, unknown>> = {}): ConfigResult {
  const raw: Record<string, unknown> = {};
  const source: Record<string, string> = {};
  for (const [key, name] of Object.entries(ENV_NAMES)) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      raw[key] = value;
      source[key] = name;
    }
  }
  for (const [key, value] of Object.entries(flags)) {
    if (value !== undefined) {
      raw[key] = value;
      source[key] = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    }
  }
  const parsed = ServerConfigSchema.safeParse(raw);
  if (parsed.success) return { ok: true, config: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const name = source[key] ?? ENV_NAMES[key as keyof ServerConfig] ?? key;
    const shown = key in raw && key !== 'databaseUrl' ? ` (got ${JSON.stringify(raw[key])})` : '';
    return `${name}: ${issue.message}${shown}`;
  });
  return { ok: false, problems };
}
