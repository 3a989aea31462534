// The planner evaluation: golden questions (tests/eval/golden.jsonl) → accuracy per intent, per tool, per key
// argument, exact-plan accuracy and the failures. The same harness scores the offline planner and an LLM.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { Plan, Planner } from '../../src/analysis/plan.js';
import { findTool } from '../../src/analysis/tools/registry.js';
import type { Catalog } from '../../src/analysis/vocabulary.js';
import { INTENTS } from '../../src/core/answer.js';

const callSchema = z.object({ tool: z.string().min(1), args: z.record(z.string(), z.unknown()) }).strict();

export const goldenItemSchema = z
  .object({
    id: z.string().min(1),
    question: z.string(),
    language: z.enum(['fr', 'en']),
    previous: z
      .object({ intent: z.enum(INTENTS), calls: z.array(callSchema) })
      .strict()
      .optional(),
    intent: z.enum(INTENTS),
    /** Only the key arguments that must match; a null value means the argument must be absent. */
    calls: z.array(callSchema).max(2),
    /** true: the planner must ask back (clarification set, no calls). */
    clarification: z.boolean().optional(),
    /** For digest_admin: the digest request the planner must produce. */
    digest: z
      .object({
        action: z.enum(['add', 'list', 'remove']),
        cron: z.string().optional(),
        id: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type GoldenItem = z.infer<typeof goldenItemSchema>;

export interface Score {
  total: number;
  correct: number;
}

export interface EvalFailure {
  id: string;
  question: string;
  reasons: string[];
  expected: { intent: string; calls: unknown[] };
  got: Pick<Plan, 'intent' | 'language' | 'calls' | 'confidence' | 'clarification'> | { error: string };
}

export interface EvalReport {
  total: number;
  exact: Score;
  language: Score;
  perIntent: Record<string, Score>;
  perTool: Record<string, Score>;
  /** Keyed `tool.arg`. */
  perArgument: Record<string, Score>;
  /** Produced calls whose arguments fail the tool's zod schema (or name no tool). */
  invalidCalls: number;
  failures: EvalFailure[];
}

/** Reads a JSONL golden file; a bad line throws an error naming its line number. */
export function loadGolden(path: string): GoldenItem[] {
  const items: GoldenItem[] = [];
  const ids = new Set<string>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`${path}:${index + 1}: invalid JSON (${(error as Error).message})`);
      }
      const parsed = goldenItemSchema.safeParse(json);
      if (!parsed.success) {
        const problems = parsed.error.issues.map(
          (issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`,
        );
        throw new Error(`${path}:${index + 1}: ${problems.join('; ')}`);
      }
      if (ids.has(parsed.data.id)) throw new Error(`${path}:${index + 1}: duplicate id ${parsed.data.id}`);
      ids.add(parsed.data.id);
      items.push(parsed.data);
    });
  return items;
}

const count = (score: Score, ok: boolean) => {
  score.total += 1;
  if (ok) score.correct += 1;
};
const bump = (scores: Record<string, Score>, key: string, ok: boolean) => {
  scores[key] ??= { total: 0, correct: 0 };
  count(scores[key], ok);
};

/** Why the produced call does not validate against its tool's schema, or undefined when it does. */
export function schemaProblem(call: { tool: string; args: unknown }): string | undefined {
  const tool = findTool(call.tool);
  if (!tool) return `unknown tool ${call.tool}`;
  const parsed = tool.schema.safeParse(call.args);
  return parsed.success
    ? undefined
    : `${call.tool}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`;
}

export async function evaluatePlanner(
  planner: Planner,
  items: GoldenItem[],
  catalog: Catalog,
): Promise<EvalReport> {
  const report: EvalReport = {
    total: items.length,
    exact: { total: 0, correct: 0 },
    language: { total: 0, correct: 0 },
    perIntent: {},
    perTool: {},
    perArgument: {},
    invalidCalls: 0,
    failures: [],
  };
  for (const item of items) {
    const reasons: string[] = [];
    let plan: Plan | undefined;
    try {
      plan = await planner.plan({ text: item.question, previous: item.previous, catalog });
    } catch (error) {
      reasons.push(`planner threw: ${(error as Error).message}`);
    }
    const intentOk = plan?.intent === item.intent;
    bump(report.perIntent, item.intent, intentOk);
    if (plan && !intentOk) reasons.push(`intent ${plan.intent} instead of ${item.intent}`);
    count(report.language, plan?.language === item.language);
    if (plan && plan.language !== item.language) reasons.push(`language ${plan.language}`);
    if (plan && plan.calls.length !== item.calls.length)
      reasons.push(`${plan.calls.length} call(s) instead of ${item.calls.length}`);
    if (plan && item.clarification !== undefined && Boolean(plan.clarification) !== item.clarification)
      reasons.push(
        item.clarification ? 'no clarification' : `unexpected clarification: ${plan.clarification}`,
      );
    if (plan && item.digest && !isDeepStrictEqual(plan.digest, item.digest))
      reasons.push(`digest ${JSON.stringify(plan.digest)} instead of ${JSON.stringify(item.digest)}`);
    item.calls.forEach((expected, index) => {
      const got = plan?.calls[index];
      const toolOk = got?.tool === expected.tool;
      bump(report.perTool, expected.tool, toolOk);
      if (got && !toolOk) reasons.push(`call ${index + 1}: ${got.tool} instead of ${expected.tool}`);
      for (const [name, value] of Object.entries(expected.args)) {
        // null in the golden file means "must be absent" (e.g. no category filter when comparing two).
        const produced = got?.args[name];
        const argOk =
          toolOk && (value === null ? produced === undefined : isDeepStrictEqual(produced, value));
        bump(report.perArgument, `${expected.tool}.${name}`, argOk);
        if (toolOk && !argOk)
          reasons.push(`${name}: ${JSON.stringify(got?.args[name])} instead of ${JSON.stringify(value)}`);
      }
    });
    for (const call of plan?.calls ?? []) {
      const problem = schemaProblem(call);
      if (problem) {
        report.invalidCalls += 1;
        reasons.push(`invalid arguments: ${problem}`);
      }
    }
    count(report.exact, reasons.length === 0);
    if (reasons.length > 0) {
      report.failures.push({
        id: item.id,
        question: item.question,
        reasons,
        expected: { intent: item.intent, calls: item.calls },
        got: plan
          ? {
              intent: plan.intent,
              language: plan.language,
              calls: plan.calls,
              confidence: plan.confidence,
              clarification: plan.clarification,
            }
          : { error: reasons[0] ?? 'no plan' },
      });
    }
  }
  return report;
}

const percent = (score: Score) =>
  score.total === 0 ? '–' : `${((100 * score.correct) / score.total).toFixed(1)} %`;

/** A readable table: one line per intent, tool and argument, then the failures. */
export function formatReport(report: EvalReport): string {
  const rows: [string, Score][] = [
    ['exact plan', report.exact],
    ['language', report.language],
    ...Object.entries(report.perIntent).map(([name, score]): [string, Score] => [`intent ${name}`, score]),
    ...Object.entries(report.perTool).map(([name, score]): [string, Score] => [`tool ${name}`, score]),
    ...Object.entries(report.perArgument)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, score]): [string, Score] => [`arg ${name}`, score]),
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = [
    `${'measure'.padEnd(width)}  ${'right'.padStart(9)}  accuracy`,
    ...rows.map(
      ([name, score]) =>
        `${name.padEnd(width)}  ${`${score.correct}/${score.total}`.padStart(9)}  ${percent(score)}`,
    ),
    `invalid calls: ${report.invalidCalls}`,
  ];
  if (report.failures.length > 0) {
    lines.push('', `failures (${report.failures.length}):`);
    for (const failure of report.failures)
      lines.push(`- ${failure.id} « ${failure.question} »: ${failure.reasons.join('; ')}`);
  }
  return lines.join('\n');
}

/** For `npm run eval` and the LLM run: the golden file scored with a planner, as a report and a table. */
export async function runGoldenEval(
  planner: Planner,
  catalog: Catalog,
  path = 'tests/eval/golden.jsonl',
): Promise<{ report: EvalReport; table: string }> {
  const report = await evaluatePlanner(planner, loadGolden(path), catalog);
  return { report, table: formatReport(report) };
}
