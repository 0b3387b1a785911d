import { defineConfig } from 'vitest/config';

// Dates must not depend on the machine's zone. npm test sets TZ=UTC already; this covers running
// `npx vitest` directly (the workers inherit this environment).
process.env.TZ = 'UTC';

/** Unit tests (`*.test.ts`) and integration tests (`*.int.test.ts`); end-to-end tests have their own config. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', '**/node_modules/**'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    // Integration tests create and migrate a fresh database per test, which is slow on a busy CI box.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
