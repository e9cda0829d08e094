import type { ServerConfig } from '../config';
import { migrateDatabase, openDatabase, type Database, type DatabaseTarget } from '../db/client';
import type { CliIo } from './io';

/** 0 done; 1 the command ran and failed (invalid file, unknown unit); 2 wrong command line or config. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Shown in the help: `--unit <code>`. */
  arg?: string;
  help: string;
}

export interface Command {
  name: string;
  summary: string;
  /** Positional arguments as shown in the usage line, e.g. `<file>`. */
  args?: string;
  positionals: number;
  options: Record<string, OptionSpec>;
  /** Extra help paragraphs and examples. */
  details: string[];
  run(ctx: Ctx): Promise<number>;
}

export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'boolean', help: 'print exactly one JSON object on stdout (for scripts)' },
  data: { type: 'string', arg: '<dir>', help: 'PGlite data folder (default ./data/server, env KK_DATA_DIR); DATABASE_URL selects PostgreSQL instead' },
  help: { type: 'boolean', help: 'show this help' },
};

export interface Ctx {
  io: CliIo;
  command: string;
  json: boolean;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  config: ServerConfig;
  target: DatabaseTarget;
  /** Opens the database and applies pending migrations; the caller closes it. */
  open(): Promise<Database>;
  /** open(), run `fn`, close: whatever happens. */
  withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T>;
  /** Reports success: the JSON object with --json, the lines otherwise. Answers EXIT.ok. */
  done(data: Record<string, unknown>, lines: string[]): number;
  /** Reports a failure (stderr, or one JSON object with --json) and answers `exit`. */
  fail(exit: 1 | 2, message: string, data?: Record<string, unknown>, lines?: string[]): number;
}

/** `--data` on the command line wins over DATABASE_URL in the environment (flags beat env). */
export function databaseTarget(config: ServerConfig, dataFlag: string | undefined): DatabaseTarget {
  if (config.databaseUrl && dataFlag === undefined) return { kind: 'postgres', url: config.databaseUrl, poolMax: config.databasePoolMax };
  return { kind: 'pglite', dataDir: config.dataDir };
}

export function makeCtx(init: Omit<Ctx, 'open' | 'withDatabase' | 'done' | 'fail'>): Ctx {
  const { io, command, json, target } = init;
  const open = async () => {
    const database = await openDatabase(target);
    try {
      await migrateDatabase(database);
    } catch (err) {
      await database.close().catch(() => undefined);
      throw err;
    }
    return database;
  };
  return {
    ...init,
    open,
    async withDatabase(fn) {
      const database = await open();
      try {
        return await fn(database);
      } finally {
        await database.close();
      }
    },
    done(data, lines) {
      if (json) io.stdout(`${JSON.stringify({ ok: true, command, ...data })}\n`);
      else io.stdout(lines.map((l) => `${l}\n`).join(''));
      return EXIT.ok;
    },
    fail(exit, message, data = {}, lines = []) {
      if (json) io.stdout(`${JSON.stringify({ ok: false, command, error: { message }, ...data })}\n`);
      else io.stderr([`Error: ${message}`, ...lines].map((l) => `${l}\n`).join(''));
      return exit;
    },
  };
}
