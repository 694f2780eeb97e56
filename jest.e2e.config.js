// End-to-end tests of the console in headless Chromium (Debian's `chromium`, driven by playwright-core)
// against the real server on a fresh embedded database with demo data. Run by `npm run test:e2e`.
const base = require('./jest.config');
module.exports = { ...base, roots: ['<rootDir>/test/e2e'], testMatch: ['**/*.e2e.ts'], maxWorkers: 1, testTimeout: 120000 };
