// Trend: the measure over time as a line with points. Two row shapes reach it: kpi_trend (`period`, `value`)
// and aggregate_by_dimension by day / week / month (`day` | `week` | `month`, measure `roi`). Dates become
// pre-formatted ordinal labels (« 01.02 », « févr. 2021 »): no time-zone parsing, same output on every machine.
import type { TopLevelSpec } from 'vega-lite';
import { COLORS } from '../theme.js';
import {
  axisFormat,
  dateLabels,
  formatValue,
  GRAIN_LABEL,
  grainOf,
  measureColumn,
  measureLabel,
  moneyAxis,
  num,
  timeKey,
  tr,
  valueFormat,
} from '../values.js';
import { axis, frame, type SpecInput } from './common.js';

/** Point labels only while they fit side by side. */
const MAX_POINT_LABELS = 14;

export function trendSpec(input: SpecInput): TopLevelSpec {
  const { request, context } = input;
  const key = timeKey(request.rows);
  const column = measureColumn(request);
  const format = valueFormat(column);
  const rows = request.rows.filter((row) => typeof row[key] === 'string');
  const labels = dateLabels(rows.map((row) => String(row[key])));
  const values = rows.map((row, index) => ({
    index,
    date: labels[index],
    value: num(row[request.measure]),
    label: formatValue(format, row[request.measure], context.currency),
  }));
  const numbers = values.flatMap((entry) => (entry.value === null ? [] : [entry.value]));
  // All values NULL (e.g. CPL with no lead): an empty axis from 0 to 1 rather than an infinite domain.
  const lo = numbers.length > 0 ? Math.min(...numbers) : 0;
  const hi = numbers.length > 0 ? Math.max(...numbers) : 1;
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.2;
  const grain =
    GRAIN_LABEL[
      grainOf(
        key,
        rows.map((row) => String(row[key])),
      )
    ][context.language];
  return frame(
    input,
    560,
    {
      data: { values },
      encoding: {
        x: {
          field: 'date',
          type: 'ordinal',
          sort: null,
          scale: { type: 'point', padding: 0.4 },
          axis: axis({ title: null, labelAngle: 0 }),
        },
        y: {
          field: 'value',
          type: 'quantitative',
          scale: { domain: [lo - pad, hi + pad], nice: false, zero: false },
          axis: axis({
            title: measureLabel(column, context.language),
            tickCount: 5,
            ...(format === 'money' ? moneyAxis(hi, context.currency) : { format: axisFormat(format) }),
          }),
        },
      },
      layer: [
        { mark: { type: 'line', color: COLORS.primary, strokeWidth: 4 } },
        // Opaque: vega-lite's default point opacity (0.7) makes librsvg composite a full-size layer per point.
        { mark: { type: 'point', filled: true, size: 160, opacity: 1, color: COLORS.primary } },
        ...(values.length <= MAX_POINT_LABELS
          ? [
              {
                mark: { type: 'text', dy: -22, fontWeight: 'bold' },
                encoding: { text: { field: 'label' } },
              },
            ]
          : []),
      ],
    },
    `${measureLabel(column, context.language)} · ${tr(context.language, `${values.length} points, par ${grain}`, `${values.length} points, per ${grain}`)}`,
  );
}
