import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // generous: a build takes minutes when other jobs share the machine's two cores
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/live/**'], sequence: { groupOrder: 0 } },
      },
      {
        // against a real Neo4j: NEO4J_URI when set, else the local server that setup.ts starts once per run;
        // one file at a time, since they share the database
        extends: true,
        test: {
          name: 'live',
          include: ['tests/live/**/*.test.ts'],
          globalSetup: ['tests/live/setup.ts'],
          fileParallelism: false,
          // after the unit tests, so that the two do not fight over the CPU; minutes, since a cold server is slow
          sequence: { groupOrder: 1 },
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
