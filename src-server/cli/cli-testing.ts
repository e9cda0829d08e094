import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseTarget } from '../db/client';
import { createScratchDatabase, engineName, TEST_NOW } from '../test-support';
import type { CliIo } from './io';
import { runCli } from './run';

/**
 * A database for CLI tests, chosen the way an operator chooses it: a PGlite folder passed with
 * --data, or (on the PostgreSQL test engine) a fresh database named by DATABASE_URL.
 */
export interface CliDatabase {
  args: string[];
  env: Record<string, string>;
  target: DatabaseTarget;
  close(): Promise<void>;
}

export async function makeCliDatabase(): Promise<CliDatabase> {
  const base = { KK_LOG_LEVEL: 'silent' };
  if (engineName() === 'postgres') {
    const scratch = await createScratchDatabase('kk_cli');
    return {
      args: [],
      env: { ...base, DATABASE_URL: scratch.url },
      target: { kind: 'postgres', url: scratch.url },
      close: () => scratch.drop(),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'kk-cli-'));
  const dataDir = join(dir, 'db');
  return {
    args: ['--data', dataDir],
    env: base,
    target: { kind: 'pglite', dataDir },
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout as the one JSON object --json promises (fails the test otherwise). */
  json(): Record<string, unknown> & { ok: boolean };
}

/** Runs a command in-process against `database`, at TEST_NOW, with captured output. */
export async function cli(database: CliDatabase | null, argv: string[], io: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...argv, ...(database?.args ?? [])], {
    env: database?.env ?? { KK_LOG_LEVEL: 'silent' },
    now: () => TEST_NOW,
    readSecret: async () => null,
    interactive: false,
    ...io,
    stdout: (t) => {
      stdout += t;
      io.stdout?.(t);
    },
    stderr: (t) => {
      stderr += t;
      io.stderr?.(t);
    },
  });
  return {
    code,
    stdout,
    stderr,
    json() {
      const lines = stdout.trimEnd().split('\n');
      if (lines.length !== 1) throw new Error(`expected one line of JSON, got ${lines.length}:\n${stdout}`);
      return JSON.parse(lines[0]!) as Record<string, unknown> & { ok: boolean };
    },
  };
}
