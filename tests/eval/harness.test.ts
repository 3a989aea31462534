// The eval harness itself: golden lines are validated (a bad line names its number), scores count intents,
// tools and key arguments exactly, and schema-invalid calls are failures.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';
import { evaluatePlanner, formatReport, type GoldenItem, loadGolden } from '../../agent/eval/harness.js';
import type { Plan, Planner } from '../../src/analysis/plan.js';
import { SAMPLE_CATALOG } from './catalog-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'golden-'));
const write = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
};
const GOOD = JSON.stringify({ id: 'a', question: 'aide', language: 'fr', intent: 'help', calls: [] });

test('loadGolden reads lines and skips blank ones', () => {
  expect(loadGolden(write('good.jsonl', [GOOD, '']))).toHaveLength(1);
});

test.each([
  ['not json', /bad\.jsonl:2: invalid JSON/],
  [
    JSON.stringify({ id: 'b', question: 'x', language: 'de', intent: 'help', calls: [] }),
    /bad\.jsonl:2: language/,
  ],
  [
    JSON.stringify({ id: 'b', question: 'x', language: 'fr', intent: 'chat', calls: [] }),
    /bad\.jsonl:2: intent/,
  ],
  [
    JSON.stringify({ id: 'b', question: 'x', language: 'fr', intent: 'help', calls: [], extra: 1 }),
    /bad\.jsonl:2/,
  ],
  [GOOD, /bad\.jsonl:2: duplicate id a/],
])('a bad line is named by its number (%s)', (line, message) => {
  expect(() => loadGolden(write('bad.jsonl', [GOOD, line]))).toThrow(message);
});

const ITEMS: GoldenItem[] = [
  {
    id: 'rank',
    question: 'q1',
    language: 'fr',
    intent: 'kpi_qa',
    calls: [{ tool: 'rank_campaigns', args: { metric: 'roi', limit: 5 } }],
  },
  { id: 'help', question: 'q2', language: 'en', intent: 'help', calls: [] },
];

function scripted(plans: Record<string, Plan>): Planner {
  return {
    name: 'llm',
    async plan(input) {
      const plan = plans[input.text];
      if (!plan) throw new Error('no plan');
      return plan;
    },
  };
}

test('scores intents, tools and key arguments exactly, and reports failures', async () => {
  const planner = scripted({
    q1: {
      intent: 'kpi_qa',
      language: 'fr',
      confidence: 1,
      calls: [{ tool: 'rank_campaigns', args: { metric: 'roi', limit: 5.5 } }],
    },
    q2: { intent: 'help', language: 'en', confidence: 1, calls: [] },
  });
  const report = await evaluatePlanner(planner, ITEMS, SAMPLE_CATALOG);
  expect(report.exact).toEqual({ total: 2, correct: 1 });
  expect(report.perIntent.kpi_qa).toEqual({ total: 1, correct: 1 });
  expect(report.perTool.rank_campaigns).toEqual({ total: 1, correct: 1 });
  expect(report.perArgument['rank_campaigns.metric']).toEqual({ total: 1, correct: 1 });
  expect(report.perArgument['rank_campaigns.limit']).toEqual({ total: 1, correct: 0 });
  expect(report.invalidCalls).toBe(1); // 5.5 is not an integer limit
  expect(report.failures.map((failure) => failure.id)).toEqual(['rank']);
  const table = formatReport(report);
  expect(table).toMatch(/exact plan\s+1\/2\s+50\.0 %/);
  expect(table).toMatch(/arg rank_campaigns\.limit\s+0\/1/);
  expect(table).toMatch(/- rank « q1 »: limit: 5\.5 instead of 5/);
});

test('a planner that throws is a failure, not a crash', async () => {
  const report = await evaluatePlanner(scripted({}), ITEMS, SAMPLE_CATALOG);
  expect(report.exact.correct).toBe(0);
  expect(report.failures[0]?.reasons[0]).toMatch(/planner threw/);
});

test('a null key argument in the golden file means the argument must be absent', async () => {
  const item: GoldenItem = {
    id: 'compare',
    question: 'q',
    language: 'en',
    intent: 'kpi_qa',
    calls: [{ tool: 'aggregate_by_dimension', args: { group_by: 'category', category: null } }],
  };
  const planWith = (args: Record<string, unknown>): Plan => ({
    intent: 'kpi_qa',
    language: 'en',
    confidence: 1,
    calls: [{ tool: 'aggregate_by_dimension', args }],
  });
  const absent = await evaluatePlanner(
    scripted({ q: planWith({ group_by: 'category' }) }),
    [item],
    SAMPLE_CATALOG,
  );
  expect(absent.exact.correct).toBe(1);
  const present = await evaluatePlanner(
    scripted({ q: planWith({ group_by: 'category', category: 'social' }) }),
    [item],
    SAMPLE_CATALOG,
  );
  expect(present.failures[0]?.reasons).toEqual(['category: "social" instead of null']);
});
