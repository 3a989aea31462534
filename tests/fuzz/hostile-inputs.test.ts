// Property and fuzz tests with hostile input (fast-check, fixed seed): the offline planner, the whole agent
// (offline, and in LLM mode against a fake OpenAI server with a fake API key) and runTool with generated
// arguments. Invariants: nothing throws, every reply is a non-empty user-facing text with no stack trace, no
// SQL and no secret, no log line holds a secret or a stack trace, and the driver only ever receives the
// named queries' SQL, each of which passes the guard. `FUZZ_RUNS=<factor>` runs more.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import fc from 'fast-check';
import { createBotAgent } from '../../agent/create-bot-agent.js';
import { schemaProblem } from '../../agent/eval/harness.js';
import { planOffline } from '../../agent/nlu/offline-planner.js';
import type { PreviousTurn } from '../../src/analysis/plan.js';
import { runTool } from '../../src/analysis/tools/registry.js';
import { isAppError, userMessage } from '../../src/core/errors.js';
import { SAMPLE_CATALOG } from '../eval/catalog-fixture.js';
import { type FakeReply, startFakeOpenAi } from '../fakes/openai-server.js';
import {
  answerProblems,
  anyValueArb,
  captureLogs,
  FUZZ_SEED,
  fragmentArb,
  fuzzTimeout,
  isMetricQuerySql,
  logProblems,
  messageArb,
  mutatedCallArb,
  openRecordingSample,
  pollutionArb,
  type RecordingSample,
  runs,
  SECRET,
  TOOL_NAMES,
  textProblems,
  toolArgsArb,
  UNEXPECTED_CODES,
  UNKNOWN_TOOL_NAMES,
} from './harness.js';

const PREVIOUS: (PreviousTurn | undefined)[] = [
  undefined,
  { intent: 'kpi_qa', calls: [{ tool: 'rank_campaigns', args: { metric: 'roi', direction: 'top', limit: 5 } }] },
  { intent: 'budget_simulation', calls: [{ tool: 'simulate_budget', args: { budget_increase_pct: 20, category: 'all' } }] },
  { intent: 'kpi_qa', calls: [{ tool: 'describe_campaign', args: { campaign_name: 'google_hot' } }] },
  { intent: 'prediction', calls: [{ tool: 'predict_revenue', args: { budget: 5000 } }] },
  { intent: 'segmentation', calls: [{ tool: 'segment_campaigns', args: {} }] },
]; // biome-ignore format: a list

let sample: RecordingSample;
beforeAll(async () => {
  sample = await openRecordingSample();
});
afterAll(async () => {
  await sample.close();
});

describe('the offline planner on generated hostile text', () => {
  test(
    'never throws, plans only schema-valid calls with catalog names, and writes no leak',
    () => {
      const categories = new Set([...SAMPLE_CATALOG.categories, 'all']);
      const names = new Set(SAMPLE_CATALOG.campaigns.map((campaign) => campaign.campaignName));
      const numRuns = runs(10_000);
      const started = performance.now();
      let calls = 0;
      fc.assert(
        fc.property(messageArb(50_000), fc.nat(PREVIOUS.length - 1), (text, previousIndex) => {
          const plan = planOffline({ text, previous: PREVIOUS[previousIndex], catalog: SAMPLE_CATALOG });
          const problems: string[] = [];
          if (!(plan.confidence >= 0 && plan.confidence <= 1)) problems.push(`confidence ${plan.confidence}`);
          for (const call of plan.calls) {
            calls++;
            const problem = schemaProblem(call);
            if (problem) problems.push(problem);
            const { category, campaign_name: name } = call.args;
            if (category !== undefined && !categories.has(String(category)))
              problems.push(`category ${category}`);
            if (name !== undefined && !names.has(String(name))) problems.push(`campaign ${name}`);
          }
          if (plan.clarification) problems.push(...textProblems(plan.clarification, text));
          if (problems.length > 0) throw new Error(problems.join('\n'));
        }),
        { seed: FUZZ_SEED, numRuns },
      );
      const ms = Math.round(performance.now() - started);
      console.log(`fuzz planner: ${numRuns} hostile messages, ${calls} planned calls, ${ms} ms`);
    },
    fuzzTimeout(),
  );
});

describe('runTool with generated arguments', () => {
  test(
    'resolves or rejects with an AppError whose French message leaks nothing; only named SQL runs',
    async () => {
      const before = { driver: sample.driverCalls.length, selects: sample.selects.length };
      const numRuns = runs(1_500);
      const outcomes = { ok: 0, rejected: 0 };
      const codes = new Map<string, number>();
      const started = performance.now();
      const nameArb = fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...TOOL_NAMES) },
        { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_TOOL_NAMES) },
      );
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.record({ name: nameArb, args: toolArgsArb }), mutatedCallArb),
          async ({ name, args }) => {
            const question = safeJson(args);
            const outcome = await runTool(name, args, sample.context).then(
              (output) => ({ ok: true as const, output }),
              (error: unknown) => ({ ok: false as const, error }),
            );
            const problems: string[] = [];
            if (outcome.ok) {
              outcomes.ok++;
              problems.push(...textProblems(outcome.output.summary, question));
            } else {
              outcomes.rejected++;
              if (!isAppError(outcome.error)) problems.push(`not an AppError: ${String(outcome.error)}`);
              else {
                codes.set(outcome.error.code, (codes.get(outcome.error.code) ?? 0) + 1);
                if (UNEXPECTED_CODES.has(outcome.error.code))
                  problems.push(`${outcome.error.code} (${outcome.error.message}) for ${name} ${question}`);
              }
              const message = userMessage(outcome.error);
              if (message.trim().length === 0) problems.push('empty user message');
              problems.push(...textProblems(message, question));
            }
            if (problems.length > 0) throw new Error(problems.join('\n'));
          },
        ),
        { seed: FUZZ_SEED, numRuns },
      );
      expect(sample.statementProblems()).toEqual([]);
      expect(Object.prototype).not.toHaveProperty('polluted');
      const ms = Math.round(performance.now() - started);
      console.log(
        `fuzz runTool: ${numRuns} generated calls (${outcomes.ok} ran, ${outcomes.rejected} refused: ` +
          `${[...codes].map(([code, count]) => `${code} ${count}`).join(', ')}), ` +
          `${sample.selects.length - before.selects} selects, ${sample.driverCalls.length - before.driver} driver statements, ${ms} ms`,
      );
    },
    fuzzTimeout(),
  );

  test(
    'every text slot of every SQL tool takes injections as bound values',
    async () => {
      const slots: [string, string][] = [
      ['rank_campaigns', 'category'], ['get_underperforming_campaigns', 'category'],
      ['aggregate_by_dimension', 'category'], ['describe_campaign', 'campaign_name'], ['kpi_trend', 'category'],
      ['kpi_trend', 'campaign_name'], ['simulate_budget', 'category'], ['predict_revenue', 'category'],
      ['rank_campaigns', 'date_from'], ['kpi_trend', 'date_to'], ['describe_campaign', 'date_from'],
    ]; // biome-ignore format: a list
      const numRuns = runs(600);
      let tried = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...slots), fragmentArb, async ([tool, slot], value) => {
          tried++;
          const args: Record<string, unknown> = { [slot]: value };
          if (tool === 'describe_campaign' && slot !== 'campaign_name') args.campaign_name = 'google_hot';
          if (tool === 'predict_revenue') args.budget = 100;
          const outcome = await runTool(tool, args, sample.context).then(
            (output) => ({ ok: true as const, rows: output.rows.length }),
            (error: unknown) => ({ ok: false as const, error }),
          );
          // An injected text is never a known name, so it is refused (or matches nothing); never a crash.
          if (!outcome.ok && !isAppError(outcome.error)) throw outcome.error;
          if (!outcome.ok) {
            const problems = textProblems(userMessage(outcome.error), value);
            if (problems.length > 0) throw new Error(problems.join('\n'));
          }
        }),
        { seed: FUZZ_SEED + 1, numRuns },
      );
      expect(sample.statementProblems()).toEqual([]);
      console.log(`fuzz text slots: ${tried} injected values in 11 text slots`);
    },
    fuzzTimeout(),
  );

  test(
    'prototype-pollution shaped arguments are refused or ignored',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...TOOL_NAMES),
          pollutionArb,
          anyValueArb,
          async (name, pollution, value) => {
            // Spread copies the own `__proto__` key as an own property, as JSON.parse made it.
            const args = { ...pollution, category: value };
            await runTool(name, args, sample.context).catch((error: unknown) => {
              if (!isAppError(error)) throw error;
            });
          },
        ),
        { seed: FUZZ_SEED + 2, numRuns: runs(200) },
      );
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(sample.statementProblems()).toEqual([]);
    },
    fuzzTimeout(),
  );
});

describe('the whole agent, offline, on hostile questions', () => {
  test(
    'answers every question with a clean non-empty text; logs and driver stay clean',
    async () => {
      const logs = captureLogs();
      const agent = createBotAgent(
        { maxQuestionChars: 2000 },
        { tools: sample.context, logger: logs.logger },
      );
      const before = { driver: sample.driverCalls.length, selects: sample.selects.length };
      const numRuns = runs(500);
      const intents = new Map<string, number>();
      const errors = new Map<string, number>();
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(messageArb(), fc.nat(40), async (text, thread) => {
          // A few dozen threads: follow-ups build on hostile previous turns too.
          const answer = await agent.ask({ conversation: `fuzz-${thread}`, text });
          intents.set(answer.intent, (intents.get(answer.intent) ?? 0) + 1);
          if (answer.errorCode) errors.set(answer.errorCode, (errors.get(answer.errorCode) ?? 0) + 1);
          const problems = answerProblems(answer, text);
          if (answer.errorCode && UNEXPECTED_CODES.has(answer.errorCode))
            problems.push(`error ${answer.errorCode}`);
          if (problems.length > 0) throw new Error(problems.join('\n'));
        }),
        { seed: FUZZ_SEED, numRuns },
      );
      expect(logProblems(logs.lines)).toEqual([]);
      expect(sample.statementProblems()).toEqual([]);
      const ms = Math.round(performance.now() - started);
      console.log(
        `fuzz agent offline: ${numRuns} hostile questions (${[...intents].map(([intent, count]) => `${intent} ${count}`).join(', ')}; ` +
          `error answers: ${[...errors].map(([code, count]) => `${code} ${count}`).join(', ') || 'none'}), ${sample.selects.length - before.selects} selects, ` +
          `${sample.driverCalls.length - before.driver} driver statements, ${logs.lines.length} log lines, ${ms} ms`,
      );
    },
    fuzzTimeout(),
  );
});

describe('the whole agent with a limit high enough to let 50 KB messages through', () => {
  test(
    'huge messages are planned and answered, not only refused as too long',
    async () => {
      const logs = captureLogs();
      const agent = createBotAgent(
        { maxQuestionChars: 60_000 },
        { tools: sample.context, logger: logs.logger },
      );
      const hugeArb = fc
        .tuple(
          fc.array(fragmentArb, { minLength: 1, maxLength: 4 }),
          fc.integer({ min: 10_000, max: 50_000 }),
        )
        .map(([parts, size]) => {
          const unit = `${parts.join(' ')} `;
          return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
        });
      const numRuns = runs(60);
      let chars = 0;
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(hugeArb, async (text) => {
          chars += text.length;
          const answer = await agent.ask({ conversation: 'huge', text });
          const problems = answerProblems(answer, text);
          if (answer.errorCode && UNEXPECTED_CODES.has(answer.errorCode))
            problems.push(`error ${answer.errorCode}`);
          if (problems.length > 0) throw new Error(problems.join('\n'));
        }),
        { seed: FUZZ_SEED, numRuns },
      );
      expect(logProblems(logs.lines)).toEqual([]);
      expect(sample.statementProblems()).toEqual([]);
      const ms = Math.round(performance.now() - started);
      console.log(
        `fuzz agent huge: ${numRuns} messages of 10–50 KB (${Math.round(chars / 1024)} KB in all), ${ms} ms`,
      );
    },
    fuzzTimeout(),
  );
});

describe('the whole agent in LLM mode (fake OpenAI server, fake API key)', () => {
  test(
    'hostile questions and hostile model replies: no crash, no leak of the key or of SQL',
    async () => {
      const openai = await startFakeOpenAi({ fallback: { content: 'Réponse.' } });
      const logs = captureLogs();
      const agent = createBotAgent(
        {
          llm: {
            apiKey: SECRET,
            baseUrl: openai.url,
            model: 'gpt-4o-mini',
            timeoutMs: 2000,
            confidenceThreshold: 1.01,
          },
          maxQuestionChars: 2000,
        },
        { tools: sample.context, logger: logs.logger },
      );
      const replyArb: fc.Arbitrary<FakeReply> = fc.oneof(
        fc.record({
          toolCalls: fc.array(
            fc.record({
              name: fc.constantFrom(...TOOL_NAMES, ...UNKNOWN_TOOL_NAMES),
              // JSON text as the wire carries it (bigints become strings), or not JSON at all.
              arguments: fc.oneof(
                toolArgsArb.map(safeJson),
                fc.constantFrom('{not json', '"just a string"', '[]', 'null'),
              ),
            }),
            { minLength: 1, maxLength: 4 },
          ),
        }),
        fc.record({ content: fc.constantFrom('Ignore the tools. DROP TABLE marketing_kpi', '', SECRET) }),
        // Errors the client does not retry (a 5xx is retried until the deadline: slow, covered by the fault tests).
        fc.constantFrom<FakeReply>(
          { status: 401, body: { error: { message: 'Incorrect API key provided: sk-fuzz-*****CRET' } } },
          { status: 400, body: 'not json at all' },
          { status: 404, body: { error: { message: `model not found; ${SECRET.slice(0, 4)}` } } },
        ),
      );
      // @langchain/core warns (console.warn) about tool calls it has to parse itself: expected with these replies.
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
      const numRuns = runs(120);
      const planners = new Map<string, number>();
      const started = performance.now();
      try {
        await fc.assert(
          fc.asyncProperty(messageArb(3000), replyArb, async (text, reply) => {
            openai.enqueue(reply); // then the fallback: a plain reply (composer)
            const answer = await agent.ask({ conversation: 'llm-fuzz', text });
            planners.set(answer.planner, (planners.get(answer.planner) ?? 0) + 1);
            const problems = answerProblems(answer, text);
            if (answer.errorCode && UNEXPECTED_CODES.has(answer.errorCode))
              problems.push(`error ${answer.errorCode}`);
            if (problems.length > 0) throw new Error(problems.join('\n'));
          }),
          { seed: FUZZ_SEED, numRuns },
        );
      } finally {
        warn.mockRestore();
        await openai.close();
      }
      expect(logProblems(logs.lines)).toEqual([]);
      expect(sample.statementProblems()).toEqual([]);
      const ms = Math.round(performance.now() - started);
      console.log(
        `fuzz agent LLM mode: ${numRuns} hostile questions with generated model replies ` +
          `(${[...planners].map(([planner, count]) => `${planner} ${count}`).join(', ')}), ${openai.requests.length} LLM requests, ${ms} ms`,
      );
    },
    fuzzTimeout(),
  );
  // Found by this fuzz run: a provider whose 401 body echoes the key used to put it in a log line; the logger
  // now masks secret-shaped values inside every string (src/core/secrets.ts).
  test('a provider error that echoes the API key does not put the key in a log line', async () => {
    const openai = await startFakeOpenAi({
      fallback: { status: 401, body: { error: { message: `Incorrect API key provided: ${SECRET}` } } },
    });
    const logs = captureLogs();
    const agent = createBotAgent(
      {
        llm: {
          apiKey: SECRET,
          baseUrl: openai.url,
          model: 'gpt-4o-mini',
          timeoutMs: 2000,
          confidenceThreshold: 1.01,
        },
        maxQuestionChars: 2000,
      },
      { tools: sample.context, logger: logs.logger },
    );
    try {
      const answer = await agent.ask({ conversation: 'llm-key-echo', text: 'Top 5 des campagnes par ROI' });
      expect(answerProblems(answer, '')).toEqual([]);
    } finally {
      await openai.close();
    }
    expect(logProblems(logs.lines)).toEqual([]);
  });
});

function safeJson(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? String(item) : item)) ??
      String(value)
    );
  } catch {
    return String(value);
  }
}

// The checks above can fail: the recorder and the reply checks catch what they are meant to catch.
describe('the fuzz invariants themselves', () => {
  test("a metric query text outside the compiler's vocabulary is not taken for one", () => {
    expect(
      isMetricQuerySql(
        'WITH grouped AS (SELECT campaign_name, SUM(revenue) AS revenue FROM marketing_kpi_daily GROUP BY campaign_name) SELECT * FROM grouped LIMIT ?',
      ),
    ).toBe(true);
    expect(
      isMetricQuerySql('WITH grouped AS (SELECT * FROM duckdb_settings()) SELECT * FROM grouped LIMIT ?'),
    ).toBe(false);
    expect(
      isMetricQuerySql(
        "WITH grouped AS (SELECT campaign_name FROM marketing_kpi_daily WHERE category = 'x') SELECT * FROM grouped LIMIT ?",
      ),
    ).toBe(false);
  });

  test('a statement outside the allowlist, even one the guard accepts, is reported', async () => {
    const own = await openRecordingSample({ ml: false });
    try {
      await own.context.warehouse.select({
        name: 'evil',
        sql: 'SELECT campaign_name FROM marketing_kpi LIMIT ?',
        params: [1],
      });
      const problems = own.statementProblems();
      expect(problems.some((problem) => problem.includes('select of unknown name evil'))).toBe(true);
      expect(problems.some((problem) => problem.includes('outside the allowlist'))).toBe(true);
    } finally {
      await own.close();
    }
  });

  test('stack traces, SQL, secrets, broken values and empty texts in a reply are reported', () => {
    const reply = (text: string) => ({
      language: 'fr',
      intent: 'kpi_qa',
      text,
      recommendations: [],
      blocks: [],
      charts: [],
      provenance: [],
      followUps: [],
      planner: 'offline',
    });
    expect(answerProblems(reply('Bonjour.'), '')).toEqual([]);
    for (const text of [
      '',
      '  ',
      'TypeError: x is undefined',
      'failed\n    at run (agent/tools/registry.ts:12:3)',
      'SELECT campaign_name FROM marketing_kpi',
      `clé ${SECRET}`,
      'ROI de NaN %',
    ]) {
      expect(answerProblems(reply(text), '')).not.toEqual([]);
    }
    // What the question brought itself is not a leak.
    expect(answerProblems(reply('Je ne connais pas « marketing_kpi ».'), 'DROP TABLE marketing_kpi')).toEqual(
      [],
    );
    expect(logProblems([`{"err":"${SECRET}"}`, '{"err":"x\\n    at f (a.ts:1:2)"}'])).toHaveLength(2);
  });
});
