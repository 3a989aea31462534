// The dependency rules of ARCHITECTURE.md, checked by reading every import in the code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
    [/^(@slack\/|botbuilder)/, 'adapters/'],
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
