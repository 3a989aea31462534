// The data model: the columns of marketing_clean and the tables the bot may read. Identifiers that reach SQL
// come from these lists only.

export const TABLES = {
  clean: 'marketing_clean',
  kpi: 'marketing_kpi',
  kpiDaily: 'marketing_kpi_daily',
  /** The per-day table rolled up over the model's other dimensions: one row per day, campaign and category. */
  kpiCampaignDay: 'marketing_kpi_campaign_day',
  /** Each breakdown (category and every model dimension) over the whole data, precomputed: dimension, value, KPIs. */
  kpiDimensions: 'marketing_kpi_dimensions',
} as const;

/** Tables any statement may read. Nothing else is reachable through the SQL guard. */
export const READABLE_TABLES: readonly string[] = Object.values(TABLES);

export type ColumnKind = 'integer' | 'amount' | 'date' | 'text';

export interface CleanColumn {
  name: string;
  kind: ColumnKind;
  required: boolean;
}

export const CLEAN_COLUMNS = [
  { name: 'id', kind: 'integer', required: false },
  { name: 'c_date', kind: 'date', required: true },
  { name: 'campaign_name', kind: 'text', required: true },
  { name: 'category', kind: 'text', required: true },
  { name: 'campaign_id', kind: 'text', required: false },
  { name: 'impressions', kind: 'integer', required: true },
  { name: 'mark_spent', kind: 'amount', required: true },
  { name: 'clicks', kind: 'integer', required: true },
  { name: 'leads', kind: 'integer', required: true },
  { name: 'orders', kind: 'integer', required: true },
  { name: 'revenue', kind: 'amount', required: true },
] as const satisfies readonly CleanColumn[];

export type CleanColumnName = (typeof CLEAN_COLUMNS)[number]['name'];
export const CLEAN_COLUMN_NAMES = CLEAN_COLUMNS.map((column) => column.name) as [
  CleanColumnName,
  ...CleanColumnName[],
];
