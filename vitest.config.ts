import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-*/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // A PGlite template is created and migrated once per test process (several seconds on 2 busy cores).
    hookTimeout: 60_000,
  },
});
