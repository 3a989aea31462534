// `npm run build`, in two steps:
// 1. tsc (TypeScript 7's native compiler) emits the sources as plain ESM JavaScript, file by file, into dist/
//    (dist/src, dist/adapters, dist/agent, dist/charts), with the files the code reads next to itself copied beside
//    them. A type error fails the build.
// 2. esbuild bundles that output into dist/server/: `main.js` (what `npm start` runs), the two ML worker entries
//    next to it (the code starts `./train-worker.js` / `./segment-worker.js` beside itself), and chunks for what is
//    loaded on demand (charts, k-means, the LLM client, MCP). Measured reason: on Node 20 the ESM loader's cost per
//    module dominates start-up (about 750 modules, 460 of them LangChain's); one bundle cuts the server's CPU to
//    ready from about 1 s to 0.6 s (`npm run bench -- startup`). Native packages (DuckDB, sharp) and the Slack and
//    Teams SDKs (loaded only when configured) stay in node_modules, resolved at run time as in development.
// `node scripts/build.mjs --if-stale` (what `npm start` runs first) builds only when dist/ is missing or older than
// a source, so `npm ci && npm start` still does all the set-up and a restart costs one directory walk.
// Plain JavaScript on purpose: it must run before anything is compiled, with no tsx.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
/** The folders tsconfig.build.json compiles; their other files are copied as they are. */
const SOURCE_DIRS = ['src', 'adapters', 'agent', 'charts'];
/** Files whose change changes the output. */
// package-lock.json: the bundle holds the dependencies' code too.
const INPUT_FILES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/build.mjs',
];
export const STAMP = join(DIST, '.build-stamp');
/** The bundled server (and CLI) entry `npm start` runs. */
export const ENTRY = join(DIST, 'server', 'main.js');
/** Packages left to Node's resolution at run time: native code, optional requires, the lazily loaded chat SDKs. */
const EXTERNAL = [
  // DuckDB's JavaScript API is bundled (imported from ESM, Node would first scan its CommonJS files for named exports:
  // about 150 ms of CPU at every start); the package that loads the native library stays outside.
  '@duckdb/node-bindings',
  '@duckdb/node-bindings-*',
  'sharp',
  // piscina starts its workers from its own files (dist/worker.js in the package): it must stay a package.
  'piscina',
  '@databricks/sql',
  'pino-pretty',
  'canvas',
  '@opentelemetry/*',
  '@slack/*',
  '@microsoft/*',
];

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const inputs = () => [
  ...SOURCE_DIRS.flatMap((dir) => filesUnder(join(ROOT, dir))),
  ...INPUT_FILES.map((file) => join(ROOT, file)),
];

/** Why dist/ must be rebuilt, or undefined when it is up to date (every input older than the stamp). */
export function staleReason() {
  if (!existsSync(STAMP) || !existsSync(ENTRY)) return 'dist/ absent';
  const built = statSync(STAMP).mtimeMs;
  const newer = inputs().find((file) => existsSync(file) && statSync(file).mtimeMs > built);
  return newer ? `${relative(ROOT, newer)} a changé` : undefined;
}

async function bundle() {
  const { build: esbuild } = await import('esbuild');
  const out = join(DIST, 'server');
  await esbuild({
    entryPoints: [
      'src/app/main.js',
      'src/ml/train-worker.js',
      'src/ml/segment-worker.js',
      'charts/render-worker.js',
      'src/app/agent-worker.js',
      'src/app/http/health-worker.js',
    ].map((entry) => join(DIST, entry)),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    outdir: out,
    // Flat: every file in one folder, so `new URL('./train-worker.js', import.meta.url)` (and the chart pool's
    // `./render-worker.js`, the agent host's `./agent-worker.js`, the health probe's `./health-worker.js`) finds the worker from
    // whichever chunk the code landed in.
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    external: EXTERNAL,
    // CommonJS packages bundled into ESM still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  // The web chat's files, where the bundled router looks for them (beside itself).
  cpSync(join(ROOT, 'adapters', 'playground', 'public'), join(out, 'public'), { recursive: true });
}

export async function build() {
  // The stamp goes first, so an interrupted build is stale; the compiled folders are emptied so a deleted source
  // leaves no module behind (dist/teams-app.zip, written by `npm run manifest:teams`, stays).
  rmSync(STAMP, { force: true });
  for (const dir of [...SOURCE_DIRS, 'server']) rmSync(join(DIST, dir), { recursive: true, force: true });
  // The package's exports hide bin/: its manifest is exported, and names the compiler's command.
  const manifest = createRequire(import.meta.url).resolve('typescript/package.json');
  const tsc = join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.tsc);
  const compiled = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (compiled.status !== 0) {
    throw new Error(`tsc failed (exit ${compiled.status ?? compiled.signal}): dist/ not built`);
  }
  for (const file of SOURCE_DIRS.flatMap((dir) => filesUnder(join(ROOT, dir)))) {
    if (file.endsWith('.ts')) continue;
    const target = join(DIST, relative(ROOT, file));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
  }
  // Code that reads the package's own manifest two levels up (the MCP server's version) finds one from dist/src/app
  // as from src/app (the bundle, in dist/server, reaches the project's); `type: module` keeps dist/ ESM.
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  writeFileSync(
    join(DIST, 'package.json'),
    `${JSON.stringify({ name: pkg.name, version: pkg.version, private: true, type: 'module' }, null, 2)}\n`,
  );
  await bundle();
  writeFileSync(STAMP, `${JSON.stringify({ builtAt: new Date().toISOString(), node: process.version })}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    if (process.argv.includes('--if-stale')) {
      const reason = staleReason();
      if (reason) {
        console.error(`Compilation vers dist/ (${reason})…`);
        await build();
      }
    } else {
      await build();
    }
  } catch (error) {
    // As the CLI does: a short French message for the person, the technical detail for the operator.
    console.error('La compilation vers dist/ a échoué : corrigez les erreurs ci-dessus, puis relancez.');
    console.error(`[BUILD_FAILED] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
