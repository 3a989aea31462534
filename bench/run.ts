// `npm run bench -- [--json] [SUITE…]`: runs the benchmark suites and prints their figures (`--json`: one object).
import { parseArgs } from 'node:util';
import { benchAgent, printAgent } from './agent.js';
import { benchCharts, printCharts } from './charts.js';
import { benchMl, printMl } from './ml.js';
import { benchSlack, printSlack } from './slack.js';
import { benchStartup, printStartup } from './startup.js';
import { benchWarehouse, printWarehouse } from './warehouse.js';

/** A suite runs, then prints its figures as text unless the caller wants JSON; it returns them either way. */
const suite =
  <T>(run: () => Promise<T>, print: (result: T) => void) =>
  async (json: boolean): Promise<T> => {
    const result = await run();
    if (!json) print(result);
    return result;
  };

const SUITES = {
  warehouse: suite(benchWarehouse, printWarehouse),
  ml: suite(benchMl, printMl),
  agent: suite(benchAgent, printAgent),
  charts: suite(() => benchCharts(), printCharts),
  startup: suite(benchStartup, printStartup),
  slack: suite(benchSlack, printSlack),
} as const;

type SuiteName = keyof typeof SUITES;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
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
  for (const name of names) {
    results[name] = await SUITES[name](values.json);
  }
  if (values.json) console.log(JSON.stringify(results));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
