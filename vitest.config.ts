import { defineConfig } from 'vitest/config';

/**
 * Projects: the kiosk side and the shared code; the server suite on PGlite; and — when
 * TEST_DATABASE_URL names a PostgreSQL server, as in .ci/run — the server suite once more on
 * PostgreSQL. `KK_TEST_ENGINE` tells src-server/test-support.ts which engine a process uses.
 * Server test files share their worker process (isolate: false) so the migrated PGlite template
 * is made once per worker rather than once per file; each test still gets its own database clone.
 */
const postgres = process.env['TEST_DATABASE_URL'];
const SERVER = ['src-server/**/*.test.ts'];
/** Workstations against a real central server: on PGlite, as the issue asks, whatever the CI has. */
const SYNC = ['tests/sync/**/*.test.ts', 'tests/fault/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    // Vitest's default on 2 cores is 1 worker (cores − 1). Most files wait on I/O, timers, a
    // browser or a server more than they compute: 2 workers take the suite from ~10 to ~7.5 min
    // on the CI's 2-core machine, within its 15-minute limit with room for the installs.
    maxWorkers: 2,
    testTimeout: 20_000,
    // A PGlite template is created and migrated once per worker (several seconds on 2 busy cores).
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'kiosk', include: ['src-main/**/*.test.ts', 'src-shared/**/*.test.ts', 'tests/**/*.test.ts'], exclude: [...SYNC, 'tests/e2e/**'] },
      },
      {
        extends: true,
        test: { name: 'sync', include: SYNC, env: { KK_TEST_ENGINE: 'pglite' } },
      },
      {
        // The screens, in jsdom, against a scripted Api (src-renderer/test/fake-api.ts).
        extends: true,
        test: {
          name: 'renderer',
          include: ['src-renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['src-renderer/test/setup.ts'],
        },
      },
      {
        // The kiosk in Debian's Chromium against the real core, dev bridge and central server.
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          env: { KK_TEST_ENGINE: 'pglite' },
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: { name: 'server-pglite', include: SERVER, isolate: false, env: { KK_TEST_ENGINE: 'pglite' } },
      },
      ...(postgres
        ? [{ extends: true, test: { name: 'server-postgres', include: SERVER, isolate: false, env: { KK_TEST_ENGINE: 'postgres' } } }]
        : []),
    ],
  },
});
