// The planner's contract: name 'offline', confidence ≥ 0.8 only when intent and arguments are clear,
// clarifications (no calls) when something required is missing, and a fast answer.
import { expect, test } from '@jest/globals';
import { createOfflinePlanner, planOffline } from '../../agent/nlu/offline-planner.js';
import { SAMPLE_CATALOG } from '../eval/catalog-fixture.js';

const plan = (text: string) => planOffline({ text, catalog: SAMPLE_CATALOG });

test('the planner is named offline and answers through the Planner interface', async () => {
  const planner = createOfflinePlanner();
  expect(planner.name).toBe('offline');
  const result = await planner.plan({ text: 'Top 5 campaigns by ROI', catalog: SAMPLE_CATALOG });
  expect(result).toMatchObject({ intent: 'kpi_qa', language: 'en' });
});

test.each([
  'Top 5 des campagnes par ROI',
  'Which campaigns are underperforming?',
  'Simule +20 % de budget sur social',
  'Quel revenu pour un budget de 5000 CHF par jour sur search ?',
  'comment va google_hot ?',
  'Segmente les campagnes',
  'aide',
])('clear: « %s » has confidence ≥ 0.8', (text) => {
  expect(plan(text).confidence).toBeGreaterThanOrEqual(0.8);
});

test.each(['les campagnes', 'ROI', 'qsdlkfj', 'et pour search ?', 'Simule le budget'])(
  'unclear: « %s » has confidence < 0.8',
  (text) => {
    expect(plan(text).confidence).toBeLessThan(0.8);
  },
);

test.each([
  ['Comment va la campagne ?', /^Quelle campagne \?/],
  ['How is the campaign doing?', /^Which campaign\?/],
  ['Comment va instagram ?', /instagram_blogger, instagram_tier1, instagram_tier2/],
  ['Simule une hausse du budget', /De combien/],
  ['Simulate +500% budget', /between -50% and \+200%/],
  ['What revenue can we expect for a daily budget?', /daily budget/],
  ['Prédis le revenu avec 1e308 CHF', /budget journalier/],
  ['Predict revenue for -5000 CHF', /daily budget/],
])('missing information: « %s » asks back and plans nothing', (text, question) => {
  const result = plan(text);
  expect(result.calls).toEqual([]);
  expect(result.clarification).toMatch(question);
});

test('unknown campaigns or categories never reach the arguments', () => {
  expect(plan('comment va tiktok_viral ?').calls).toEqual([]);
  expect(plan('Simule +20 % sur la télévision').calls[0]?.args).toEqual({
    budget_increase_pct: 20,
    category: 'all',
  });
});

// Chat abbreviations and dotted dates read as periods (dates written out by hand from the sample's February 2021).
test.each([
  [
    'commandes entre le 01.02 et le 14.02',
    { metrics: ['orders'], date_from: '2021-02-01', date_to: '2021-02-14' },
  ],
  ['ca sem. du 8 stp', { metrics: ['revenue'], date_from: '2021-02-08', date_to: '2021-02-14' }],
  ['revenue for the week of Feb 8', { metrics: ['revenue'], date_from: '2021-02-08', date_to: '2021-02-14' }],
  [
    'CTR 1re et dernière semaine',
    {
      metrics: ['ctr'],
      date_from: '2021-02-22',
      date_to: '2021-02-28',
      compare_to: { date_from: '2021-02-01', date_to: '2021-02-07' },
    },
  ],
  [
    'dépenses sem. dernière vs sem. précédente',
    {
      metrics: ['mark_spent'],
      date_from: '2021-02-22',
      date_to: '2021-02-28',
      compare_to: { date_from: '2021-02-15', date_to: '2021-02-21' },
    },
  ],
])('« %s » is one query over the right period, not the search category', (text, args) => {
  expect(plan(text).calls).toEqual([{ tool: 'query_metrics', args }]);
});
