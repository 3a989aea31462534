// Budget simulation (simulate_budget, one row): current vs simulated revenue as two bars, the model's interval
// drawn as an error bar on the simulated one; each bar's budget is written under it and the interval in the
// subtitle, so the picture alone tells what was simulated and how uncertain it is.
import type { TopLevelSpec } from 'vega-lite';
import { COLORS } from '../theme.js';
import { formatValue, moneyAxis, num, tr } from '../values.js';
import { axis, frame, type SpecInput } from './common.js';

export function simulationSpec(input: SpecInput): TopLevelSpec {
  const { request, context } = input;
  const row = request.rows[0] ?? {};
  const money = (value: unknown) => formatValue('money', value, context.currency);
  const low = num(row.simulated_revenue_low);
  const high = num(row.simulated_revenue_high);
  const pct = num(row.budget_increase_pct);
  const values = [
    {
      order: 0,
      bar: tr(
        context.language,
        `Actuel · budget ${money(row.current_budget)}`,
        `Current · budget ${money(row.current_budget)}`,
      ),
      value: num(row.current_revenue) ?? 0,
      top: num(row.current_revenue) ?? 0,
      label: money(row.current_revenue),
      low: null,
      high: null,
    },
    {
      order: 1,
      bar: tr(
        context.language,
        `Simulé · budget ${money(row.simulated_budget)}`,
        `Simulated · budget ${money(row.simulated_budget)}`,
      ),
      value: num(row.simulated_revenue) ?? 0,
      top: Math.max(num(row.simulated_revenue) ?? 0, high ?? 0),
      label: money(row.simulated_revenue),
      low,
      high,
    },
  ];
  const maxTop = Math.max(...values.map((entry) => entry.top), 1);
  const change = pct === null ? '' : ` ${formatValue('signed_points', pct, context.currency)}`;
  const scope = typeof row.category === 'string' && row.category !== 'all' ? ` (${row.category})` : '';
  const interval =
    low !== null && high !== null
      ? tr(
          context.language,
          ` · intervalle du CA simulé · ${money(low)} – ${money(high)}`,
          ` · simulated revenue interval · ${money(low)} – ${money(high)}`,
        )
      : '';
  const subtitle = `Budget${change}${scope}${interval}`;
  const yTitle = tr(context.language, `CA (${context.currency})`, `Revenue (${context.currency})`);
  return frame(
    input,
    520,
    {
      data: { values },
      encoding: {
        x: {
          field: 'bar',
          type: 'nominal',
          sort: null,
          scale: { paddingInner: 0.35, paddingOuter: 0.2 },
          // « Actuel », « budget », « CHF … » on three short lines: they fit under a bar on a phone-sized chart.
          axis: axis({
            title: null,
            labelAngle: 0,
            labelFontWeight: 'bold',
            labelLimit: 600,
            labelExpr: "split(replace(datum.label, 'budget ', 'budget · '), ' · ')",
          }),
        },
      },
      layer: [
        {
          mark: { type: 'bar', cornerRadiusEnd: 4, width: { band: 0.8 } },
          encoding: {
            y: {
              field: 'value',
              type: 'quantitative',
              scale: { domain: [0, maxTop * 1.18], nice: false },
              axis: axis({ title: yTitle, tickCount: 5, ...moneyAxis(maxTop, context.currency) }),
            },
            color: {
              field: 'order',
              type: 'nominal',
              scale: { domain: [0, 1], range: [COLORS.neutral, COLORS.primary] },
              legend: null,
            },
          },
        },
        {
          transform: [{ filter: 'datum.low != null && datum.high != null' }],
          mark: {
            type: 'errorbar',
            ticks: { size: 40, thickness: 4, opacity: 1 },
            rule: { strokeWidth: 4, opacity: 1 },
            color: COLORS.interval,
          },
          encoding: { y: { field: 'low', type: 'quantitative', title: yTitle }, y2: { field: 'high' } },
        },
        ...[
          {
            mark: { type: 'text', dy: -16, fontSize: 24, fontWeight: 'bold', baseline: 'bottom' },
            encoding: { y: { field: 'top', type: 'quantitative', title: yTitle }, text: { field: 'label' } },
          },
        ],
      ],
    },
    subtitle,
  );
}
