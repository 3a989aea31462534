// Ranking (rank_campaigns, get_underperforming_campaigns): one horizontal bar per campaign in the order the tool
// returned them, the value written at the end of each bar; ROI bars are green above 0 and red below.
import type { TopLevelSpec } from 'vega-lite';
import { COLORS } from '../theme.js';
import {
  axisFormat,
  formatValue,
  measureColumn,
  measureLabel,
  moneyAxis,
  num,
  valueFormat,
} from '../values.js';
import { axis, firstRows, frame, MAX_BARS, type SpecInput } from './common.js';

/** A numeric domain from 0 with room past the longest bar for its label (marks outside it would be cut). */
export function paddedDomain(values: number[], room = 0.25): [number, number] {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const span = hi - lo || 1;
  return [lo < 0 ? lo - room * span : 0, hi > 0 ? hi + room * span : 0];
}

export function rankingSpec(input: SpecInput): TopLevelSpec {
  const { request, context } = input;
  const column = measureColumn(request);
  const format = valueFormat(column);
  const signed = format === 'signed_percent' || format === 'signed_points';
  const shown = firstRows(request.rows, MAX_BARS, context.language);
  const values = shown.rows.map((row, rank) => {
    const value = num(row[request.measure]) ?? 0;
    return {
      rank,
      name: String(row.campaign_name ?? row.category ?? `#${rank + 1}`),
      value,
      label: formatValue(format, row[request.measure], context.currency),
      tone: signed ? (value < 0 ? 'negative' : 'positive') : 'neutral',
    };
  });
  const label = (side: 'positive' | 'negative') => ({
    transform: [{ filter: side === 'negative' ? 'datum.value < 0' : 'datum.value >= 0' }],
    mark: { type: 'text', align: side === 'negative' ? 'right' : 'left', dx: side === 'negative' ? -8 : 8 },
    encoding: { text: { field: 'label' } },
  });
  return frame(
    input,
    // Rows for 20 px labels; 15 bars stay under 2200 px tall in the 1600 px wide PNG.
    Math.max(320, 140 + values.length * 44),
    {
      data: { values },
      encoding: {
        y: {
          field: 'name',
          type: 'nominal',
          sort: null,
          axis: axis({ title: null, labelFontWeight: 'bold', labelLimit: 260 }),
        },
        x: {
          field: 'value',
          type: 'quantitative',
          // Room for the value written past the longest bar (the plot is narrow on a phone-sized chart).
          scale: {
            domain: paddedDomain(
              values.map((entry) => entry.value),
              0.45,
            ),
            nice: false,
          },
          axis: axis({
            title: measureLabel(column, context.language),
            tickCount: 5,
            ...(format === 'money'
              ? moneyAxis(Math.max(...values.map((entry) => Math.abs(entry.value))), context.currency)
              : { format: axisFormat(format) }),
          }),
        },
      },
      layer: [
        {
          mark: { type: 'bar', cornerRadiusEnd: 4, height: { band: 0.7 } },
          encoding: {
            color: {
              field: 'tone',
              type: 'nominal',
              scale: {
                domain: ['positive', 'negative', 'neutral'],
                range: [COLORS.positive, COLORS.negative, COLORS.primary],
              },
              legend: null,
            },
          },
        },
        { mark: { type: 'rule', color: COLORS.neutral }, encoding: { x: { datum: 0 }, y: null } },
        ...[label('positive'), label('negative')],
      ],
    },
    shown.note,
  );
}
