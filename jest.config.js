/**
 * Two jest projects: `unit` (*.unit.test.ts: pure code, fakes, local HTTP servers) and
 * `emulator` (*.emulator.test.ts: the in-process Firestore emulator, child processes).
 * `npm test` runs both; `npm run test:unit` and `npm run test:emulator` run one each.
 */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
  },
  moduleNameMapper: {
    '^@bangkom/core$': '<rootDir>/core/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  setupFiles: ['<rootDir>/test/setup-fast-check.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  // a global option: jest reads it from the top level, not from the projects
  testTimeout: 30000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['**/*.unit.test.ts'] },
    { ...shared, displayName: 'emulator', testMatch: ['**/*.emulator.test.ts'] },
  ],
};
