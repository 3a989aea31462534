// `npm run bench -- agent`: the whole agent on the bundled data. Offline: question → Answer time over every
// golden question (median and p95, after one untimed pass that trains the ML models). LLM mode: ChatOpenAI
// against a local fake OpenAI-compatible server, counting LLM calls per question.
import { createBotAgent } from '../agent/create-bot-agent.js';
import { loadGolden } from '../agent/eval/harness.js';
import type { ToolContext } from '../src/analysis/tools/types.js';
import { silentLogger } from '../src/core/logger.js';
import { createMlService } from '../src/ml/service.js';
import { startFakeOpenAi } from '../tests/fakes/openai-server.js';
import { openSampleWarehouse } from '../tests/fixtures/sample-warehouse.js';
import { benchLongMessages, LONG_MESSAGE_TARGETS } from './long-messages.js';
import { median } from './stats.js';

export const AGENT_TARGETS = { medianMs: 100, p95Ms: 250, llmCallsPerQuestion: 2, llmCallsWhenConfident: 1 };
const PASSES = 3;

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

export async function benchAgent() {
  const sample = await openSampleWarehouse();
  const tools: ToolContext = {
    ...sample.context,
    ml: createMlService(
      { maxTrainingRows: 10_000, currency: 'CHF' },
      { warehouse: sample.warehouse, catalog: sample.context.catalog },
    ),
  };
  // Follow-ups need their previous turn; they are timed as the second question of a two-question thread.
  const items = loadGolden('tests/eval/golden.jsonl');
  const offline = createBotAgent({ maxQuestionChars: 2000 }, { tools, logger: silentLogger() });
  const times: number[] = [];
  const perIntent: Record<string, number[]> = {};
  for (let pass = 0; pass <= PASSES; pass++) {
    for (const [index, item] of items.entries()) {
      const conversation = `bench-${pass}-${index}`;
      if (item.previous)
        await offline.ask({ conversation, text: 'Quelles campagnes sont sous-performantes ?' });
      const started = performance.now();
      const answer = await offline.ask({ conversation, text: item.question });
      const ms = performance.now() - started;
      if (pass === 0) continue; // warm-up: JIT, model training, catalog
      times.push(ms);
      perIntent[answer.intent] = [...(perIntent[answer.intent] ?? []), ms];
    }
  }

  const openai = await startFakeOpenAi({
    fallback: { toolCalls: [{ name: 'get_underperforming_campaigns', arguments: '{}' }] },
  });
  const llmAgent = createBotAgent(
    {
      llm: {
        apiKey: 'sk-bench',
        baseUrl: openai.url,
        model: 'gpt-4o-mini',
        timeoutMs: 5000,
        confidenceThreshold: 0.8,
      },
      maxQuestionChars: 2000,
    },
    { tools, logger: silentLogger() },
  );
  const calls: number[] = [];
  const confidentCalls: number[] = [];
  const { createOfflinePlanner } = await import('../agent/nlu/offline-planner.js');
  const planner = createOfflinePlanner();
  const catalog = await tools.catalog.get();
  for (const [index, item] of items.entries()) {
    if (item.previous) continue;
    const before = openai.requests.length;
    await llmAgent.ask({ conversation: `llm-${index}`, text: item.question });
    const used = openai.requests.length - before;
    calls.push(used);
    if ((await planner.plan({ text: item.question, catalog })).confidence >= 0.8) confidentCalls.push(used);
  }
  await openai.close();
  const longMessages = benchLongMessages(catalog);
  await sample.close();

  const round = (value: number) => Math.round(value * 10) / 10;
  const mean = (values: number[]) =>
    values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
  const result = {
    suite: 'agent',
    questions: items.length,
    timedAnswers: times.length,
    offline: {
      medianMs: round(median(times)),
      p95Ms: round(percentile(times, 0.95)),
      maxMs: round(Math.max(...times)),
      perIntent: Object.fromEntries(
        Object.entries(perIntent).map(([intent, values]) => [
          intent,
          { count: values.length, medianMs: round(median(values)), p95Ms: round(percentile(values, 0.95)) },
        ]),
      ),
    },
    llm: {
      questions: calls.length,
      callsPerQuestion: round(mean(calls) * 100) / 100,
      maxCalls: Math.max(...calls),
      confidentQuestions: confidentCalls.length,
      callsWhenConfident: round(mean(confidentCalls) * 100) / 100,
    },
    longMessages,
    targets: { ...AGENT_TARGETS, longMessageGrowth: LONG_MESSAGE_TARGETS.maxGrowth },
    pass: false,
  };
  result.pass =
    result.offline.medianMs <= AGENT_TARGETS.medianMs &&
    result.offline.p95Ms <= AGENT_TARGETS.p95Ms &&
    result.llm.callsPerQuestion <= AGENT_TARGETS.llmCallsPerQuestion &&
    Math.max(...confidentCalls) <= AGENT_TARGETS.llmCallsWhenConfident &&
    longMessages.maxGrowth <= LONG_MESSAGE_TARGETS.maxGrowth;
  return result;
}

export function printAgent(result: Awaited<ReturnType<typeof benchAgent>>): void {
  const { offline, llm } = result;
  console.log(
    `agent: ${result.questions} golden questions, ${result.timedAnswers} timed answers (${PASSES} passes after a warm-up)`,
  );
  console.log(
    `offline answer time: median ${offline.medianMs} ms, p95 ${offline.p95Ms} ms, max ${offline.maxMs} ms`,
  );
  console.log(
    `  per intent (answers: median / p95): ${Object.entries(offline.perIntent)
      .map(([intent, { count, medianMs, p95Ms }]) => `${intent} (${count}) ${medianMs} / ${p95Ms} ms`)
      .join(', ')}`,
  );
  console.log(
    `LLM mode (fake server): ${llm.callsPerQuestion} calls per question on average (max ${llm.maxCalls}); ` +
      `${llm.callsWhenConfident} when the offline planner is confident (${llm.confidentQuestions} questions)`,
  );
  const long = result.longMessages;
  console.log(
    `pasted messages (${long.messages} questions repeated to 10 KB and 40 KB, planner only): 40 KB planned in median ${long.medianLongMs} ms (max ${long.maxLongMs} ms); ` +
      `growth 10 → 40 KB median ${long.medianGrowth}×, max ${long.maxGrowth}× (linear is 4×; worst: ${JSON.stringify(long.worstQuestion)})`,
  );
  console.log(
    `targets: median ≤ ${result.targets.medianMs} ms, p95 ≤ ${result.targets.p95Ms} ms, ≤ ${result.targets.llmCallsPerQuestion} LLM calls per question, ≤ ${result.targets.llmCallsWhenConfident} when confident, ` +
      `long-message growth ≤ ${result.targets.longMessageGrowth}× → ${result.pass ? 'PASS' : 'FAIL'}`,
  );
}
