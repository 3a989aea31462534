// The whole agent as the app builds it (createBotAgent), with ChatOpenAI pointed at a local fake
// OpenAI-compatible server: when the LLM is called and how often, tool choice, validation of its arguments,
// the grounding gate, and the fallbacks on timeout and server errors.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { createBotAgent } from '../../agent/create-bot-agent.js';
import { silentLogger } from '../../src/core/logger.js';
import { delayed, startFakeOpenAi } from '../fakes/openai-server.js';
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

function agent(timeoutMs = 2000) {
  return createBotAgent(
    {
      llm: {
        apiKey: 'sk-test',
        baseUrl: openai.url,
        model: 'gpt-4o-mini',
        timeoutMs,
        confidenceThreshold: 0.8,
      },
      maxQuestionChars: 2000,
    },
    { tools: sample.context, logger: silentLogger() },
  );
}

/** A question the offline planner cannot read with confidence, so the LLM is consulted. */
const VAGUE = 'Hmm, lesquelles de nos pubs coûtent trop cher pour ce qu’elles rapportent selon toi ?';

describe('LLM calls per question', () => {
  test('a question the offline planner understands makes no LLM call', async () => {
    const answer = await agent().ask({ conversation: 'c1', text: 'Top 5 des campagnes par ROI' });
    expect(answer.planner).toBe('offline');
    expect(openai.requests).toHaveLength(0);
    expect(answer.provenance[0]?.tool).toBe('rank_campaigns');
  });

  test('a vague question: one planning call with the tools, one composing call; the grounded text is used', async () => {
    openai.enqueue(
      {
        toolCalls: [
          { name: 'get_underperforming_campaigns', arguments: JSON.stringify({ roi_threshold: 0 }) },
        ],
      },
      {
        toolCalls: [
          {
            name: 'write_answer',
            arguments: JSON.stringify({
              text: 'facebook_lal perd le plus : ROI −88,6 % pour CHF 2 641 939 de dépenses.',
              recommendations: [
                'Mettre facebook_lal en pause.',
                'Revoir le ciblage de instagram_tier2 (ROI −37,1 %).',
              ],
            }),
          },
        ],
      },
    );
    const answer = await agent().ask({ conversation: 'c2', text: VAGUE });
    expect(openai.requests).toHaveLength(2);
    const offered = (openai.requests[0] as { tools: { function: { name: string } }[] }).tools.map(
      (tool) => tool.function.name,
    );
    expect(offered).toEqual(
      expect.arrayContaining(['rank_campaigns', 'get_underperforming_campaigns', 'kpi_trend']),
    );
    expect(answer.planner).toBe('llm');
    expect(answer.intent).toBe('diagnostic');
    expect(answer.text).toBe('facebook_lal perd le plus : ROI −88,6 % pour CHF 2 641 939 de dépenses.');
    expect(answer.provenance[0]?.rowCount).toBe(5);
  });

  test('an invented figure fails the grounding check: the template answer is kept', async () => {
    openai.enqueue(
      { toolCalls: [{ name: 'get_underperforming_campaigns', arguments: '{}' }] },
      {
        toolCalls: [
          {
            name: 'write_answer',
            arguments: JSON.stringify({
              text: 'Le ROI moyen est de 412,5 %.',
              recommendations: ['A.', 'B.'],
            }),
          },
        ],
      },
    );
    const answer = await agent().ask({ conversation: 'c3', text: VAGUE });
    expect(openai.requests).toHaveLength(2);
    expect(answer.text).toContain('5 campagnes ont un ROI inférieur à');
    expect(answer.text).not.toContain('412,5');
  });
});

describe('what the LLM cannot do', () => {
  test('malicious tool calls (SQL in a value, a huge limit, an unknown tool) are never executed', async () => {
    openai.enqueue({
      toolCalls: [
        {
          name: 'rank_campaigns',
          arguments: JSON.stringify({ metric: 'roi; DROP TABLE marketing_kpi', limit: 10_000 }),
        },
        { name: 'run_sql', arguments: JSON.stringify({ sql: 'DROP TABLE marketing_kpi' }) },
      ],
    });
    const answer = await agent().ask({ conversation: 'c4', text: VAGUE });
    expect(answer.provenance).toEqual([]);
    expect(answer.text).toMatch(/reformul/);
    const counts = await sample.warehouse.select({
      name: 'count',
      sql: 'SELECT COUNT(*) AS n FROM marketing_kpi',
      params: [],
    });
    expect(counts.rows[0]?.n).toBe(11);
  });
});

describe('fallbacks', () => {
  test('an LLM slower than its timeout: the offline plan answers, discreetly flagged', async () => {
    openai.enqueue(delayed(1500, { toolCalls: [{ name: 'rank_campaigns', arguments: '{}' }] }));
    // « ROI » alone: the offline reading (top 5 by ROI) is a guess, but every word of it is read.
    const answer = await agent(300).ask({ conversation: 'c5', text: 'ROI' });
    // Had the deadline not fired, the delayed plan (rank_campaigns) would have been used with planner 'llm'.
    expect(answer.planner).toBe('offline_fallback');
    expect(answer.provenance[0]?.tool).toBe('rank_campaigns');
    expect(
      answer.blocks.some((block) => block.type === 'notice' && /sans le modèle de langage/.test(block.text)),
    ).toBe(true);
  });

  test('an LLM that fails on a question with a word the offline reading cannot explain: asked back, not guessed', async () => {
    openai.enqueue(delayed(1500, { toolCalls: [{ name: 'rank_campaigns', arguments: '{}' }] }));
    // Offline, « coûtent trop cher pour ce qu'elles rapportent » reads as the top spenders and leaves « trop » unread.
    const answer = await agent(300).ask({ conversation: 'c5b', text: VAGUE });
    expect(answer.planner).toBe('offline_fallback');
    expect(answer.intent).toBe('clarify');
    expect(answer.provenance).toEqual([]);
    expect(answer.text).toContain('« trop »');
  });

  test('a 500 from the server: the offline plan is used (here a question back, never a crash)', async () => {
    openai.enqueue(
      { status: 500, body: { error: { message: 'boom' } } },
      { status: 500, body: { error: { message: 'boom' } } },
    );
    const answer = await agent().ask({ conversation: 'c6', text: VAGUE });
    expect(answer.planner).toBe('offline_fallback');
    expect(answer.text.length).toBeGreaterThan(0);
  });
});

describe('memory through the real planner', () => {
  test('« et pour search ? » re-runs the previous question on search', async () => {
    const bot = agent();
    const first = await bot.ask({
      conversation: 'thread-1',
      text: 'Quelles campagnes sont sous-performantes ?',
    });
    const second = await bot.ask({ conversation: 'thread-1', text: 'et pour search ?' });
    expect(first.provenance[0]?.tool).toBe('get_underperforming_campaigns');
    expect(second.provenance[0]?.tool).toBe('get_underperforming_campaigns');
    expect(second.provenance[0]?.args).toMatchObject({ category: 'search' });
    expect(second.provenance[0]?.rows.map((row) => row.campaign_name)).toEqual(['google_wide']);
    expect(openai.requests).toHaveLength(0);
  });
});
