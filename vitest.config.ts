import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Adapter tests start real clients against local fake servers; give them room on 2 cores.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
