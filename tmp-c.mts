import { readFileSync } from 'node:fs';
import { renderAnswerText } from './adapters/terminal/render.ts';
import { createAgent } from './agent/graph.ts';
import { createOfflinePlanner } from './agent/nlu/offline-planner.ts';
import { silentLogger } from './src/core/logger.ts';
import { openSampleWarehouse } from './tests/fixtures/sample-warehouse.ts';

const sample = await openSampleWarehouse();
const agent = createAgent({
  tools: sample.context,
  offline: createOfflinePlanner(),
  logger: silentLogger(),
  maxQuestionChars: 2000,
});
let i = 0;
for (const t of process.argv.slice(2)) {
  const a = await agent.ask({ conversation: 'x' + i++, text: t });
  console.log('\n>>>', t, '\n' + renderAnswerText(a, 'CHF'));
}
await sample.close();
