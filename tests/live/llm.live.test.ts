// Against a real OpenAI-compatible model, only when OPENAI_API_KEY is set (OPENAI_BASE_URL and LLM_MODEL are
// honoured): the LLM planner must pick sensible tools for a few golden questions, and the full agent must answer.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createBotAgent } from '../../agent/create-bot-agent.js';
import { createChatModel } from '../../agent/llm/chat-model.js';
import { createLlmPlanner } from '../../agent/llm/llm-planner.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { openSampleWarehouse, type SampleWarehouse } from '../fixtures/sample-warehouse.js';

const configured = Boolean(process.env.OPENAI_API_KEY);

(configured ? describe : describe.skip)(
  configured ? 'OpenAI-compatible LLM (live)' : 'OpenAI-compatible LLM (live) — skipped: set OPENAI_API_KEY',
  () => {
    let sample: SampleWarehouse;
    const llm = configured ? loadConfig(process.env).llm! : undefined;
    beforeAll(async () => {
      sample = await openSampleWarehouse();
    });
    afterAll(async () => {
      await sample.close();
    });

    test.each([
      ['Which campaigns are underperforming?', 'get_underperforming_campaigns'],
      ['Top 5 campaigns by ROI', 'rank_campaigns'],
      ['Analyse performance by category', 'aggregate_by_dimension'],
    ])(
      '%s → %s',
      async (question, tool) => {
        const planner = createLlmPlanner(createChatModel(llm!, { timeoutMs: 30_000 }), { timeoutMs: 30_000 });
        const plan = await planner.plan({ text: question, catalog: await sample.context.catalog.get() });
        expect(plan.calls[0]?.tool).toBe(tool);
      },
      60_000,
    );

    test('the agent answers a vague question with figures from the data', async () => {
      const agent = createBotAgent(
        { llm: { ...llm!, confidenceThreshold: 1.01 }, maxQuestionChars: 2000 },
        { tools: sample.context, logger: silentLogger() },
      );
      const answer = await agent.ask({
        conversation: 'live-1',
        text: 'Quelles campagnes devrais-je couper en priorité ?',
      });
      expect(answer.provenance.length).toBeGreaterThan(0);
      expect(answer.recommendations.length).toBeGreaterThanOrEqual(2);
    }, 120_000);
  },
);
