// jest 30 runs the TypeScript sources as native ESM through @swc/jest (no type checking here: `npm run typecheck` does that).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    // jwks-rsa 4 (inside @microsoft/agents-hosting) require()s jose 6, which is ESM-only: jest cannot require ESM on
    // Node < 24.9 (Node itself can), so jose's files are compiled to CommonJS for tests only.
    '/node_modules/jose/.+\\.js$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } },
    ],
  },
  // Sources import './x.js' (NodeNext style); map those to the .ts files.
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // thrift 0.23 (inside @databricks/sql) requires uuid 13, which is ESM-only and cannot be require()d by jest on
    // Node < 24.9; uuid 11's CommonJS build has the same parse/stringify API. Tests only: Node itself loads 13.
    '^uuid$': '<rootDir>/node_modules/uuid/dist/cjs/index.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!(jwks-rsa/node_modules/)?jose/)'],
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  // dist/ (npm run build) is compiled output with its own package.json: not a source of modules or tests.
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  // A hang detector, not a speed bound: tests must pass on a slow, busy CI machine (speed lives in npm run bench).
  testTimeout: 120000,
  // Workers keep every test file's ESM module graph (DuckDB, vega, sharp…) alive: a worker that grew past this is
  // replaced before its next file, so late suites (the load test, which measures memory and GC pauses) start lean.
  workerIdleMemoryLimit: '1GB',
};
