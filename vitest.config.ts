import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built bin; a shared machine can be slow to start processes.
    testTimeout: 30_000,
  },
});
