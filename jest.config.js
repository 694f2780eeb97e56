// Jest: integration suites under test/, unit specs beside the code (server/**/*.spec.ts).
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/server', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.test.ts'],
  // PGlite's CJS build uses a dynamic import() that jest's VM refuses (STACK.md trap 1): let swc rewrite it.
  transform: { '^.+\\.ts$': swc, '@electric-sql/pglite/.+\\.c?js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/)'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
  maxWorkers: 2,
  // A worker's 'exit' fires at once after its last file (nothing is left open: servers and pools
  // close before their stop()/close() resolve), but tearing down a process that held PGlite's WASM
  // heap can take longer than jest's default 500 ms on a loaded 2-core machine, which jest reports
  // as "failed to exit gracefully" (issue #12, fault 12). Leaked handles still show past this.
  workerGracefulExitTimeout: 3000,
};
