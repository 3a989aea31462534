// Scores the agent's Answers against the answer-level expectations (agent/eval/expectations.ts): each question is
// asked (after its earlier turns, in one conversation) and classed as right, a question back (clarified), a refusal,
// or WRONG WITH CONFIDENCE: an answer carrying data whose figures, members or tool are not what was asked.
import { readFileSync } from 'node:fs';
import type { Agent } from '../../src/core/agent.js';
import type { Answer } from '../../src/core/answer.js';
import type { Row } from '../../src/core/rows.js';
import { type EvalQuestion, type Expectation, evalQuestionSchema, type Scope } from './expectations.js';
import { breakdown, contributions, inScope, metricOf, type ReferenceRow } from './reference.js';

export type Outcome = 'right' | 'clarified' | 'refused' | 'wrong';

export interface QuestionResult {
  id: string;
  category: string;
  language: string;
  outcome: Outcome;
  /** Why it is not right (empty when right). */
  reasons: string[];
}

export function loadEvalQuestions(path: string): EvalQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      if (line.trim() === '') return [];
      const parsed = evalQuestionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${index + 1}: ${parsed.error.message}`);
      return [parsed.data];
    });
}

/** A number as printed, and how far from the true value its rounding may be (half a unit of its last digit). */
export interface PrintedNumber {
  value: number;
  tolerance: number;
}

/**
 * Every number a person reads in a text: « CHF 48 231 » and "CHF 48’231" → 48231 (± 0.5), « +8,8 % », "+8.8%" and
 * « +8,8 pts » → 0.088 (± 0.0005).
 */
export function numbersIn(text: string): PrintedNumber[] {
  const normalized = text
    .normalize('NFKC')
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/[\u00a0\u202f\u2009'\u2019]/g, ' ');
  const found: PrintedNumber[] = [];
  // « % » and « pts » (percentage points, a gap between two rates) both scale by 1/100.
  const pattern = /([+-]?)(\d{1,3}(?: \d{3})+|\d+)(?:([.,])(\d+))?(\s?(?:%|pts?\b|points?\b))?/g;
  for (const match of normalized.matchAll(pattern)) {
    const [, sign, whole, , fraction, percent] = match;
    const value =
      Number(`${(whole ?? '').replace(/ /g, '')}${fraction ? `.${fraction}` : ''}`) * (sign === '-' ? -1 : 1);
    const tolerance = (0.5 * 10 ** -(fraction?.length ?? 0)) / (percent ? 100 : 1);
    found.push({ value: percent ? value / 100 : value, tolerance });
  }
  return found;
}

/** Whether `expected` is shown in the text, to the precision its printed form keeps. */
function stated(text: string, expected: number): boolean {
  return numbersIn(text).some(
    ({ value, tolerance }) => Math.abs(value - expected) <= tolerance * 1.0001 + Math.abs(expected) * 1e-9,
  );
}

const close = (a: unknown, b: number | null) =>
  b === null
    ? a === null || a === undefined
    : typeof a === 'number' && Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 1e-6);

const allRows = (answer: Answer): Row[] => answer.provenance.flatMap((call) => call.rows);
const MEMBER_COLUMNS = ['campaign_name', 'category', 'period', 'day', 'week', 'member'];
const memberOfRow = (row: Row): string | undefined => {
  for (const column of MEMBER_COLUMNS) if (typeof row[column] === 'string') return String(row[column]);
  return undefined;
};
const valueIn = (row: Row, metric: string): unknown => row[metric] ?? row.value;
const textOf = (answer: Answer) =>
  [
    answer.text,
    ...answer.blocks.flatMap((b) => (b.type === 'facts' ? b.facts.map((f) => `${f.label} ${f.value}`) : [])),
  ].join('\n');

/** No reasons when one of the answer's calls passes `test`; else the first call's reasons. */
function firstMatch(answer: Answer, test: (rows: Row[]) => string[]): string[] {
  const calls = answer.provenance.length > 0 ? answer.provenance : [{ rows: [] as Row[] }];
  const attempts = calls.map((call) => test(call.rows));
  return attempts.some((reasons) => reasons.length === 0) ? [] : attempts[0]!;
}

function scopeLabel(scope: Scope): string {
  return JSON.stringify(scope);
}

/** The reasons an answer does not meet an expectation (none = it does). */
export function check(expectation: Expectation, answer: Answer, data: readonly ReferenceRow[]): string[] {
  const text = textOf(answer);
  switch (expectation.kind) {
    case 'value': {
      const expected = metricOf(expectation.metric, inScope(data, expectation.scope));
      if (expected === null) return [`no reference figure for ${scopeLabel(expectation.scope)}`];
      return stated(text, expected) ? [] : [`${expectation.metric} ${expected} not stated`];
    }
    case 'compare':
      return expectation.sides.flatMap((side) => {
        const expected = metricOf(expectation.metric, inScope(data, side));
        return expected !== null && stated(text, expected)
          ? []
          : [`${expectation.metric} of ${scopeLabel(side)} (${expected}) not stated`];
      });
    case 'values': {
      const rows = allRows(answer);
      return breakdown(expectation.metric, expectation.by, inScope(data, expectation.scope)).flatMap(
        ({ member, value }) =>
          rows.some((row) => memberOfRow(row) === member && close(valueIn(row, expectation.metric), value))
            ? []
            : [`${member}: ${expectation.metric} ${value} missing`],
      );
    }
    case 'ranking': {
      const members = breakdown(expectation.metric, expectation.by, inScope(data, expectation.scope)).filter(
        (item) => item.value !== null,
      );
      members.sort((a, b) => (expectation.order === 'desc' ? b.value! - a.value! : a.value! - b.value!));
      const want = members.slice(0, expectation.limit);
      // Any one call of the answer may hold it (a multi-part answer has one call per part).
      return firstMatch(answer, (rows) => {
        if (rows.length < want.length) return [`${rows.length} rows, ${want.length} expected`];
        return want.flatMap((item, index) =>
          close(valueIn(rows[index]!, expectation.metric), item.value)
            ? []
            : [`rank ${index + 1}: ${item.member} expected, got ${memberOfRow(rows[index]!)}`],
        );
      });
    }
    case 'threshold': {
      const { op, value } = expectation;
      const meets = (x: number) =>
        op === '<' ? x < value : op === '<=' ? x <= value : op === '>' ? x > value : x >= value;
      const want = breakdown(expectation.metric, expectation.by, inScope(data, expectation.scope))
        .filter((item) => item.value !== null && meets(item.value))
        .map((item) => item.member)
        .sort();
      return firstMatch(answer, (rows) => {
        const got = [...new Set(rows.map(memberOfRow).filter((m): m is string => !!m))].sort();
        return JSON.stringify(got) === JSON.stringify(want)
          ? []
          : [`members ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`];
      });
    }
    case 'explain': {
      const before = inScope(data, { ...expectation.scope, ...expectation.before });
      const after = inScope(data, { ...expectation.scope, ...expectation.after });
      const top = contributions(expectation.metric, expectation.by, before, after)[0];
      const change = (metricOf(expectation.metric, after) ?? 0) - (metricOf(expectation.metric, before) ?? 0);
      const reasons: string[] = [];
      if (top && !answer.text.includes(top.member)) reasons.push(`main driver ${top.member} not named`);
      if (!stated(text, Math.abs(change)) && !stated(text, change))
        reasons.push(`change ${change} not stated`);
      return reasons;
    }
    case 'tool': {
      const call = answer.provenance.find((item) => item.tool === expectation.tool);
      if (!call) return [`no ${expectation.tool} call`];
      return Object.entries(expectation.args).flatMap(([key, value]) =>
        String(call.args[key]).toLowerCase() === String(value).toLowerCase()
          ? []
          : [`${key}: ${String(call.args[key])}, expected ${String(value)}`],
      );
    }
    case 'no_data':
      return allRows(answer).length === 0 ? [] : ['figures given for a scope with no data'];
    case 'no_figure':
      return answer.intent === expectation.intent && allRows(answer).length === 0
        ? []
        : [`intent ${answer.intent}`];
    case 'clarify':
      return answer.intent === 'clarify' ? [] : ['answered instead of asking back'];
    case 'all':
      return expectation.parts.flatMap((part) => check(part, answer, data));
  }
}

/** right / clarified / refused / wrong: an answer with data that fails the check is wrong with confidence. */
export function classify(
  expectation: Expectation,
  answer: Answer,
  data: readonly ReferenceRow[],
): QuestionResult['outcome'] & string {
  const reasons = check(expectation, answer, data);
  if (reasons.length === 0) return 'right';
  if (answer.intent === 'clarify') return 'clarified';
  const gaveData = answer.provenance.some((call) => call.rowCount > 0) && !answer.errorCode;
  return gaveData ? 'wrong' : 'refused';
}

export async function runAnswerEval(
  agent: Agent,
  questions: readonly EvalQuestion[],
  data: readonly ReferenceRow[],
): Promise<QuestionResult[]> {
  const results: QuestionResult[] = [];
  for (const question of questions) {
    const conversation = `eval:${question.id}`;
    for (const earlier of question.previous ?? []) await agent.ask({ conversation, text: earlier });
    const answer = await agent.ask({ conversation, text: question.question });
    const reasons = check(question.expect, answer, data);
    results.push({
      id: question.id,
      category: question.category,
      language: question.language,
      outcome: reasons.length === 0 ? 'right' : classify(question.expect, answer, data),
      reasons,
    });
  }
  return results;
}

export interface Rates {
  total: number;
  right: number;
  clarified: number;
  refused: number;
  wrong: number;
}

export function summarize(results: readonly QuestionResult[]): {
  all: Rates;
  perCategory: Record<string, Rates>;
} {
  const empty = (): Rates => ({ total: 0, right: 0, clarified: 0, refused: 0, wrong: 0 });
  const all = empty();
  const perCategory: Record<string, Rates> = {};
  for (const result of results) {
    perCategory[result.category] ??= empty();
    for (const rates of [all, perCategory[result.category]!]) {
      rates.total += 1;
      rates[result.outcome] += 1;
    }
  }
  return { all, perCategory };
}

const pct = (part: number, total: number) => (total === 0 ? '–' : `${((100 * part) / total).toFixed(1)} %`);

export function formatRates(title: string, summary: ReturnType<typeof summarize>): string {
  const line = (name: string, r: Rates) =>
    `${name.padEnd(14)} ${String(r.total).padStart(4)}  right ${pct(r.right, r.total).padStart(7)}  asked back ${pct(r.clarified, r.total).padStart(7)}  refused ${pct(r.refused, r.total).padStart(7)}  WRONG ${pct(r.wrong, r.total).padStart(7)}`;
  return [
    `== ${title} ==`,
    line('all', summary.all),
    ...Object.entries(summary.perCategory)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, rates]) => line(name, rates)),
  ].join('\n');
}
