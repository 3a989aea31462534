// Forms from the dev14 questions (written by two people who never read the parser): a figure and a simulation in
// one message, two budget changes at once, a drill-down into the channel just named, week over week, a plural name
// part as a group, and chat words. Expected arguments by hand from the words and the sample's calendar (February
// 2021, last day the 28th; campaign names and categories from the CSV).
import { describe, expect, test } from '@jest/globals';
import { withLeader } from '../../agent/nlu/leader-reference.js';
import { planOffline } from '../../agent/nlu/offline-planner.js';
import type { Leader, Plan } from '../../src/analysis/plan.js';
import { SAMPLE_CATALOG } from '../eval/catalog-fixture.js';
import { calls, plan } from '../fixtures/offline-plans.js';

const LAST_WEEK = { date_from: '2021-02-22', date_to: '2021-02-28' };
const WEEK_BEFORE = { date_from: '2021-02-15', date_to: '2021-02-21' };

/** The calls of `text` asked after `first`, whose answer showed `leader` first. */
function askedAfter(first: string, text: string, leader?: Leader) {
  const previous: Plan = planOffline({ text: first, catalog: SAMPLE_CATALOG });
  const read = planOffline({
    text,
    catalog: SAMPLE_CATALOG,
    previous: { intent: previous.intent, calls: previous.calls, ...(leader ? { leader } : {}) },
  });
  return read.calls.map((call) => ({ tool: call.tool, ...call.args }));
}

describe('a model question beside another', () => {
  test('the loss-makers and a simulation: both, in the order asked', () => {
    const read = calls('quick one: list the negative-ROI campaigns, and simulate social -20%');
    expect(read.map((call) => call.tool)).toEqual(['get_underperforming_campaigns', 'simulate_budget']);
    expect(read[1]).toMatchObject({ budget_increase_pct: -20, category: 'social' });
  });
  test('a simulation first, then a figure', () => {
    const read = calls('simule +20 % sur le social, et les campagnes en perte ?');
    expect(read.map((call) => call.tool)).toEqual(['simulate_budget', 'get_underperforming_campaigns']);
  });
  test('two budget changes: asked which first, one button each (not +20 % on every category)', () => {
    const read = plan('simule +20% sur le social et +10% sur le search');
    expect(read.calls).toEqual([]);
    expect(read.options).toEqual(['Simule +20 % de budget sur social', 'Simule +10 % de budget sur search']);
  });
  test('one change for two categories: asked which (the simulation runs per category)', () => {
    const read = plan('simulate -10% on search and media');
    expect(read.calls).toEqual([]);
    expect(read.options).toEqual(['Simulate -10% budget on search', 'Simulate -10% budget on media']);
  });
});

describe('the channel just named', () => {
  test('« dans ce canal » is the first member shown', () => {
    expect(withLeader('et dans ce canal, la pire campagne ?', { key: 'category', member: 'social' })).toBe(
      'et dans social, la pire campagne ?',
    );
    expect(withLeader('and the worst campaign inside it?', { key: 'category', member: 'social' })).toBe(
      'and the worst campaign in social?',
    );
    // A campaign shown is not « ce canal »; nothing remembered, nothing replaced.
    expect(withLeader('et dans ce canal ?', { key: 'campaign_name', member: 'google_hot' })).toBe(
      'et dans ce canal ?',
    );
    expect(withLeader('et dans ce canal ?', undefined)).toBe('et dans ce canal ?');
  });
  test('the worst campaign inside the worst channel: campaigns of that channel, the lowest ROI first', () => {
    const read = askedAfter(
      'quel canal a le pire ROI ce mois ?',
      'et dans ce canal, quelle campagne est la pire ?',
      {
        key: 'category',
        member: 'social',
      },
    );
    expect(read).toEqual([
      expect.objectContaining({
        tool: 'query_metrics',
        group_by: ['campaign_name'],
        categories: ['social'],
        order_by: 'roi',
        order: 'asc',
        limit: 1,
      }),
    ]);
  });
});

describe('periods', () => {
  test('week over week (WoW) and « semaine sur semaine »: the last 7 days against the 7 before', () => {
    for (const text of ['WoW spend change?', 'semaine sur semaine, les dépenses ?'])
      expect(calls(text)[0]).toMatchObject({
        metrics: ['mark_spent'],
        ...LAST_WEEK,
        compare_to: WEEK_BEFORE,
      });
  });
  test('« why are leads down? »: the change of the last 7 days, down assumed', () => {
    expect(
      calls('why are social leads down so much last week compared to the previous one?')[0],
    ).toMatchObject({
      tool: 'explain_change',
      metric: 'leads',
      before: WEEK_BEFORE,
      after: LAST_WEEK,
      categories: ['social'],
    });
  });
  test('« facebook last week » is the facebook family last week, not facebook_lal', () => {
    expect(calls('facebook last week: spend and revenue?')[0]).toMatchObject({
      metrics: ['mark_spent', 'revenue'],
      name_prefix: 'facebook',
      ...LAST_WEEK,
    });
  });
});

describe('words', () => {
  test('a plural name part is the group: one ROAS over both bloggers', () => {
    expect(calls('pour 1 franc mis chez les bloggers, on récupère combien de CA ?')).toEqual([
      expect.objectContaining({
        metrics: ['roas', 'revenue'],
        campaigns: ['instagram_blogger', 'youtube_blogger'],
      }),
    ]);
    // Compared, they stay two sides.
    expect(calls('taux de transfo des deux bloggers, comparés')).toHaveLength(2);
  });
  test('spend said as burn or blow through; click-to-order rate; lookalike', () => {
    expect(calls('how much did we burn on social this month')[0]).toMatchObject({ metrics: ['mark_spent'] });
    expect(calls('how much did we blow through yesterday?')[0]).toMatchObject({
      metrics: ['mark_spent'],
      date_from: '2021-02-28',
      date_to: '2021-02-28',
    });
    expect(calls('click-to-order rate for instagram_tier2')[0]).toMatchObject({ metrics: ['cvr'] });
    expect(calls('combien de prospects sur le lookalike facebook les 7 derniers jours ?')[0]).toMatchObject({
      metrics: ['leads'],
      campaigns: ['facebook_lal'],
    });
  });
  test('« brings in the most leads » ranks leads, not revenue', () => {
    expect(calls('which category brings in the most leads?')[0]).toMatchObject({
      group_by: ['category'],
      order_by: 'leads',
      limit: 1,
    });
  });
  test('« les deux » closing the question is both figures, not a top 2', () => {
    expect(calls('Dépenses et CA par canal sur le mois, les deux stp')[0]).not.toMatchObject({ limit: 2 });
  });
  test('« combien rapporté » is revenue; a forecast needs an amount', () => {
    expect(calls('combien rapporte facebook')[0]).toMatchObject({
      metrics: ['revenue'],
      name_prefix: 'facebook',
    });
    expect(calls('social à 3000 CHF/jour, ça rapporterait combien ?')[0]).toMatchObject({
      tool: 'predict_revenue',
      budget: 3000,
    });
  });
  test('« if we go by ROI » is the criterion, not a simulation', () => {
    expect(calls('which 2 campaigns deserve more budget if we go by ROI?')[0]).toMatchObject({
      tool: 'query_metrics',
      order_by: 'roi',
      order: 'desc',
      limit: 2,
    });
  });
  test('typos: « negativ ROI », « totl », « whcih »; « aide stp » is help', () => {
    expect(calls('whcih campains have negativ ROI')[0]).toMatchObject({
      tool: 'get_underperforming_campaigns',
      roi_threshold: 0,
    });
    expect(calls("chiffre d'afaire totl semaine derniere")[0]).toMatchObject({
      metrics: ['revenue'],
      ...LAST_WEEK,
    });
    expect(plan('aide stp').intent).toBe('help');
  });
});

describe('follow-ups', () => {
  test('« et avec +30 ? », "and with 40?" after a simulation: the new change, the same category', () => {
    expect(askedAfter('simule +20% de budget sur le social', 'et avec +30 ?')).toEqual([
      { tool: 'simulate_budget', budget_increase_pct: 30, category: 'social' },
    ]);
    expect(askedAfter('what if social gets 20% more budget?', 'and with 40?')).toEqual([
      { tool: 'simulate_budget', budget_increase_pct: 40, category: 'social' },
    ]);
    // A cut stays a cut unless a sign says otherwise.
    expect(askedAfter('simule -20% sur le search', 'et avec 30 ?')).toEqual([
      { tool: 'simulate_budget', budget_increase_pct: -30, category: 'search' },
    ]);
  });
  test('« break it down by channel instead » after a why: the same change, by channel', () => {
    expect(
      askedAfter(
        'why did revenue drop last week compared to the week before?',
        'can you break it down by channel instead?',
      ),
    ).toEqual([expect.objectContaining({ tool: 'explain_change', metric: 'revenue', by: 'category' })]);
  });
  test('« filtre sur social » after a breakdown: the same breakdown within social', () => {
    expect(askedAfter('revenu par campagne semaine du 15 stp', 'filtre sur social stp')).toEqual([
      expect.objectContaining({ category: 'social', date_from: '2021-02-15', date_to: '2021-02-21' }),
    ]);
  });
});

describe('forecasts and figures', () => {
  test('« combien de CA pour une campagne search à 5000 CHF par jour ? » is a forecast', () => {
    expect(calls('combien de CA pour une campagne search à 5000 CHF par jour ?')).toEqual([
      { tool: 'predict_revenue', budget: 5000, category: 'search' },
    ]);
  });
  test('« ce que ça a rapporté » among three figures for the board is revenue, not a forecast', () => {
    expect(
      calls(
        "J'ai besoin pour le board de trois chiffres sur février, toutes campagnes confondues : ce qu'on a investi, ce que ça a rapporté en chiffre d'affaires, et le retour sur investissement.",
      )[0],
    ).toMatchObject({ tool: 'query_metrics', metrics: ['mark_spent', 'revenue', 'roi'] });
  });
});

describe('why, said without a verb of change', () => {
  test('a comparative or "what happened": the change over the period named, against the one before', () => {
    expect(calls('why is ROI worse in the second half of the month?')[0]).toMatchObject({
      tool: 'explain_change',
      metric: 'roi',
      before: { date_from: '2021-02-01', date_to: '2021-02-14' },
      after: { date_from: '2021-02-15', date_to: '2021-02-28' },
    });
    expect(calls('pourquoi on a moins de commandes cette semaine ?')[0]).toMatchObject({
      tool: 'explain_change',
      metric: 'orders',
      after: LAST_WEEK,
      assumed_direction: 'down',
    });
    expect(calls("what happened to facebook_lal's revenue last week?")[0]).toMatchObject({
      tool: 'explain_change',
      campaigns: ['facebook_lal'],
      after: LAST_WEEK,
    });
    expect(calls("qu'est ce qui tire le CA vers le bas depuis le 15 ?")[0]).toMatchObject({
      tool: 'explain_change',
      after: { date_from: '2021-02-15', date_to: '2021-02-28' },
      assumed_direction: 'down',
    });
  });
  test('« cette semaine » is the calendar week of the data’s last day (a Sunday: the 22nd to the 28th)', () => {
    expect(calls('CA cette semaine ?')[0]).toMatchObject({ metrics: ['revenue'], ...LAST_WEEK });
  });
});
