// The platform-neutral answer: what the agent returns and every renderer (Block Kit, Adaptive Card, terminal,
// web chat) turns into its own format with an exhaustive switch over `blocks`.
import type { Provenance } from './provenance.js';
import type { Row } from './rows.js';

export type Language = 'fr' | 'en';

export const INTENTS = [
  'kpi_qa',
  'diagnostic',
  'segmentation',
  'budget_simulation',
  'prediction',
  'digest_admin',
  'help',
  'out_of_scope',
] as const;
export type Intent = (typeof INTENTS)[number];

/** What an answer is: a plan's intent, or `clarify` — a short question back with its options as buttons and
 * follow-ups, asked instead of answering a question the bot is not sure it understood. */
export type AnswerIntent = Intent | 'clarify';

/** How a table column is shown: the metric formatting of src/core/metrics.ts, or plain text/number/date. */
export type ValueFormat =
  | 'text'
  | 'integer'
  | 'money'
  | 'money2'
  | 'percent'
  | 'signed_percent'
  | 'signed_points'
  /** A difference between two rates (fractions), in percentage points: « +0,30 pts ». */
  | 'delta_points'
  | 'ratio'
  | 'date';

export interface TableColumn {
  key: string;
  label: string;
  format: ValueFormat;
}

export interface Fact {
  label: string;
  value: string;
}

/** A button: `action` is routed by the adapters back into the agent (e.g. a follow-up question). */
export interface AnswerAction {
  id: string;
  label: string;
  /** What pressing it does: ask a question, show the SQL of the answer, or record feedback. */
  kind: 'ask' | 'show_sql' | 'feedback';
  value: string;
}

export type Block =
  | { type: 'text'; text: string }
  | { type: 'facts'; facts: Fact[] }
  | { type: 'table'; title?: string; columns: TableColumn[]; rows: Row[]; totalRows: number }
  | { type: 'chart'; chartId: string; title: string; alt: string }
  | { type: 'notice'; level: 'info' | 'warning'; text: string }
  | { type: 'actions'; actions: AnswerAction[] };

/** A chart to render on the server (vega-lite); `kind` picks the spec builder in charts/. */
export interface ChartRequest {
  id: string;
  kind: 'ranking' | 'grouped' | 'clusters' | 'simulation' | 'trend';
  title: string;
  alt: string;
  /** The metric or measure plotted, as a warehouse column name. */
  measure: string;
  /** The rows the chart is drawn from (the table fallback shows the same rows). */
  rows: Row[];
}

export interface Answer {
  language: Language;
  intent: AnswerIntent;
  /** The short business answer, plain text with figures. */
  text: string;
  /** 2 to 4 concrete recommendations (fewer only for help / out-of-scope / errors). */
  recommendations: string[];
  blocks: Block[];
  charts: ChartRequest[];
  provenance: Provenance[];
  /** Suggested next questions. */
  followUps: string[];
  /** How the answer was produced: offline planner, LLM, or offline after an LLM failure. */
  planner: 'offline' | 'llm' | 'offline_fallback';
  /** Set when the answer is an error message (an AppError code). */
  errorCode?: string;
}
