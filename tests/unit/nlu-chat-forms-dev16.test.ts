// Forms from the dev16 and dev17 questions (written by two people who never read the parser): ISO week ranges and
// pairs, weekdays compared, a bound before its comparator, « le coût » / « la conversion » / « la campagne » asked
// back, follow-ups that restate or reverse the previous answer. Expected arguments by hand from the words and the
// sample's calendar (February 2021, last day Sunday the 28th; names from the CSV).
import { describe, expect, test } from '@jest/globals';
import { calls, chain, plan } from '../fixtures/offline-plans.js';

const LAST_WEEK = { date_from: '2021-02-22', date_to: '2021-02-28' };
const WEEK_BEFORE = { date_from: '2021-02-15', date_to: '2021-02-21' };

describe('weeks and days', () => {
  test('« KW5 à KW8 » is one range (the whole month here), read by week', () => {
    expect(calls('dépenses par semaine (KW5 à KW8)')[0]).toMatchObject({
      grain: 'week',
      date_from: '2021-02-01',
      date_to: '2021-02-28',
    });
    expect(calls('CA KW5 à KW7')[0]).toMatchObject({ date_from: '2021-02-01', date_to: '2021-02-21' });
  });
  test('"week 5 to week 6": ISO weeks 5 and 6 (1st–7th, 8th–14th), since 6 is past a month’s weeks', () => {
    expect(calls('what made search ROI tank from week 5 to week 6?')[0]).toMatchObject({
      tool: 'explain_change',
      before: { date_from: '2021-02-01', date_to: '2021-02-07' },
      after: { date_from: '2021-02-08', date_to: '2021-02-14' },
      categories: ['search'],
    });
  });
  test('« samedi vs dimanche »: the 27th against the 28th; « samedi et dimanche »: the weekend', () => {
    expect(calls('CA samedi vs dimanche (ce week-end)')[0]).toMatchObject({
      date_from: '2021-02-28',
      date_to: '2021-02-28',
      compare_to: { date_from: '2021-02-27', date_to: '2021-02-27' },
    });
    expect(calls('combien on a fait samedi et dimanche ?')[0]).toMatchObject({
      metrics: ['revenue'],
      date_from: '2021-02-27',
      date_to: '2021-02-28',
    });
  });
  test('"vs the 7 before" is the 7 days before, not the 7th; « vs la semaine d’avant » alone is last week’s', () => {
    expect(calls('instagram ROI last 7 days vs the 7 before?')[0]).toMatchObject({
      ...LAST_WEEK,
      compare_to: WEEK_BEFORE,
    });
    expect(calls("insta ROI en baisse vs la semaine d'avant, c'est quoi qui coince ?")[0]).toMatchObject({
      tool: 'explain_change',
      before: WEEK_BEFORE,
      after: LAST_WEEK,
    });
  });
  test('« 1ère moitié du mois comparé à la 2ème »: both halves', () => {
    expect(calls('CA 1ère moitié du mois comparé à la 2ème')[0]).toMatchObject({
      date_from: '2021-02-15',
      date_to: '2021-02-28',
      compare_to: { date_from: '2021-02-01', date_to: '2021-02-14' },
    });
  });
});

describe('bounds, rankings, parts', () => {
  test('« 1000 commandes ou plus »: the number before its comparator', () => {
    expect(calls('les campagnes à 1000 commandes ou plus')[0]).toMatchObject({
      thresholds: [{ metric: 'orders', op: '>=', value: 1000 }],
    });
  });
  test('a bound and a ranking in one message, and « trois tops, trois flops »', () => {
    expect(calls('two things: campaigns with ROI under 0, and the 3 best ones by ROI')).toEqual([
      expect.objectContaining({ thresholds: [{ metric: 'roi', op: '<', value: 0 }] }),
      expect.objectContaining({ order_by: 'roi', order: 'desc', limit: 3 }),
    ]);
    expect(calls('trois tops, trois flops sur le ROI ?')).toEqual([
      expect.objectContaining({ order: 'desc', limit: 3 }),
      expect.objectContaining({ order: 'asc', limit: 3 }),
    ]);
  });
  test('the channel losing the most money: the lowest ROI, one channel (not every loss-maker)', () => {
    for (const text of ['Which channel is losing us the most money?', "quel canal perd le plus d'argent ?"])
      expect(calls(text)[0]).toMatchObject({
        group_by: ['category'],
        order_by: 'roi',
        order: 'asc',
        limit: 1,
      });
  });
  test('"single" / « une seule » is one', () => {
    expect(calls('most profitable single campaign?')[0]).toMatchObject({ limit: 1 });
  });
  test('a total asked with a breakdown gets a totals row', () => {
    expect(calls('CA total du mois et la répartition par canal')[0]).toMatchObject({
      group_by: ['category'],
      totals: true,
    });
  });
});

describe('asked back', () => {
  test.each([
    "c'est combien le coût sur google_hot ?",
    'la conversion sur google_wide ?',
    'elle a fait combien de CA, la campagne ?',
    'What did the campaign make last week?',
  ])('%s', (text) => {
    const asked = plan(text);
    expect(asked.calls).toEqual([]);
    expect(asked.clarification).toBeDefined();
  });
  test('but « le coût total », « le taux de conversion » and « la campagne de printemps » are not', () => {
    expect(calls('le coût total de google_hot')[0]).toMatchObject({ metrics: ['mark_spent'] });
    expect(calls('le taux de conversion de google_hot')[0]).toMatchObject({ metrics: ['cvr'] });
    expect(plan('propose-moi un slogan pour la campagne de printemps').intent).toBe('out_of_scope');
  });
});

describe('follow-ups', () => {
  test('« et en % ? » after a comparison: the same comparison (its answer gives the change in percent)', () => {
    expect(chain("CA la semaine dernière vs la semaine d'avant", 'et en % ?')[0]).toMatchObject({
      ...LAST_WEEK,
      compare_to: WEEK_BEFORE,
    });
  });
  test('« et l’inverse ? » after a top 3: the bottom 3', () => {
    expect(chain('top 3 campagnes par ROAS ce mois', "et l'inverse ?")[0]).toMatchObject({
      direction: 'bottom',
      limit: 3,
    });
  });
  test('« c’est moins bien que la semaine d’avant, non ? » then « pk ? »: that change explained', () => {
    expect(
      chain('ROI insta la semaine passée ?', "c'est moins bien que la semaine d'avant non ?", 'pk ?')[0],
    ).toMatchObject({
      tool: 'explain_change',
      before: WEEK_BEFORE,
      after: LAST_WEEK,
      name_prefix: 'instagram',
    });
  });
});

describe('words', () => {
  test('money gone, net return, transformer, share of clicks, blended', () => {
    expect(calls('combien de balles sont parties dans facebook du 22 au 28 ?')[0]).toMatchObject({
      metrics: ['mark_spent'],
      name_prefix: 'facebook',
    });
    expect(calls('How much money went out the door in February?')[0]).toMatchObject({
      metrics: ['mark_spent'],
    });
    expect(calls('Net return on our marketing spend for Feb, as a percentage?')[0]).toMatchObject({
      metrics: expect.arrayContaining(['roi']),
    });
    expect(calls('les campagnes qui transforment à moins de 0,25 % des clics en commandes')[0]).toMatchObject(
      {
        thresholds: [{ metric: 'cvr', op: '<', value: 0.0025 }],
      },
    );
    expect(calls('le pourcentage de clics par impression sur le search ?')[0]).toMatchObject({
      metrics: ['ctr'],
    });
    expect(calls('blended return on ad spend for the month?')[0]).toMatchObject({ metrics: ['roas'] });
  });
  test('a campaign’s own category is not a second side (« le display banner_partner »)', () => {
    expect(calls('le prix au mille du display banner_partner')).toEqual([
      { tool: 'query_metrics', metrics: ['cpm'], campaigns: ['banner_partner'] },
    ]);
  });
  test('German and typos: « Umsatz pro Kanal », « gogle hot », « baner partner », « cb de lead »', () => {
    expect(calls('Umsatz pro Kanal, en CHF stp')[0]).toMatchObject({ tool: 'aggregate_by_dimension' });
    expect(calls('CA gogle hot semaine derniere')[0]).toMatchObject({ campaigns: ['google_hot'] });
    expect(calls('cpc baner partner ?')[0]).toMatchObject({ campaigns: ['banner_partner'] });
    expect(calls('cb de lead sur google hot')[0]).toMatchObject({ metrics: ['leads'] });
    // « Canva Pro » is not « par ».
    expect(plan('combien coûte un abo Canva Pro ?').intent).toBe('out_of_scope');
  });
});

describe('dev18 and dev19 forms', () => {
  test('a figure per channel and the biggest spender among them: two parts', () => {
    expect(calls('ROI par canal, et quel canal a le plus dépensé ?')).toEqual([
      expect.objectContaining({ group_by: ['category'], metrics: expect.arrayContaining(['roi']) }),
      expect.objectContaining({ group_by: ['category'], order_by: 'mark_spent', order: 'desc', limit: 1 }),
    ]);
  });
  test('figures named, then a ranking: « les dépenses, le ROAS et les 3 meilleures campagnes en CA »', () => {
    const read = calls('pour la KW7 il me faut les dépenses, le ROAS et les 3 meilleures campagnes en CA');
    expect(read).toEqual([
      expect.objectContaining({
        metrics: ['mark_spent', 'roas'],
        date_from: '2021-02-15',
        date_to: '2021-02-21',
      }),
      expect.objectContaining({ order_by: 'revenue', order: 'desc', limit: 3, date_from: '2021-02-15' }),
    ]);
  });
  test('a why between two weeks stays one question (no part split on its « et »)', () => {
    expect(calls('pourquoi le CPA a baissé entre la semaine du 1er et celle du 8 ? par canal stp')).toEqual([
      expect.objectContaining({ tool: 'explain_change', by: 'category' }),
    ]);
  });
  test('« ROAS entre le 10 et le 20 »: days, not a range of values', () => {
    expect(calls('ROAS entre le 10 et le 20 ?')[0]).toMatchObject({
      date_from: '2021-02-10',
      date_to: '2021-02-20',
    });
    expect(calls('ROAS entre 1 et 2')[0]).toMatchObject({
      thresholds: [
        { metric: 'roas', op: '>=', value: 1 },
        { metric: 'roas', op: '<=', value: 2 },
      ],
    });
  });
  test('« nonante mille francs » is 90 000; « cramé le plus de budget » ranks spend (not « more budget »)', () => {
    expect(
      calls('quelles campagnes ont dépensé plus de nonante mille francs la semaine dernière ?')[0],
    ).toMatchObject({
      thresholds: [{ metric: 'mark_spent', op: '>', value: 90_000 }],
    });
    expect(calls('qui a cramé le plus de budget ? top 5')[0]).toMatchObject({
      metric: 'mark_spent',
      direction: 'top',
    });
  });
  test('"biggest spender", "most expensive channel for leads"', () => {
    expect(calls('biggest spender last week?')[0]).toMatchObject({ metric: 'mark_spent', limit: 1 });
    expect(calls('most expensive channel for leads?')[0]).toMatchObject({
      group_by: ['category'],
      order_by: 'cpl',
      order: 'desc',
      limit: 1,
    });
  });
  test('the best day: every day, the best first', () => {
    expect(calls('quel jour a fait le plus gros CA ?')[0]).toMatchObject({
      grain: 'day',
      order_by: 'revenue',
      order: 'desc',
      limit: 100,
    });
  });
  test('imperative actions on the ad platform are out of scope; the question is not', () => {
    for (const text of ['mets en pause facebook_lal stp', 'pause facebook_lal now'])
      expect(plan(text).intent).toBe('out_of_scope');
    expect(calls('faut-il mettre en pause facebook_lal ?')[0]).toMatchObject({ campaigns: ['facebook_lal'] });
  });
  test('« les 2 facebook » of four: asked which; "tier2" beside instagram_tier1 is instagram_tier2', () => {
    expect(plan('mets les 2 facebook côte à côte en ROI').calls).toEqual([]);
    expect(calls("how does instagram_tier1's ROI stack up against tier2's?")).toEqual([
      expect.objectContaining({ campaigns: ['instagram_tier1'] }),
      expect.objectContaining({ campaigns: ['instagram_tier2'] }),
    ]);
  });
  test('W7/W8 and fortnights in a why; "what changed"; « c’est quoi qui fait chuter »', () => {
    expect(calls('why did social ROI move between W7 and W8?')[0]).toMatchObject({
      tool: 'explain_change',
      before: WEEK_BEFORE,
      after: LAST_WEEK,
    });
    expect(
      calls("what's behind the change in search cost per order, first fortnight vs second?")[0],
    ).toMatchObject({
      before: { date_from: '2021-02-01', date_to: '2021-02-14' },
      after: { date_from: '2021-02-15', date_to: '2021-02-28' },
    });
    expect(calls('orders W5 → W6: what changed, by channel?')[0]).toMatchObject({
      tool: 'explain_change',
      by: 'category',
    });
    expect(calls("c'est quoi qui fait chuter les leads sur les 7 derniers jours ?")[0]).toMatchObject({
      tool: 'explain_change',
      metric: 'leads',
    });
  });
  test('"are we burning cash on social?" is social’s ROI', () => {
    expect(calls('are we burning cash on social?')[0]).toMatchObject({
      metrics: ['roi', 'mark_spent', 'revenue'],
      categories: ['social'],
    });
  });
  test('« le week-end dernier » when the data ends on a Sunday: asked, this weekend or the one before', () => {
    const asked = plan('CA du week-end dernier ?');
    expect(asked.calls).toEqual([]);
    expect(asked.options).toEqual(['CA du 27 au 28 février 2021', 'CA du 20 au 21 février 2021']);
    // « le dernier week-end de février » is the month's last one.
    expect(calls('commandes du dernier week-end de février ?')[0]).toMatchObject({
      date_from: '2021-02-27',
      date_to: '2021-02-28',
    });
  });
  test('« et comparé aux 7 jours précédents ? »: the figure against the 7 days before', () => {
    expect(
      chain('ROAS du social sur les 7 derniers jours ?', 'et comparé aux 7 jours précédents ?')[0],
    ).toMatchObject({
      ...LAST_WEEK,
      compare_to: WEEK_BEFORE,
    });
  });
});

describe('dev18 and dev19 forms, second pass', () => {
  test('dates: "from Feb 8 through Feb 14", "between the 10th and the 20th"', () => {
    expect(calls('instagram_tier1 clicks from Feb 8 through Feb 14')[0]).toMatchObject({
      date_from: '2021-02-08',
      date_to: '2021-02-14',
    });
    expect(calls('ROAS between the 10th and the 20th')[0]).toMatchObject({
      date_from: '2021-02-10',
      date_to: '2021-02-20',
    });
  });
  test('a count that is the family’s size names the family: one figure', () => {
    expect(calls('CA facebook du mois, les quatre campagnes ensemble.')).toEqual([
      { tool: 'query_metrics', metrics: ['revenue'], name_prefix: 'facebook' },
    ]);
    expect(calls('top 4 facebook en CA')[0]).toMatchObject({ order_by: 'revenue', limit: 4 });
  });
  test('words: half a percent, CPO, « choper un client », « gros chiffre », « rentré des thunes », rake in', () => {
    expect(calls('anything with a click-through rate below half a percent?')[0]).toMatchObject({
      thresholds: [{ metric: 'ctr', op: '<', value: 0.005 }],
    });
    expect(calls('CPO google_hot ?')[0]).toMatchObject({ metrics: ['cpa'] });
    expect(calls('combien on paie pour choper un client via google_hot ?')[0]).toMatchObject({
      metrics: ['cpa'],
    });
    expect(calls("c'est quel canal qui génère le plus de chiffre ?")[0]).toMatchObject({
      group_by: ['category'],
      order_by: 'revenue',
      limit: 1,
    });
    expect(calls('on a rentré combien de thunes en février, toutes campagnes confondues ?')[0]).toMatchObject(
      {
        metrics: ['revenue'],
      },
    );
    expect(calls('how much did we rake in from youtube last week?')[0]).toMatchObject({
      metrics: ['revenue'],
      campaigns: ['youtube_blogger'],
    });
  });
  test('loss said otherwise: « coûtent plus qu’elles ne rapportent », "not breaking even"', () => {
    for (const text of [
      "on a des campagnes qui coûtent plus qu'elles ne rapportent ?",
      'any social campaigns not breaking even?',
    ]) {
      // The loss-makers, as a query or as their preset (the same campaigns and figures).
      const [call] = calls(text) as Record<string, unknown>[];
      const preset = call?.tool === 'get_underperforming_campaigns' && call.roi_threshold === 0;
      if (!preset) expect(call).toMatchObject({ thresholds: [{ metric: 'roi', op: '<', value: 0 }] });
    }
  });
  test('« la campagne insta la plus rentable » ranks the family (one), not asked which', () => {
    expect(calls('la campagne insta la plus rentable ?')[0]).toMatchObject({
      name_prefix: 'instagram',
      order_by: 'roi',
      limit: 1,
    });
  });
});

describe('follow-ups of a ranking keep its figure', () => {
  test('« trie du pire au meilleur », « inverse l’ordre », "flip it, worst first": the same figure, from the bottom', () => {
    for (const [first, next] of [
      ['classement des campagnes par ROAS', 'trie du pire au meilleur'],
      ['classe les campagnes par ROAS', "inverse l'ordre stp"],
      ['rank campaigns by ROAS', 'flip it, worst first'],
    ] as const)
      expect(chain(first, next)[0]).toMatchObject({ metric: 'roas', direction: 'bottom' });
  });
  test('« que les 3 premières », "just the top 3": the same figure, three', () => {
    expect(chain('classement des campagnes par CA', 'que les 3 premières')[0]).toMatchObject({
      metric: 'revenue',
      direction: 'top',
      limit: 3,
    });
    expect(chain('rank campaigns by revenue', 'just the top 3')[0]).toMatchObject({
      metric: 'revenue',
      limit: 3,
    });
  });
  test('"why did revenue fall last week?" explains the change; « du coup » is harmless', () => {
    expect(calls('why did revenue fall last week?')[0]).toMatchObject({
      tool: 'explain_change',
      after: LAST_WEEK,
    });
    expect(chain('dépense par canal', 'et le CA ?', 'et le ROI du coup ?')[0]).toMatchObject({
      metrics: expect.arrayContaining(['roi']),
      group_by: ['category'],
    });
  });
});
