// The table fallback every chart carries: the same figures as plain monospaced text, for platforms or clients
// that cannot show the image, screen readers, and logs. Numbers use the answer's fr-CH formatting.
import type { ChartRequest, ValueFormat } from '../src/core/answer.js';
import { tableColumn } from '../src/core/columns.js';
import type { Row } from '../src/core/rows.js';
import {
  type ChartContext,
  formatValue,
  groupKey,
  measureColumn,
  measureLabel,
  timeKey,
  valueFormat,
} from './values.js';

interface Column {
  key: string;
  label: string;
  format: ValueFormat;
}

const SIMULATION_KEYS = [
  'current_budget',
  'simulated_budget',
  'current_revenue',
  'simulated_revenue',
  'simulated_revenue_low',
  'simulated_revenue_high',
  'delta_revenue',
];

function column(key: string, context: ChartContext): Column {
  const known = tableColumn(key, context.language);
  return { key, label: known.label, format: known.format === 'date' ? 'text' : known.format };
}

function columnsOf(request: ChartRequest, context: ChartContext): Column[] {
  const first: Row = request.rows[0] ?? {};
  const present = (keys: string[]) => keys.filter((key) => key in first).map((key) => column(key, context));
  switch (request.kind) {
    case 'ranking': {
      const extra = request.measure === 'roi' ? ['mark_spent', 'revenue'] : ['roi'];
      return present(['campaign_name', 'category', request.measure, ...extra]);
    }
    case 'grouped':
      return present([groupKey(request.rows), 'mark_spent', 'revenue', 'roi']);
    case 'clusters':
      return present(['campaign_name', 'segment', 'roi', 'revenue', 'mark_spent']);
    case 'trend': {
      const metric = measureColumn(request);
      const value = {
        key: request.measure,
        label: measureLabel(metric, context.language),
        format: valueFormat(metric),
      };
      return [column(timeKey(request.rows), context), value];
    }
    case 'simulation':
      return present(SIMULATION_KEYS);
  }
}

function layout(title: string, header: string[], body: string[][], rightAligned: boolean[]): string {
  const widths = header.map((cell, index) => Math.max(cell.length, ...body.map((row) => row[index]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, index) =>
        rightAligned[index] ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [title, line(header), rule, ...body.map(line)].join('\n');
}

/** The chart's data as an aligned plain-text table (simulation: one line per figure). */
export function fallbackTable(request: ChartRequest, context: ChartContext): string {
  const columns = columnsOf(request, context);
  if (request.kind === 'simulation') {
    const row = request.rows[0] ?? {};
    const body = columns.map((entry) => [
      entry.label,
      formatValue(entry.format, row[entry.key], context.currency),
    ]);
    return layout(
      request.title,
      [context.language === 'fr' ? 'Indicateur' : 'Figure', context.language === 'fr' ? 'Valeur' : 'Value'],
      body,
      [false, true],
    );
  }
  const body = request.rows.map((row) =>
    columns.map((entry) =>
      entry.format === 'text'
        ? String(row[entry.key] ?? '–')
        : formatValue(entry.format, row[entry.key], context.currency),
    ),
  );
  return layout(
    request.title,
    columns.map((entry) => entry.label),
    body,
    columns.map((entry) => entry.format !== 'text'),
  );
}
