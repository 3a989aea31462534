// The answer-level evaluation (issue "questions as people ask them"): each question says what a correct answer
// must contain, in the domain's terms, never as a plan. The harness computes every expected figure from the data
// file itself (plain TypeScript over the CSV rows, no SQL: agent/eval/reference.ts) and checks the agent's Answer,
// so a planner cannot be tuned to the expectations' shape, and a right plan with a wrong figure still fails.
//
// Conventions the questions follow (the bot's, stated in every answer): "today" is the data's last day; « hier » /
// "yesterday" = that day; « la semaine dernière » / "last week" / « les 7 derniers jours » = the 7 days ending on
// it; « ce mois » / "this month" / « le mois dernier » = its calendar month; « la semaine du 15 » = the 15th and the
// 6 days after it. Campaign names are written as in the data (`facebOOK_tier2` is one campaign).
import { z } from 'zod';

/** Every metric a question can be about: the measures and the KPIs (ratios of sums over the scope). */
export const EVAL_METRICS = [
  'impressions', 'clicks', 'leads', 'orders', 'mark_spent', 'revenue',
  'ctr', 'cvr', 'cpl', 'cpa', 'cpc', 'cpm', 'roi', 'roas',
] as const; // biome-ignore format: one list
export type EvalMetric = (typeof EVAL_METRICS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Which rows a figure is computed over. Absent fields = no restriction. */
export const scopeSchema = z
  .object({
    campaigns: z.array(z.string().min(1)).min(1).optional(),
    categories: z.array(z.string().min(1)).min(1).optional(),
    /** Every campaign whose name starts with this, case-insensitive (« facebook » = the 4 facebook_* campaigns). */
    campaign_prefix: z.string().min(1).optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .strict();
export type Scope = z.infer<typeof scopeSchema>;

const by = z.enum(['campaign', 'category', 'day', 'week']);
const period = z.object({ from: day, to: day }).strict();

const expectationSchema: z.ZodType<Expectation> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    /** One figure: a total (measures) or a KPI (ratio of sums) over the scope, stated in the answer's text. */
    z.object({ kind: z.literal('value'), metric: z.enum(EVAL_METRICS), scope: scopeSchema }).strict(),
    /** A breakdown: each member's figure is in the answer's rows (order not checked). */
    z.object({ kind: z.literal('values'), metric: z.enum(EVAL_METRICS), by, scope: scopeSchema }).strict(),
    /** The first `limit` members by the metric, in order (desc = highest first), are the answer's first rows. */
    z
      .object({
        kind: z.literal('ranking'),
        metric: z.enum(EVAL_METRICS),
        by: z.enum(['campaign', 'category']),
        order: z.enum(['desc', 'asc']),
        limit: z.number().int().min(1).max(50),
        scope: scopeSchema,
      })
      .strict(),
    /** Exactly the members whose figure meets the threshold (fractions for %: CTR below 0.5 % → 0.005). */
    z
      .object({
        kind: z.literal('threshold'),
        metric: z.enum(EVAL_METRICS),
        by: z.enum(['campaign', 'category']),
        op: z.enum(['<', '<=', '>', '>=']),
        value: z.number(),
        scope: scopeSchema,
      })
      .strict(),
    /** Two or more members (or the same scope over two periods), each one's figure stated in the text. */
    z
      .object({
        kind: z.literal('compare'),
        metric: z.enum(EVAL_METRICS),
        sides: z.array(scopeSchema).min(2).max(4),
      })
      .strict(),
    /** « pourquoi » : the change of a KPI between two periods, decomposed by `by`; the member that contributed most
     * to the change must be named first among the drivers. */
    z
      .object({
        kind: z.literal('explain'),
        metric: z.enum(EVAL_METRICS),
        by: z.enum(['campaign', 'category']),
        before: period,
        after: period,
        scope: scopeSchema,
      })
      .strict(),
    /** A simulation or prediction: the ML tool and its key arguments (its figures come from a model). */
    z
      .object({
        kind: z.literal('tool'),
        tool: z.enum(['simulate_budget', 'predict_revenue', 'segment_campaigns']),
        args: z.record(z.string(), z.unknown()),
      })
      .strict(),
    /** The bot must ask one short question back (intent `clarify`), not answer another question. */
    z.object({ kind: z.literal('clarify') }).strict(),
    /** A scope with no data (another month, an unknown campaign): the answer says so, states no figure. */
    z.object({ kind: z.literal('no_data') }).strict(),
    /** Not a data question: help, out of scope, small talk. */
    z.object({ kind: z.literal('no_figure'), intent: z.enum(['help', 'out_of_scope']) }).strict(),
    /** A multi-part question: every part must be answered. */
    z.object({ kind: z.literal('all'), parts: z.array(expectationSchema).min(2).max(4) }).strict(),
  ]),
);

export type Expectation =
  | { kind: 'value'; metric: EvalMetric; scope: Scope }
  | { kind: 'values'; metric: EvalMetric; by: 'campaign' | 'category' | 'day' | 'week'; scope: Scope }
  | {
      kind: 'ranking';
      metric: EvalMetric;
      by: 'campaign' | 'category';
      order: 'desc' | 'asc';
      limit: number;
      scope: Scope;
    }
  | {
      kind: 'threshold';
      metric: EvalMetric;
      by: 'campaign' | 'category';
      op: '<' | '<=' | '>' | '>=';
      value: number;
      scope: Scope;
    }
  | { kind: 'compare'; metric: EvalMetric; sides: Scope[] }
  | {
      kind: 'explain';
      metric: EvalMetric;
      by: 'campaign' | 'category';
      before: { from: string; to: string };
      after: { from: string; to: string };
      scope: Scope;
    }
  | {
      kind: 'tool';
      tool: 'simulate_budget' | 'predict_revenue' | 'segment_campaigns';
      args: Record<string, unknown>;
    }
  | { kind: 'clarify' }
  | { kind: 'no_data' }
  | { kind: 'no_figure'; intent: 'help' | 'out_of_scope' }
  | { kind: 'all'; parts: Expectation[] };

export const CATEGORIES = [
  'totals', 'volumes', 'comparison', 'threshold', 'object', 'polarity', 'vocabulary', 'why', 'multi_part',
  'follow_up', 'dates', 'ranking', 'simulation', 'ambiguous', 'out_of_scope', 'typos', 'english',
] as const; // biome-ignore format: one list

export const evalQuestionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{3,60}$/),
    /** Paraphrases of one intent share a family: a split keeps a family whole (no near-duplicate leaks). */
    family: z.string().regex(/^[a-z0-9_-]{3,60}$/),
    category: z.enum(CATEGORIES),
    language: z.enum(['fr', 'en']),
    /** Earlier turns of the same conversation, asked first (follow-ups). */
    previous: z.array(z.string().min(1)).max(3).optional(),
    question: z.string().min(1).max(500),
    expect: expectationSchema,
    /** Why this is what the person means, when it is not obvious (the reading a reviewer should check). */
    note: z.string().max(300).optional(),
  })
  .strict();
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;
