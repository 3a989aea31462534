// `npm run bench -- [--json] [--write] [SUITE…]`: runs the benchmark suites and prints their figures (`--json`: one
// object). With no suite named (every suite) or with --write, BENCHMARKS.md is rewritten from what they printed.
import { parseArgs } from 'node:util';
import { benchAgent, printAgent } from './agent.js';
import { benchCharts, printCharts } from './charts.js';
import { benchLoad, printLoad } from './load.js';
import { benchMl, printMl } from './ml.js';
import { benchNames, printNames } from './names.js';
import { writeReport } from './report.js';
import { benchSlack, printSlack } from './slack.js';
import { benchStartup, printStartup } from './startup.js';
import { benchWarehouseSizes, printWarehouseSizes } from './warehouse.js';

/** A suite runs, then prints its figures as text unless the caller wants JSON; it returns them either way. */
const suite =
  <T>(run: () => Promise<T>, print: (result: T) => void) =>
  async (json: boolean): Promise<{ result: T; text: string }> => {
    const result = await run();
    // The printed figures are kept (for BENCHMARKS.md) and shown unless the caller wants JSON.
    const lines: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
      if (!json) log(...args);
    };
    try {
      print(result);
    } finally {
      console.log = log;
    }
    return { result, text: lines.join('\n') };
  };

/** `--rows N[,M…]` for the warehouse suite (default 1,000,000). */
let warehouseRows: number[] | undefined;

const SUITES = {
  warehouse: suite(() => benchWarehouseSizes(warehouseRows), printWarehouseSizes),
  ml: suite(benchMl, printMl),
  agent: suite(benchAgent, printAgent),
  names: suite(async () => benchNames(), printNames),
  charts: suite(() => benchCharts(), printCharts),
  startup: suite(benchStartup, printStartup),
  slack: suite(benchSlack, printSlack),
  load: suite(() => benchLoad(), printLoad),
} as const;

type SuiteName = keyof typeof SUITES;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
      rows: { type: 'string' },
    },
  });
  if (values.rows !== undefined) warehouseRows = values.rows.split(',').map(Number);
  const names = (positionals.length > 0 ? positionals : Object.keys(SUITES)) as SuiteName[];
  const unknown = names.filter((name) => !(name in SUITES));
  if (unknown.length > 0) {
    console.error(
      `Suite(s) inconnue(s) : ${unknown.join(', ')}. Suites : ${Object.keys(SUITES).join(', ')}.`,
    );
    process.exitCode = 2;
    return;
  }
  const results: Record<string, unknown> = {};
  const reports = [];
  for (const name of names) {
    const { result, text } = await SUITES[name](values.json);
    results[name] = result;
    const pass = (result as { pass?: unknown }).pass;
    reports.push({ name, text, pass: typeof pass === 'boolean' ? pass : undefined });
  }
  if (values.json) console.log(JSON.stringify(results));
  if (values.write || positionals.length === 0) {
    writeReport('BENCHMARKS.md', reports, Object.keys(SUITES));
    if (!values.json) console.log('BENCHMARKS.md écrit.');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
