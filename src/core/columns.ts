// How each warehouse / tool column is labelled and formatted, in one place for the composer and every renderer.
import type { Language, TableColumn, ValueFormat } from './answer.js';
import { formatMoney, formatNumber, formatPercent, formatPoints } from './format.js';
import type { Cell } from './rows.js';

const COLUMNS: Record<string, { fr: string; en: string; format: ValueFormat }> = {
  campaign_name: { fr: 'Campagne', en: 'Campaign', format: 'text' },
  category: { fr: 'Catégorie', en: 'Category', format: 'text' },
  segment: { fr: 'Segment', en: 'Segment', format: 'text' },
  day: { fr: 'Jour', en: 'Day', format: 'date' },
  week: { fr: 'Semaine du', en: 'Week of', format: 'date' },
  month: { fr: 'Mois', en: 'Month', format: 'date' },
  period: { fr: 'Période', en: 'Period', format: 'date' },
  campaigns: { fr: 'Campagnes', en: 'Campaigns', format: 'integer' },
  impressions: { fr: 'Impressions', en: 'Impressions', format: 'integer' },
  clicks: { fr: 'Clics', en: 'Clicks', format: 'integer' },
  leads: { fr: 'Leads', en: 'Leads', format: 'integer' },
  orders: { fr: 'Commandes', en: 'Orders', format: 'integer' },
  mark_spent: { fr: 'Dépenses', en: 'Spend', format: 'money' },
  revenue: { fr: 'CA', en: 'Revenue', format: 'money' },
  ctr: { fr: 'CTR', en: 'CTR', format: 'percent' },
  cvr: { fr: 'CVR', en: 'CVR', format: 'percent' },
  cpl: { fr: 'CPL', en: 'CPL', format: 'money2' },
  cpa: { fr: 'CPA', en: 'CPA', format: 'money2' },
  cpc: { fr: 'CPC', en: 'CPC', format: 'money2' },
  cpm: { fr: 'CPM', en: 'CPM', format: 'money2' },
  roi: { fr: 'ROI', en: 'ROI', format: 'signed_percent' },
  roas: { fr: 'ROAS', en: 'ROAS', format: 'ratio' },
  spend_share: { fr: 'Part du budget', en: 'Share of spend', format: 'percent' },
  budget_increase_pct: { fr: 'Variation budget', en: 'Budget change', format: 'signed_points' },
  current_budget: { fr: 'Budget actuel', en: 'Current budget', format: 'money' },
  simulated_budget: { fr: 'Budget simulé', en: 'Simulated budget', format: 'money' },
  current_revenue: { fr: 'CA actuel', en: 'Current revenue', format: 'money' },
  simulated_revenue: { fr: 'CA simulé', en: 'Simulated revenue', format: 'money' },
  simulated_revenue_low: { fr: 'CA simulé (bas)', en: 'Simulated revenue (low)', format: 'money' },
  simulated_revenue_high: { fr: 'CA simulé (haut)', en: 'Simulated revenue (high)', format: 'money' },
  delta_revenue: { fr: 'Delta CA', en: 'Revenue delta', format: 'money' },
  delta_revenue_pct: { fr: 'Delta CA %', en: 'Revenue delta %', format: 'signed_points' },
  incremental_roi: { fr: 'ROI incrémental', en: 'Incremental ROI', format: 'signed_percent' },
  budget: { fr: 'Budget', en: 'Budget', format: 'money' },
  expected_revenue: { fr: 'CA attendu', en: 'Expected revenue', format: 'money' },
  revenue_low: { fr: 'CA bas', en: 'Revenue low', format: 'money' },
  revenue_high: { fr: 'CA haut', en: 'Revenue high', format: 'money' },
};

export function tableColumn(key: string, language: Language): TableColumn {
  const known = COLUMNS[key];
  return { key, label: known ? known[language] : key, format: known?.format ?? 'text' };
}

/** A cell as text for people: the column's format, French-Swiss numbers, « – » for NULL. */
export function formatCell(
  format: ValueFormat,
  value: Cell | undefined,
  currency: string,
  language: Language = 'fr',
): string {
  if (value === null || value === undefined) return '–';
  if (typeof value !== 'number') return String(value);
  switch (format) {
    case 'integer':
      return formatNumber(value, 0, language);
    case 'money':
      return formatMoney(value, currency, 0, language);
    case 'money2':
      return formatMoney(value, currency, 2, language);
    case 'percent':
      return formatPercent(value, { digits: Math.abs(value) < 0.1 ? 2 : 1, language });
    case 'signed_percent':
      return formatPercent(value, { signed: true, language });
    case 'signed_points':
      return formatPercent(value / 100, { signed: true, language });
    case 'delta_points':
      return formatPoints(value, 2, language);
    case 'ratio':
      return formatNumber(value, 2, language);
    case 'date':
    case 'text':
      return String(value);
  }
}
