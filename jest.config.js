/** Tests mirror src/ and local/; integration tests load the built dist/Code.js. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.node.json' }] },
  testTimeout: 120000,
};
