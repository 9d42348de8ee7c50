import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds dist/ once, for the tests that run the compiled programs as processes.
    globalSetup: ['tests/support/build.ts'],
    // Adapter tests start real clients against local fake servers; give them room on 2 cores.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // A process per test file: files share no module state, and a test may start or kill processes.
    pool: 'forks',
    // vitest's default (one worker fewer than the cores) leaves one core of two idle: its main
    // process mostly waits. Two workers on 2 cores ran the slowest files in 50 s instead of 70 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
