// `npm run bench -- [--json] [SUITE…]`: runs the benchmark suites and prints their figures (`--json`: one object).
import { parseArgs } from 'node:util';
import { benchWarehouse, printWarehouse } from './warehouse.js';

const SUITES = {
  warehouse: { run: () => benchWarehouse(), print: printWarehouse },
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
    const result = await SUITES[name].run();
    results[name] = result;
    if (!values.json) SUITES[name].print(result);
  }
  if (values.json) console.log(JSON.stringify(results));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
