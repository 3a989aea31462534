// Forms from the dev37–dev44 questions (written by people who never read the parser): growth-marketing jargon (MER,
// eCPM, MQLs, "a pop", "top of funnel"), money words (« enveloppe décaissée », « budget grillé », « 4 millions de
// francs »), break-even said in words (« ne rentrent pas dans leurs frais », « à l'équilibre »), exclusions of a
// category by any of its words, a follow-up that excludes part of what was shown, and the guard that keeps a
// category word or a name alias from being dropped silently.
// Expected arguments by hand from the words and the sample (February 2021, last day Sunday the 28th).
import { describe, expect, test } from '@jest/globals';
import { messageParts } from '../../agent/nlu/message-focus.js';
import { unexplainedWords } from '../../agent/nlu/unexplained.js';
import type { Plan } from '../../src/analysis/plan.js';
import { SAMPLE_CATALOG } from '../eval/catalog-fixture.js';
import { calls, chain, plan } from '../fixtures/offline-plans.js';

const LAST_WEEK = { date_from: '2021-02-22', date_to: '2021-02-28' };

describe('jargon and money words', () => {
  test.each([
    ['MER last week?', 'roas'],
    ['le MER de la semaine dernière', 'roas'],
    ['marketing efficiency ratio for the last 7 days', 'roas'],
    ['eCPM on paid social?', 'cpm'],
    ['how many MQLs came from insta tier 2', 'leads'],
    ['signups from ig tier2 this month?', 'leads'],
    ['net ROI on influencer this month', 'roi'],
    ['cb de thune cramee sur fb', 'mark_spent'],
    ['budget grillé sur facebook les 7 derniers jours ?', 'mark_spent'],
    ['Quelle enveloppe avons-nous décaissée pour les influenceurs en février ?', 'mark_spent'],
    ['pour 1 balle mise cb on recup sur insta tier1', 'roas'],
    ['whats the clik thru rate for facebok teir 1', 'ctr'],
  ])('« %s » → %s', (question, metric) => {
    expect(calls(question)[0]).toMatchObject({ metrics: [metric] });
  });
  test('« la mer » is the sea, not the MER', () => {
    expect(plan('on est à la mer ?').calls).toEqual([]);
  });
  test('"top of funnel" is a stage of the funnel, not a ranking', () => {
    expect(calls('top of funnel check: how many impressions did influencer get last week')).toEqual([
      { tool: 'query_metrics', metrics: ['impressions'], categories: ['influencer'], ...LAST_WEEK },
    ]);
  });
  test('« au meilleur coût », "for less than 400 CHF a pop", "per acquisition": the cost of one', () => {
    expect(
      calls('Quelles sont les trois campagnes qui acquièrent des commandes au meilleur coût ?')[0],
    ).toMatchObject({ tool: 'rank_campaigns', metric: 'cpa', direction: 'bottom', limit: 3 });
    expect(calls("who's bringing in leads for less than 400 CHF a pop")[0]).toMatchObject({
      thresholds: [{ metric: 'cpl', op: '<', value: 400 }],
    });
    expect(calls('most expensive campaign per acquisition?')[0]).toMatchObject({
      metric: 'cpa',
      direction: 'top',
    });
  });
  test('« 4 millions de francs de dépenses »: the currency after the scale is part of the bound', () => {
    expect(
      calls('Quelles campagnes ont dépassé 4 millions de francs de dépenses sur le mois ?')[0],
    ).toMatchObject({ thresholds: [{ metric: 'mark_spent', op: '>', value: 4_000_000 }] });
  });
  test('typos of words and names: « mosi », « semian », « google hto », « fcebook », « teir 1 »', () => {
    expect(calls('cpa instgram tier1 ce mosi')[0]).toMatchObject({
      campaigns: ['instagram_tier1'],
      date_from: '2021-02-01',
    });
    expect(calls('le roi de fcebook tier2 la semian passée ?')[0]).toMatchObject({
      campaigns: ['facebOOK_tier2'],
      ...LAST_WEEK,
    });
    expect(calls('nb de leasd google hto ce mois')[0]).toMatchObject({
      metrics: ['leads'],
      campaigns: ['google_hot'],
    });
    expect(calls('whats the cac on insta teir 1')[0]).toMatchObject({ campaigns: ['instagram_tier1'] });
  });
});

describe('break-even in words', () => {
  test('« ne rentrent pas dans leurs frais » are the loss-makers', () => {
    expect(calls('quelles campagnes ne rentrent pas dans leurs frais ?')[0]).toMatchObject({
      tool: 'get_underperforming_campaigns',
      roi_threshold: 0,
    });
  });
  test.each([
    ["Quels canaux sont au moins à l'équilibre financier ?"],
    ["quelles catégories ne perdent pas d'argent ?"],
    ["les leviers où on récupère plus que ce qu'on met ?"],
  ])('« %s »: the channels with a positive ROI', (question) => {
    expect(calls(question)[0]).toMatchObject({
      group_by: ['category'],
      thresholds: [{ metric: 'roi', op: '>', value: 0 }],
    });
  });
  test('"not breaking even" stays the loss-makers', () => {
    expect(calls('which campaigns are not breaking even?')[0]).not.toMatchObject({
      thresholds: [{ metric: 'roi', op: '>' }],
    });
  });
});

describe('exclusions', () => {
  test.each([['Quel est notre ROI hors influenceurs ?'], ['ROI excluding influencer campaigns?']])(
    '« %s »: one figure over the other categories',
    (question) => {
      expect(calls(question)).toEqual([
        { tool: 'query_metrics', metrics: ['roi'], categories: ['media', 'search', 'social'] },
      ]);
    },
  );
  test('« hors influence ? » after instagram: instagram without its influencer campaign', () => {
    expect(chain('coût par commande ig ce mois ?', 'hors influence ça donne quoi ?')[0]).toMatchObject({
      metrics: ['cpa'],
      campaigns: ['instagram_tier1', 'instagram_tier2'],
    });
  });
});

describe('a name the reading would drop is asked back', () => {
  test('a category word or a name alias the plan does not use is unexplained', () => {
    // A reading that ignores every word (the same plan with or without it) and names no category or campaign.
    const ignoring: Plan = {
      intent: 'kpi_qa',
      language: 'fr',
      calls: [{ tool: 'query_metrics', args: { metrics: ['revenue'] } }],
      confidence: 0.85,
    };
    const unexplained = (text: string) =>
      unexplainedWords({ text, catalog: SAMPLE_CATALOG }, ignoring, () => ignoring);
    expect(unexplained('le CA des influenceurs')).toEqual(['influenceurs']);
    expect(unexplained('CA du display')).toEqual(['display']);
    expect(unexplained('CA gugle')).toEqual(['gugle']);
    // « sem » before « dernière » is the week, not the SEM category: a period word, left to the period rules.
    expect(unexplained('CA sem derniere')).toEqual([]);
  });
  test('a plan that uses the category explains its word', () => {
    expect(calls('ca des influenceurs la semaine dernière')[0]).toMatchObject({ categories: ['influencer'] });
    expect(calls('ctr du display vs social')).toHaveLength(2);
  });
  test('« sem dernière » is last week, not the SEM category', () => {
    expect(calls('pk ctr fb en baisse sem derniere')[0]).toMatchObject({ tool: 'explain_change' });
  });
  test('a name alias (« gugle ») is read as the name', () => {
    expect(calls('top campagnes gugle par roi')[0]).toMatchObject({ name_prefix: 'google' });
  });
});

describe('help', () => {
  test.each([["t'es capable de quoi exactement"], ['aide stp, je sais pas trop quoi te demander']])(
    '« %s »',
    (question) => {
      expect(plan(question).intent).toBe('help');
    },
  );
});

describe('a long polite message: the sentence that asks, the rest context', () => {
  test('context, a question and thanks: the question read alone', () => {
    expect(
      calls(
        "Bonjour, je suis nouvelle dans l'équipe marketing et ma responsable m'a demandé de préparer un petit récapitulatif pour la réunion de lundi. Pourriez-vous m'indiquer combien nous avons dépensé au total en publicité sur le mois de février, toutes campagnes confondues ? Merci beaucoup d'avance",
      ),
    ).toEqual([
      { tool: 'query_metrics', metrics: ['mark_spent'], date_from: '2021-02-01', date_to: '2021-02-28' },
    ]);
    expect(
      calls(
        "Good morning! Could you list the cost per order of each of our campaigns this month? It's for the budget review my manager is running on Thursday. Many thanks!",
      )[0],
    ).toMatchObject({ metrics: expect.arrayContaining(['cpa']), group_by: ['campaign_name'] });
  });
  test('a context sentence that names a member the question does not keeps the message whole', () => {
    const read = plan('Je regarde surtout facebook. Quel est le CPA du mois ? Merci !');
    expect(read.calls.every((call) => call.args.name_prefix === 'facebook')).toBe(true);
  });
  test('a context sentence with a restriction or a number keeps the message whole', () => {
    expect(messageParts('Seulement le social stp. Quel est le CPA ?', SAMPLE_CATALOG)).toBeDefined();
    const read = plan('Seulement le social stp. Quel est le CPA ?');
    expect(read.calls[0]?.args.categories ?? read.unexplained).toBeDefined();
  });
  test('« ma responsable » is the asker’s manager, not a cause asked for', () => {
    expect(
      calls(
        'Ma responsable voudrait connaître nos 2 meilleures campagnes en nombre de ventes sur les 7 derniers jours.',
      )[0],
    ).toMatchObject({ tool: 'rank_campaigns', metric: 'orders', limit: 2, ...LAST_WEEK });
  });
  test('« la revue média de vendredi » is a meeting, not the media category', () => {
    expect(
      calls('ma responsable aimerait voir le CPM par canal ce mois-ci pour la revue média de vendredi')[0],
    ).not.toHaveProperty('categories');
  });
  test('« quel type de campagne (social, search...) »: examples, the answer by category', () => {
    expect(
      calls(
        "pourquoi la rentabilité globale a baissé en 2ème semaine par rapport à la 1ère ? j'aimerais savoir quel type de campagne (social, search...) en est responsable",
      )[0],
    ).toMatchObject({ tool: 'explain_change', by: 'category' });
  });
  test('the loss-makers and the spend of one campaign: two parts', () => {
    const [losers, spend] = calls(
      "quelles campagnes ont perdu de l'argent ce mois-ci, et aussi le budget dépensé sur youtube_blogger",
    );
    expect(losers).toMatchObject({ thresholds: [{ metric: 'roi', op: '<', value: 0 }] });
    expect(spend).toMatchObject({ metrics: ['mark_spent'], campaigns: ['youtube_blogger'] });
  });
  test('« rapporté moins que ce qu’elles ont coûté »: the loss-makers', () => {
    expect(
      calls("quelles campagnes ont rapporté moins que ce qu'elles ont coûté en février ?")[0],
    ).toMatchObject({ thresholds: [{ metric: 'roi', op: '<', value: 0 }] });
  });
});

describe('dictated messages (speech-to-text)', () => {
  test.each([
    ['le c p a de face book tiers un', { metrics: ['cpa'], campaigns: ['facebook_tier1'] }],
    ['euh le cé pé a de facebook tir un', { metrics: ['cpa'], campaigns: ['facebook_tier1'] }],
    ['le r o i de you tube bloggeur', { metrics: ['roi'], campaigns: ['youtube_blogger'] }],
    ['combien de lides sur insta gramme tiers deux', { metrics: ['leads'], campaigns: ['instagram_tier2'] }],
    ['how many clicks on face book la la', { metrics: ['clicks'], campaigns: ['facebook_lal'] }],
    ['uh clicks four facebook l a l', { metrics: ['clicks'], campaigns: ['facebook_lal'] }],
    ['le c a de la semaine deux', { metrics: ['revenue'], date_from: '2021-02-08', date_to: '2021-02-14' }],
    [
      'uh orders on february fourteenth',
      { metrics: ['orders'], date_from: '2021-02-14', date_to: '2021-02-14' },
    ],
  ])('« %s »', (question, expected) => {
    expect(calls(question)[0]).toMatchObject(expected);
  });
  test('numbers said aloud: « vingt deux », "zero point five percent", "a hundred thousand a day"', () => {
    expect(
      calls('alors on a fait combien de chiffre la semaine du vingt deux comparé à la semaine du quinze')[0],
    ).toMatchObject({
      metrics: ['revenue'],
      ...LAST_WEEK,
      compare_to: { date_from: '2021-02-15', date_to: '2021-02-21' },
    });
    expect(calls('which campaigns have a click through rate under zero point five percent')[0]).toMatchObject(
      { thresholds: [{ metric: 'ctr', op: '<', value: 0.005 }] },
    );
    expect(calls('if we spend a hundred thousand a day on search what revenue do we get')[0]).toMatchObject({
      tool: 'predict_revenue',
      budget: 100_000,
      category: 'search',
    });
    expect(
      calls('alors plus vingt pour cent sur les campagnes sociales qu est ce que ça rapporterait')[0],
    ).toMatchObject({ tool: 'simulate_budget', budget_increase_pct: 20, category: 'social' });
  });
  test('fillers and « le chiffre » for the revenue, but not « donnez-moi le chiffre »', () => {
    expect(calls('uh how many impressions did we get overall in february')[0]).toMatchObject({
      metrics: ['impressions'],
    });
    expect(calls('bon explique moi la baisse du chiffre la semaine dernière')[0]).toMatchObject({
      tool: 'explain_change',
      metric: 'revenue',
    });
    expect(
      plan(
        'le client demande combien de résultats nos campagnes Facebook ont obtenus. Pourriez-vous me donner le chiffre ?',
      ).calls,
    ).toEqual([]);
  });
  test('ordinary words stay: « ce » and « a » are not letters of an acronym', () => {
    expect(calls("c'est quoi le ROI de ce mois")[0]).toMatchObject({ metrics: ['roi'] });
  });
});

describe('context within and around the question', () => {
  test('an aside clause is taken out before reading: « budget meeting » is not the spend', () => {
    expect(
      calls(
        "Hi! For my manager's budget meeting, which campaign had the cheapest cost per order in February? Thank you very much!",
      )[0],
    ).toMatchObject({ tool: 'rank_campaigns', metric: 'cpa', direction: 'bottom', limit: 1 });
  });
  test('a context sentence may name the parts of the figure asked (« la génération de leads » beside the CPL)', () => {
    expect(
      calls(
        'Bonjour, je prépare un point sur la génération de leads avec ma responsable. Quelle campagne a le pire coût par lead en février ? Merci beaucoup !',
      )[0],
    ).toMatchObject({ tool: 'rank_campaigns', metric: 'cpl', direction: 'top', limit: 1 });
  });
  test('a context sentence naming a member the question does not is no context: the message is read whole', () => {
    const read = plan(
      "Hi! My manager asked me how well our Facebook retargeting campaign is doing. What's its ROAS for February? Thank you!",
    );
    expect(read.calls.some((call) => call.args.campaigns === undefined && read.confidence >= 0.75)).toBe(
      false,
    );
  });
  test('a name the data does not hold in a context sentence (« notre campagne TikTok ») is never context', () => {
    for (const text of [
      'Bonjour, le client nous demande comment se porte notre campagne TikTok. Quel est son ROI ce mois-ci ? Merci beaucoup !',
      'le client demande comment se porte notre campagne TikTok, quel est son ROI ce mois-ci ?',
    ])
      expect(plan(text).unexplained).toContain('TikTok');
    // "I'm" is the asker, not a name.
    expect(
      calls(
        "Hello! I'm putting together the monthly dashboard for my manager. How many clicks did all our campaigns bring in during February? Thanks!",
      )[0],
    ).toMatchObject({ metrics: ['clicks'] });
  });
  test('« sur cette même semaine » and « le point hebdo » do not change the period or the grain', () => {
    expect(
      calls(
        "Bonjour, pour le point hebdo avec l'équipe commerciale, combien de leads avons-nous générés la semaine dernière, et quel a été le coût par lead sur cette même semaine ? Merci beaucoup !",
      ),
    ).toEqual([{ tool: 'query_metrics', metrics: ['leads', 'cpl'], ...LAST_WEEK }]);
  });
});

describe('a brand qualified by a category', () => {
  test('« influ yt ou insta »: the influencer campaign of each brand, side by side', () => {
    expect(
      calls('influ yt ou insta qui ramene le plus de ca').map(
        (call) => (call as Record<string, unknown>).campaigns,
      ),
    ).toEqual([['youtube_blogger'], ['instagram_blogger']]);
  });
  test('« nos influenceurs, YouTube et Instagram confondus »: one figure over both', () => {
    expect(
      calls(
        'le nombre de ventes apportées par nos influenceurs ce mois-ci, YouTube et Instagram confondus ?',
      ),
    ).toEqual([
      {
        tool: 'query_metrics',
        metrics: ['orders'],
        campaigns: ['youtube_blogger', 'instagram_blogger'],
        date_from: '2021-02-01',
        date_to: '2021-02-28',
      },
    ]);
  });
  test('"instagram social": instagram’s social campaigns as one group', () => {
    expect(calls('ctr instagram social')).toEqual([
      { tool: 'query_metrics', metrics: ['ctr'], campaigns: ['instagram_tier1', 'instagram_tier2'] },
    ]);
  });
  test('a brand set against a category stays two sides, and « influenceur compris » adds it', () => {
    expect(calls('social vs instagram roi')).toHaveLength(2);
    expect(
      calls('Combien avons-nous dépensé sur Instagram au total, influenceur compris ?')[0],
    ).toMatchObject({
      name_prefix: 'instagram',
    });
  });
  test('« est-ce qu’il est meilleur que celui du blogueur Instagram ? » adds a side', () => {
    expect(
      chain(
        'Pourriez-vous me donner le CTR de la campagne YouTube ce mois-ci ?',
        "Est-ce qu'il est meilleur que celui du blogueur Instagram ?",
      ).map((call) => (call as Record<string, unknown>).campaigns),
    ).toEqual([['youtube_blogger'], ['instagram_blogger']]);
  });
});

describe('more forms of dev38 and dev40', () => {
  test('« l’amélioration du ROI » is a change to explain', () => {
    expect(
      calls("Qu'est-ce qui explique l'amélioration du ROI global la semaine dernière ?")[0],
    ).toMatchObject({ tool: 'explain_change', metric: 'roi', after: LAST_WEEK });
  });
  test('"L7D" is the last 7 days; "cpm WoW, blended" compares the last two weeks', () => {
    expect(calls('# orders from paid social L7D?')[0]).toMatchObject({
      categories: ['social'],
      ...LAST_WEEK,
    });
    expect(calls('cpm WoW, blended')[0]).toMatchObject({
      metrics: ['cpm'],
      ...LAST_WEEK,
      compare_to: { date_from: '2021-02-15', date_to: '2021-02-21' },
    });
  });
  test('« où l’impression nous coûte le plus cher » is the CPM', () => {
    expect(calls("par canal, où est-ce que l'impression nous coûte le plus cher")[0]).toMatchObject({
      metrics: expect.arrayContaining(['cpm']),
      group_by: ['category'],
      order_by: 'cpm',
    });
  });
  test('« combien le retargeting a-t-il rapporté ? »: the inverted verb', () => {
    expect(calls('Combien le retargeting a-t-il rapporté en février ?')[0]).toMatchObject({
      metrics: ['revenue'],
      campaigns: ['facebook_retargeting'],
    });
  });
  test('« et combien nous a coûté chacun d’eux ? » after a count: its cost per unit', () => {
    expect(
      chain(
        'Combien de leads avons-nous eus en février ?',
        "Et combien nous a coûté chacun d'eux en moyenne ?",
      )[0],
    ).toMatchObject({ metrics: ['cpl'], date_from: '2021-02-01' });
  });
});

describe('two periods or two sides said in a sentence', () => {
  test('« … est-il meilleur que celui de la semaine du 15 au 21 ? », « … supérieur à celui de la première ? »', () => {
    expect(
      calls('Le ROI de la semaine dernière est-il meilleur que celui de la semaine du 15 au 21 février ?')[0],
    ).toMatchObject({
      metrics: ['roi'],
      ...LAST_WEEK,
      compare_to: { date_from: '2021-02-15', date_to: '2021-02-21' },
    });
    expect(
      calls(
        "Le chiffre d'affaires de la seconde quinzaine de février est-il supérieur à celui de la première ?",
      )[0],
    ).toMatchObject({
      metrics: ['revenue'],
      date_from: '2021-02-15',
      compare_to: { date_from: '2021-02-01', date_to: '2021-02-14' },
    });
  });
  test('« comparez-le à celui du social, mais sur les 7 derniers jours »: both sides over that period', () => {
    const sides = chain(
      'Quel est le ROI du search en février ?',
      'Comparez-le à celui du social, mais sur les 7 derniers jours uniquement.',
    );
    expect(sides).toEqual([
      { tool: 'query_metrics', metrics: ['roi'], categories: ['search'], ...LAST_WEEK },
      { tool: 'query_metrics', metrics: ['roi'], categories: ['social'], ...LAST_WEEK },
    ]);
  });
});

describe('follow-ups over the members shown, forecasts and actions', () => {
  test('« laquelle nous coûte le plus en budget ? » after the loss-makers: the one of them that spent most', () => {
    expect(
      chain('euh les campagnes pas rentables', 'laquelle nous coûte le plus en budget')[0],
    ).toMatchObject({
      group_by: ['campaign_name'],
      thresholds: [{ metric: 'roi', op: '<', value: 0 }],
      order_by: 'mark_spent',
      order: 'desc',
      limit: 1,
    });
  });
  test('« 50’000 balles/jour = quel ca »: the revenue forecast for a daily budget', () => {
    expect(calls("50'000 balles/jour = quel ca")[0]).toMatchObject({
      tool: 'predict_revenue',
      budget: 50_000,
    });
    expect(calls('20k/jour en social ca fait quel ca')[0]).toMatchObject({
      tool: 'predict_revenue',
      budget: 20_000,
      category: 'social',
    });
    // The revenue per day of the data is a trend, not a forecast.
    expect(calls('CA par jour')[0]).toMatchObject({ tool: 'kpi_trend' });
  });
  test('"stop the lal campaign now" is an action in the ad platform; "should we stop it now?" is a question', () => {
    expect(plan('stop the lal campaign now').intent).toBe('out_of_scope');
    expect(plan('should we stop the lal campaign now?').intent).not.toBe('out_of_scope');
  });
});
