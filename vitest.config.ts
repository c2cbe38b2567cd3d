import { defineConfig } from 'vitest/config';

// One command runs every tier: rules, service and route tests beside the code, browser journeys in e2e/.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          // *.pg.test.ts need a PostgreSQL server (e.g. connections cut under the app): they run when
          // DATABASE_URL is set, as in CI's second pass, and are not collected on PGlite.
          exclude: process.env.DATABASE_URL ? [] : ['src/**/*.pg.test.ts'],
          globalSetup: ['src/platform/db/test-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
