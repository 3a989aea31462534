// Grouped (aggregate_by_dimension by category or campaign): spend and revenue side by side for each group, the
// amounts written on the bars and the group's ROI next to its name, so the three figures of the table are read
// at a glance. Horizontal bars keep long campaign names readable on a phone.
import type { TopLevelSpec } from 'vega-lite';
import { COLORS } from '../theme.js';
import { formatValue, groupKey, measureLabel, moneyAxis, num, tr } from '../values.js';
import { axis, firstRows, frame, MAX_BARS, type SpecInput } from './common.js';
import { paddedDomain } from './ranking.js';

export function groupedSpec(input: SpecInput): TopLevelSpec {
  const { request, context } = input;
  const key = groupKey(request.rows);
  const series = [
    { column: 'mark_spent', name: measureLabel('mark_spent', context.language), color: COLORS.secondary },
    { column: 'revenue', name: measureLabel('revenue', context.language), color: COLORS.primary },
  ];
  const shown = firstRows(request.rows, MAX_BARS, context.language);
  const values = shown.rows.flatMap((row, rank) => {
    const roi = num(row.roi);
    const group =
      roi === null
        ? String(row[key])
        : `${row[key]} · ROI ${formatValue('signed_percent', roi, context.currency)}`;
    return series.map((entry, order) => ({
      rank,
      order,
      group,
      series: entry.name,
      value: num(row[entry.column]) ?? 0,
      label: formatValue('money', row[entry.column], context.currency),
    }));
  });
  // Two bars and a two-line name per group, as tight as 20 px text allows (the PNG stays under 200 KB).
  const height = Math.max(360, 160 + shown.rows.length * 64);
  return frame(
    input,
    height,
    {
      data: { values },
      encoding: {
        y: {
          field: 'group',
          type: 'nominal',
          sort: null,
          // The ROI goes under the name: a narrow chart keeps its room for the bars.
          axis: axis({
            title: null,
            labelFontWeight: 'bold',
            labelLimit: 260,
            labelExpr: "split(datum.label, ' · ')",
          }),
        },
        yOffset: { field: 'series', sort: null },
        x: {
          field: 'value',
          type: 'quantitative',
          scale: {
            // Room for the amounts written past the bars (« CHF 21 119 887 ») on a phone-sized chart.
            domain: paddedDomain(
              values.map((entry) => entry.value),
              0.8,
            ),
            nice: false,
          },
          axis: axis({
            title: context.currency,
            tickCount: 3,
            ...moneyAxis(Math.max(...values.map((entry) => entry.value)), context.currency),
          }),
        },
      },
      layer: [
        {
          mark: { type: 'bar', cornerRadiusEnd: 3 },
          encoding: {
            color: {
              field: 'series',
              type: 'nominal',
              sort: null,
              scale: { domain: series.map((entry) => entry.name), range: series.map((entry) => entry.color) },
              legend: { title: null },
            },
          },
        },
        ...[
          {
            mark: { type: 'text', align: 'left', dx: 8 },
            encoding: { text: { field: 'label' } },
          },
        ],
      ],
    },
    tr(context.language, 'Dépenses et CA ; ROI à côté du nom', 'Spend and revenue; ROI next to the name') +
      (shown.note ? ` (${shown.note})` : ''),
  );
}
