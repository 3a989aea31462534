// The SQL tools on the bundled sample, checked against (1) figures worked out by hand in the source note and
// (2) an independent computation from the raw CSV in plain TypeScript.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runTool } from '../../src/analysis/tools/registry.js';
import { userMessage } from '../../src/core/errors.js';
import { cpl, ctr, groupTotals, readSampleRows, roi, totals } from '../fixtures/sample-figures.js';
import { openSampleWarehouse, type SampleWarehouse } from '../fixtures/sample-warehouse.js';

let sample: SampleWarehouse;
const raw = readSampleRows();
const byCampaign = groupTotals(raw, (row) => row.campaign);
const byCategory = groupTotals(raw, (row) => row.category);

beforeAll(async () => {
  sample = await openSampleWarehouse();
});
afterAll(async () => {
  await sample.close();
});

const run = (name: string, args: unknown) => runTool(name, args, sample.context);

describe('figures from the source note (worked out by hand)', () => {
  test('campaign ROI: youtube_blogger +277.3 %, facebook_lal −88.6 %', async () => {
    const { rows } = await run('rank_campaigns', { metric: 'roi', direction: 'top', limit: 50 });
    const roiOf = (name: string) => rows.find((row) => row.campaign_name === name)?.roi as number;
    expect(roiOf('youtube_blogger')).toBeCloseTo(2.773, 3);
    expect(roiOf('facebook_lal')).toBeCloseTo(-0.886, 3);
    expect(rows[0]?.campaign_name).toBe('youtube_blogger');
    expect(rows.at(-1)?.campaign_name).toBe('facebook_lal');
    expect(rows).toHaveLength(11);
  });

  test('category ROI is a ratio of sums: influencer +154.3 %, social −13.7 %', async () => {
    const { rows } = await run('aggregate_by_dimension', { group_by: 'category' });
    const influencer = rows.find((row) => row.category === 'influencer')!;
    expect(influencer.roi as number).toBeCloseTo(1.543, 3);
    expect(rows.find((row) => row.category === 'social')!.roi as number).toBeCloseTo(-0.137, 3);
    // An average of the two influencer campaigns' ROIs would be (2.773 + 0.368) / 2 ≈ 1.57, not 1.543.
    expect(Math.abs((influencer.roi as number) - 1.5704)).toBeGreaterThan(0.02);
    expect(rows.find((row) => row.category === 'social')!.mark_spent as number).toBeCloseTo(13_798_500.91, 2);
  });

  test('google_hot CPL 654.66 and overall ROI +40.2 %', async () => {
    const { rows } = await run('describe_campaign', { campaign_name: 'GOOGLE_HOT' });
    expect(rows[0]?.campaign_name).toBe('google_hot');
    expect(rows[0]?.cpl as number).toBeCloseTo(654.66, 2);
    const month = await run('aggregate_by_dimension', { group_by: 'month' });
    expect(month.rows).toHaveLength(1);
    expect(month.rows[0]?.roi as number).toBeCloseTo(0.402, 3);
    expect(month.rows[0]?.revenue).toBe(42_889_366);
  });

  test('five campaigns have ROI below 0, worst first', async () => {
    const { rows, summary } = await run('get_underperforming_campaigns', {});
    expect(rows.map((row) => row.campaign_name)).toEqual([
      'facebook_lal',
      'instagram_tier2',
      'google_wide',
      'facebOOK_tier2',
      'facebook_tier1',
    ]);
    expect(summary).toContain('5 campagnes');
    expect(summary).toContain('−88,6');
  });
});

describe('figures against an independent computation from the raw CSV', () => {
  test('every campaign: spend, revenue, ROI, CPL and CTR', async () => {
    const { rows } = await run('rank_campaigns', { metric: 'revenue', limit: 50 });
    expect(rows).toHaveLength(byCampaign.size);
    for (const row of rows) {
      const expected = byCampaign.get(String(row.campaign_name))!;
      expect(row.mark_spent as number).toBeCloseTo(expected.spend, 4);
      expect(row.revenue).toBe(expected.revenue);
      expect(row.roi as number).toBeCloseTo(roi(expected), 10);
      expect(row.cpl as number).toBeCloseTo(cpl(expected)!, 8);
      expect(row.ctr as number).toBeCloseTo(ctr(expected), 12);
    }
  });

  test('revenue ranking is ordered and limited', async () => {
    const { rows } = await run('rank_campaigns', { metric: 'revenue', direction: 'top', limit: 3 });
    const expected = [...byCampaign].sort((a, b) => b[1].revenue - a[1].revenue).slice(0, 3);
    expect(rows.map((row) => row.campaign_name)).toEqual(expected.map(([name]) => name));
  });

  test('a date range re-aggregates the daily rows (first week of February, social)', async () => {
    const inRange = raw.filter(
      (row) => row.date >= '2021-02-01' && row.date <= '2021-02-07' && row.category === 'social',
    );
    const expected = groupTotals(inRange, (row) => row.campaign);
    const { rows } = await run('rank_campaigns', {
      metric: 'roi',
      limit: 50,
      category: 'SOCIAL',
      date_from: '2021-02-01',
      date_to: '2021-02-07',
    });
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row.category).toBe('social');
      expect(row.roi as number).toBeCloseTo(roi(expected.get(String(row.campaign_name))!), 10);
    }
  });

  test('category totals and the weekly trend', async () => {
    const { rows } = await run('aggregate_by_dimension', { group_by: 'category' });
    for (const row of rows) expect(row.revenue).toBe(byCategory.get(String(row.category))!.revenue);
    const trend = await run('kpi_trend', { metric: 'roi', grain: 'day', campaign_name: 'youtube_blogger' });
    expect(trend.rows).toHaveLength(28);
    const tenth = raw.find((row) => row.campaign === 'youtube_blogger' && row.date === '2021-02-10')!;
    const day = trend.rows.find((row) => row.period === '2021-02-10')!;
    expect(day.value as number).toBeCloseTo((tenth.revenue - tenth.spend) / tenth.spend, 10);
    expect(day.value as number).toBeCloseTo(5.59, 2); // the source note's +559 % day
  });

  test('CPL is NULL (never Infinity) where leads are zero, and no cell is NaN or Infinity', async () => {
    const zeroLeads = raw.filter((row) => row.leads === 0);
    expect(zeroLeads.length).toBe(4);
    const trend = await run('kpi_trend', {
      metric: 'cpl',
      grain: 'day',
      campaign_name: zeroLeads[0]!.campaign,
    });
    const day = trend.rows.find((row) => row.period === zeroLeads[0]!.date)!;
    expect(day.value).toBeNull();
    const outputs = await Promise.all([
      run('kpi_trend', { metric: 'cpa', grain: 'day' }),
      run('aggregate_by_dimension', { group_by: 'day' }),
      run('aggregate_by_dimension', { group_by: 'campaign_name' }),
      ...['facebook_lal', 'facebook_retargeting'].map((name) =>
        run('kpi_trend', { metric: 'cpl', grain: 'day', campaign_name: name }),
      ),
    ]);
    for (const output of outputs) {
      for (const row of output.rows) {
        for (const value of Object.values(row)) {
          if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
        }
      }
    }
  });

  test('overall totals equal the raw sums', async () => {
    const all = totals(raw);
    const { rows } = await run('aggregate_by_dimension', { group_by: 'month' });
    expect(rows[0]?.impressions).toBe(all.impressions);
    expect(rows[0]?.mark_spent as number).toBeCloseTo(all.spend, 2);
    expect(rows[0]?.orders).toBe(all.orders);
  });
});

describe('provenance and errors', () => {
  test('each tool output carries its SQL, bound params and row count', async () => {
    const output = await run('rank_campaigns', {
      metric: 'cpa',
      direction: 'bottom',
      limit: 2,
      category: 'search',
    });
    expect(output.provenance.tool).toBe('rank_campaigns');
    expect(output.provenance.sql).toMatch(/ORDER BY cpa ASC NULLS LAST/);
    expect(output.provenance.params).toEqual(['search', 2]);
    expect(output.provenance.rowCount).toBe(2);
    expect(output.provenance.ms).toBeGreaterThanOrEqual(0);
  });

  test('an unknown campaign suggests close names; an unknown category lists the known ones', async () => {
    await expect(run('describe_campaign', { campaign_name: 'facebok_tier2' })).rejects.toMatchObject({
      code: 'CAMPAIGN_NOT_FOUND',
    });
    const error = await run('describe_campaign', { campaign_name: 'facebok_tier2' }).catch((e: unknown) => e);
    expect(userMessage(error)).toContain('facebOOK_tier2');
    const categoryError = await run('rank_campaigns', { category: 'tv' }).catch((e: unknown) => e);
    expect(categoryError).toMatchObject({ code: 'CATEGORY_NOT_FOUND' });
    expect(userMessage(categoryError)).toContain('influencer, media, search, social');
  });

  test('invalid arguments are refused before any query', async () => {
    for (const [name, args] of [
      ['rank_campaigns', { metric: 'password' }],
      ['rank_campaigns', { limit: 51 }],
      ['rank_campaigns', { limit: 0 }],
      ['rank_campaigns', { direction: 'sideways' }],
      ['rank_campaigns', { date_from: '2021-02-30' }],
      ['rank_campaigns', { date_from: '2021-02-10', date_to: '2021-02-01' }],
      ['rank_campaigns', { extra: 1 }],
      ['aggregate_by_dimension', { group_by: 'campaign_id' }],
      ['get_underperforming_campaigns', { roi_threshold: Number.NaN }],
      ['describe_campaign', {}],
      ['drop_table', {}],
    ] as const) {
      await expect(run(name, args)).rejects.toMatchObject({ code: 'INVALID_ARGUMENTS' });
    }
  });
});
