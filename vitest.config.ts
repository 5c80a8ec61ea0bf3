import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) builds of the same classes. Node, and so the
    // server and Yoga, load the CJS one; without this Vite would hand source files the ESM one,
    // and `instanceof GraphQLError` would fail between them.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Process tests start the compiled server: build dist/ first when it is missing or stale.
    globalSetup: ['test/support/build-once.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Real sockets and child processes: keep parallelism modest on a 2-core machine.
    maxWorkers: 2,
  },
});
