import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // hcl2json's Go runtime is process-global: one worker process per file keeps it isolated.
    pool: 'forks',
  },
});
