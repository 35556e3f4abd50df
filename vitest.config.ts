import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    // The end-to-end tests measure latency and time-outs under load: they run after the others,
    // so that they do not share the two cores with the ingest-heavy tests.
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/**/*.e2e.test.ts'], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'e2e', include: ['tests/**/*.e2e.test.ts'], globalSetup: ['tests/helpers/compile-start.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
