/**
 * Jest for `npm run test:mutation`: only the unit tests of the mutated code (src/domain,
 * src/adapters/tables), compiled by esbuild without type-checking (the type-check is `npm run
 * typecheck`), which makes each of Stryker's test-runner starts several times faster.
 */
const base = require('./jest.config.js');
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/domain/**/*.test.ts', '<rootDir>/test/adapters/tables/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': '<rootDir>/scripts/jest-esbuild.cjs',
  },
};
