// Chat forms the offline parser reads (each was a wrong or missed reading on the dev2 questions): weekday names and
// "the" around days, « les 10 premiers jours », an ordinal alone as a second week, « une par une », a cost per unit
// with a pronoun, loss-makers within a channel, « du meilleur au moins bon ». Expected values are by hand from the
// sample's calendar (February 2021: Monday 1st, weeks Mon–Sun) and the question's words.
import { describe, expect, test } from '@jest/globals';
import { planOffline } from '../../agent/nlu/offline-planner.js';
import { SAMPLE_CATALOG } from '../eval/catalog-fixture.js';

const args = (text: string) => {
  const plan = planOffline({ text, catalog: SAMPLE_CATALOG });
  expect(plan.unexplained).toBeUndefined();
  return plan.calls.map((call) => ({ tool: call.tool, ...call.args }));
};

describe('periods', () => {
  test.each([
    ['nb de clics du lundi 15 au dimanche 21 février', '2021-02-15', '2021-02-21'],
    ['how many clicks did we get between the 15th and the 21st?', '2021-02-15', '2021-02-21'],
    ['nb de leads de google_hot sur les 10 premiers jours du mois', '2021-02-01', '2021-02-10'],
    ['leads of google_hot in the first 10 days of February?', '2021-02-01', '2021-02-10'],
  ])('« %s » is one range', (text, from, to) => {
    const [call] = args(text);
    expect(call).toMatchObject({ date_from: from, date_to: to });
    expect(call).not.toHaveProperty('compare_to');
  });

  test('« la 2e semaine que la 1re »: the first week before the second', () => {
    const [call] = args('Pourquoi on a dépensé plus la 2e semaine que la 1re ? par canal');
    expect(call).toMatchObject({
      tool: 'explain_change',
      metric: 'mark_spent',
      by: 'category',
      before: { date_from: '2021-02-01', date_to: '2021-02-07' },
      after: { date_from: '2021-02-08', date_to: '2021-02-14' },
    });
  });
});

describe('objects, metrics and order', () => {
  test('« une par une », « canal par canal »: a breakdown, not one figure or one member', () => {
    expect(args("détaille-moi le chiffre d'affaires des campagnes fb une par une")[0]).toMatchObject({
      group_by: ['campaign_name'],
      name_prefix: 'facebook',
    });
    const [perChannel] = args('tu peux me donner le cpc canal par canal ?');
    expect(perChannel).toMatchObject({ group_by: ['category'], metrics: ['cpc'] });
    expect(perChannel).not.toHaveProperty('limit', 1);
  });

  test('a cost per unit with a pronoun or "the cheapest" is the cost metric, lowest first', () => {
    for (const text of [
      'top 3 des campagnes où le lead nous coûte le moins',
      'which three campaigns get leads the cheapest?',
    ])
      expect(args(text)[0]).toMatchObject({ metric: 'cpl', direction: 'bottom', limit: 3 });
  });

  test('loss-makers within a channel keep the channel', () => {
    expect(args('which social campaigns should we kill?')[0]).toMatchObject({
      categories: ['social'],
      thresholds: [{ metric: 'roi', op: '<', value: 0 }],
    });
    // « dans le rouge » is the loss-makers' preset (the same campaigns and figures).
    expect(args('en social, y a lesquelles qui sont dans le rouge ?')[0]).toMatchObject({
      tool: 'get_underperforming_campaigns',
      category: 'social',
      roi_threshold: 0,
    });
  });

  test('« du meilleur au moins bon » on a cost metric: lowest first', () => {
    for (const text of [
      'cpa par canal, du meilleur au moins bon stp',
      'les catégories de la plus efficace à la moins efficace en coût par commande',
    ])
      expect(args(text)[0]).toMatchObject({ group_by: ['category'], order_by: 'cpa', order: 'asc' });
  });

  test('"2k per day" is a daily budget of 2,000', () => {
    expect(args('predict influencer revenue at 2k per day')[0]).toMatchObject({
      tool: 'predict_revenue',
      budget: 2000,
      category: 'influencer',
    });
  });

  test('worst and cost-efficiency wordings keep their polarity', () => {
    // CTR: higher is better, so the worst are the lowest; CPL: the least cost-efficient channel is the costliest.
    expect(args('quelles sont les deux campagnes qui ont le plus mauvais CTR ?')[0]).toMatchObject({
      metric: 'ctr',
      direction: 'bottom',
      limit: 2,
    });
    expect(args('least cost-efficient channel on CPL?')[0]).toMatchObject({
      group_by: ['category'],
      order_by: 'cpl',
      order: 'desc',
    });
  });

  test('a figure asked with « c’est quoi » is a figure; a bare KPI is its definition', () => {
    expect(args("C'est quoi notre CA total ?")[0]).toMatchObject({
      tool: 'query_metrics',
      metrics: ['revenue'],
    });
    expect(planOffline({ text: "c'est quoi le ROAS ?", catalog: SAMPLE_CATALOG }).intent).toBe('help');
  });

  test('chat words for money in and out, "one percent", "yday"', () => {
    expect(args('combien on a claqué en social hier ?')[0]).toMatchObject({
      metrics: ['mark_spent'],
      categories: ['social'],
      date_from: '2021-02-28',
      date_to: '2021-02-28',
    });
    expect(args('combien on a encaissé en tout ce mois ?')[0]).toMatchObject({ metrics: ['revenue'] });
    expect(args('campaigns with a click-through rate over one percent')[0]).toMatchObject({
      thresholds: [{ metric: 'ctr', op: '>', value: 0.01 }],
    });
    expect(args('orders yday')[0]).toMatchObject({ date_from: '2021-02-28', date_to: '2021-02-28' });
  });

  test('« qui a tiré la hausse », "what’s behind": why questions', () => {
    expect(
      args('commandes sem. du 8 → sem. du 15 : c’est quelle campagne qui a tiré la hausse ?')[0],
    ).toMatchObject({ tool: 'explain_change', metric: 'orders' });
    expect(
      args("what's behind the lower cost per click on search over the last 7 days vs the week before?")[0],
    ).toMatchObject({ tool: 'explain_change', metric: 'cpc', categories: ['search'] });
  });
});

describe('why questions that take a direction for granted', () => {
  test.each([
    ['pourquoi le CPA de google_wide a grimpé ?', 'up'],
    ['why did revenue drop last week?', 'down'],
  ])('« %s » assumes %s', (text, direction) => {
    expect(args(text)[0]).toMatchObject({ tool: 'explain_change', assumed_direction: direction });
  });
});

describe('dev3 chat forms', () => {
  test('a threshold with an article, a unit cost in slang, a total and a ranking in one question', () => {
    expect(args('quelles campagnes sont sous les 0.4% de taux de clic ?')[0]).toMatchObject({
      thresholds: [{ metric: 'ctr', op: '<', value: 0.004 }],
    });
    expect(args('les campagnes qui nous coûtent plus de treize balles le clic ?')[0]).toMatchObject({
      thresholds: [{ metric: 'cpc', op: '>', value: 13 }],
    });
    expect(args('combien coûte un clic sur le social ?')[0]).toMatchObject({
      metrics: ['cpc'],
      categories: ['social'],
    });
    const [total, top] = args("Combien d'impressions au total en février, et quel canal en a fait le plus ?");
    expect(total).toMatchObject({ metrics: ['impressions'] });
    expect(total).not.toHaveProperty('group_by');
    expect(top).toMatchObject({ group_by: ['category'], order_by: 'impressions', order: 'desc', limit: 1 });
  });

  test('top and bottom in one question: two rankings, best first then worst first', () => {
    for (const text of [
      'Les 3 meilleures campagnes en ROI, et les 3 moins bonnes ?',
      'top 3 campaigns by ROI and the bottom 3?',
    ]) {
      const [best, worst] = args(text);
      expect(best).toMatchObject({ order_by: 'roi', order: 'desc', limit: 3 });
      expect(worst).toMatchObject({ order_by: 'roi', order: 'asc', limit: 3 });
    }
  });

  test('chat shorthands for periods: "last 7d", "last weak", "week-by-week"', () => {
    expect(args('cpm banner_partner last 7d?')[0]).toMatchObject({
      date_from: '2021-02-22',
      date_to: '2021-02-28',
    });
    expect(
      planOffline({ text: 'spend on google_hot last weak?', catalog: SAMPLE_CATALOG }).calls[0]?.args,
    ).toMatchObject({
      date_from: '2021-02-22',
    });
    expect(
      planOffline({ text: 'week-by-week spend?', catalog: SAMPLE_CATALOG }).calls[0]?.args,
    ).toMatchObject({
      grain: 'week',
    });
  });
});

describe('follow-ups the presets cannot show', () => {
  const follow = (first: string, next: string) => {
    const previous = planOffline({ text: first, catalog: SAMPLE_CATALOG });
    return planOffline({
      text: next,
      catalog: SAMPLE_CATALOG,
      previous: { intent: previous.intent, calls: previous.calls },
    });
  };

  test('another metric on a breakdown keeps the breakdown and its period', () => {
    expect(follow('CA par canal en février ?', 'et en nombre de commandes ?').calls[0]).toMatchObject({
      tool: 'query_metrics',
      args: { group_by: ['category'], order_by: 'orders', date_from: '2021-02-01', date_to: '2021-02-28' },
    });
  });

  test('« et la semaine suivante ? », "the week before": the same question one period later or earlier', () => {
    expect(
      follow('ROI de google_hot la semaine du 8 ?', 'et la semaine suivante ?').calls[0]?.args,
    ).toMatchObject({
      campaigns: ['google_hot'],
      date_from: '2021-02-15',
      date_to: '2021-02-21',
    });
    expect(
      follow('google_hot ROI for the week of Feb 15?', 'and the week before?').calls[0]?.args,
    ).toMatchObject({
      date_from: '2021-02-08',
      date_to: '2021-02-14',
    });
  });

  test('« et si on regarde que le social ? » narrows the ranking, it is no budget simulation', () => {
    expect(
      follow('quelles sont les 3 campagnes avec le meilleur ROAS ?', 'ok, et si on regarde que le social ?')
        .calls[0],
    ).toMatchObject({ tool: 'rank_campaigns', args: { metric: 'roas', limit: 3, category: 'social' } });
  });

  test('« et si on le regroupe par canal ? » regroups, it is no segmentation', () => {
    expect(
      follow('dépenses par campagne la semaine dernière', 'et si on le regroupe par canal ?').calls[0],
    ).toMatchObject({
      args: { group_by: 'category', date_from: '2021-02-22' },
    });
  });
});

describe('dev3 vocabulary and typos', () => {
  test.each([
    [
      "chifre d'afaire de facebok_retargetting ?",
      { metrics: ['revenue'], campaigns: ['facebook_retargeting'] },
    ],
    ['reveneu for facebok_retargeting?', { metrics: ['revenue'] }],
    ['how much did we spedn on google hot last week', { metrics: ['mark_spent'], campaigns: ['google_hot'] }],
    ['How much did social cost us and bring in over the last week?', { metrics: ['mark_spent', 'revenue'] }],
    ['which converted better the week of the 15th, google_hot or google_wide?', { metrics: ['cvr'] }],
  ])('« %s »', (text, expected) => {
    expect(args(text)[0]).toMatchObject(expected);
  });

  test('budget changes said as verbs are simulations, not the loss-makers', () => {
    for (const text of [
      'cut media by 30% — what do we lose?',
      'model a 30% budget cut on the media channel pls',
    ])
      expect(args(text)[0]).toMatchObject({
        tool: 'simulate_budget',
        budget_increase_pct: -30,
        category: 'media',
      });
  });

  test('two ranges joined by « ou » are compared, « du 1er au 14 » alone is one range', () => {
    expect(args('le social a fait plus de chiffre du 1er au 14 ou du 15 au 28 février ?')[0]).toMatchObject({
      metrics: ['revenue'],
      date_from: '2021-02-15',
      compare_to: { date_from: '2021-02-01', date_to: '2021-02-14' },
    });
    expect(args('commandes du 1er au 14 février')[0]).not.toHaveProperty('compare_to');
  });

  test('vague words with no metric ask which one: « les chiffres », "how efficient is search?"', () => {
    for (const text of ['Les chiffres de la semaine dernière ?', 'how efficient is search?'])
      expect(planOffline({ text, catalog: SAMPLE_CATALOG }).clarification).toBeDefined();
  });
});
