import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { redactUrl, type DatabaseTarget } from '../db/client';
import { COMMON_OPTIONS, databaseTarget, EXIT, makeCtx, type Command, type OptionSpec } from './command';
import { demoCommand, migrateCommand, newEpochCommand } from './database';
import { importCommand } from './import';
import { processIo, type CliIo } from './io';
import { serveCommand } from './serve';
import { setPinCommand } from './set-pin';
import { statusCommand } from './status';
import { enrollCodeCommand, revokeWorkstationCommand } from './workstations';

/**
 * `npm run server -- <command> [options]`: the operator's tool for the central server. Every
 * command takes --json and --data, reads the same configuration as the server (config.ts), and
 * exits 0 when done, 1 when the command failed, 2 when the command line or configuration is wrong.
 */
export const COMMANDS: Command[] = [
  serveCommand,
  migrateCommand,
  importCommand,
  enrollCodeCommand,
  setPinCommand,
  revokeWorkstationCommand,
  statusCommand,
  demoCommand,
  newEpochCommand,
];

const PROGRAM = 'npm run server --';

function overallHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `Kinerja Kiosk central server`,
    ``,
    `Usage: ${PROGRAM} <command> [options]`,
    ``,
    `Commands:`,
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    ``,
    `Every command accepts --json (one JSON object on stdout) and --data <dir> (PGlite folder,`,
    `default ./data/server); set DATABASE_URL to use PostgreSQL instead.`,
    `Exit codes: 0 done, 1 the command failed, 2 wrong command line or configuration.`,
    `Help on one command: ${PROGRAM} <command> --help`,
    ``,
  ].join('\n');
}

function optionLine([name, spec]: [string, OptionSpec]): [string, string] {
  return [`--${name}${spec.arg ? ` ${spec.arg}` : ''}`, spec.help];
}

export function commandHelp(cmd: Command): string {
  const options = [...Object.entries(cmd.options), ...Object.entries(COMMON_OPTIONS)].map(optionLine);
  const width = Math.max(...options.map(([o]) => o.length));
  return [
    `Usage: ${PROGRAM} ${cmd.name}${cmd.args ? ` ${cmd.args}` : ''} [options]`,
    ``,
    cmd.summary,
    ``,
    `Options:`,
    ...options.map(([o, h]) => `  ${o.padEnd(width)}  ${h}`),
    ...(cmd.details.length ? ['', ...cmd.details] : []),
    ``,
  ].join('\n');
}

export async function runCli(argv: string[], ioOverrides: Partial<CliIo> = {}): Promise<number> {
  const io: CliIo = { ...processIo(), ...ioOverrides };
  const [name, ...rest] = argv;
  const json = argv.includes('--json');
  const usage = (message: string, hint: string): number => {
    if (json) io.stdout(`${JSON.stringify({ ok: false, command: name ?? null, error: { message } })}\n`);
    else io.stderr(`Error: ${message}\n${hint}\n`);
    return EXIT.usage;
  };

  if (name === undefined) {
    io.stderr(overallHelp());
    return EXIT.usage;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const cmd = COMMANDS.find((c) => c.name === rest[0]);
    io.stdout(cmd ? commandHelp(cmd) : overallHelp());
    return EXIT.ok;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) return usage(`unknown command "${name}"`, `Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See ${PROGRAM} --help`);

  const hint = `See ${PROGRAM} ${cmd.name} --help`;
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    const options = Object.fromEntries(
      Object.entries({ ...cmd.options, ...COMMON_OPTIONS }).map(([k, spec]) => [k, k === 'help' ? { type: spec.type, short: 'h' } : { type: spec.type }]),
    );
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (err) {
    return usage((err as Error).message, hint);
  }
  const { values, positionals } = parsed;
  if (values['help']) {
    io.stdout(commandHelp(cmd));
    return EXIT.ok;
  }
  if (positionals.length !== cmd.positionals) {
    const message = positionals.length < cmd.positionals ? `missing ${cmd.args ?? 'argument'}` : `unexpected argument "${positionals[cmd.positionals]}"`;
    return usage(message, hint);
  }

  const dataFlag = typeof values['data'] === 'string' ? values['data'] : undefined;
  const config = loadConfig(io.env, { dataDir: dataFlag, port: values['port'], host: values['host'] });
  if (!config.ok) {
    if (json) io.stdout(`${JSON.stringify({ ok: false, command: cmd.name, error: { message: 'invalid configuration', problems: config.problems } })}\n`);
    else io.stderr(['Error: invalid configuration', ...config.problems.map((p) => `  ${p}`), ''].join('\n'));
    return EXIT.usage;
  }

  const ctx = makeCtx({ io, command: cmd.name, json, values, positionals, config: config.config, target: databaseTarget(config.config, dataFlag) });
  try {
    return await cmd.run(ctx);
  } catch (err) {
    return ctx.fail(EXIT.failed, describeError(err, ctx.target));
  }
}

/** Connection problems name the database (never its password) so the operator knows where to look. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', '28P01', '28000', '3D000']);

function describeError(err: unknown, target: DatabaseTarget): string {
  const message = (err as Error).message || String(err);
  const code = (err as { code?: unknown }).code;
  if (target.kind !== 'postgres' || typeof code !== 'string' || !UNREACHABLE.has(code)) return message;
  return `cannot use the database ${redactUrl(target.url)}: ${message}`;
}
