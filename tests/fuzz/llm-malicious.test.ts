// A malicious LLM: a scripted chat model (no HTTP) whose generated replies are hostile tool calls — unknown
// tools, wrong types, SQL in arguments, oversized limits, up to 50 calls, deeply nested arguments, prototype-
// pollution keys, huge strings, text instead of calls — fed to createLlmPlanner and used by createAgent as its
// LLM planner (consulted on every question). Invariants: no crash, every reply a clean non-empty text, no
// secret or stack trace in replies or logs, only allowlisted named SQL reaches the driver, and Object.prototype
// is untouched. `FUZZ_RUNS=<factor>` runs more.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { BaseChatModel, type BindToolsInput } from '@langchain/core/language_models/chat_models';
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import type { ChatResult } from '@langchain/core/outputs';
import fc from 'fast-check';
import { createAgent } from '../../agent/graph.js';
import { createLlmPlanner } from '../../agent/llm/llm-planner.js';
import { createOfflinePlanner } from '../../agent/nlu/offline-planner.js';
import {
  answerProblems,
  anyValueArb,
  captureLogs,
  FUZZ_SEED,
  fuzzTimeout,
  logProblems,
  messageArb,
  mutatedCallArb,
  openRecordingSample,
  PROMPT_INJECTIONS,
  type RecordingSample,
  runs,
  SECRET,
  SQL_INJECTIONS,
  TOOL_ARG_KEYS,
  TOOL_NAMES,
  toolArgsArb,
  UNEXPECTED_CODES,
  UNKNOWN_TOOL_NAMES,
} from './harness.js';

/** A chat model that answers whatever the test scripted last; it records how often it was called. */
class MaliciousChatModel extends BaseChatModel {
  next: AIMessage = new AIMessage('');
  calls = 0;
  constructor() {
    super({});
  }
  _llmType(): string {
    return 'malicious';
  }
  override bindTools(tools: BindToolsInput[], kwargs: Record<string, unknown> = {}) {
    return this.withConfig({ tools, ...kwargs } as never);
  }
  async _generate(_messages: BaseMessage[]): Promise<ChatResult> {
    this.calls++;
    return { generations: [{ text: '', message: this.next }] };
  }
}

interface GeneratedCall {
  name: string;
  args: unknown;
}

/** An object nested `depth` levels deep under `key` (built iteratively: no recursion limit in the generator). */
function nested(depth: number, key: string, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = key === 'array' ? [value] : { [key]: value };
  return value;
}

const hugeStringArb = fc
  .tuple(
    fc.constantFrom('x', "'; DROP TABLE marketing_kpi; --", '🙂', '\u0000', 'é'),
    fc.integer({ min: 1_000, max: 200_000 }),
  )
  .map(([unit, size]) => unit.repeat(Math.ceil(size / unit.length)));

const maliciousArgsArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: toolArgsArb },
  { weight: 3, arbitrary: mutatedCallArb.map((call) => call.args) },
  // SQL in every argument
  {
    weight: 2,
    arbitrary: fc.dictionary(fc.constantFrom(...TOOL_ARG_KEYS), fc.constantFrom(...SQL_INJECTIONS), {
      maxKeys: 4,
    }),
  },
  // oversized limits and k
  {
    weight: 2,
    arbitrary: fc.record(
      {
        limit: fc.constantFrom(0, 51, 1000, 10_001, 1e9, 1e308, -1, 2.5, Number.NaN),
        k: fc.constantFrom(0, 1, 6, 1000, -3),
      },
      { requiredKeys: [] },
    ),
  },
  // deeply nested
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('category', 'metric', 'a', '__proto__', 'array'),
        fc.integer({ min: 10, max: 5_000 }),
        anyValueArb,
      )
      .map(([key, depth, leaf]) => ({ category: nested(depth, key, leaf), limit: 5 })),
  },
  // prototype pollution: own keys named __proto__ / constructor / prototype (as JSON.parse makes them)
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.constantFrom(...TOOL_ARG_KEYS))
      .map(([key, slot]) =>
        JSON.parse(
          `{"${key}": {"polluted": "yes", "prototype": {"polluted": "yes"}}, "${slot}": {"__proto__": {"polluted": "yes"}}}`,
        ),
      ),
  },
  // huge strings
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...TOOL_ARG_KEYS), hugeStringArb)
      .map(([key, text]) => ({ [key]: text })),
  },
);

const callArb: fc.Arbitrary<GeneratedCall> = fc.record({
  name: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...TOOL_NAMES) },
    { weight: 2, arbitrary: fc.constantFrom(...UNKNOWN_TOOL_NAMES) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  ),
  args: maliciousArgsArb,
});

/** One generated model reply: tool calls (1–4, or exactly 50), text, or unparsable calls. */
const replyArb: fc.Arbitrary<AIMessage> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.array(callArb, { minLength: 1, maxLength: 4 }).map((calls) => toolCallMessage(calls)),
  },
  {
    weight: 1,
    arbitrary: fc.array(callArb, { minLength: 50, maxLength: 50 }).map((calls) => toolCallMessage(calls)),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        intent: fc.constantFrom(
          'help',
          'out_of_scope',
          'digest_admin',
          'kpi_qa',
          '__proto__',
          "'; DROP TABLE x; --",
        ),
        digest_action: fc.constantFrom('add', 'list', 'remove', 'nuke', undefined),
        cron: fc.constantFrom('0 8 * * 1', '* * * * * *', "'; rm -rf /", undefined),
        digest_id: fc.constantFrom('x', '../../etc/passwd', undefined),
      })
      .map((args) => toolCallMessage([{ name: 'reply_without_data', args }])),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...PROMPT_INJECTIONS, ...SQL_INJECTIONS, SECRET, '')
      .map((content) => new AIMessage(content)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...TOOL_NAMES, 'run_sql').map(
      (name) =>
        new AIMessage({
          content: '',
          invalid_tool_calls: [
            {
              name,
              args: '{"limit": 5, "category": "social\'',
              id: 'bad',
              error: 'bad JSON',
              type: 'invalid_tool_call',
            },
          ],
        }),
    ),
  },
);

function toolCallMessage(calls: GeneratedCall[]): AIMessage {
  return new AIMessage({
    content: '',
    tool_calls: calls.map((call, index) => ({
      name: call.name,
      args: call.args as Record<string, unknown>,
      id: `call_${index}`,
      type: 'tool_call' as const,
    })),
  });
}

let sample: RecordingSample;
beforeAll(async () => {
  sample = await openRecordingSample();
});
afterAll(async () => {
  await sample.close();
});

describe('the agent with a malicious LLM planner', () => {
  test(
    'every generated reply ends in a clean answer; only named SQL runs; nothing is polluted',
    async () => {
      const model = new MaliciousChatModel();
      const logs = captureLogs();
      const agent = createAgent({
        tools: sample.context,
        offline: createOfflinePlanner(),
        // Above 1: the LLM is consulted on every question the offline planner does not settle itself.
        llm: { planner: createLlmPlanner(model, { timeoutMs: 2000 }), confidenceThreshold: 1.01 },
        logger: logs.logger,
        maxQuestionChars: 2000,
      });
      const before = { driver: sample.driverCalls.length, selects: sample.selects.length };
      const numRuns = runs(1_000);
      const planners = new Map<string, number>();
      const codes = new Map<string, number>();
      let toolCalls = 0;
      const started = performance.now();
      await fc.assert(
        fc.asyncProperty(replyArb, messageArb(3_000), fc.nat(20), async (reply, text, thread) => {
          model.next = reply;
          toolCalls += reply.tool_calls?.length ?? 0;
          const answer = await agent.ask({ conversation: `malicious-${thread}`, text });
          planners.set(answer.planner, (planners.get(answer.planner) ?? 0) + 1);
          if (answer.errorCode) codes.set(answer.errorCode, (codes.get(answer.errorCode) ?? 0) + 1);
          const problems = answerProblems(answer, text);
          if (answer.errorCode && UNEXPECTED_CODES.has(answer.errorCode))
            problems.push(`error ${answer.errorCode}`);
          if (({} as Record<string, unknown>).polluted !== undefined)
            problems.push('Object.prototype polluted');
          if (problems.length > 0) throw new Error(problems.join('\n'));
        }),
        { seed: FUZZ_SEED, numRuns },
      );
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
        Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort(),
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(logProblems(logs.lines)).toEqual([]);
      expect(sample.statementProblems()).toEqual([]);
      expect(model.calls).toBeGreaterThan(numRuns / 2);
      const ms = Math.round(performance.now() - started);
      console.log(
        `fuzz malicious LLM: ${numRuns} generated replies (${toolCalls} tool calls, ${model.calls} model calls; ` +
          `${[...planners].map(([planner, count]) => `${planner} ${count}`).join(', ')}; error answers: ` +
          `${[...codes].map(([code, count]) => `${code} ${count}`).join(', ') || 'none'}), ` +
          `${sample.selects.length - before.selects} selects, ${sample.driverCalls.length - before.driver} driver statements, ` +
          `${logs.lines.length} log lines, ${ms} ms`,
      );
    },
    fuzzTimeout(),
  );
});
