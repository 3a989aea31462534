// The scope of a metric question as the data spells it: campaigns and categories resolved (close names suggested
// otherwise), a name prefix checked against the catalog (the campaigns it covers are said back), and the data's
// own dimensions, the only identifiers a metric query may group or filter by.
import { AppError } from '../../../core/errors.js';
import type { MetricQuery } from '../../../warehouse/metric-query.js';
import { resolveCampaign, resolveCategory } from '../common.js';
import type { ToolContext } from '../types.js';

export type ResolvedScope = Awaited<ReturnType<typeof resolveScope>>;

/** The filters as the data spells them (campaigns and categories resolved, close names suggested otherwise). */
export async function resolveScope(
  args: { campaigns?: string[]; categories?: string[]; name_prefix?: string },
  context: ToolContext,
) {
  const catalog = await context.catalog.get();
  const campaigns = args.campaigns
    ? await Promise.all(args.campaigns.map((name) => resolveCampaign(context, name)))
    : undefined;
  const categories = args.categories
    ? await Promise.all(args.categories.map(async (name) => (await resolveCategory(context, name))!))
    : undefined;
  let prefixed: string[] | undefined;
  if (args.name_prefix) {
    const prefix = args.name_prefix.toLowerCase();
    prefixed = catalog.campaigns
      .map((campaign) => campaign.campaignName)
      .filter((name) => name.toLowerCase().startsWith(prefix));
    if (prefixed.length === 0)
      throw new AppError(
        'CAMPAIGN_NOT_FOUND',
        `no campaign starts with ${JSON.stringify(args.name_prefix)}`,
        {
          hint: `Aucune campagne ne commence par « ${args.name_prefix} ». Campagnes : ${catalog.campaigns
            .slice(0, 12)
            .map((campaign) => campaign.campaignName)
            .join(', ')}.`,
        },
      );
  }
  const dimensions = new Set(['campaign_name', 'category', ...(catalog.dimensions ?? [])]);
  return { campaigns, categories, prefix: args.name_prefix, prefixed, dimensions };
}

/** The scope as the metric query's filters. */
export function scopeFilters(scope: ResolvedScope): Pick<MetricQuery, 'filters' | 'prefixes'> {
  return {
    filters: [
      ...(scope.campaigns ? [{ dimension: 'campaign_name', values: scope.campaigns }] : []),
      ...(scope.categories ? [{ dimension: 'category', values: scope.categories }] : []),
    ],
    prefixes: scope.prefix ? [{ dimension: 'campaign_name', prefix: scope.prefix }] : [],
  };
}
