// Reading chart rows: which column holds what, how a measure is formatted (the same fr-CH helpers as the tables,
// so a chart label and the table next to it show identical text), and the d3 format for vega's own axis ticks.
import type { ChartRequest, Language, ValueFormat } from '../src/core/answer.js';
import { formatCell, tableColumn } from '../src/core/columns.js';
import { METRIC_INFO, METRICS, type Metric } from '../src/core/metrics.js';
import type { Row } from '../src/core/rows.js';
import { SHORT_MONTHS } from './theme.js';

export interface ChartContext {
  currency: string;
  language: 'fr' | 'en';
}

export const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export const tr = (language: Language, fr: string, en: string): string => (language === 'fr' ? fr : en);

/** kpi_trend rows carry the metric as `value`: the metric is the column equal to `value` on every row. */
export function trendMetric(rows: Row[]): Metric | undefined {
  const valued = rows.filter((row) => num(row.value) !== null);
  if (valued.length === 0) return undefined;
  return METRICS.find((metric) => valued.every((row) => num(row[metric]) === num(row.value)));
}

/** The column the measure's numbers should be formatted as (`value` → the metric it stands for). */
export function measureColumn(request: ChartRequest): string {
  return request.measure === 'value' ? (trendMetric(request.rows) ?? 'roas') : request.measure;
}

export function valueFormat(column: string): ValueFormat {
  const format = tableColumn(column, 'fr').format;
  return format === 'text' || format === 'date' ? 'ratio' : format;
}

/** A measure's label for titles and axes: « ROI », « CA », « Dépenses »… */
export function measureLabel(column: string, language: Language): string {
  if ((METRICS as readonly string[]).includes(column)) {
    const label = METRIC_INFO[column as Metric][language];
    return label.charAt(0).toUpperCase() + label.slice(1);
  }
  return tableColumn(column, language).label;
}

export const formatValue = (format: ValueFormat, value: unknown, currency: string): string =>
  formatCell(format, num(value), currency);

/** d3 format for axis ticks (locale set in theme.ts): « CHF 20 000 000 », « 50 % », « 1,5 ». */
export function axisFormat(format: ValueFormat): string {
  switch (format) {
    case 'money':
      return '$,.0f';
    case 'money2':
      return '$,.2~f';
    case 'percent':
    case 'signed_percent':
      return '.1~%';
    case 'signed_points':
      return ',.1~f';
    case 'delta_points':
      return '+.2~%';
    case 'integer':
      return ',.0f';
    default:
      return ',.2~f';
  }
}

/** The time key of a trend: kpi_trend's `period`, or aggregate_by_dimension's day / week / month. */
export function timeKey(rows: Row[]): string {
  const first = rows[0] ?? {};
  return ['period', 'day', 'week', 'month'].find((key) => typeof first[key] === 'string') ?? 'period';
}

/** The label key of grouped rows (aggregate_by_dimension's group_by): campaign rows may also carry a category. */
export function groupKey(rows: Row[]): string {
  const first = rows[0] ?? {};
  return ['campaign_name', 'category', 'segment'].find((key) => typeof first[key] === 'string') ?? 'category';
}

/** 'YYYY-MM-DD' → « 01.02 » (day, week) or « févr. 2021 » (every date a first of the month: a monthly grain). */
export function dateLabels(dates: string[]): string[] {
  const monthly = dates.length > 1 && dates.every((date) => date.endsWith('-01'));
  return dates.map((date) => {
    const [year, month, day] = date.split('-');
    if (!year || !month || !day) return date;
    return monthly ? `${SHORT_MONTHS[Number(month) - 1]} ${year}` : `${day}.${month}`;
  });
}

/** Axis ticks for amounts: « CHF 15 000 000 » is too wide for a phone axis, so millions read « CHF 15 mio ». */
export function moneyAxis(max: number, currency: string): Record<string, string> {
  if (Math.abs(max) < 1e6) return { format: axisFormat('money') };
  const prefix = JSON.stringify(`${currency}\u00a0`);
  return {
    labelExpr: `datum.value === 0 ? ${prefix} + '0' : ${prefix} + format(datum.value / 1000000, ',.1~f') + '\u00a0mio'`,
  };
}

/** The grain of a time series: its key, or for kpi_trend's `period` the spacing of the first two dates. */
export function grainOf(key: string, dates: string[]): 'day' | 'week' | 'month' {
  if (key === 'day' || key === 'week' || key === 'month') return key;
  const [first, second] = dates.map((date) => Date.parse(`${date}T00:00:00Z`));
  if (first === undefined || second === undefined) return 'day';
  const days = Math.round((second - first) / 86_400_000);
  return days >= 28 ? 'month' : days >= 7 ? 'week' : 'day';
}

export const GRAIN_LABEL = {
  day: { fr: 'jour', en: 'day' },
  week: { fr: 'semaine', en: 'week' },
  month: { fr: 'mois', en: 'month' },
};
