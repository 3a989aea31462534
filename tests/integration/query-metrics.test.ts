// query_metrics and explain_change on the bundled sample, every figure checked against the CSV summed by hand in
// plain TypeScript (tests/fixtures/sample-figures.ts): totals, a compared period, thresholds on any KPI, name
// prefixes, the total row of a breakdown, and a change decomposed into contributions that add up.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { explainChangeView } from '../../src/analysis/tools/explain_change/view.js';
import { queryMetricsView } from '../../src/analysis/tools/query_metrics/view.js';
import { runTool } from '../../src/analysis/tools/registry.js';
import { groupTotals, type RawRow, readSampleRows, roi, totals } from '../fixtures/sample-figures.js';
import { openSampleWarehouse, type SampleWarehouse } from '../fixtures/sample-warehouse.js';

let sample: SampleWarehouse;
const raw = readSampleRows();
const between = (from: string, to: string) => (row: RawRow) => row.date >= from && row.date <= to;

beforeAll(async () => {
  sample = await openSampleWarehouse();
});
afterAll(async () => {
  await sample.close();
});

const run = (name: string, args: unknown) => runTool(name, args, sample.context);

describe('query_metrics', () => {
  test('a total over a week, and clicks of one campaign', async () => {
    const week = raw.filter(between('2021-02-15', '2021-02-21'));
    const { rows } = await run('query_metrics', {
      metrics: ['revenue', 'roi'],
      date_from: '2021-02-15',
      date_to: '2021-02-21',
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revenue).toBeCloseTo(totals(week).revenue, 6);
    expect(rows[0]!.roi as number).toBeCloseTo(roi(totals(week)), 12);
    const clicks = await run('query_metrics', { metrics: ['clicks'], campaigns: ['INSTAGRAM_TIER2'] });
    expect(clicks.rows[0]!.clicks).toBe(
      totals(raw.filter((row) => row.campaign === 'instagram_tier2')).clicks,
    );
    expect(clicks.provenance.args.campaigns).toEqual(['instagram_tier2']);
  });

  test('a name prefix covers every campaign that starts with it, whatever its case', async () => {
    const facebook = raw.filter((row) => row.campaign.toLowerCase().startsWith('facebook'));
    const { rows, provenance } = await run('query_metrics', {
      metrics: ['mark_spent'],
      name_prefix: 'facebook',
    });
    expect(rows[0]!.mark_spent).toBeCloseTo(totals(facebook).spend, 6);
    expect(provenance.args.prefixed_campaigns).toEqual(
      expect.arrayContaining(['facebook_tier1', 'facebOOK_tier2', 'facebook_lal', 'facebook_retargeting']),
    );
    await expect(run('query_metrics', { metrics: ['roi'], name_prefix: 'tiktok' })).rejects.toMatchObject({
      code: 'CAMPAIGN_NOT_FOUND',
    });
  });

  test('a threshold on any KPI returns exactly the campaigns that meet it', async () => {
    const byCampaign = groupTotals(raw, (row) => row.campaign);
    const expected = [...byCampaign]
      .filter(([, t]) => t.clicks / t.impressions < 0.004)
      .map(([name]) => name)
      .sort();
    const { rows } = await run('query_metrics', {
      metrics: ['ctr'],
      group_by: ['campaign_name'],
      thresholds: [{ metric: 'ctr', op: '<', value: 0.004 }],
    });
    expect(rows.map((row) => row.campaign_name).sort()).toEqual(expected);
    const cpl = [...byCampaign]
      .filter(([, t]) => t.spend / t.leads > 600)
      .map(([name]) => name)
      .sort();
    const dear = await run('query_metrics', {
      metrics: ['cpl'],
      group_by: ['campaign_name'],
      thresholds: [{ metric: 'cpl', op: '>', value: 600 }],
    });
    expect(dear.rows.map((row) => row.campaign_name).sort()).toEqual(cpl);
  });

  test('a breakdown by category ordered by CPL, with its total row as a ratio of sums', async () => {
    const byCategory = [...groupTotals(raw, (row) => row.category)].map(([name, t]) => ({
      name,
      cpl: t.spend / t.leads,
    }));
    byCategory.sort((a, b) => a.cpl - b.cpl);
    const { rows } = await run('query_metrics', {
      metrics: ['cpl'],
      group_by: ['category'],
      order_by: 'cpl',
      order: 'asc',
      totals: true,
    });
    const groups = rows.filter((row) => !row.is_total);
    expect(groups.map((row) => row.category)).toEqual(byCategory.map((item) => item.name));
    const total = rows.find((row) => row.is_total)!;
    expect(total.cpl as number).toBeCloseTo(totals(raw).spend / totals(raw).leads, 9);
  });

  test('a period compared with the one before it', async () => {
    const first = totals(raw.filter(between('2021-02-01', '2021-02-14')));
    const second = totals(raw.filter(between('2021-02-15', '2021-02-28')));
    const { rows } = await run('query_metrics', {
      metrics: ['roi'],
      date_from: '2021-02-15',
      date_to: '2021-02-28',
      compare_to: { date_from: '2021-02-01', date_to: '2021-02-14' },
    });
    expect(rows.map((row) => row.roi as number)).toEqual([
      expect.closeTo(roi(second), 12),
      expect.closeTo(roi(first), 12),
    ]);
  });

  test('the gap between two rates is said in points, computed from the raw rows', async () => {
    const ctr = (rows: RawRow[]) => totals(rows).clicks / totals(rows).impressions;
    const last = ctr(raw.filter(between('2021-02-22', '2021-02-28')));
    const first = ctr(raw.filter(between('2021-02-01', '2021-02-07')));
    const output = await run('query_metrics', {
      metrics: ['ctr'],
      date_from: '2021-02-22',
      date_to: '2021-02-28',
      compare_to: { date_from: '2021-02-01', date_to: '2021-02-07' },
    });
    const { headline } = queryMetricsView(output, 'fr', 'CHF');
    const points = ((last - first) * 100).toFixed(2).replace('.', ',').replace('-', '−');
    expect(headline).toContain(`Écart : ${points}\u202Fpts.`);
    expect(headline).not.toMatch(/Écart : [^.]*%/);
  });

  test('identifiers outside the data’s dimensions are refused before any SQL', async () => {
    await expect(run('query_metrics', { metrics: ['roi'], group_by: ['revenue'] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENTS',
    });
    await expect(
      run('query_metrics', { metrics: ['roi'], group_by: ['c_date; drop'] }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENTS',
    });
  });
});

describe('explain_change', () => {
  test('CPA between the first two weeks: the total change and contributions that add up to it', async () => {
    const weekOne = raw.filter(between('2021-02-01', '2021-02-07'));
    const weekTwo = raw.filter(between('2021-02-08', '2021-02-14'));
    const cpa = (rows: RawRow[]) => totals(rows).spend / totals(rows).orders;
    const { rows } = await run('explain_change', {
      metric: 'cpa',
      by: 'campaign_name',
      before: { date_from: '2021-02-01', date_to: '2021-02-07' },
      after: { date_from: '2021-02-08', date_to: '2021-02-14' },
    });
    const total = rows.find((row) => row.is_total)!;
    expect(total.before as number).toBeCloseTo(cpa(weekOne), 9);
    expect(total.after as number).toBeCloseTo(cpa(weekTwo), 9);
    const drivers = rows.filter((row) => !row.is_total);
    const sum = drivers.reduce((acc, row) => acc + (row.contribution as number), 0);
    expect(sum).toBeCloseTo(cpa(weekTwo) - cpa(weekOne), 9);
    // By hand: a campaign's contribution is its share of orders × its CPA, after minus before.
    const share = (rows: RawRow[], name: string) => {
      const mine = totals(rows.filter((row) => row.campaign === name));
      return mine.orders === 0 ? 0 : (mine.orders / totals(rows).orders) * (mine.spend / mine.orders);
    };
    const top = drivers[0]!;
    expect(top.contribution as number).toBeCloseTo(
      share(weekTwo, String(top.member)) - share(weekOne, String(top.member)),
      9,
    );
    for (const row of drivers)
      expect(Math.abs(row.contribution as number)).toBeLessThanOrEqual(Math.abs(top.contribution as number));
  });

  test('a question that assumes the wrong direction is told so before the figures', async () => {
    // google_wide's CPA, week of the 15th vs week of the 22nd, by hand: it went down.
    const cpa = (rows: RawRow[]) => totals(rows).spend / totals(rows).orders;
    const mine = raw.filter((row) => row.campaign === 'google_wide');
    const change =
      cpa(mine.filter(between('2021-02-22', '2021-02-28'))) -
      cpa(mine.filter(between('2021-02-15', '2021-02-21')));
    expect(change).toBeLessThan(0);
    const args = {
      metric: 'cpa',
      campaigns: ['google_wide'],
      before: { date_from: '2021-02-15', date_to: '2021-02-21' },
      after: { date_from: '2021-02-22', date_to: '2021-02-28' },
    };
    const assumedUp = await run('explain_change', { ...args, assumed_direction: 'up' });
    expect(explainChangeView(assumedUp, 'fr', 'CHF').headline).toMatch(
      /^Contrairement à ce que suppose la question, la valeur a baissé/,
    );
    const assumedDown = await run('explain_change', { ...args, assumed_direction: 'down' });
    expect(explainChangeView(assumedDown, 'en', 'CHF').headline).not.toMatch(/Contrary/);
  });
});
