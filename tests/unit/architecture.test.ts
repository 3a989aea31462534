// The dependency rules of ARCHITECTURE.md, checked by reading every import in the code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '@jest/globals';

const ROOTS = ['src', 'adapters', 'agent', 'charts'];

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const FILES = ROOTS.flatMap(filesUnder).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
const importsOf = (text: string) =>
  [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]!);

test('the code base is found', () => {
  expect(FILES.length).toBeGreaterThan(10);
});

test('only src/config.ts reads process.env', () => {
  const readers = FILES.filter((file) => /process\.env/.test(file.text)).map((file) => file.path);
  expect(readers).toEqual(['src/config.ts']);
});

test('platform SDKs only in adapters/, LangChain only in agent/, SQL drivers only in src/warehouse/, rendering only in charts/', () => {
  const rules: [RegExp, string][] = [
    [/^(@slack\/|botbuilder|@microsoft\/agents-|@modelcontextprotocol\/)/, 'adapters/'],
    [/^@langchain\//, 'agent/'],
    [/^(@duckdb\/|@databricks\/sql)/, 'src/warehouse/'],
    [/^(vega|vega-lite|sharp)$/, 'charts/'],
  ];
  const offenders = FILES.flatMap((file) =>
    importsOf(file.text)
      .filter((specifier) =>
        rules.some(([pattern, home]) => pattern.test(specifier) && !file.path.startsWith(home)),
      )
      .map((specifier) => `${file.path} imports ${specifier}`),
  );
  expect(offenders).toEqual([]);
});

test('adapters/, agent/ and charts/ never import each other', () => {
  const layers = ['adapters', 'agent', 'charts'];
  const offenders = FILES.flatMap((file) => {
    const own = layers.find((layer) => file.path.startsWith(`${layer}/`));
    if (!own) return [];
    return importsOf(file.text)
      .filter((specifier) => layers.some((layer) => layer !== own && specifier.includes(`/${layer}/`)))
      .map((specifier) => `${file.path} imports ${specifier}`);
  });
  expect(offenders).toEqual([]);
});

// ── The layer order (ARCHITECTURE.md, AGENTS.md): each room imports only the rooms listed for it, all below it.
// Bottom-up: core → config → store, warehouse → ml → analysis → digests → agent | adapters | charts → app.

/** The room a path belongs to: `src/<folder>` or `src/config.ts` inside src/, else its top-level folder. */
function roomOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'src') return parts.length > 2 ? `src/${parts[1]}` : path.replace(/\.js$/, '.ts');
  return parts[0]!;
}

const MAY_IMPORT: Record<string, readonly string[]> = {
  'src/core': [],
  'src/config.ts': ['src/core'],
  'src/store': ['src/core'],
  'src/warehouse': ['src/core', 'src/config.ts'],
  'src/ml': ['src/core', 'src/warehouse'],
  'src/analysis': ['src/core', 'src/warehouse', 'src/ml'],
  'src/digests': ['src/core', 'src/store', 'src/warehouse', 'src/analysis'],
  agent: ['src/core', 'src/analysis'],
  adapters: ['src/core'],
  charts: ['src/core', 'src/config.ts'],
  'src/app': ['src/core', 'src/config.ts', 'src/store', 'src/warehouse', 'src/ml', 'src/analysis', 'src/digests', 'agent', 'adapters', 'charts'],
}; // biome-ignore format: one line per room

/** Every import that breaks the layer order, as « file imports target: room may import only … ». */
function layerViolations(files: readonly { path: string; text: string }[]): string[] {
  return files.flatMap((file) => {
    const from = roomOf(file.path);
    const allowed = MAY_IMPORT[from];
    if (!allowed)
      return [`${file.path}: the room ${from} has no place in the layer order (add it to MAY_IMPORT)`];
    return importsOf(file.text)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => join(dirname(file.path), specifier))
      .filter((target) => roomOf(target) !== from && !allowed.includes(roomOf(target)))
      .map(
        (target) =>
          `${file.path} imports ${target}: ${from} may import only ${allowed.length > 0 ? allowed.join(', ') : 'itself'}`,
      );
  });
}

test('each layer imports only the layers below it', () => {
  expect(layerViolations(FILES)).toEqual([]);
});

test('a wrong import is caught and named: the warehouse reaching up into the agent', () => {
  const wrong = {
    path: 'src/warehouse/catalog.ts',
    text: "import { createAgent } from '../../agent/graph.js';\nimport { AppError } from '../core/errors.js';",
  };
  expect(layerViolations([wrong])).toEqual([
    'src/warehouse/catalog.ts imports agent/graph.js: src/warehouse may import only src/core, src/config.ts',
  ]);
  // The same check passes the real file: the rule, not the fixture, is what fails.
  expect(layerViolations(FILES.filter((file) => file.path === 'src/warehouse/catalog.ts'))).toEqual([]);
});

test('a new top-level room must be placed in the layer order', () => {
  expect(layerViolations([{ path: 'src/reports/weekly.ts', text: '' }])).toEqual([
    'src/reports/weekly.ts: the room src/reports has no place in the layer order (add it to MAY_IMPORT)',
  ]);
});
