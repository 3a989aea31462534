// The semantic model as a client sees it (the MCP resource): what the data measures (only the metrics its measures
// allow), how each KPI is defined (ratios of sums, NULL on a zero denominator), the breakdowns the tools accept
// (campaign, category and the model's other dimensions), the dates covered, and where the model came from (a model
// file, an old mapping, or inferred from the file). Read from the catalog, so it describes the data actually loaded.
import { METRIC_INFO, METRICS } from '../core/metrics.js';
import { metricAvailable } from '../warehouse/availability.js';
import { GRAINS } from '../warehouse/queries.js';
import type { Catalog } from './vocabulary.js';

const DEFINITIONS: Record<(typeof METRICS)[number], string> = {
  roi: '(revenue − mark_spent) / mark_spent',
  roas: 'revenue / mark_spent',
  revenue: 'SUM(revenue)',
  mark_spent: 'SUM(mark_spent)',
  ctr: 'clicks / impressions',
  cvr: 'orders / clicks',
  cpl: 'mark_spent / leads (NULL when leads = 0)',
  cpa: 'mark_spent / orders (NULL when orders = 0)',
  cpc: 'mark_spent / clicks (NULL when clicks = 0)',
  cpm: '1000 × mark_spent / impressions',
  clicks: 'SUM(clicks)',
  impressions: 'SUM(impressions)',
  leads: 'SUM(leads)',
  orders: 'SUM(orders)',
};

export interface ModelOrigin {
  modelSource: 'model' | 'mapping' | 'inferred';
  inferred?: { summary: string; reasons: string[]; ambiguities: string[] };
  notices: string[];
}

export function describeSemanticModel(catalog: Catalog, currency: string, origin?: ModelOrigin) {
  return {
    currency,
    grain: 'one row per campaign per day; a campaign is keyed by campaign_name',
    aggregation: 'every KPI over several rows is a ratio of sums, never an average of ratios',
    metrics: METRICS.filter((name) => metricAvailable(catalog, name)).map((name) => ({
      name,
      label: { fr: METRIC_INFO[name].fr, en: METRIC_INFO[name].en },
      unit: METRIC_INFO[name].unit,
      definition: DEFINITIONS[name],
    })),
    dimensions: ['campaign_name', 'category', ...(catalog.dimensions ?? [])],
    timeGrains: GRAINS,
    categories: catalog.categories,
    campaigns: catalog.campaigns.length,
    dates: { first: catalog.firstDay, last: catalog.lastDay },
    ...(origin ? { origin } : {}),
  };
}
