import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/live/**'] },
      },
      {
        // against a real Neo4j: NEO4J_URI when set, else the local server that setup.ts starts once per run;
        // one file at a time, since they share the database
        extends: true,
        test: { name: 'live', include: ['tests/live/**/*.test.ts'], globalSetup: ['tests/live/setup.ts'], fileParallelism: false },
      },
    ],
  },
});
