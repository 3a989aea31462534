// The answer evaluation must be able to fail: its reference figures agree with the test fixture's own hand
// computation, it reads figures as a person does, and it classes right, wrong-confident, asked-back and refused
// answers apart.
import { describe, expect, test } from '@jest/globals';
import { check, classify, numbersIn } from '../../agent/eval/answer-eval.js';
import type { Expectation } from '../../agent/eval/expectations.js';
import { contributions, inScope, metricOf, readReferenceRows } from '../../agent/eval/reference.js';
import type { Answer } from '../../src/core/answer.js';
import { formatMoney, formatPercent, formatPoints } from '../../src/core/format.js';
import type { Row } from '../../src/core/rows.js';
import { groupTotals, readSampleRows, roi, totals } from '../fixtures/sample-figures.js';

const data = readReferenceRows('data/marketing.csv');
const sample = readSampleRows();

const answer = (text: string, rows: Row[] = [], intent: Answer['intent'] = 'kpi_qa'): Answer => ({
  language: 'fr',
  intent,
  text,
  recommendations: [],
  blocks: [{ type: 'text', text }],
  charts: [],
  provenance: rows.length > 0 ? [{ tool: 'x', args: {}, rows, rowCount: rows.length, ms: 1 }] : [],
  followUps: [],
  planner: 'offline',
});

describe('reference figures', () => {
  test('agree with the fixture’s hand computation', () => {
    expect(metricOf('revenue', data)).toBeCloseTo(totals(sample).revenue, 6);
    const social = sample.filter((row) => row.category === 'social');
    expect(metricOf('roi', inScope(data, { categories: ['social'] }))).toBeCloseTo(roi(totals(social)), 12);
    const week = inScope(data, { from: '2021-02-15', to: '2021-02-21' });
    expect(new Set(week.map((row) => row.day)).size).toBe(7);
    expect(inScope(data, { campaign_prefix: 'FACEBOOK' }).map((row) => row.campaign)).toContain(
      'facebOOK_tier2',
    );
  });

  test('contributions to a ratio’s change add up to the change', () => {
    const before = inScope(data, { from: '2021-02-01', to: '2021-02-07' });
    const after = inScope(data, { from: '2021-02-08', to: '2021-02-14' });
    for (const metric of ['roi', 'cpa', 'ctr', 'revenue'] as const) {
      const parts = contributions(metric, 'campaign', before, after);
      const change = metricOf(metric, after)! - metricOf(metric, before)!;
      expect(parts.reduce((sum, part) => sum + part.contribution, 0)).toBeCloseTo(change, 9);
    }
  });
});

test('numbers are read as a person reads them, with the precision they are printed to', () => {
  const values = (text: string) => numbersIn(text).map((item) => item.value);
  expect(
    values(`Total : ${formatMoney(48231.4, 'CHF')}, ROI ${formatPercent(-2.773, { signed: true })}`),
  ).toEqual([48231, -2.773]);
  expect(values('CTR 1.03% and 1,5 %')).toEqual([0.0103, 0.015]);
  // A gap between two rates in percentage points is the same fraction (« +0,30 pts » = +0.003).
  expect(values(`a change of ${formatPoints(0.003)} then 2 points`)).toEqual([0.003, 0.02]);
  // How far a printed figure may be from the truth: half a unit of its last digit.
  expect(numbersIn('ROAS 0,72')[0]!.tolerance).toBeCloseTo(0.005, 12);
  expect(numbersIn('CTR 1,03 %')[0]!.tolerance).toBeCloseTo(0.00005, 12);
  expect(numbersIn('CHF 48 231')[0]!.tolerance).toBe(0.5);
});

describe('checks', () => {
  const revenue = metricOf('revenue', inScope(data, { campaigns: ['google_hot'] }))!;
  const value: Expectation = { kind: 'value', metric: 'revenue', scope: { campaigns: ['google_hot'] } };

  test('a stated total is right; another figure with data is wrong with confidence', () => {
    expect(check(value, answer(`CA de google_hot : ${formatMoney(revenue, 'CHF')}`), data)).toEqual([]);
    const wrong = answer(`CA de google_hot : ${formatMoney(revenue * 1.1, 'CHF')}`, [
      { revenue: revenue * 1.1 },
    ]);
    expect(classify(value, wrong, data)).toBe('wrong');
  });

  test('a question back is not wrong; an error without data is a refusal', () => {
    expect(classify(value, answer('Vous parlez de leads ou de commandes ?', [], 'clarify'), data)).toBe(
      'clarified',
    );
    expect(classify(value, answer('Je ne peux pas répondre.', [], 'out_of_scope'), data)).toBe('refused');
    expect(check({ kind: 'clarify' }, answer('Lequel ?', [], 'clarify'), data)).toEqual([]);
  });

  test('a ranking must list the top members in order', () => {
    const byRoi = [...groupTotals(sample, (row) => row.campaign)]
      .map(([name, t]) => ({ campaign_name: name, roi: roi(t) }))
      .sort((a, b) => b.roi - a.roi);
    const ranking = {
      kind: 'ranking',
      metric: 'roi',
      by: 'campaign',
      order: 'desc',
      limit: 3,
      scope: {},
    } as const;
    expect(check(ranking, answer('top', byRoi.slice(0, 3)), data)).toEqual([]);
    expect(check(ranking, answer('top', [byRoi[1]!, byRoi[0]!, byRoi[2]!]), data)).toHaveLength(2);
    expect(
      check({ ...ranking, order: 'asc' }, answer('top', byRoi.slice(0, 3)), data).length,
    ).toBeGreaterThan(0);
  });

  test('a threshold must return exactly the members that meet it', () => {
    const losers = [...groupTotals(sample, (row) => row.campaign)]
      .filter(([, t]) => roi(t) < 0)
      .map(([name, t]) => ({ campaign_name: name, roi: roi(t) }));
    const threshold = {
      kind: 'threshold',
      metric: 'roi',
      by: 'campaign',
      op: '<',
      value: 0,
      scope: {},
    } as const;
    expect(check(threshold, answer('en perte', losers), data)).toEqual([]);
    expect(check(threshold, answer('en perte', losers.slice(1)), data)).toHaveLength(1);
  });
});
