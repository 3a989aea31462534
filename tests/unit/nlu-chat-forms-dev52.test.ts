// Forms from session 11 (the older tuned sets' wrong answers, then dev52–dev57, written by people who never read the
// parser): a step from the period shown (« la semaine d'avant », "the previous week" in a follow-up), the whole
// account after one member (« et tous canaux confondus ? »), « le weekly » as a meeting.
// Expected arguments by hand from the words and the sample (February 2021, last day Sunday the 28th).
import { describe, expect, test } from '@jest/globals';
import { calls, chain, plan } from '../fixtures/offline-plans.js';

const LAST_WEEK = { date_from: '2021-02-22', date_to: '2021-02-28' };
const WEEK_BEFORE = { date_from: '2021-02-15', date_to: '2021-02-21' };

describe('a step from the period shown', () => {
  test('"just the top 3 for the week before" after last week: the 15th to the 21st', () => {
    expect(chain('top 5 campaigns by revenue last week', 'just the top 3 for the week before')).toEqual([
      expect.objectContaining({ tool: 'rank_campaigns', metric: 'revenue', limit: 3, ...WEEK_BEFORE }),
    ]);
  });
  test('"ok and the previous week" after the last seven days: not the last week again', () => {
    expect(chain('so like social spend for the last seven days', 'ok and the previous week')).toEqual([
      expect.objectContaining({ metrics: ['mark_spent'], categories: ['social'], ...WEEK_BEFORE }),
    ]);
  });
  test('« et la semaine précédente ? » after a table of last week', () => {
    expect(chain('CA par campagne la semaine dernière', 'et la semaine précédente ?')).toEqual([
      expect.objectContaining(WEEK_BEFORE),
    ]);
  });
  test('« et le mois précédent ? » after February: all of January (no data), not 28 days shifted', () => {
    expect(chain('ROI de février', 'et le mois précédent ?')).toEqual([
      expect.objectContaining({ date_from: '2021-01-01', date_to: '2021-01-31' }),
    ]);
  });
  test('« et la veille ? » after yesterday: the 27th', () => {
    expect(chain('leads hier', 'et la veille ?')).toEqual([
      expect.objectContaining({ date_from: '2021-02-27', date_to: '2021-02-27' }),
    ]);
  });
  test('a period of its own stays that period: « et la semaine du 8 ? »', () => {
    expect(chain('CA la semaine dernière', 'et la semaine du 8 ?')).toEqual([
      expect.objectContaining({ date_from: '2021-02-08', date_to: '2021-02-14' }),
    ]);
  });
});

describe('the whole account after one member', () => {
  test('« et tous canaux confondus ? » after banner_partner’s CTR: no filter, no table by channel', () => {
    const [call] = chain('taux de clic banner_partner ce mois', 'et tous canaux confondus ?') as Record<
      string,
      unknown
    >[];
    expect(call).toMatchObject({ tool: 'query_metrics', metrics: ['ctr'] });
    expect([call?.campaigns, call?.categories, call?.name_prefix]).toEqual([undefined, undefined, undefined]);
    expect(call?.group_by ?? []).toEqual([]);
  });
  test('"and overall?" after social’s ROI', () => {
    const [call] = chain('ROI du social', 'and overall?') as Record<string, unknown>[];
    expect(call).toMatchObject({ tool: 'query_metrics', metrics: ['roi'] });
    expect(call?.categories).toBeUndefined();
  });
});

describe('« le weekly » is a meeting', () => {
  test('« pour le weekly: spend et CA de la semaine dernière stp »: two figures, not a weekly trend', () => {
    expect(calls('pour le weekly: spend et CA de la semaine dernière stp')).toEqual([
      expect.objectContaining({ tool: 'query_metrics', metrics: ['mark_spent', 'revenue'], ...LAST_WEEK }),
    ]);
  });
  test('« CA weekly de février » is still a weekly trend', () => {
    expect(calls('CA weekly de février')).toEqual([
      expect.objectContaining({ tool: 'kpi_trend', metric: 'revenue', grain: 'week' }),
    ]);
  });
});

describe('amounts said with their scale', () => {
  test('« 1 mio chf/jour », "CHF 1.2M", « nonante mille par jour »: the whole amount', () => {
    expect(calls('prédiction du ca pour un budget de 1 mio chf/jour')[0]).toMatchObject({
      budget: 1_000_000,
    });
    expect(calls('predict revenue for a daily budget of CHF 1.2M')[0]).toMatchObject({ budget: 1_200_000 });
    expect(
      calls('avec nonante mille par jour sur les influenceurs, ça rapporterait combien de ca?')[0],
    ).toMatchObject({ tool: 'predict_revenue', budget: 90_000, category: 'influencer' });
  });
  test('« 1’000 affichages » is a thousand: what they cost is the CPM', () => {
    expect(
      calls("Combien nous coûtent 1'000 affichages en moyenne sur le social ce mois ?")[0],
    ).toMatchObject({
      metrics: ['cpm'],
      categories: ['social'],
    });
    expect(calls('le coût aux mille du banner_partner en février')[0]).toMatchObject({ metrics: ['cpm'] });
  });
});

describe('a ranking from one end to the other', () => {
  test('« du cpc le plus bas au plus haut »: every facebook campaign, lowest first', () => {
    expect(calls('classe les campagnes fb du cpc le plus bas au plus haut')[0]).toMatchObject({
      name_prefix: 'facebook',
      order_by: 'cpc',
      order: 'asc',
      limit: 100,
    });
  });
  test('« de la meilleure à la pire campagne » on a cost: lowest first, the whole list, not the best alone', () => {
    expect(calls('cpc fb: de la meilleure à la pire campagne stp')[0]).toMatchObject({
      order: 'asc',
      limit: 100,
    });
  });
  test('"from best to worst" on ROI, « du moins rentable au plus rentable »', () => {
    expect(calls('rank channels by roi from best to worst')[0]).toMatchObject({ order: 'desc', limit: 100 });
    expect(calls('classe les campagnes du moins rentable au plus rentable')[0]).toMatchObject({
      direction: 'bottom',
      limit: 50,
    });
  });
});

describe('cost words', () => {
  test('"brought in the fewest orders": orders, lowest first (not revenue, highest first)', () => {
    expect(calls('Which channel brought in the fewest orders in February?')[0]).toMatchObject({
      group_by: ['category'],
      order_by: 'orders',
      order: 'asc',
      limit: 1,
    });
  });
  test('« la moins chère pour ramener un prospect »: the lowest CPL, not the fewest leads', () => {
    expect(calls('la campagne la moins chère pour ramener un prospect ?')[0]).toMatchObject({
      tool: 'rank_campaigns',
      metric: 'cpl',
      direction: 'bottom',
    });
  });
});

describe('the total of a table just shown', () => {
  test('« et au total ? » after orders by week: one figure over February', () => {
    expect(chain('commandes par semaine en février ?', 'et au total ?')).toEqual([
      { tool: 'query_metrics', metrics: ['orders'], date_from: '2021-02-01', date_to: '2021-02-28' },
    ]);
  });
  test('"total?" after social spend by campaign: the social channel’s figures, no split', () => {
    const [call] = chain('social spend by campaign this month', 'total?') as Record<string, unknown>[];
    expect(call).toMatchObject({ tool: 'query_metrics', categories: ['social'] });
    expect(call?.metrics).toContain('mark_spent');
    expect([call?.group_by, call?.grain]).toEqual([undefined, undefined]);
  });
  test('"show me orders by week" shows orders (not the preset table without them)', () => {
    expect(calls('show me orders by week')).toEqual([{ tool: 'kpi_trend', metric: 'orders', grain: 'week' }]);
  });
  test('after a top 5, « et au total ? » is not read as the table’s total', () => {
    const [call] = chain('top 5 campagnes par CA', 'et au total ?') as Record<string, unknown>[];
    expect(call?.tool === 'query_metrics' && call.group_by === undefined).toBe(false);
  });
});

describe('a ranking or a figure, and a second part', () => {
  test('« top 3 campagnes en CA et le CA total du mois »: the top 3, then the total', () => {
    expect(calls('top 3 campagnes en CA et le CA total du mois')).toEqual([
      expect.objectContaining({ group_by: ['campaign_name'], order_by: 'revenue', limit: 3 }),
      expect.objectContaining({ metrics: ['revenue'] }),
    ]);
    const [, total] = calls(
      'donne-moi les 3 campagnes qui font le plus de chiffre, et le total toutes campagnes',
    ) as Record<string, unknown>[];
    expect(total).toMatchObject({ metrics: ['revenue'] });
    expect(total?.group_by).toBeUndefined();
  });
  test('« le ROI global du mois + la liste des campagnes en négatif »: both parts', () => {
    expect(calls('le ROI global du mois + la liste des campagnes en négatif stp')).toEqual([
      expect.objectContaining({ metrics: ['roi'] }),
      expect.objectContaining({ thresholds: [{ metric: 'roi', op: '<', value: 0 }] }),
    ]);
  });
  test('« le ROI de Facebook, et lesquelles de ses campagnes sont déficitaires ? »: its campaigns only', () => {
    const [, losers] = calls(
      'Quel est le ROI de Facebook, et lesquelles de ses campagnes sont déficitaires ?',
    ) as Record<string, unknown>[];
    expect(losers).toMatchObject({
      name_prefix: 'facebook',
      thresholds: [{ metric: 'roi', op: '<', value: 0 }],
    });
  });
});

describe('said another way', () => {
  test('« pourquoi on a dépensé beaucoup moins la semaine dernière ? c’est quel canal ? »: the change explained by channel', () => {
    expect(calls("pourquoi on a dépensé beaucoup moins la semaine dernière ? c'est quel canal ?")).toEqual([
      expect.objectContaining({
        tool: 'explain_change',
        metric: 'mark_spent',
        by: 'category',
        before: WEEK_BEFORE,
        after: LAST_WEEK,
      }),
    ]);
  });
  test('« quels canaux ont rapporté plus qu’ils ont coûté ? »: ROI above zero, by channel', () => {
    expect(calls("La semaine passée, quels canaux ont rapporté plus qu'ils ont coûté ?")).toEqual([
      expect.objectContaining({
        group_by: ['category'],
        thresholds: [{ metric: 'roi', op: '>', value: 0 }],
        ...LAST_WEEK,
      }),
    ]);
  });
  test('« on perd le plus, en % de ce qu’on investit »: the lowest ROI, not the lowest spend', () => {
    expect(calls("Sur quelle campagne on perd le plus, en % de ce qu'on investit ?")).toEqual([
      { tool: 'rank_campaigns', metric: 'roi', direction: 'bottom', limit: 1 },
    ]);
  });
  test('« et le search, c’est mieux ou moins bien ? » after influencer’s ROI: both sides', () => {
    expect(chain("ROI de l'influence ce mois ?", "et le search, c'est mieux ou moins bien ?")).toEqual([
      expect.objectContaining({ metrics: ['roi'], categories: ['influencer'] }),
      expect.objectContaining({ metrics: ['roi'], categories: ['search'] }),
    ]);
  });
  test('"the snapchat campaign" is a name the data does not have: never the whole account', () => {
    const read = plan('How many orders did the snapchat campaign bring this month?');
    expect(read.unexplained).toEqual(['snapchat']);
  });
});

describe('a formal register (dev57)', () => {
  test('« Veuillez m’indiquer … », "Kindly provide …": the request, read like « donnez-moi »', () => {
    expect(calls('Kindly provide the total revenue for February.')).toEqual([
      { tool: 'query_metrics', metrics: ['revenue'], date_from: '2021-02-01', date_to: '2021-02-28' },
    ]);
    expect(calls('Veuillez comparer le CTR de google_hot et de google_wide.')).toHaveLength(2);
  });
  test('« Et le CPA correspondant ? » after search’s orders of the week of the 15th', () => {
    expect(
      chain(
        'Combien de commandes le canal search a-t-il générées la semaine du 15 ?',
        'Et le CPA correspondant ?',
      ),
    ).toEqual([expect.objectContaining({ metrics: ['cpa'], categories: ['search'], ...WEEK_BEFORE })]);
  });
  test('"week 1 to week 4" is one span (a weekly breakdown of February), not week 4 against week 1', () => {
    expect(calls('Kindly provide the weekly click volumes for February (week 1 to week 4).')).toEqual([
      { tool: 'kpi_trend', metric: 'clicks', grain: 'week', date_from: '2021-02-01', date_to: '2021-02-28' },
    ]);
    expect(calls('CA de la semaine 1 à la semaine 3')[0]).toMatchObject({
      date_from: '2021-02-01',
      date_to: '2021-02-21',
    });
    expect(calls('why did CPA go up from week 1 to week 2?')[0]).toMatchObject({ tool: 'explain_change' });
  });
  test('« l’audience similaire de facebook » is the lookalike campaign', () => {
    expect(calls("combien on a dépensé sur l'audience similaire de facebook ce mois ?")[0]).toMatchObject({
      campaigns: ['facebook_lal'],
    });
  });
  test('« ça représente combien de spend en tout ? »: « ça » is not the revenue; after the loss-makers, their total', () => {
    expect(
      chain('les campagnes en perte ce mois ?', 'ça représente combien de spend en tout ?')[0],
    ).toMatchObject({ thresholds: [{ metric: 'roi', op: '<', value: 0 }], totals: true });
    expect(plan('ça représente combien de spend en tout ?').clarification).toMatch(/^Lesquelles/);
  });
});

describe('chat words (dev52–dev55)', () => {
  test('« tu peux m’aider à quoi ? », « t’as accès à quelles données ? »: help', () => {
    for (const text of [
      "salut! tu peux m'aider à quoi?",
      "t'as accès à quelles données?",
      'tu connais quelles métriques?',
    ])
      expect(plan(text).intent).toBe('help');
  });
  test('« range les campagnes en 3 groupes », « des familles de campagnes »: the segmentation', () => {
    expect(calls('range les campagnes en 3 groupes')).toEqual([{ tool: 'segment_campaigns', k: 3 }]);
    expect(calls('fais-moi des familles de campagnes selon leurs performances')[0]).toMatchObject({
      tool: 'segment_campaigns',
    });
  });
  test('« quel canal a lâché ? », "tank": the drop explained by channel', () => {
    expect(calls('pourquoi les commandes ont chuté cette semaine ? quel canal a lâché ?')[0]).toMatchObject({
      tool: 'explain_change',
      metric: 'orders',
      by: 'category',
    });
  });
  test('« le reciblage facebook », « en tête pour les prospects », « plus qu’on encaisse »', () => {
    expect(calls('le reciblage facebook, ça a fait combien de CA ?')[0]).toMatchObject({
      campaigns: ['facebook_retargeting'],
    });
    expect(calls('Semaine passée : quelle campagne en tête pour les prospects ?')[0]).toMatchObject({
      metric: 'leads',
      direction: 'top',
      limit: 1,
      ...LAST_WEEK,
    });
    expect(calls("liste-moi les campagnes où on dépense plus qu'on encaisse")[0]).toMatchObject({
      tool: 'get_underperforming_campaigns',
      roi_threshold: 0,
    });
  });
  test('« ça fait combien sur le mois ? » after orders week by week: the month’s total', () => {
    expect(chain('les commandes semaine par semaine stp', 'ça fait combien sur le mois ?')).toEqual([
      { tool: 'query_metrics', metrics: ['orders'] },
    ]);
  });
});

describe('days named with their weekday (dev58)', () => {
  const day = (n: number) => `2021-02-${String(n).padStart(2, '0')}`;
  test('« depuis samedi 20 », « depuis le lundi 15 »: from that day, not from the last Saturday or Monday', () => {
    expect(calls('on en est à combien de commandes depuis samedi 20 ?')[0]).toMatchObject({
      date_from: day(20),
      date_to: day(28),
    });
    expect(calls('taux de conversion depuis le lundi 15')[0]).toMatchObject({
      date_from: day(15),
      date_to: day(28),
    });
    expect(calls('commandes depuis lundi')[0]).toMatchObject({ date_from: day(22), date_to: day(28) });
  });
  test('« le 18 par rapport au 17 », "Tue 16th than Tue 9th": one day against another (not up to the 17th)', () => {
    expect(calls("le CTR s'est effondré le 18 par rapport au 17, pourquoi ? quel canal ?")[0]).toMatchObject({
      tool: 'explain_change',
      by: 'category',
      before: { date_from: day(17), date_to: day(17) },
      after: { date_from: day(18), date_to: day(18) },
    });
    expect(calls('pourquoi le ROAS du mardi 16 est plus bas que celui du mardi 9 ?')[0]).toMatchObject({
      before: { date_from: day(9), date_to: day(9) },
      after: { date_from: day(16), date_to: day(16) },
    });
    expect(calls('CA du 8 au 14 vs du 15 au 21')[0]).toMatchObject({
      date_from: day(15),
      date_to: day(21),
      compare_to: { date_from: day(8), date_to: day(14) },
    });
  });
  test('« le premier week-end de février »: Saturday 6 and Sunday 7; « samedi 13 et lundi 15 » is not one span', () => {
    expect(calls('le premier week-end de février, on a fait combien de CA ?')[0]).toMatchObject({
      date_from: day(6),
      date_to: day(7),
    });
    const read = plan('CA du samedi 13 et du lundi 15 ?');
    expect(read.calls.some((call) => call.args.date_from === day(13) && call.args.date_to === day(15))).toBe(
      false,
    );
    expect(
      calls('nombre total de commandes entre le 08.02 et le 14.02 inclus, toutes campagnes ?')[0],
    ).toMatchObject({
      date_from: day(8),
      date_to: day(14),
    });
  });
});

describe('growth-marketing shorthand (dev59)', () => {
  test('"sub-1 ROAS": ROAS below 1, every campaign past it', () => {
    expect(calls('which campaigns are sub-1 ROAS this month?')[0]).toMatchObject({
      group_by: ['campaign_name'],
      thresholds: [{ metric: 'roas', op: '<', value: 1 }],
    });
  });
  test('"wk1 to wk2", "social wk3": the month’s weeks', () => {
    expect(calls('ROAS went down from wk1 to wk2 - which campaigns drove that?')[0]).toMatchObject({
      tool: 'explain_change',
      before: { date_from: '2021-02-01', date_to: '2021-02-07' },
      after: { date_from: '2021-02-08', date_to: '2021-02-14' },
    });
    expect(calls('social wk3: lead volume + CPL?')[0]).toMatchObject({
      metrics: ['leads', 'cpl'],
      categories: ['social'],
      ...WEEK_BEFORE,
    });
  });
  test('"from 20 Feb to end of month": the 20th to the 28th, one span', () => {
    expect(calls('total rev from 20 Feb to end of month')).toEqual([
      { tool: 'query_metrics', metrics: ['revenue'], date_from: '2021-02-20', date_to: '2021-02-28' },
    ]);
  });
  test('"bottom campaign by ROAS last week", "top campaign on ROAS": one campaign, ranked', () => {
    expect(calls('bottom campaign by ROAS last week?')).toEqual([
      { tool: 'rank_campaigns', metric: 'roas', direction: 'bottom', limit: 1, ...LAST_WEEK },
    ]);
    expect(calls('top campaign on ROAS')[0]).toMatchObject({ direction: 'top', limit: 1 });
  });
  test('"the split of spend across channels": by channel', () => {
    expect(calls("What's the split of spend across channels this month?")[0]).toMatchObject({
      group_by: 'category',
    });
  });
});

describe('a table and its total; another month’s half', () => {
  test('« clics par semaine + le total du mois »: the weekly trend, then the month’s total', () => {
    expect(calls('donne-moi les clics semaine par semaine et le total de février')).toEqual([
      expect.objectContaining({ tool: 'kpi_trend', metric: 'clicks', grain: 'week' }),
      { tool: 'query_metrics', metrics: ['clicks'], date_from: '2021-02-01', date_to: '2021-02-28' },
    ]);
    // A table with its total row says it already: no second call.
    expect(calls('CA par canal et le total')).toHaveLength(1);
  });
  test('« la première quinzaine de mars » is March’s (no data), not February’s', () => {
    expect(calls('CA de la première quinzaine de mars ?')[0]).toMatchObject({
      date_from: '2021-03-01',
      date_to: '2021-03-14',
    });
  });
});

describe('brands that qualify a group', () => {
  test('« les blogueurs, insta et youtube ensemble »: the two blogger campaigns, not every instagram campaign', () => {
    expect(calls('combien de commandes grâce aux blogueurs, insta et youtube ensemble ?')[0]).toMatchObject({
      metrics: ['orders'],
      campaigns: ['instagram_blogger', 'youtube_blogger'],
    });
  });
});

describe('Slack English (dev59, second pass)', () => {
  test('"qq", "cheers", "flag every campaign …": chat words around a question that is read', () => {
    expect(calls("qq what's total spend MTD? all channels")).toEqual([
      { tool: 'query_metrics', metrics: ['mark_spent'], date_from: '2021-02-01', date_to: '2021-02-28' },
    ]);
    expect(calls('Flag every campaign whose CPA is above 5,000 for February, cheers')[0]).toMatchObject({
      thresholds: [{ metric: 'cpa', op: '>', value: 5000 }],
    });
  });
  test('"trim social budget by 15 pct" is a cut; « le trimestre » is not', () => {
    expect(calls('what if we trim social budget by 15 pct, impact on rev?')).toEqual([
      { tool: 'simulate_budget', budget_increase_pct: -15, category: 'social' },
    ]);
    expect(plan('CA du trimestre').unexplained).toEqual(['trimestre']);
  });
  test('"worst offender on CPA": one campaign; "3 buckets": three segments; "what’s this bot for": help', () => {
    expect(calls("qq who's our worst offender on CPA, campaign level")).toEqual([
      { tool: 'rank_campaigns', metric: 'cpa', direction: 'top', limit: 1 },
    ]);
    expect(calls('segment our campaigns into 3 buckets by performance pls')).toEqual([
      { tool: 'segment_campaigns', k: 3 },
    ]);
    expect(plan("hi! new here - what's this bot for and how do I use it?").intent).toBe('help');
  });
});
