// The offline planner on the golden questions: it must get every one right (intent, tools, key arguments,
// language), and every call it produces must validate against its tool's zod schema.
import { describe, expect, test } from '@jest/globals';
import { evaluatePlanner, formatReport, loadGolden, schemaProblem } from '../../agent/eval/harness.js';
import { createOfflinePlanner } from '../../agent/nlu/offline-planner.js';
import { TOOL_NAMES } from '../../src/analysis/tools/names.js';
import { INTENTS } from '../../src/core/answer.js';
import { SAMPLE_CATALOG } from './catalog-fixture.js';

const GOLDEN = loadGolden('tests/eval/golden.jsonl');
// Every registered tool: a new tool must come with golden questions.
const TOOLS = [...TOOL_NAMES];

describe('golden file', () => {
  test('has at least 90 questions in French and English, covering every intent and tool', () => {
    expect(GOLDEN.length).toBeGreaterThanOrEqual(90);
    expect(new Set(GOLDEN.map((item) => item.language))).toEqual(new Set(['fr', 'en']));
    expect(new Set(GOLDEN.map((item) => item.intent))).toEqual(new Set(INTENTS));
    expect(new Set(GOLDEN.flatMap((item) => item.calls.map((call) => call.tool)))).toEqual(new Set(TOOLS));
    expect(GOLDEN.filter((item) => item.previous).length).toBeGreaterThanOrEqual(8);
  });

  test('expected calls are themselves valid tool calls', () => {
    const invalid = GOLDEN.flatMap((item) =>
      [...item.calls, ...(item.previous?.calls ?? [])].flatMap((call) => {
        // null marks an argument that must be absent: drop it before validating
        const args = Object.fromEntries(Object.entries(call.args).filter(([, value]) => value !== null));
        const problem = schemaProblem({ tool: call.tool, args });
        return problem ? [`${item.id}: ${problem}`] : [];
      }),
    );
    expect(invalid).toEqual([]);
  });
});

test('the offline planner is at 100 % on the golden questions, with schema-valid calls only', async () => {
  const report = await evaluatePlanner(createOfflinePlanner(), GOLDEN, SAMPLE_CATALOG);
  if (report.failures.length > 0) console.log(formatReport(report));
  expect(report.invalidCalls).toBe(0);
  expect(report.failures.map((failure) => `${failure.id}: ${failure.reasons.join('; ')}`)).toEqual([]);
  expect(report.exact.correct).toBe(report.total);
});
