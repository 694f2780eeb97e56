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
};
