import { defineConfig } from 'vitest/config';

/**
 * Two projects: everything on the embedded engines (SQLite files, PGlite), and — when
 * TEST_DATABASE_URL names a PostgreSQL server, as in .ci/run — the server suite once more on
 * PostgreSQL. `KK_TEST_ENGINE` tells src-server/test-support.ts which one a test process uses.
 */
const postgres = process.env['TEST_DATABASE_URL'];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // A PGlite template is created and migrated once per test process (several seconds on 2 busy cores).
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'embedded', include: ['src-*/**/*.test.ts', 'tests/**/*.test.ts'], env: { KK_TEST_ENGINE: 'pglite' } },
      },
      ...(postgres
        ? [
            {
              extends: true,
              test: { name: 'postgres', include: ['src-server/**/*.test.ts'], env: { KK_TEST_ENGINE: 'postgres' } },
            },
          ]
        : []),
    ],
  },
});
