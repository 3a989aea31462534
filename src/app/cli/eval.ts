// `npm run eval -- [--json] [--file tests/eval/golden.jsonl]`: the golden questions through the offline planner
// (and through the LLM planner too when OPENAI_API_KEY is set): accuracy per intent, tool and argument.
import { parseArgs } from 'node:util';
import { evaluatePlanner, formatReport, loadGolden } from '../../../agent/eval/harness.js';
import { createChatModel } from '../../../agent/llm/chat-model.js';
import { createLlmPlanner } from '../../../agent/llm/llm-planner.js';
import { createOfflinePlanner } from '../../../agent/nlu/offline-planner.js';
import type { Planner } from '../../analysis/plan.js';
import type { App } from '../app.js';

export async function evalCommand(app: App, argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      file: { type: 'string', default: 'tests/eval/golden.jsonl' },
    },
  });
  const items = loadGolden(values.file);
  const catalog = await app.data.catalog.get();
  const planners: Planner[] = [createOfflinePlanner()];
  if (app.config.llm) {
    const model = createChatModel(app.config.llm, { timeoutMs: app.config.llm.timeoutMs });
    planners.push(createLlmPlanner(model, { timeoutMs: app.config.llm.timeoutMs }));
  }
  const reports = [];
  for (const planner of planners) {
    const report = await evaluatePlanner(planner, items, catalog);
    reports.push({ planner: planner.name, report });
    if (!values.json) console.log(`\n== ${planner.name} planner, ${values.file} ==\n${formatReport(report)}`);
  }
  if (values.json) console.log(JSON.stringify(reports));
  if (reports.some(({ planner, report }) => planner === 'offline' && report.exact.correct < report.total))
    process.exitCode = 1;
}
