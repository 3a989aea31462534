// Forms found in the tuned splits' remaining misses and the dev9/dev10 questions (written by people who never read
// the parser): a bound inside the metric's own words, the threshold moved by a follow-up, the whole month as a
// follow-up, fractions of a budget, « pas rentables ». Expected arguments by hand from the words and the sample's
// calendar (February 2021; campaign names from the CSV).
import { describe, expect, test } from '@jest/globals';
import { planOffline } from '../../agent/nlu/offline-planner.js';
import type { Plan } from '../../src/analysis/plan.js';
import { SAMPLE_CATALOG } from '../eval/catalog-fixture.js';
import { calls } from '../fixtures/offline-plans.js';

/** The flat calls of the last question, each asked after the one before it in one conversation. */
function chain(...texts: string[]) {
  let previous: Plan | undefined;
  for (const text of texts)
    previous = planOffline({
      text,
      catalog: SAMPLE_CATALOG,
      ...(previous ? { previous: { intent: previous.intent, calls: previous.calls } } : {}),
    });
  expect(previous?.unexplained).toBeUndefined();
  return (previous?.calls ?? []).map((call) => ({ tool: call.tool, ...call.args }));
}

describe('a bound inside the metric’s words', () => {
  test('« coûtent plus de 5000 francs par commande »: CPA > 5000', () => {
    expect(calls('lesquelles coûtent plus de 5000 francs par commande ?')[0]).toMatchObject({
      metrics: ['cpa'],
      thresholds: [{ metric: 'cpa', op: '>', value: 5000 }],
    });
  });
  test('« paient moins de 50.- les mille impressions » by category: CPM < 50 per category', () => {
    expect(calls('quelles catégories paient moins de 50.- les mille impressions ?')[0]).toMatchObject({
      metrics: ['cpm'],
      group_by: ['category'],
      thresholds: [{ metric: 'cpm', op: '<', value: 50 }],
    });
  });
});

describe('follow-ups', () => {
  test('« et si je monte la barre à 6000 ? » after a CPA bound: the same bound, the new value (not a forecast)', () => {
    expect(
      chain("campagnes avec un CPA > 4'000.- ?", "et si je monte la barre à 6'000.- ?")[0],
    ).toMatchObject({
      tool: 'query_metrics',
      thresholds: [{ metric: 'cpa', op: '>', value: 6000 }],
    });
  });
  test('"move the threshold to 0.4%" after a CTR bound', () => {
    expect(chain('CTR par campagne sous 0,5 %', 'move the threshold to 0.4%')[0]).toMatchObject({
      thresholds: [{ metric: 'ctr', op: '<', value: 0.004 }],
    });
  });
  test.each(['et sur tout le mois ?', 'and for the whole month?', 'et sur février en entier ?'])(
    '« %s » after last week: the whole of February',
    (text) => {
      expect(chain('CA de youtube_blogger la semaine dernière ?', text)[0]).toMatchObject({
        campaigns: ['youtube_blogger'],
        date_from: '2021-02-01',
        date_to: '2021-02-28',
      });
    },
  );
  test.each(['pareil mais en se limitant au canal social', 'and within social only?'])(
    '« %s » after a top 3: the same ranking in social',
    (text) => {
      expect(chain('top 3 campaigns by ROAS', text)[0]).toMatchObject({ category: 'social', limit: 3 });
    },
  );
  test('« garde juste le top 3 » after a breakdown: its first three', () => {
    expect(chain('montre le ROAS de chaque campagne', 'garde juste le top 3')[0]).toMatchObject({
      order_by: 'roas',
      order: 'desc',
      limit: 3,
    });
  });
});

describe('words', () => {
  test('« d’un cinquième » is −20 %', () => {
    expect(calls("et si on réduit le budget total d'un cinquième ?")[0]).toMatchObject({
      tool: 'simulate_budget',
      budget_increase_pct: -20,
    });
  });
  test('« pas rentables » is read (the loss-makers), a negation elsewhere is not', () => {
    expect(calls('canaux pas rentables (ROI < 0) ?')[0]).toMatchObject({ group_by: ['category'] });
    expect(planOffline({ text: 'campagnes pas dans le social', catalog: SAMPLE_CATALOG }).calls).toHaveLength(
      0,
    );
  });
  test('"lost money last week" is the loss-makers of that week', () => {
    expect(calls('which campaigns lost money last week? thinking of pausing them')[0]).toMatchObject({
      thresholds: [{ metric: 'roi', op: '<', value: 0 }],
      date_from: '2021-02-22',
      date_to: '2021-02-28',
    });
  });
});
