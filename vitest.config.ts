import { defineConfig } from 'vitest/config';

// Model-checking tests explore real state spaces; give them room but keep the suite bounded.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
