// Charts built from rows the fixtures do not cover: many rows, other measures, daily series, NULL values.
import { expect, test } from '@jest/globals';
import { createChartRenderer } from '../../charts/render.js';
import { fallbackTable } from '../../charts/table.js';
import type { ChartRequest } from '../../src/core/answer.js';
import { chartFixture } from '../fixtures/answers/index.js';

const context = { currency: 'CHF', language: 'fr' as const };
const renderer = createChartRenderer();

function manyCampaigns(count: number): ChartRequest['rows'] {
  return Array.from({ length: count }, (_, index) => ({
    campaign_name: `campagne_${String(index + 1).padStart(3, '0')}`,
    category: ['social', 'search', 'media'][index % 3]!,
    revenue: 1_000_000 - index * 20_000,
    mark_spent: 400_000 + index * 9_000,
    roi: (1_000_000 - index * 20_000) / (400_000 + index * 9_000) - 1,
  }));
}

test('a 40-campaign ranking draws the first 15 bars and stays within size; the table keeps all 40', async () => {
  const request: ChartRequest = { ...chartFixture('ranking'), measure: 'revenue', rows: manyCampaigns(40) };
  const rendered = await renderer.render(request, context);
  expect(rendered.width).toBe(1600);
  expect(rendered.height).toBeLessThanOrEqual(2200);
  expect(rendered.bytes).toBeLessThanOrEqual(200 * 1024);
  expect(fallbackTable(request, context).split('\n')).toHaveLength(3 + 40);
  expect(rendered.alt).toContain('campagne_011 CHF\u00a0800\u202f000 et 29 autres.');
});

test('grouped by campaign with many groups stays within size', async () => {
  const request: ChartRequest = { ...chartFixture('aggregation'), rows: manyCampaigns(30) };
  const rendered = await renderer.render(request, context);
  expect(rendered.bytes).toBeLessThanOrEqual(200 * 1024);
  expect(rendered.alt.startsWith('Dépenses et CA par campagne : campagne_001 ')).toBe(true);
});

test('a daily trend of 28 points and one with only NULL values both render', async () => {
  const days = Array.from({ length: 28 }, (_, index) => ({
    day: `2021-02-${String(index + 1).padStart(2, '0')}`,
    roi: 0.1 + (index % 5) / 10,
    revenue: 1000 + index,
  }));
  const daily: ChartRequest = { ...chartFixture('trendAggregate'), rows: days };
  expect((await renderer.render(daily, context)).width).toBe(1600);
  const empty: ChartRequest = {
    ...chartFixture('trend'),
    rows: [
      { period: '2021-02-01', value: null, cpl: null },
      { period: '2021-02-08', value: null, cpl: null },
    ],
  };
  expect((await renderer.render(empty, context)).width).toBe(1600);
});

test('a simulation without an interval draws the two bars', async () => {
  const [row] = chartFixture('simulation').rows;
  const request: ChartRequest = {
    ...chartFixture('simulation'),
    rows: [{ ...row!, simulated_revenue_low: null, simulated_revenue_high: null }],
  };
  const rendered = await renderer.render(request, context);
  expect(rendered.alt).toContain('intervalle – à –');
});
