/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type-checking of src/, dialogs/, knowledge/, scripts/ and test/ is done once by `tsc --noEmit -p .`
    // (npm test runs it first, tsconfig.json includes test/); jest only transpiles, file by file.
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
  },
  testTimeout: 30000,
};
