// The platform SDKs (Bolt, the Microsoft 365 Agents SDK, the MCP SDK) are loaded only when their platform is
// configured: the static import graph of what `serve` loads at start (main.ts and the modules it imports on demand
// for every start) reaches none of them; they are taken by a dynamic import() in platforms.ts / main.ts. Read from the sources (a module loaded once by jest stays loaded, so
// a runtime check here could not tell), the same way the architecture test reads imports.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { expect, test } from '@jest/globals';

const PLATFORM_SDK =
  /^(@slack\/bolt|@slack\/web-api|@slack\/socket-mode|@microsoft\/agents-|@modelcontextprotocol\/)/;

/** Specifiers of the imports that load a module at start: `import x from` / `export … from`, not `import type`. */
function staticImportsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)]
    .filter((match) => !match[2])
    .map((match) => match[3]!);
}

/** Every bare specifier reached from `entry` through static imports, with the chain that reached it. */
function staticGraph(entry: string): Map<string, string[]> {
  const bare = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticImportsOf(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = normalize(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
        if (existsSync(target)) visit(target, [...chain, target]);
      } else if (!bare.has(specifier)) {
        bare.set(specifier, chain);
      }
    }
  };
  visit(entry, [entry]);
  return bare;
}

test('the import reader sees value imports and re-exports, not type-only ones', () => {
  const text = [
    "import { a } from '@slack/bolt';",
    "import type { B } from '@microsoft/agents-hosting';",
    "export { c } from './c.js';",
    "import './side-effect.js';",
    'const lazy = await import("@modelcontextprotocol/sdk/server/mcp.js");',
    "// import { d } from '@slack/socket-mode';",
  ].join('\n');
  expect(staticImportsOf(text)).toEqual(['@slack/bolt', './c.js', './side-effect.js']);
});

// What `serve` loads before any platform is configured: the entry, then the modules main.ts imports on demand for
// every command (the app) and for the server (the HTTP server, the local API, platforms.ts, the start-up report).
const START = [
  'src/app/main.ts',
  'src/app/app.ts',
  'src/app/http/server.ts',
  'src/app/http/local-api.ts',
  'src/app/platforms.ts',
  'src/app/startup-report.ts',
];

test('no platform SDK is loaded at start until a platform is configured', () => {
  const graph = new Map<string, string[]>();
  for (const entry of START)
    for (const [specifier, chain] of staticGraph(entry))
      if (!graph.has(specifier)) graph.set(specifier, chain);
  // The walk really covers the app: the warehouse driver, the agent's graph and the HTTP server are reached.
  expect(graph.has('@duckdb/node-api')).toBe(true);
  expect(graph.has('@langchain/langgraph')).toBe(true);
  expect(graph.has('express')).toBe(true);
  const offenders = [...graph]
    .filter(([specifier]) => PLATFORM_SDK.test(specifier))
    .map(([specifier, chain]) => `${chain.join(' → ')} → ${specifier}`);
  expect(offenders).toEqual([]);
});
