// Forms from the dev21–dev24 questions (written by four people who never read the parser): « levier » for a
// channel, « les 7 d'avant » and « celle d avant » (the apostrophe kept or left out), « S3 vs S2 », "w/c 15 Feb",
// a campaign's part and brand written apart, the price of one order or lead in a question, both ends of a ranking
// with no figure named (asked back) or a period named once. Expected arguments by hand from the words and the
// sample's calendar (February 2021, last day Sunday the 28th; names from the CSV).
import { describe, expect, test } from '@jest/globals';
import { calls, chain, plan } from '../fixtures/offline-plans.js';

const LAST_WEEK = { date_from: '2021-02-22', date_to: '2021-02-28' };
const WEEK_BEFORE = { date_from: '2021-02-15', date_to: '2021-02-21' };
const FEBRUARY = { date_from: '2021-02-01', date_to: '2021-02-28' };

describe('channels and names', () => {
  test('« par levier », « selon le canal »: one figure per category', () => {
    expect(calls('nb de commandes par levier la sem dernière')[0]).toMatchObject({
      metrics: ['orders'],
      group_by: ['category'],
      ...LAST_WEEK,
    });
    expect(calls('on paie combien les mille impressions selon le canal ?')[0]).toMatchObject({
      metrics: ['cpm'],
      group_by: ['category'],
    });
    expect(calls('le ca par levier ce mois')[0]).toMatchObject({ group_by: 'category', ...FEBRUARY });
  });
  test('« la tier2 facebook »: the part and its brand written apart are one campaign', () => {
    expect(calls('la tier2 facebook elle est à combien en roi')[0]).toMatchObject({
      metrics: ['roi'],
      campaigns: ['facebOOK_tier2'],
    });
    expect(calls('roi tier1 instagram')[0]).toMatchObject({ campaigns: ['instagram_tier1'] });
  });
  test('"which campaign\'s driving the most leads" ranks by leads (not a why)', () => {
    expect(calls("which campaign's driving the most leads?")[0]).toMatchObject({
      tool: 'rank_campaigns',
      metric: 'leads',
      direction: 'top',
      limit: 1,
    });
  });
});

describe('periods', () => {
  test("« les 7 derniers jours vs les 7 d'avant », « celle d avant »: last week against the week before", () => {
    for (const question of [
      "les 7 derniers jours vs les 7 d'avant, le CA est en hausse ou en baisse ?",
      'leads semaine derniere vs celle d avant',
    ])
      expect(calls(question)[0]).toMatchObject({ ...LAST_WEEK, compare_to: WEEK_BEFORE });
  });
  test('« S3 vs S2 »: weeks 3 and 2 of the month', () => {
    expect(calls('commandes qui explosent en S3 vs S2, pk ?')[0]).toMatchObject({
      tool: 'explain_change',
      metric: 'orders',
      before: { date_from: '2021-02-08', date_to: '2021-02-14' },
      after: { date_from: '2021-02-15', date_to: '2021-02-21' },
    });
  });
  test('"w/c 15 Feb", "week beginning 8 Feb": the week that starts that day', () => {
    expect(calls('spend by day, w/c 15 Feb')[0]).toMatchObject({ grain: 'day', ...WEEK_BEFORE });
    expect(calls('orders week beginning 8 Feb')[0]).toMatchObject({
      date_from: '2021-02-08',
      date_to: '2021-02-14',
    });
  });
  test('« les 7 derniers j »: the last 7 days, not the bottom 7', () => {
    expect(calls('ca search sur les 7 derniers j')[0]).toMatchObject({
      tool: 'query_metrics',
      metrics: ['revenue'],
      categories: ['search'],
      ...LAST_WEEK,
    });
  });
  test('a period named in one part of a two-part question is the other part’s too', () => {
    const [top, flop] = calls('top 1 et flop 1 en roi sur fevrier');
    expect(top).toMatchObject({ order: 'desc', limit: 1, ...FEBRUARY });
    expect(flop).toMatchObject({ order: 'asc', limit: 1, ...FEBRUARY });
  });
});

describe('costs and rankings', () => {
  test('the price of one order, lead or click in the question is its cost per unit', () => {
    expect(calls('on paie combien en moyenne pour une commande ?')[0]).toMatchObject({ metrics: ['cpa'] });
    expect(calls('on paie combien pour un lead sur google')[0]).toMatchObject({ metrics: ['cpl'] });
    expect(calls('which campaigns get orders for less than 3000 chf each')[0]).toMatchObject({
      thresholds: [{ metric: 'cpa', op: '<', value: 3000 }],
    });
  });
  test('« meilleur et pire ROAS du mois, par campagne »: both ends by campaign, not a breakdown', () => {
    const [best, worst] = calls('meilleur et pire roas du mois, par campagne');
    expect(best).toMatchObject({ order_by: 'roas', order: 'desc', group_by: ['campaign_name'] });
    expect(worst).toMatchObject({ order_by: 'roas', order: 'asc', group_by: ['campaign_name'] });
  });
  test('both ends with no figure named are a guess: confidence under the offline threshold (asked back)', () => {
    expect(plan('la meilleure et la pire campagne du mois ?').confidence).toBeLessThan(0.75);
    expect(plan("what's our best campaign and our worst one").confidence).toBeLessThan(0.75);
    expect(plan('les campagnes à couper et les 3 à renforcer').confidence).toBeGreaterThanOrEqual(0.75);
    expect(plan('la meilleure et la pire campagne en roas').confidence).toBeGreaterThanOrEqual(0.75);
  });
});

describe('vocabulary and rules from the dev21–dev24 misses', () => {
  test('traffic is clicks, eyeballs impressions, « clics qui finissent en commande » the conversion rate', () => {
    expect(calls('how much traffic did the ads send us last week')[0]).toMatchObject({
      metrics: ['clicks'],
      ...LAST_WEEK,
    });
    expect(calls('how many eyeballs did instagram get in feb')[0]).toMatchObject({
      metrics: ['impressions'],
      name_prefix: 'instagram',
    });
    expect(calls('sur youtube combien de % des clics finissent en commande')[0]).toMatchObject({
      metrics: ['cvr'],
      campaigns: ['youtube_blogger'],
    });
  });
  test('"below a ROAS of 1", "smaller than", "north of": bounds with the metric in between or new words', () => {
    expect(calls('Which campaigns are sitting below a ROAS of 1?')[0]).toMatchObject({
      thresholds: [{ metric: 'roas', op: '<', value: 1 }],
    });
    expect(calls('show me campaigns where CVR is smaller than 0.25 percent')[0]).toMatchObject({
      thresholds: [{ metric: 'cvr', op: '<', value: 0.0025 }],
    });
    expect(calls('any channel with a CPA north of 4,000 francs this month?')[0]).toMatchObject({
      group_by: ['category'],
      thresholds: [{ metric: 'cpa', op: '>', value: 4000 }],
    });
  });
  test('google is the whole of search: a simulation or a forecast on it is search’s', () => {
    expect(calls('et si on met +20% sur google')[0]).toMatchObject({
      tool: 'simulate_budget',
      budget_increase_pct: 20,
      category: 'search',
    });
    expect(calls("avec 5'000 balles par jour sur google on ferait combien de ca")[0]).toMatchObject({
      tool: 'predict_revenue',
      budget: 5000,
      category: 'search',
    });
    // facebook is four of social's six: asked which category (simulation-scope.ts), not read as social.
    expect(plan('et si on met +20% sur facebook').calls).toEqual([]);
  });
  test('« +20 % sur le social », "what would revenue look like at 2,000 a day": simulations and forecasts', () => {
    expect(calls('+20% sur le social')[0]).toMatchObject({ tool: 'simulate_budget', category: 'social' });
    expect(calls('+10% sur toutes les campagnes, impact ?')[0]).toMatchObject({ category: 'all' });
    expect(calls('What would revenue look like at 2,000 a day on influencer?')[0]).toMatchObject({
      tool: 'predict_revenue',
      budget: 2000,
      category: 'influencer',
    });
  });
  test('a cut or a boost within a family or for a channel; « le plus de budget » is spend', () => {
    expect(calls('what are the 2 facebook campaigns we should cut')[0]).toMatchObject({
      thresholds: [{ metric: 'roi', op: '<', value: 0 }],
      limit: 2,
      name_prefix: 'facebook',
    });
    expect(calls('which channel should get more budget')[0]).toMatchObject({
      group_by: ['category'],
      order_by: 'roi',
      order: 'desc',
      limit: 1,
    });
    expect(calls('quel canal a le plus de budget ?')[0]).toMatchObject({
      order_by: 'mark_spent',
      order: 'desc',
    });
  });
  test('writing, the weather and platform actions are out of scope; "what can you do" is help', () => {
    for (const text of [
      "écris-moi un mail pour l'agence pour leur dire qu'on réduit le budget",
      'write me a tweet about our youtube campaign',
      'How is the weather in Zürich today?',
      'pause google_wide for me, would you?',
      'monte le budget de facebook_tier1 de 500 balles dans ads manager stp',
    ])
      expect(plan(text).intent).toBe('out_of_scope');
    expect(plan('What can you actually do?').intent).toBe('help');
  });
  test('"our best revenue day": the days ranked; « notre meilleur jour » without a figure is a guess', () => {
    expect(calls('when was our best revenue day this month?')[0]).toMatchObject({
      grain: 'day',
      order_by: 'revenue',
      order: 'desc',
    });
    expect(plan("c'était quoi notre meilleur jour en février ?").confidence).toBeLessThan(0.75);
  });
});

describe('third pass: names side by side, brackets, comparatives in a « pourquoi »', () => {
  test('« le blogueur youtube et le blogueur insta »: each bare part paired with the name next to it', () => {
    const [youtube, instagram] = calls(
      'entre le blogueur youtube et le blogueur insta lequel a le cpa le plus bas',
    );
    expect(youtube).toMatchObject({ metrics: ['cpa'], campaigns: ['youtube_blogger'] });
    expect(instagram).toMatchObject({ metrics: ['cpa'], campaigns: ['instagram_blogger'] });
  });
  test('« rapporte le moins (roi) »: the figure in brackets says which one; « chiffre d’affaires (CA) » adds none', () => {
    expect(calls('quelle categorie rapporte le moins (roi)')[0]).toMatchObject({
      order_by: 'roi',
      order: 'asc',
      group_by: ['category'],
    });
  });
  test('« plus mauvais la 2e moitié du mois, pk ? »: the second half against the first, explained', () => {
    expect(calls('fb roi plus mauvais la 2eme moitié du mois, pk ?')[0]).toMatchObject({
      tool: 'explain_change',
      metric: 'roi',
      before: { date_from: '2021-02-01', date_to: '2021-02-14' },
      after: { date_from: '2021-02-15', date_to: '2021-02-28' },
      name_prefix: 'facebook',
    });
    expect(
      calls('roi meilleur les 7 derniers jours que la semaine d avant, ca vient d ou ?')[0],
    ).toMatchObject({
      tool: 'explain_change',
      before: WEEK_BEFORE,
      after: LAST_WEEK,
    });
  });
  test('the price of a thousand impressions, « clique », "every franc we put in", "did we make money"', () => {
    expect(calls('combien ca coute 1000 affichages en social')[0]).toMatchObject({ metrics: ['cpm'] });
    expect(calls('combien de clique sur gogle hot')[0]).toMatchObject({
      metrics: ['clicks'],
      campaigns: ['google_hot'],
    });
    expect(calls('For every franc we put in Google, how much revenue comes back?')[0]).toMatchObject({
      metrics: expect.arrayContaining(['roas']),
      name_prefix: 'google',
    });
    // "did we …": the account's ROI, not the campaigns that made money.
    expect(calls('did we make money on ads this month?')[0]).toMatchObject({ metrics: ['roi'], ...FEBRUARY });
    expect(calls('did we make money on ads this month?')[0]).not.toHaveProperty('group_by');
  });
  test('« quelle catégorie …, dans l’ordre »: every channel ranked', () => {
    expect(calls('quelle categorie fait le plus de ca, dans l ordre')[0]).toMatchObject({
      group_by: ['category'],
      order_by: 'revenue',
      limit: 100,
    });
  });
});

describe('follow-ups from the dev21–dev24 conversations', () => {
  test('« montre m’en 5 », « élargis à 5 », "expand to 5": the same ranking, five long', () => {
    expect(chain('top 3 campagnes en cpa', "montre m'en 5")[0]).toMatchObject({ metric: 'cpa', limit: 5 });
    expect(chain('top 3 campaigns by ROI', 'expand to 5')[0]).toMatchObject({ metric: 'roi', limit: 5 });
  });
  test('« juste google_hot » after a figure per campaign: that campaign’s figures, same period', () => {
    const [call] = chain('revenue per campaign in week 2', 'now week 3', 'just google_hot');
    expect(call).toMatchObject({ campaigns: ['google_hot'], date_from: '2021-02-15', date_to: '2021-02-21' });
    expect(call).not.toHaveProperty('group_by');
  });
  test('« la veille », « le lendemain », « et jeudi ? »: the day before or after the one shown', () => {
    expect(chain('combien on a fait hier en CA ?', 'et la veille ?')[0]).toMatchObject({
      date_from: '2021-02-27',
      date_to: '2021-02-27',
    });
    expect(chain('combien de commande le 10 fevrier', 'et le lendemain ?')[0]).toMatchObject({
      date_from: '2021-02-11',
    });
    expect(chain('nb commandes mercredi 10', 'et jeudi ?')[0]).toMatchObject({
      metrics: ['orders'],
      date_from: '2021-02-11',
      date_to: '2021-02-11',
    });
  });
  test('« par levier plutôt » after a « pourquoi », « ça vient de quoi ? » after a comparison', () => {
    expect(
      chain(
        "pk le ca s'est effondré la semaine dernière vs celle d'avant",
        'ok mais si tu regardes par levier plutôt que par campagne ?',
      )[0],
    ).toMatchObject({ tool: 'explain_change', by: 'category' });
    expect(chain('compare le cpl de la 1ere et la 2e semaine', 'ca vient de quoi ?')[0]).toMatchObject({
      tool: 'explain_change',
      metric: 'cpl',
    });
  });
  test('« et leur CPL ? », « elles ont coûté combien au total ? »: over the members just listed', () => {
    expect(chain('top 3 campagnes roi', 'et leur cpl ca donne quoi')[0]).toMatchObject({
      tool: 'query_metrics',
      metrics: ['cpl', 'roi'],
      order_by: 'roi',
      order: 'desc',
      limit: 3,
    });
    expect(
      chain('quelles campagnes ont un ROI négatif ?', 'et elles nous ont coûté combien au total ?')[0],
    ).toMatchObject({
      metrics: ['mark_spent', 'roi'],
      thresholds: [{ metric: 'roi', op: '<', value: 0 }],
      totals: true,
    });
  });
  test('« lequel des deux ? » with one member on screen is asked back', () => {
    // (The turn before showed instagram alone: facebook was the turn before that, which a follow-up does not see.)
    expect(
      chain('CA de facebook en février ?', 'et instagram ?', 'lequel des deux a le meilleur ROAS ?'),
    ).toEqual([]);
  });
  test('"the other blogger, the one on instagram" after youtube_blogger', () => {
    expect(
      chain("c'est quoi le roas de la campagne youtube blogger", "et l'autre blogueur, celui d'insta ?")[0],
    ).toMatchObject({ metrics: ['roas'], campaigns: ['instagram_blogger'] });
  });
});

describe('fourth pass: the account average, the chop, bang for the buck', () => {
  test('« c’est beaucoup par rapport à la moyenne ? » after one campaign: its figure beside the account’s', () => {
    const [lal, account] = chain('cpa de facebook_lal', "c'est beaucoup par rapport à la moyenne ?");
    expect(lal).toMatchObject({ metrics: ['cpa'], campaigns: ['facebook_lal'] });
    expect(account).toEqual({ tool: 'query_metrics', metrics: ['cpa'] });
  });
  test('"candidates for the chop", "overpaying for clicks", "bang for the buck", "paying for itself"', () => {
    expect(calls('candidates for the chop?')[0]).toMatchObject({
      thresholds: [{ metric: 'roi', op: '<', value: 0 }],
    });
    expect(calls('where are we overpaying for clicks? top 3')[0]).toMatchObject({
      metric: 'cpc',
      direction: 'top',
      limit: 3,
    });
    expect(calls('which channel gives us the most bang for the buck?')[0]).toMatchObject({
      group_by: ['category'],
      order_by: 'roi',
      limit: 1,
    });
    expect(calls('is social even paying for itself?')[0]).toMatchObject({
      metrics: ['roi'],
      categories: ['social'],
    });
    expect(calls('social: are we making or losing money?')[0]).toMatchObject({
      metrics: ['roi'],
      categories: ['social'],
    });
  });
  test('« si on enlève facebook »: an exclusion; "2nd fortnight"; « tu sais répondre à quoi ? » is help', () => {
    expect(calls('quel ROI pour le social si on enlève facebook ?')[0]).toMatchObject({
      categories: ['social'],
      campaigns: expect.not.arrayContaining(['facebook_lal', 'facebook_tier1', 'facebOOK_tier2']),
    });
    expect(calls('top 3 CTR, 2nd fortnight')[0]).toMatchObject({
      date_from: '2021-02-15',
      date_to: '2021-02-28',
    });
    expect(plan('tu sais répondre à quoi ?').intent).toBe('help');
  });
  test('"channel ROIs plus the biggest-spending channel": two parts, the second one channel', () => {
    const [rois, biggest] = calls('channel ROIs plus the biggest-spending channel');
    expect(rois).toMatchObject({ metrics: expect.arrayContaining(['roi']), group_by: ['category'] });
    expect(biggest).toMatchObject({ order_by: 'mark_spent', order: 'desc', limit: 1 });
  });
});

describe('fifth pass (dev26–dev28): tiers, elisions, week pairs, costs of one result', () => {
  test('« fb t1 vs t2 », « insta t2 »: the tier parts of the names', () => {
    const [t1, t2] = calls('cpc fb t1 vs t2 ?');
    expect(t1).toMatchObject({ metrics: ['cpc'], campaigns: ['facebook_tier1'] });
    expect(t2).toMatchObject({ metrics: ['cpc'], campaigns: ['facebOOK_tier2'] });
    expect(calls('insta t2 cpm?')[0]).toMatchObject({ metrics: ['cpm'], campaigns: ['instagram_tier2'] });
  });
  test('« prix d un lead », « sem d avant »: the apostrophe left out (not SEM for search)', () => {
    expect(calls('prix d un lead en social ?')[0]).toMatchObject({
      metrics: ['cpl'],
      categories: ['social'],
    });
    const [why] = calls('pourquoi cpa en baisse vs sem d avant');
    expect(why).toMatchObject({ tool: 'explain_change', before: WEEK_BEFORE, after: LAST_WEEK });
    expect(why).not.toHaveProperty('categories');
  });
  test('two weeks named with one noun or a comparative: « sem 2 qu’en sem 1 », "the first and the second week"', () => {
    const weeks12 = {
      before: { date_from: '2021-02-01', date_to: '2021-02-07' },
      after: { date_from: '2021-02-08', date_to: '2021-02-14' },
    };
    expect(calls('pk cpc plus cher en sem 2 qu en sem 1 ?')[0]).toMatchObject({ metric: 'cpc', ...weeks12 });
    expect(calls('cpc sem 2 > sem 1 pourquoi')[0]).toMatchObject({ metric: 'cpc', ...weeks12 });
    expect(
      calls('Social lost ROI between the first and the second week of February. What is the cause?')[0],
    ).toMatchObject({ metric: 'roi', categories: ['social'], ...weeks12 });
    expect(
      calls(
        "Pourriez-vous comparer le chiffre d'affaires de la première et de la dernière semaine de février ?",
      )[0],
    ).toMatchObject({ ...LAST_WEEK, compare_to: { date_from: '2021-02-01', date_to: '2021-02-07' } });
  });
  test('« 7j », « 2e sem de fev », « cette sem »: periods in shorthand', () => {
    expect(calls('google 7j : nb leads et cpl')[0]).toMatchObject({ ...LAST_WEEK, name_prefix: 'google' });
    expect(calls('cpa 2e sem de fev ?')[0]).toMatchObject({ date_from: '2021-02-08', date_to: '2021-02-14' });
    expect(calls('cpa mieux cette sem, pk ?')[0]).toMatchObject({ tool: 'explain_change', after: LAST_WEEK });
  });
  test('the cost of one sale or lead, « 1,50 franc de CA pour chaque franc dépensé »', () => {
    expect(calls('une vente en search nous coûte combien en moyenne ?')[0]).toMatchObject({
      metrics: ['cpa'],
    });
    expect(calls("Quel est le coût unitaire moyen d'une commande sur février ?")[0]).toMatchObject({
      metrics: ['cpa'],
    });
    expect(
      calls('Quelles catégories ont généré au moins 1.50 franc de CA pour chaque franc dépensé ?')[0],
    ).toMatchObject({ group_by: ['category'], thresholds: [{ metric: 'roas', op: '>=', value: 1.5 }] });
  });
  test('« un résultat » costs: which cost per result is meant is asked', () => {
    for (const text of ['Combien nous coûte un résultat sur Facebook ?', 'cout/resultat youtube ?'])
      expect(plan(text).calls).toEqual([]);
  });
  test('« dont le ROI est négatif », « un ROI qui est négatif »: the loss-makers, not the best', () => {
    expect(calls('quelles campagnes ont un ROI qui est négatif ?')[0]).toMatchObject({
      thresholds: [{ metric: 'roi', op: '<', value: 0 }],
      order: 'asc',
    });
  });
});

describe('sixth pass (dev28, a controller’s words; dev27, terse)', () => {
  test('« charges », "expenditure", "outlay" are spend; « produits » in accounting phrases is revenue', () => {
    expect(
      calls('Quel est le montant total des charges publicitaires engagées sur la période de février ?')[0],
    ).toMatchObject({
      metrics: ['mark_spent'],
      ...FEBRUARY,
    });
    expect(calls('What was our aggregate marketing outlay for the month, please?')[0]).toMatchObject({
      metrics: ['mark_spent'],
    });
    expect(
      calls('Quel est le total des produits générés par les campagnes sur la période ?')[0],
    ).toMatchObject({
      metrics: ['revenue'],
    });
    expect(
      calls('Quelles sont les campagnes dont les produits ne couvrent pas les charges ?')[0],
    ).toMatchObject({
      thresholds: [{ metric: 'roi', op: '<', value: 0 }],
    });
  });
  test('TVA, the ledger and invoices are out of scope; « que pouvez-vous me fournir ? » is help', () => {
    for (const text of [
      'Pouvez-vous calculer la TVA due sur le chiffre d’affaires du mois ?',
      'Could you reconcile the advertising spend with the general ledger?',
    ])
      expect(plan(text).intent).toBe('out_of_scope');
    for (const text of [
      'Que pouvez-vous me fournir comme analyses, concrètement ?',
      'What sort of questions can you answer?',
      'comment je dois formuler mes questions ?',
      'what can u do',
    ])
      expect(plan(text).intent).toBe('help');
  });
  test('"the week ending Sunday 28 February", "the week of the 15th compared with the previous week"', () => {
    expect(calls('Revenue for the week ending Sunday 28 February, please.')[0]).toMatchObject(LAST_WEEK);
    expect(
      calls(
        'Why did advertising expenditure rise so sharply in the week of the 15th compared with the previous week?',
      )[0],
    ).toMatchObject({
      before: { date_from: '2021-02-08', date_to: '2021-02-14' },
      after: WEEK_BEFORE,
    });
  });
  test('"model a ten per cent uplift", « pause them in Facebook Ads Manager » (an action: out of scope)', () => {
    expect(calls('Please model a ten per cent uplift in total advertising spend.')[0]).toMatchObject({
      tool: 'simulate_budget',
      budget_increase_pct: 10,
      category: 'all',
    });
    expect(plan('can you pause them in facebook ads manager').intent).toBe('out_of_scope');
    expect(plan('passe le budget fb a 2k/j dans ads manager').intent).toBe('out_of_scope');
  });
  test('"how is the budget split over the channels?": spend per channel', () => {
    expect(calls('How is the budget split over the channels?')[0]).toMatchObject({ group_by: 'category' });
  });
});

describe('seventh pass: follow-ups that keep what was shown', () => {
  test('« ça fait combien d’impressions en tout ? » after banner_partner’s CPM: banner_partner’s impressions', () => {
    expect(chain('cpm du banner_partner ?', "ça fait combien d'impressions en tout ?")[0]).toMatchObject({
      metrics: ['impressions'],
      campaigns: ['banner_partner'],
    });
    expect(chain('impressions du social ?', 'ça nous coûte combien pour mille ?')[0]).toMatchObject({
      metrics: ['cpm'],
      categories: ['social'],
    });
  });
  test('« et le meilleur CPL, c’est quelle campagne ? » after the account’s CPL: campaigns ranked by CPL', () => {
    // (A whole ranking by itself: the preset ranking, lowest CPL first.)
    expect(chain('cpl moyen du mois ?', "et le meilleur cpl, c'est quelle campagne ?")[0]).toMatchObject({
      tool: 'rank_campaigns',
      metric: 'cpl',
      direction: 'bottom',
      limit: 1,
    });
  });
  test('« laquelle de celles-ci coûte le plus ? » after the loss-makers: ranked by spend among them', () => {
    expect(
      chain('Quelles campagnes ont un ROI négatif sur le mois ?', 'laquelle de celles-ci coûte le plus ?')[0],
    ).toMatchObject({
      thresholds: [{ metric: 'roi', op: '<', value: 0 }],
      order_by: 'mark_spent',
      order: 'desc',
      limit: 1,
    });
  });
  test('« simule une hausse de 20 % du budget », "increase that budget" after one channel: that channel', () => {
    expect(chain('roi du social ?', 'simule-moi une hausse de 20% du budget')[0]).toMatchObject({
      tool: 'simulate_budget',
      category: 'social',
    });
    expect(chain('ROI of influencer?', 'What happens if we increase that budget by 30%?')[0]).toMatchObject({
      budget_increase_pct: 30,
      category: 'influencer',
    });
  });
  test('« ≥ » and « ≤ » are comparators', () => {
    expect(calls('which camps roas ≥ 2')[0]).toMatchObject({
      thresholds: [{ metric: 'roas', op: '>=', value: 2 }],
    });
  });
});
