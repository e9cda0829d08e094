import { describe, expect, it } from 'vitest';
import { MAX_PUSH_BYTES } from '../src-shared/protocol';
import { ENV_NAMES, loadConfig, ServerConfigSchema } from './config';

/** What an operator sees at boot: defaults, env, flags over env, and one named line per mistake. */
function problems(env: Record<string, string | undefined>, flags: Parameters<typeof loadConfig>[1] = {}): string[] {
  const result = loadConfig(env, flags);
  if (result.ok) throw new Error('expected the configuration to be refused');
  return result.problems;
}

describe('loadConfig', () => {
  it('starts with the documented defaults when nothing is set', () => {
    const result = loadConfig({});
    expect(result).toEqual({
      ok: true,
      config: {
        port: 8787,
        host: '127.0.0.1',
        dataDir: './data/server',
        databasePoolMax: 10,
        updatesDir: './data/updates',
        logLevel: 'info',
        trustProxy: false,
        enrollPerMinute: 10,
        pushPerMinute: 120,
        pullPerMinute: 600,
        bodyLimit: MAX_PUSH_BYTES,
        shutdownGraceMs: 10000,
      },
    });
  });

  it('reads every setting from its environment variable', () => {
    const env = {
      KK_PORT: '9000',
      KK_HOST: '0.0.0.0',
      KK_DATA_DIR: '/var/lib/kk',
      DATABASE_URL: 'postgres://kk:secret@db:5432/kinerja',
      KK_DATABASE_POOL_MAX: '20',
      KK_UPDATES_DIR: '/srv/updates',
      KK_LOG_LEVEL: 'warn',
      KK_TRUST_PROXY: 'yes',
      KK_ENROLL_PER_MINUTE: '5',
      KK_PUSH_PER_MINUTE: '60',
      KK_PULL_PER_MINUTE: '300',
      KK_BODY_LIMIT: '1048576',
      KK_SHUTDOWN_GRACE_MS: '3000',
    };
    expect(Object.values(ENV_NAMES).sort()).toEqual(Object.keys(env).sort());
    const result = loadConfig(env);
    expect(result).toEqual({
      ok: true,
      config: {
        port: 9000,
        host: '0.0.0.0',
        dataDir: '/var/lib/kk',
        databaseUrl: 'postgres://kk:secret@db:5432/kinerja',
        databasePoolMax: 20,
        updatesDir: '/srv/updates',
        logLevel: 'warn',
        trustProxy: true,
        enrollPerMinute: 5,
        pushPerMinute: 60,
        pullPerMinute: 300,
        bodyLimit: 1048576,
        shutdownGraceMs: 3000,
      },
    });
  });

  it('lets flags win over the environment, and treats empty variables as unset', () => {
    const result = loadConfig({ KK_PORT: '9000', KK_LOG_LEVEL: 'warn', KK_HOST: '' }, { port: 7000, trustProxy: true });
    expect(result.ok && result.config).toMatchObject({ port: 7000, logLevel: 'warn', host: '127.0.0.1', trustProxy: true });
  });

  it('refuses bad values with one line per problem, naming the variable', () => {
    const lines = problems({ KK_PORT: 'abc', DATABASE_URL: 'mysql://root@x/db', KK_LOG_LEVEL: 'verbose', KK_TRUST_PROXY: 'maybe' });
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.startsWith('KK_PORT:'))).toContain('"abc"');
    expect(lines.find((l) => l.startsWith('DATABASE_URL:'))).toContain('postgres://');
    expect(lines.some((l) => l.startsWith('KK_LOG_LEVEL:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('KK_TRUST_PROXY:'))).toBe(true);
  });

  it('names the flag when the bad value came from a flag', () => {
    expect(problems({ KK_PORT: '9000' }, { port: 70000 })[0]).toMatch(/^--port: .*70000/);
    expect(problems({}, { shutdownGraceMs: -1 })[0]).toMatch(/^--shutdown-grace-ms: /);
    expect(problems({}, { databaseUrl: 'sqlite:kk.db' })[0]).toMatch(/^--database-url: /);
  });

  it('never echoes DATABASE_URL, which may hold a password', () => {
    const [line] = problems({ DATABASE_URL: 'mysql://root:hunter2@x/db' });
    expect(line).toMatch(/^DATABASE_URL: /);
    expect(line).not.toContain('hunter2');
  });

  it('refuses limits outside their ranges', () => {
    const lines = problems({ KK_BODY_LIMIT: '10', KK_ENROLL_PER_MINUTE: '0', KK_PUSH_PER_MINUTE: '1.5', KK_DATABASE_POOL_MAX: '0', KK_PORT: '-1' });
    expect(lines.map((l) => l.split(':')[0]).sort()).toEqual(['KK_BODY_LIMIT', 'KK_DATABASE_POOL_MAX', 'KK_ENROLL_PER_MINUTE', 'KK_PORT', 'KK_PUSH_PER_MINUTE']);
  });

  it('allows port 0 (any free port) for tests', () => {
    expect(ServerConfigSchema.parse({ port: '0' }).port).toBe(0);
  });
});
