// The template composer: turns a plan and its tool outputs into the platform-neutral Answer, with figures only
// from the rows, 2–4 rule-based recommendations, tables, chart requests and buttons. It is the offline path
// and the fallback whenever an LLM-written answer is missing or ungrounded.
import type { Answer, AnswerAction, Block, ChartRequest, Fact, Language } from '../../core/answer.js';
import { formatCell, tableColumn } from '../../core/columns.js';
import { textAnswer } from '../../core/error-answer.js';
import { userMessage } from '../../core/errors.js';
import { exampleQuestions, tr } from '../i18n.js';
import type { Plan } from '../plan.js';
import { toolOf } from '../tools/registry.js';
import type { ToolOutput } from '../tools/types.js';
import { type DataRange, emptyResultText } from './empty-result.js';
import { recommend } from './recommendations.js';

export interface ComposeInput {
  plan: Plan;
  outputs: ToolOutput[];
  /** Tool calls that failed: their AppErrors, already safe to show through userMessage. */
  failures: unknown[];
  currency: string;
  planner: Answer['planner'];
  /** The days the data holds, said when a question finds no row. */
  dataRange?: DataRange;
}

function actionsFor(language: Language, followUps: string[], hasSql: boolean): AnswerAction[] {
  const actions: AnswerAction[] = [];
  if (hasSql)
    actions.push({
      id: 'show_sql',
      label: tr(language, 'Voir la requête SQL', 'Show the SQL'),
      kind: 'show_sql',
      value: 'sql',
    });
  followUps.slice(0, 2).forEach((question, index) => {
    actions.push({ id: `ask_${index + 1}`, label: question.slice(0, 75), kind: 'ask', value: question });
  });
  actions.push({ id: 'feedback_up', label: '👍', kind: 'feedback', value: 'up' });
  actions.push({ id: 'feedback_down', label: '👎', kind: 'feedback', value: 'down' });
  return actions;
}

/** An answer with no data behind it: help, out of scope, a question back, or an error (with example questions). */
export function simpleAnswer(
  plan: Pick<Plan, 'intent' | 'language'>,
  text: string,
  options: { planner?: Answer['planner']; errorCode?: string; examples?: boolean } = {},
): Answer {
  const answer = textAnswer(text, { ...options, intent: plan.intent, language: plan.language });
  const examples = options.examples === false ? [] : exampleQuestions(plan.language);
  if (examples.length === 0) return answer;
  const buttons: Block = {
    type: 'actions',
    actions: examples.slice(0, 3).map((question, index) => ({
      id: `ask_${index + 1}`,
      label: question,
      kind: 'ask',
      value: question,
    })),
  };
  return { ...answer, blocks: [...answer.blocks, buttons], followUps: examples };
}

/**
 * A question back instead of an answer (intent `clarify`): the question, and one button per reading (2–4) that
 * asks the question again spelled out; the same options as follow-ups, so every surface and `--json` show them.
 */
export function clarifyAnswer(
  plan: Pick<Plan, 'language' | 'options'>,
  question: string,
  planner: Answer['planner'] = 'offline',
): Answer {
  const options = (plan.options ?? []).slice(0, 4);
  const answer = textAnswer(question, { intent: 'clarify', language: plan.language, planner });
  if (options.length === 0) return answer;
  const buttons: Block = {
    type: 'actions',
    actions: options.map((option, index) => ({
      id: `clarify_${index + 1}`,
      label: option.slice(0, 75),
      kind: 'ask',
      value: option,
    })),
  };
  return { ...answer, blocks: [...answer.blocks, buttons], followUps: options };
}

/** Whether a period lies wholly before or after the days the data holds. */
function outsideData(period: { date_from?: string; date_to?: string }, range?: DataRange): boolean {
  if (!range?.firstDay || !range.lastDay) return false;
  return (
    (period.date_to !== undefined && period.date_to < range.firstDay) ||
    (period.date_from !== undefined && period.date_from > range.lastDay)
  );
}

export function composeAnswer(input: ComposeInput): Answer {
  const { plan, outputs, currency } = input;
  const language = plan.language;
  const views = outputs.map((output) => toolOf(output.tool).view(output, language, currency));
  const failureTexts = input.failures.map((failure) => userMessage(failure));
  const empty = outputs.length > 0 && outputs.every((output) => output.rows.length === 0);
  // No member past a threshold is an answer of its own (the view says « Aucune campagne n'a un CPL > … »): only a
  // question with nothing in its scope or period gets the « Aucune donnée » line.
  const filtered = plan.calls.some(
    (call) =>
      call.tool === 'get_underperforming_campaigns' ||
      (Array.isArray(call.args.thresholds) && call.args.thresholds.length > 0),
  );
  // « CA de février vs janvier » with no January in the data: that side has nothing to compare, so the answer says
  // so for that period instead of « contre  du 1er au 31 janvier » (one figure against none).
  const comparedOutside = plan.calls
    .map((call) => call.args.compare_to as { date_from?: string; date_to?: string } | undefined)
    .find((period) => period && outsideData(period, input.dataRange));
  const nothingInScope = (empty && !filtered) || comparedOutside !== undefined;
  const emptyCalls = comparedOutside ? [{ tool: 'query_metrics', args: { ...comparedOutside } }] : plan.calls;
  // Nothing found: one line saying so (the asked period, the data's days), not headlines over zero rows.
  const text = (
    nothingInScope
      ? [emptyResultText(emptyCalls, language, input.dataRange), ...failureTexts]
      : [...views.map((view) => view.headline), ...failureTexts]
  ).join('\n\n');
  const blocks: Block[] = [{ type: 'text', text }];
  const charts: ChartRequest[] = [];
  // A comparison with a period outside the data shows none of its figures (one side alone would read as the answer).
  const shownOutputs = comparedOutside ? [] : outputs;
  shownOutputs.forEach((output, index) => {
    const view = views[index]!;
    // KPI facts as fields (Slack section fields, Teams FactSet), when the tool's view asks for them.
    const factKeys = view.factKeys;
    const first = output.rows[0];
    if (factKeys && first) {
      const facts: Fact[] = factKeys.map((key) => {
        const column = tableColumn(key, language);
        return { label: column.label, value: formatCell(column.format, first[key], currency, language) };
      });
      blocks.push({ type: 'facts', facts });
    }
    if (view.tableKeys.length > 0 && output.rows.length > 0) {
      blocks.push({
        type: 'table',
        columns: view.tableKeys.map((key) => (typeof key === 'string' ? tableColumn(key, language) : key)),
        rows: output.rows,
        totalRows: output.rows.length,
      });
    }
    if (view.chart && output.rows.length > 0) {
      const chart: ChartRequest = {
        ...view.chart,
        id: `chart-${charts.length + 1}`,
        alt: `${view.chart.title} — ${tr(language, `${output.rows.length} ${output.rows.length === 1 ? 'ligne' : 'lignes'}`, `${output.rows.length} ${output.rows.length === 1 ? 'row' : 'rows'}`)}`,
      };
      charts.push(chart);
      blocks.push({ type: 'chart', chartId: chart.id, title: chart.title, alt: chart.alt });
    }
    if (!empty)
      for (const warning of output.warnings) blocks.push({ type: 'notice', level: 'warning', text: warning });
  });
  const followUps =
    empty || comparedOutside ? [] : [...new Set(views.flatMap((view) => view.followUps))].slice(0, 3);
  const hasSql = outputs.some((output) => output.provenance.sql);
  blocks.push({ type: 'actions', actions: actionsFor(language, followUps, hasSql) });
  return {
    language,
    intent: plan.intent,
    text,
    recommendations:
      outputs.length > 0 && !empty && !comparedOutside ? recommend(outputs, language, currency) : [],
    blocks,
    charts,
    provenance: outputs.map((output) => output.provenance),
    followUps,
    planner: input.planner,
    ...(outputs.length === 0 && input.failures.length > 0 ? { errorCode: codeOf(input.failures[0]) } : {}),
  };
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : 'INTERNAL';
}
