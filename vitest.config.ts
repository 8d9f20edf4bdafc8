import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships CJS (index.js) and ESM (index.mjs); Node loads the CJS one for every dependency,
    // so tests must too, or `instanceof GraphQLScalarType` fails across the two copies.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Hang guards, not speed targets: integration tests start servers, seed databases and run the
    // CLI from dist/ several times. With two suites at once on two cores (load 15-20) the slowest
    // took 85-96 s and a backup test of five CLI runs passed 120 s, so the guard is well above that.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Integration tests start real servers on free ports; two workers match the two cores here.
    pool: 'forks',
    maxWorkers: 2,
    env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' },
  },
});
