// What the revenue model learns from: one row per campaign per day (marketing_kpi_daily). Inputs are what a
// planner controls or can estimate before spending (spend, impressions, clicks, category); leads, orders and
// the date are outcomes or unknown in advance, so they are not features. Amounts and counts enter on a log
// scale and the target is log1p(revenue): spend and revenue span three orders of magnitude.
import { AppError } from '../core/errors.js';
import type { Row } from '../core/rows.js';
import type { CampaignKpis } from './segmentation.js';

/** One campaign-day: the same volumes as a campaign's totals (segmentation), for one date. */
export interface CampaignDay extends CampaignKpis {
  c_date: string;
}

/** One input to the model: a campaign-day's spend and volumes. */
export interface ModelInput {
  spend: number;
  impressions: number;
  clicks: number;
  category: string;
}

export const BASE_FEATURES = ['log_spend', 'log_impressions', 'log_clicks', 'ctr', 'log_cpc'] as const;

export function featureNames(categories: readonly string[]): string[] {
  return [...BASE_FEATURES, ...categories.map((category) => `category=${category}`)];
}

/** The feature vector of one input; `categories` is the one-hot order (empty for a one-category model). */
export function featureRow(input: ModelInput, categories: readonly string[]): number[] {
  const ctr = input.impressions > 0 ? input.clicks / input.impressions : 0;
  const cpc = input.spend / Math.max(1, input.clicks);
  return [
    Math.log1p(input.spend),
    Math.log1p(input.impressions),
    Math.log1p(input.clicks),
    ctr,
    Math.log1p(cpc),
    ...categories.map((category) => (category === input.category ? 1 : 0)),
  ];
}

export const toTarget = (revenue: number) => Math.log1p(Math.max(0, revenue));
export const fromTarget = (target: number) => Math.max(0, Math.expm1(target));

export function inputOf(row: CampaignDay): ModelInput {
  return { spend: row.mark_spent, impressions: row.impressions, clicks: row.clicks, category: row.category };
}

function numberCell(row: Row, column: string): number {
  const value = row[column];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new AppError('DATA_VALUE_INVALID', `training row: ${column} is not a finite number`, {
      details: { column, value },
    });
  }
  return value;
}

/** Warehouse rows (the ml_training_rows query) as typed campaign-days. */
export function campaignDaysFrom(rows: readonly Row[]): CampaignDay[] {
  return rows.map((row) => ({
    c_date: String(row.c_date),
    campaign_name: String(row.campaign_name),
    category: String(row.category),
    impressions: numberCell(row, 'impressions'),
    clicks: numberCell(row, 'clicks'),
    leads: numberCell(row, 'leads'),
    orders: numberCell(row, 'orders'),
    mark_spent: numberCell(row, 'mark_spent'),
    revenue: numberCell(row, 'revenue'),
  }));
}

/** A short stable fingerprint of the training rows (FNV-1a, 2 × 32 bits): the dataset version of a model. */
export function datasetVersion(rows: readonly CampaignDay[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const row of rows) {
    const text = `${row.c_date}|${row.campaign_name}|${row.category}|${row.impressions}|${row.clicks}|${row.leads}|${row.orders}|${row.mark_spent}|${row.revenue}\n`;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193) >>> 0;
      b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
    }
  }
  return `${rows.length}-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}
