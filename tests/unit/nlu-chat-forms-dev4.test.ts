// Chat forms found by the dev4 questions (written by someone who never read the parser): unit costs said as prices,
// multi-part questions where one part leaves its metric or object to the other, rankings said as a podium or a
// « lanterne rouge », spend already put vs where to put more, weekdays before dates. Expected arguments are by hand
// from the question's words and the sample's calendar (February 2021, the 28th a Sunday).
import { describe, expect, test } from '@jest/globals';
import { calls, plan } from '../fixtures/offline-plans.js';

describe('unit costs said as prices', () => {
  test.each([
    ['which 3 campaigns have the cheapest clicks?', 'cpc'],
    ["c'est quelles les 3 campagnes où le clic nous revient le moins cher ?", 'cpc'],
    ['les 3 campagnes qui nous coûtent le plus cher au mille ?', 'cpm'],
  ])('« %s » ranks by %s', (text, metric) => {
    const [call] = calls(text);
    expect(call).toMatchObject({ tool: 'rank_campaigns', metric, limit: 3 });
  });

  test.each([
    ['combien nous coûte une conversion sur google_wide ?', 'cpa'],
    ['on paie combien les 1000 affichages sur insta ?', 'cpm'],
    ["c'est quoi le CAC de youtube_blogger ?", 'cpa'],
  ])('« %s » is the %s', (text, metric) => {
    const [call] = calls(text);
    expect(call).toMatchObject({ tool: 'query_metrics', metrics: [metric] });
  });
});

describe('multi-part questions complete an elliptic part', () => {
  test.each([
    'le meilleur et le pire canal en CPL ?',
    'quel canal a le CPL le plus bas et lequel le plus haut ?',
    'best and worst channel on cost per lead?',
  ])('« %s »: the lowest and the highest CPL channel', (text) => {
    const [low, high] = calls(text);
    const common = { tool: 'query_metrics', group_by: ['category'], order_by: 'cpl', limit: 1 };
    expect(low).toMatchObject({ ...common, order: 'asc' });
    expect(high).toMatchObject({ ...common, order: 'desc' });
  });
});

describe('rankings', () => {
  test('« podium des leads par campagne » in social: the top 3, not a breakdown', () => {
    expect(calls('réseaux sociaux : podium des leads par campagne')[0]).toMatchObject({
      tool: 'rank_campaigns',
      metric: 'leads',
      direction: 'top',
      limit: 3,
      category: 'social',
    });
  });

  test('« les 3 dernières au classement ROAS »: the bottom three', () => {
    expect(calls('les 3 dernières campagnes au classement ROAS sur les 10 derniers jours')[0]).toMatchObject({
      metric: 'roas',
      direction: 'bottom',
      limit: 3,
      date_from: '2021-02-19',
      date_to: '2021-02-28',
    });
  });

  test('spend already put is ranked; where to put more is the best ROI', () => {
    expect(calls('les 4 campagnes où on a mis le plus de budget ?')[0]).toMatchObject({
      tool: 'rank_campaigns',
      metric: 'mark_spent',
      direction: 'top',
      limit: 4,
    });
    expect(calls('Where should we put more budget?')[0]).toMatchObject({ order_by: 'roi', order: 'desc' });
  });

  test('« c’est quoi le pire canal en CPL ? » asks for the figure, not the definition', () => {
    expect(plan("c'est quoi le pire canal en cpl ?").intent).toBe('kpi_qa');
    expect(plan("c'est quoi le CPL ?").intent).toBe('help');
  });
});

describe('periods', () => {
  test.each([
    ['revenue on Tuesday Feb 9th?', '2021-02-09', '2021-02-09'],
    ['combien de commandes samedi 27 et dimanche 28 ?', '2021-02-27', '2021-02-28'],
    ['le roas du 20 à la fin du mois stp', '2021-02-20', '2021-02-28'],
    ["roas du 20.02 à aujourd'hui", '2021-02-20', '2021-02-28'],
    ['revenue month-to-date as of Feb 10?', '2021-02-01', '2021-02-10'],
    ['meilleure campagne en CTR la 1re semaine de février ?', '2021-02-01', '2021-02-07'],
  ])('« %s » → %s … %s', (text, from, to) => {
    const [call] = calls(text);
    expect(call).toMatchObject({ date_from: from, date_to: to });
    expect(call).not.toHaveProperty('compare_to');
  });

  test('« sem » alone is still SEM (search), « dernières sem. » is weeks', () => {
    expect(calls('ROI sem')[0]).toMatchObject({ categories: ['search'] });
    expect(calls('cpc des 2 dernières sem.')[0]).not.toHaveProperty('categories');
  });
});

describe('vague questions ask which figure', () => {
  test.each([
    'le social, ça a donné quoi la semaine passée ?',
    "comment s'est passé le social la semaine dernière ?",
  ])('%s', (text) => {
    const asked = plan(text);
    expect(asked.calls).toEqual([]);
    expect(asked.clarification).toBeDefined();
    expect(asked.options?.length).toBeGreaterThanOrEqual(2);
  });

  test('« comment va google_hot ? » stays the campaign card', () => {
    expect(calls('comment va google_hot ?')[0]).toMatchObject({ tool: 'describe_campaign' });
  });
});
