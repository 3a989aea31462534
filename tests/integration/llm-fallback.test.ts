// A broken LLM never costs a question the offline planner reads well. With a high LLM_CONFIDENCE_THRESHOLD the
// LLM is consulted on « Analyse la performance par catégorie » (offline: aggregate_by_dimension by category,
// confidence 0.85); whatever the server does wrong, the answer is the offline one, with ROI per category equal
// to the figures computed here from the CSV by hand.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { createBotAgent } from '../../agent/create-bot-agent.js';
import { silentLogger } from '../../src/core/logger.js';
import { type FakeReply, startFakeOpenAi } from '../fakes/openai-server.js';
import { groupTotals, readSampleRows, roi } from '../fixtures/sample-figures.js';
import { openSampleWarehouse, type SampleWarehouse } from '../fixtures/sample-warehouse.js';

let sample: SampleWarehouse;
let openai: Awaited<ReturnType<typeof startFakeOpenAi>>;
beforeAll(async () => {
  sample = await openSampleWarehouse();
  openai = await startFakeOpenAi();
});
afterAll(async () => {
  await openai.close();
  await sample.close();
});
afterEach(() => {
  openai.requests.length = 0;
});

const QUESTION = 'Analyse la performance par catégorie';
const expected = new Map(
  [...groupTotals(readSampleRows(), (row) => row.category)].map(([name, t]) => [name, roi(t)]),
);

function agent() {
  return createBotAgent(
    {
      llm: {
        apiKey: 'sk-test',
        baseUrl: openai.url,
        model: 'gpt-4o-mini',
        timeoutMs: 2000,
        confidenceThreshold: 0.95,
      },
      maxQuestionChars: 2000,
    },
    { tools: sample.context, logger: silentLogger() },
  );
}

const BROKEN: [string, FakeReply[]][] = [
  [
    'HTTP 500 twice',
    [
      { status: 500, body: { error: { message: 'boom' } } },
      { status: 500, body: {} },
    ],
  ],
  ['plain text instead of a tool call', [{ content: 'Je pense que vous devriez regarder vos campagnes.' }]],
  [
    'arguments that are not JSON',
    [{ toolCalls: [{ name: 'aggregate_by_dimension', arguments: '{"group_by":' }] }],
  ],
  [
    'invalid arguments',
    [{ toolCalls: [{ name: 'aggregate_by_dimension', arguments: { group_by: 'DROP TABLE' } }] }],
  ],
  ['an unknown tool', [{ toolCalls: [{ name: 'run_sql', arguments: { sql: 'SELECT 1' } }] }]],
  ['an unknown category', [{ toolCalls: [{ name: 'rank_campaigns', arguments: { category: 'tiktok' } }] }]],
];

describe('a broken LLM: the confident offline plan answers', () => {
  test.each(BROKEN)('%s', async (_name, replies) => {
    openai.enqueue(...replies);
    const answer = await agent().ask({ conversation: `fb-${Math.random()}`, text: QUESTION });
    expect(openai.requests.length).toBeGreaterThanOrEqual(1);
    expect(answer.planner).toBe('offline_fallback');
    expect(answer.provenance[0]?.tool).toBe('aggregate_by_dimension');
    const rows = answer.provenance[0]!.rows as { category: string; roi: number }[];
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) expect(row.roi).toBeCloseTo(expected.get(row.category)!, 9);
  });
});

describe('a working LLM still plans', () => {
  test('a valid plan is used', async () => {
    openai.enqueue(
      { toolCalls: [{ name: 'aggregate_by_dimension', arguments: { group_by: 'campaign_name' } }] },
      { status: 500, body: {} },
      { status: 500, body: {} },
    );
    const answer = await agent().ask({ conversation: 'fb-ok', text: QUESTION });
    expect(answer.planner).toBe('llm');
    expect(answer.provenance[0]?.args).toMatchObject({ group_by: 'campaign_name' });
  });
});
