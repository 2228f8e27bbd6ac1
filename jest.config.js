/** Tests mirror src/ and local/; integration tests load the built dist/Code.js. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.node.json' }] },
  testTimeout: 120000,
  // A worker holding more than this after a test file is replaced by a new one. Under `npm
  // test`'s V8 coverage every context a test evaluated the bundle into stays alive (measured:
  // 300 fresh contexts keep 114 MB under NODE_V8_COVERAGE, none without), and the tests that
  // start each execution with a fresh global (local/runtime: freshGlobalEachExecution) make
  // thousands: without a fresh worker a later file ran out of the 4 GB heap.
  workerIdleMemoryLimit: '1GB',
};
