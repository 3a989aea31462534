// Argument schemas and helpers shared by the tools: date ranges, category and campaign resolution (with
// close-name suggestions), and the ToolOutput built from one timed query.
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { formatPeriod } from '../../core/format.js';
import { requireDates, requireMetric } from '../../warehouse/availability.js';
import { nameIndexOf } from '../../warehouse/catalog.js';
import type { Statement } from '../../warehouse/guard.js';
import type { TimedResult } from '../../warehouse/warehouse.js';
import type { ToolName } from './names.js';
import type { ToolContext, ToolOutput } from './types.js';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, 'not a real calendar date');

/** A free-text name (category, campaign): bounded, no control characters. It is only ever a bound value. */
export const nameText = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}]*$/u, 'no control characters');

export const dateRangeShape = {
  date_from: isoDate.optional().describe('First day included, YYYY-MM-DD'),
  date_to: isoDate.optional().describe('Last day included, YYYY-MM-DD'),
};

export function checkDateOrder(args: { date_from?: string; date_to?: string }, ctx: z.RefinementCtx): void {
  if (args.date_from && args.date_to && args.date_from > args.date_to) {
    ctx.addIssue({ code: 'custom', path: ['date_to'], message: 'date_to is before date_from' });
  }
}

/** The canonical spelling of a category in the data, or CATEGORY_NOT_FOUND listing the known ones. */
export async function resolveCategory(
  context: ToolContext,
  category: string | undefined,
): Promise<string | undefined> {
  if (category === undefined) return undefined;
  const { categories } = await context.catalog.get();
  const found = categories.find((known) => known.toLowerCase() === category.toLowerCase());
  if (found) return found;
  throw new AppError('CATEGORY_NOT_FOUND', `unknown category ${JSON.stringify(category)}`, {
    hint:
      categories.length > 0
        ? `Catégories disponibles : ${categories.join(', ')}.`
        : "Vos données n'ont pas de colonne de catégorie (canal).",
  });
}

/**
 * The campaign's exact name (case- and accent-insensitive match through the catalog's name index: O(1)), or
 * CAMPAIGN_NOT_FOUND suggesting close names (the index's typo search: no pass over every name).
 */
export async function resolveCampaign(context: ToolContext, name: string): Promise<string> {
  const catalog = await context.catalog.get();
  const index = nameIndexOf(catalog);
  const exact = index.exact(name);
  if (exact) return exact;
  const close = index.close(name, 3);
  const listed =
    close.length > 0 ? close : catalog.campaigns.slice(0, 12).map((campaign) => campaign.campaignName);
  throw new AppError('CAMPAIGN_NOT_FOUND', `unknown campaign ${JSON.stringify(name)}`, {
    hint: `${close.length > 0 ? 'Campagnes proches' : 'Campagnes disponibles'} : ${listed.join(', ')}.`,
    details: { suggestions: close },
  });
}

const TIME_GROUPS = new Set(['day', 'week', 'month']);
const BUILT_IN_GROUPS = new Set(['category', 'campaign_name', 'day', 'week', 'month']);

/** Another dimension of the team's model (placement, age, device…): checked against the data at run time. */
export const modelDimensionName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'a dimension name of the data (lower case, digits, _)');

/** A group-by must be a built-in one or a dimension the data has; else INVALID_ARGUMENTS naming those it has. */
export async function resolveDimension(context: ToolContext, groupBy: string): Promise<void> {
  if (BUILT_IN_GROUPS.has(groupBy)) return;
  const { dimensions = [] } = await context.catalog.get();
  if (dimensions.includes(groupBy)) return;
  throw new AppError('INVALID_ARGUMENTS', `unknown dimension ${JSON.stringify(groupBy)}`, {
    hint: `Dimensions disponibles : ${['category', 'campaign_name', 'day', 'week', 'month', ...dimensions].join(', ')}.`,
    details: { dimensions },
  });
}

/**
 * What the data must hold for this call: the measures of the KPI asked (ROI needs revenue and spend), dates for a
 * period or a trend. Refused with a French explanation (MEASURE_ABSENT, NO_DATES) before any query runs.
 */
export async function checkCapabilities(
  context: ToolContext,
  tool: string,
  args: Record<string, unknown>,
): Promise<void> {
  const catalog = await context.catalog.get();
  if (typeof args.metric === 'string') requireMetric(catalog, args.metric);
  if (tool === 'get_underperforming_campaigns') requireMetric(catalog, 'roi');
  const timed =
    tool === 'kpi_trend' ||
    args.date_from !== undefined ||
    args.date_to !== undefined ||
    (typeof args.group_by === 'string' && TIME_GROUPS.has(args.group_by));
  if (timed) requireDates(catalog, tool);
}

/** Runs one named query and wraps it as a ToolOutput with provenance. */
export async function runQuery(
  context: ToolContext,
  tool: ToolName,
  args: Record<string, unknown>,
  statement: Statement,
  describe: (result: TimedResult) => { summary: string; warnings?: string[] },
): Promise<ToolOutput> {
  await checkCapabilities(context, tool, args);
  const result = await context.warehouse.select(statement);
  const { summary, warnings = [] } = describe(result);
  if (result.truncated) warnings.push(`Résultat tronqué à ${result.rows.length} lignes.`);
  return {
    tool,
    summary,
    rows: result.rows,
    columns: result.columns,
    warnings,
    provenance: {
      tool,
      args,
      sql: statement.sql,
      params: statement.params,
      rows: result.rows,
      rowCount: result.rows.length,
      ms: result.ms,
    },
  };
}

export function periodLabel(args: { date_from?: string; date_to?: string }): string {
  const period = formatPeriod(args.date_from, args.date_to, 'fr');
  return period ? ` ${period}` : '';
}

export const NO_DATA = 'Aucune donnée pour ces filtres (période ou catégorie).';
