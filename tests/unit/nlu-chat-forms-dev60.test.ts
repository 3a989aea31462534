// Forms from session 12 (dev60–dev67, written by people who never read the parser): weekdays shortened or restated
// in brackets, slash dates (Swiss day/month, American month/day), two days joined by a range word, « le 13 et le
// 14 », "worse than" on any KPI, the channels that lose money, a sort inside one channel, cuts said "pull back".
// Expected arguments by hand from the words and the sample (February 2021, last day Sunday the 28th).
import { describe, expect, test } from '@jest/globals';
import { withSlashDates } from '../../agent/nlu/slash-dates.js';
import { calls, chain, plan } from '../fixtures/offline-plans.js';

const DAYS_8_10 = { date_from: '2021-02-08', date_to: '2021-02-10' };

describe('days written the short way', () => {
  test.each([
    ['Budget total consommé entre le 8 et le 10 février inclus (lundi → mercredi) ?', 'mark_spent'],
    ['Total orders Mon Feb 8 – Wed Feb 10?', 'orders'],
    ['total orders 8 feb to 10 feb', 'orders'],
  ])('« %s »: one span, the 8th to the 10th, not the 10th against the 8th', (text, metric) => {
    expect(calls(text)).toEqual([{ tool: 'query_metrics', metrics: [metric], ...DAYS_8_10 }]);
  });
  test('"Mon 8–Wed 10 Feb vs Mon 22–Wed 24 Feb": two three-day spans compared', () => {
    expect(calls('google_hot spend Mon 8–Wed 10 Feb vs Mon 22–Wed 24 Feb?')).toEqual([
      expect.objectContaining({
        campaigns: ['google_hot'],
        date_from: '2021-02-22',
        date_to: '2021-02-24',
        compare_to: DAYS_8_10,
      }),
    ]);
  });
  test.each([
    ['total spend Sat 13th + Sun 14th?', '2021-02-13', '2021-02-14'],
    ['dépenses le 13 et le 14', '2021-02-13', '2021-02-14'],
    ['spend on the 13th and 14th', '2021-02-13', '2021-02-14'],
    ['give me CPM on Sat 20', '2021-02-20', '2021-02-20'],
  ])('« %s »: %s to %s', (text, from, to) => {
    expect(calls(text)).toEqual([expect.objectContaining({ date_from: from, date_to: to })]);
  });
  test('« samedi 13 et lundi 15 » (not in a row) is still asked back', () => {
    expect(plan('spend samedi 13 et lundi 15').calls).toEqual([]);
  });
  test('« les 10 premier jours » (the plural forgotten): the 1st to the 10th', () => {
    expect(calls('ctr de googel_wide les 10 premier jours de fevrier')).toEqual([
      {
        tool: 'query_metrics',
        metrics: ['ctr'],
        campaigns: ['google_wide'],
        date_from: '2021-02-01',
        date_to: '2021-02-10',
      },
    ]);
  });
  test('« week 1 + week 2 ensemble »: one span of both weeks', () => {
    expect(calls('spend week 1 + week 2 ensemble')).toEqual([
      { tool: 'query_metrics', metrics: ['mark_spent'], date_from: '2021-02-01', date_to: '2021-02-14' },
    ]);
  });
});

describe('slash dates', () => {
  test.each([
    ['le CA du 28/2', '28 feb'],
    ['blended ROAS for 2/1 through 2/14', '1 feb through 14 feb'],
    ['spend 2/10 - 2/20', '10 feb - 20 feb'],
    ['roas du 1/2 au 14/2', '1 feb au 14 feb'],
    ['CA du 3/3', '3 march'],
  ])('« %s » reads « %s »', (text, written) => {
    expect(withSlashDates(text)).toContain(written);
  });
  test.each(['split 50/50', 'dispo 24/7 ?', '3.5/5'])('« %s » is not a date', (text) => {
    expect(withSlashDates(text)).toBe(text);
  });
  test('"total spend for 2/28": the 28th, not the whole month', () => {
    expect(calls('total spend for 2/28')).toEqual([
      { tool: 'query_metrics', metrics: ['mark_spent'], date_from: '2021-02-28', date_to: '2021-02-28' },
    ]);
  });
});

describe('thresholds and objects', () => {
  test('"ROI worse than -50%": below −0.5, by campaign', () => {
    expect(calls('anything with ROI worse than -50% this month? asking for a friend (the CFO)')).toEqual([
      expect.objectContaining({
        group_by: ['campaign_name'],
        thresholds: [{ metric: 'roi', op: '<', value: -0.5 }],
      }),
    ]);
  });
  test('"CPA worse than 5000": a cost is worse above', () => {
    expect(calls('CPA worse than 5000')).toEqual([
      expect.objectContaining({ thresholds: [{ metric: 'cpa', op: '>', value: 5000 }] }),
    ]);
  });
  test('"CPL better than 400 CHF": a cost is better below', () => {
    expect(calls('CPL better than 400 CHF')).toEqual([
      expect.objectContaining({ thresholds: [{ metric: 'cpl', op: '<', value: 400 }] }),
    ]);
  });
  test.each([
    'Quels canaux ne sont pas rentables sur février (du 1er au 28) ?',
    'which channels are unprofitable?',
  ])('« %s »: the channels below zero ROI, not the loss-making campaigns', (text) => {
    expect(calls(text)).toEqual([
      expect.objectContaining({
        tool: 'query_metrics',
        group_by: ['category'],
        thresholds: [{ metric: 'roi', op: '<', value: 0 }],
      }),
    ]);
  });
  test('« quelles campagnes ne sont pas rentables » keeps the loss-makers’ preset', () => {
    expect(calls('quelles campagnes ne sont pas rentables')).toEqual([
      { tool: 'get_underperforming_campaigns', roi_threshold: 0 },
    ]);
  });
  test('"rank the social campaigns by ctr": all six, not a top 5', () => {
    expect(calls('rank the social campaigns by ctr')).toEqual([
      expect.objectContaining({ tool: 'rank_campaigns', metric: 'ctr', category: 'social', limit: 50 }),
    ]);
  });
  test('"top 5 rev drivers": the five campaigns with the most revenue', () => {
    expect(calls('top 5 rev drivers this month?')).toEqual([
      expect.objectContaining({ tool: 'rank_campaigns', metric: 'revenue', direction: 'top', limit: 5 }),
    ]);
  });
  test('"WoW revenue, all 4 weeks": each week, not the last two', () => {
    expect(calls('WoW revenue, all 4 weeks')).toEqual([
      { tool: 'kpi_trend', metric: 'revenue', grain: 'week' },
    ]);
  });
  test('« tier1 vs tier2 facebook »: facebook_tier1 against facebOOK_tier2', () => {
    expect(
      plan('tier1 vs tier2 facebook, le taux de clic stp').calls.map((call) => call.args.campaigns),
    ).toEqual([['facebook_tier1'], ['facebOOK_tier2']]);
  });
  test('« toutes les campagnes instagram (blogger compris) »: the instagram family, blogger included', () => {
    expect(
      calls('CA de toutes les campagnes instagram (blogger compris) sur la semaine du 8 au 14 ?'),
    ).toEqual([
      {
        tool: 'query_metrics',
        metrics: ['revenue'],
        name_prefix: 'instagram',
        date_from: '2021-02-08',
        date_to: '2021-02-14',
      },
    ]);
  });
  test('"what are we paying per purchase": the cost per order', () => {
    expect(calls('what are we paying per purchase on google_wide')).toEqual([
      { tool: 'query_metrics', metrics: ['cpa'], campaigns: ['google_wide'] },
    ]);
  });
  test('"pull social budget back 15%": a cut of 15 %', () => {
    expect(calls('what if we pull social budget back 15%')).toEqual([
      { tool: 'simulate_budget', budget_increase_pct: -15, category: 'social' },
    ]);
  });
});

describe('a formal register and the context of a request', () => {
  test.each([
    [
      'What was our overall ad spend in February? A single consolidated figure in CHF is sufficient.',
      'mark_spent',
    ],
    ['How many orders did we record in February in total?', 'orders'],
    ["what's our top-line revenue for the month?", 'revenue'],
  ])('« %s »: the total, not a ranking of one', (text, metric) => {
    expect(calls(text)).toEqual([expect.objectContaining({ tool: 'query_metrics', metrics: [metric] })]);
  });
  test('"each campaign whose total spend exceeded 4,000,000 CHF": four million, not four thousand', () => {
    expect(
      calls('Please identify each campaign whose total spend exceeded 4,000,000 CHF this month.'),
    ).toEqual([
      expect.objectContaining({ thresholds: [{ metric: 'mark_spent', op: '>', value: 4_000_000 }] }),
    ]);
  });
  test('"our sales team asked me for the 5 campaigns with the lowest cost per lead": CPL, not revenue', () => {
    expect(
      calls(
        'Hi, our sales team asked me for the 5 campaigns with the lowest cost per lead. Could you please share them? Many thanks!',
      ),
    ).toEqual([{ tool: 'rank_campaigns', metric: 'cpl', direction: 'bottom', limit: 5 }]);
  });
  test('"my team lead would like to see the 3 campaigns with the lowest ROI": a person, not the leads', () => {
    expect(
      calls('Hi, my team lead would like to see the 3 campaigns with the lowest ROI this month.'),
    ).toEqual([
      expect.objectContaining({ tool: 'rank_campaigns', metric: 'roi', direction: 'bottom', limit: 3 }),
    ]);
  });
  test('« notre acheteur média »: a job, not the media channel', () => {
    const [call] = calls(
      'Bonjour, notre acheteur média souhaite savoir quelles campagnes ont un CPM inférieur à huitante francs sur février.',
    );
    expect(call).not.toHaveProperty('categories');
    expect(call).toEqual(expect.objectContaining({ thresholds: [{ metric: 'cpm', op: '<', value: 80 }] }));
  });
  test('"Which social campaigns are responsible?" after a rise between two weeks: why, by campaign', () => {
    expect(
      calls('The social CPA rose between week 1 and week 2. Which social campaigns are responsible?'),
    ).toEqual([expect.objectContaining({ tool: 'explain_change', metric: 'cpa' })]);
  });
  test('"social down 20 percent": a cut', () => {
    expect(
      calls('I am considering a budget scenario with social down 20 percent. What would happen to revenue?'),
    ).toEqual([{ tool: 'simulate_budget', budget_increase_pct: -20, category: 'social' }]);
  });
  test('"failed to break even": the loss-makers, not the profitable ones', () => {
    const [call] = calls('Which of our campaigns failed to break even in February?');
    expect(JSON.stringify(call)).toMatch(/"op":"<","value":0|roi_threshold":0/);
  });
  test('"please switch off … today": an action in the ad platform, out of scope', () => {
    expect(
      plan('Hi, please switch off the lookalike campaign on Facebook today; the team agreed it yesterday.')
        .intent,
    ).toBe('out_of_scope');
  });
});

describe('what a follow-up points back to', () => {
  test('« sur la même période »: the previous period, the 1st to the 10th', () => {
    expect(
      chain(
        'Top 3 des campagnes par CA sur les 10 premiers jours de février ?',
        'Et le top 3 des CPA les plus bas sur la même période ?',
      ),
    ).toEqual([
      {
        tool: 'rank_campaigns',
        metric: 'cpa',
        direction: 'bottom',
        limit: 3,
        date_from: '2021-02-01',
        date_to: '2021-02-10',
      },
    ]);
  });
  test('"the 3 with the lowest CPA" is a count, not the 3rd of February', () => {
    expect(
      chain('Top 3 campaigns by revenue, Feb 1–10?', 'Now the 3 with the lowest CPA over the same dates?'),
    ).toEqual([
      {
        tool: 'rank_campaigns',
        metric: 'cpa',
        direction: 'bottom',
        limit: 3,
        date_from: '2021-02-01',
        date_to: '2021-02-10',
      },
    ]);
  });
  test('"Can you break that down by campaign?" after social for the 12th–19th: social’s campaigns, those days', () => {
    expect(
      chain('Social channel revenue, Feb 12–19 inclusive?', 'Can you break that down by campaign?'),
    ).toEqual([
      expect.objectContaining({
        group_by: 'campaign_name',
        category: 'social',
        date_from: '2021-02-12',
        date_to: '2021-02-19',
      }),
    ]);
  });
  test('"what\'s its CPC in wk2?" after google_hot by week: google_hot’s, the 8th to the 14th', () => {
    expect(chain('spend by week for google_hot', "what's its CPC in wk2?")).toEqual([
      {
        tool: 'query_metrics',
        metrics: ['cpc'],
        campaigns: ['google_hot'],
        date_from: '2021-02-08',
        date_to: '2021-02-14',
      },
    ]);
  });
  test('a period of its own is kept: « et la semaine du 15 ? » is not the previous period', () => {
    expect(chain('CA de google_hot la semaine dernière', 'et sur la semaine du 15 ?')).toEqual([
      expect.objectContaining({ date_from: '2021-02-15', date_to: '2021-02-21' }),
    ]);
  });
});

describe('why, between two periods', () => {
  test.each([
    'Pourquoi le ROI a plongé entre le samedi 13 et le dimanche 14 février ? Quelle campagne est en cause ?',
    'ROI fell from Sat Feb 13 to Sun Feb 14. Which campaign explains it?',
  ])('« %s »: the 13th against the 14th, not two days against the two before', (text) => {
    expect(calls(text)).toEqual([
      expect.objectContaining({
        tool: 'explain_change',
        metric: 'roi',
        before: { date_from: '2021-02-13', date_to: '2021-02-13' },
        after: { date_from: '2021-02-14', date_to: '2021-02-14' },
      }),
    ]);
  });
  test('« entre la semaine 1 et la semaine 2 ? Quelle campagne explique cela ? »: one explanation, weeks 1 and 2', () => {
    expect(
      calls(
        'pourquoi le ROI du canal search a-t-il baissé entre la semaine 1 et la semaine 2 ? Quelle campagne explique cela ?',
      ),
    ).toEqual([
      expect.objectContaining({
        tool: 'explain_change',
        categories: ['search'],
        before: { date_from: '2021-02-01', date_to: '2021-02-07' },
        after: { date_from: '2021-02-08', date_to: '2021-02-14' },
      }),
    ]);
  });
  test('« c’est dû à quelles campagnes ? » asks why', () => {
    expect(
      calls('Le ROI global baisse entre la 1re et la 2e semaine de février : c’est dû à quelles campagnes ?'),
    ).toEqual([expect.objectContaining({ tool: 'explain_change', metric: 'roi' })]);
  });
});

describe('American chat shorthand', () => {
  test('"how many orders did social drive in feb? all 6 campaigns": social’s total, not a top 6', () => {
    expect(calls('how many orders did social drive in feb? all 6 campaigns')).toEqual([
      {
        tool: 'query_metrics',
        metrics: ['orders'],
        categories: ['social'],
        date_from: '2021-02-01',
        date_to: '2021-02-28',
      },
    ]);
  });
  test('"which campaigns did better than 50% ROI?": the metric after its number', () => {
    expect(calls('15th to 21st Feb, which campaigns did better than 50% ROI?')).toEqual([
      expect.objectContaining({
        thresholds: [{ metric: 'roi', op: '>', value: 0.5 }],
        date_from: '2021-02-15',
        date_to: '2021-02-21',
      }),
    ]);
  });
  test('"CPM went from ~19 to ~8 WoW (last week), explain": why, the week before against the last', () => {
    expect(calls('CPM went from ~19 to ~8 WoW (last week), explain')).toEqual([
      expect.objectContaining({
        tool: 'explain_change',
        metric: 'cpm',
        before: { date_from: '2021-02-15', date_to: '2021-02-21' },
        after: { date_from: '2021-02-22', date_to: '2021-02-28' },
      }),
    ]);
  });
  test('"total insta spend incl. the blogger": the instagram family', () => {
    expect(calls('total insta spend incl. the blogger')).toEqual([
      { tool: 'query_metrics', metrics: ['mark_spent'], name_prefix: 'instagram' },
    ]);
  });
  test('"imps" are impressions', () => {
    expect(calls('how many imps did banner_partner serve this month')).toEqual([
      expect.objectContaining({ metrics: ['impressions'], campaigns: ['banner_partner'] }),
    ]);
  });
});
