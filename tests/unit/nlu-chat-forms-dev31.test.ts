// Forms from the dev31–dev35 questions (written by people who never read the parser): a KPI described by its two
// parts (« ce qu'on paie pour obtenir une vente », "what % of clicks became orders"), Swiss francs and centimes
// (« 9 francs nonante »), the loss-makers and a total in one message, « les pires d'abord », « combien … chacun »
// over a group, bare name parts beside their brand, an action in the ad platform, categories offered as the causes
// of a change, and follow-ups that point back (« out of it », « leur budget », a whole new question).
// Expected arguments by hand from the words and the sample (February 2021, last day Sunday the 28th).
import { describe, expect, test } from '@jest/globals';
import { calls, chain, plan } from '../fixtures/offline-plans.js';

const LAST_WEEK = { date_from: '2021-02-22', date_to: '2021-02-28' };
const WEEK_BEFORE = { date_from: '2021-02-15', date_to: '2021-02-21' };

describe('a KPI described by its parts', () => {
  test.each([
    ['combien on paye en pub pour obtenir une vente, en moyenne sur le mois ?', 'cpa'],
    ['combien on paie pour choper un client via google_hot ?', 'cpa'],
    ["le coût d'un prospect la semaine dernière ?", 'cpl'],
    ['what do we spend to get one lead?', 'cpl'],
    ['le rapport entre le chiffre d’affaires et les dépenses pub, globalement ?', 'roas'],
    ['last week, what % of clicks became orders?', 'cvr'],
  ])('« %s » → %s', (question, metric) => {
    expect(calls(question)[0]).toMatchObject({ metrics: [metric] });
  });
  test('"what % of impressions is that" after the clicks: the CTR beside them', () => {
    expect(calls('how many clicks did we get in total, and what % of impressions is that?')[0]).toMatchObject(
      {
        metrics: ['clicks', 'ctr'],
      },
    );
  });
  test('the dearest unit ranks by its cost, highest first', () => {
    expect(calls('which campaign has the most expensive clicks?')[0]).toMatchObject({
      tool: 'rank_campaigns',
      metric: 'cpc',
      direction: 'top',
      limit: 1,
    });
    expect(calls('les 3 campagnes où un contact (un lead) nous coûte le plus cher svp')[0]).toMatchObject({
      metric: 'cpl',
      direction: 'top',
      limit: 3,
    });
  });
  test('« rapportent le moins par rapport à ce qu’elles coûtent »: the return on spend, lowest first', () => {
    expect(
      calls('les trois campagnes qui rapportent le moins par rapport à ce qu’elles coûtent')[0],
    ).toMatchObject({
      metric: 'roas',
      direction: 'bottom',
      limit: 3,
    });
  });
  test('a spend total stays a spend total', () => {
    expect(calls('combien on a dépensé pour la campagne google_hot ?')[0]).toMatchObject({
      metrics: ['mark_spent'],
    });
  });
});

describe('numbers, parts and orders', () => {
  test('« 9 francs nonante »: 9.90 CHF', () => {
    expect(calls('quelles campagnes nous coûtent plus de 9 francs nonante par clic ?')[0]).toMatchObject({
      thresholds: [{ metric: 'cpc', op: '>', value: 9.9 }],
    });
  });
  test('the loss-makers and a total in one message: two parts', () => {
    for (const question of [
      "qui perd de l'argent et combien on a dépensé en tout",
      'list money-losing campaigns and total spend',
    ]) {
      const [losers, total] = calls(question);
      expect(losers).toMatchObject({ thresholds: [{ metric: 'roi', op: '<', value: 0 }] });
      expect(total).toMatchObject({ metrics: ['mark_spent'] });
      expect(total).not.toHaveProperty('group_by');
    }
  });
  test('« les pires d’abord », "worst first": one ranking, the highest CPA first', () => {
    for (const question of [
      'classement cpa social, les pires d’abord',
      'social campaigns ranked by cpa, worst first',
    ])
      expect(calls(question)).toEqual([
        expect.objectContaining({
          tool: 'rank_campaigns',
          metric: 'cpa',
          direction: 'top',
          category: 'social',
        }),
      ]);
  });
  test('« combien … chacun » over a group: one row per campaign of it', () => {
    expect(
      calls('nos deux influenceurs, combien de commandes et combien de leads chacun ?')[0],
    ).toMatchObject({
      metrics: ['orders', 'leads'],
      group_by: ['campaign_name'],
      categories: ['influencer'],
    });
  });
  test('« insta paid (tier1 + tier2) »: both bare parts are instagram’s, added up', () => {
    expect(calls('combien on a investi en insta paid (tier1 + tier2) ?')).toEqual([
      expect.objectContaining({ metrics: ['mark_spent'], campaigns: ['instagram_tier1', 'instagram_tier2'] }),
    ]);
  });
  test('« compare aux 7 d’avant »: last week against the week before', () => {
    expect(calls('ca 7 derniers jours compare aux 7 d avant')[0]).toMatchObject({
      metrics: ['revenue'],
      ...LAST_WEEK,
      compare_to: WEEK_BEFORE,
    });
  });
  test('categories listed in a which-question are the field of a ranking', () => {
    expect(
      calls(
        "quel type de campagne (social, search, influence, media) nous rapporte le moins de chiffre d'affaires ?",
      )[0],
    ).toMatchObject({ group_by: ['category'], order_by: 'revenue', order: 'asc' });
  });
  test('categories offered as the causes of a change: why, by category', () => {
    expect(
      calls(
        'baisse du ca semaine passee vs la precedente : c est le social, le search, l influence ou le media ?',
      )[0],
    ).toMatchObject({
      tool: 'explain_change',
      metric: 'revenue',
      by: 'category',
      after: LAST_WEEK,
      before: WEEK_BEFORE,
    });
  });
  test('an action in the ad platform, even named by its nickname: out of scope', () => {
    for (const question of [
      'tu peux aller dans le compte google ads et arrêter google_wide toi-même ?',
      'augmente son budget de 500 balles sur fb ads stp',
    ])
      expect(plan(question).intent).toBe('out_of_scope');
  });
});

describe('follow-ups that point back', () => {
  test('"out of it", "on it": the campaigns just shown', () => {
    expect(chain('fb spend in february?', 'how many orders did we get out of it?')[0]).toMatchObject({
      metrics: ['orders'],
      name_prefix: 'facebook',
    });
    expect(chain('retargeting spend?', "what's the cpm on it")[0]).toMatchObject({
      metrics: ['cpm'],
      campaigns: ['facebook_retargeting'],
    });
  });
  test('« leur budget », "them", "that": the simulation of the category shown', () => {
    expect(chain('roi des influenceurs ?', 'et si on augmente leur budget de 20% ?')[0]).toMatchObject({
      tool: 'simulate_budget',
      category: 'influencer',
    });
    expect(chain('are influencers profitable?', 'ok simulate +20% budget on them')[0]).toMatchObject({
      category: 'influencer',
    });
    expect(
      chain('how much did we spend on social this month?', 'what if we increased that by 20%?')[0],
    ).toMatchObject({ category: 'social' });
  });
  test('a whole new question after a figure is read as itself', () => {
    expect(
      chain('ctr moyen du social ?', 'et quelles campagnes social ont un tx de clic < 0.5% ?')[0],
    ).toMatchObject({
      group_by: ['campaign_name'],
      thresholds: [{ metric: 'ctr', op: '<', value: 0.005 }],
      categories: ['social'],
    });
    expect(chain('roas fb ?', 'ok et le classement des campagnes social par roas ?')[0]).toMatchObject({
      tool: 'rank_campaigns',
      metric: 'roas',
      category: 'social',
    });
  });
  test('…but a ranking with no names of its own keeps the names shown', () => {
    const [call] = chain('roi de facebook ?', 'et le classement par cpa ?');
    expect(JSON.stringify(call)).toContain('facebook');
  });
});

describe('asides around a question', () => {
  test.each([
    'bonjour, désolée de vous déranger, je suis nouvelle dans l’équipe 🙂 combien on a dépensé en tout pour la pub ce mois-ci ? merci beaucoup d’avance',
    'total spend and revenue feb, ready to send',
    'nbre de leads fevrier, le client demande',
    'hi, sorry to bother you, could you show me how much each order costs us for every category? thank you so much',
  ])('« %s »: read, the aside left aside', (question) => {
    const read = plan(question);
    expect(read.unexplained).toBeUndefined();
    expect(read.calls.length).toBeGreaterThan(0);
  });
  test('a clause that names something is still read word by word', () => {
    // « premium », « promos » restrict to something the data does not hold: asked back, not ignored.
    expect(
      plan('combien de leads en février, je veux dire les leads premium seulement').unexplained,
    ).toBeDefined();
    expect(plan('ca du mois, hors promos svp').unexplained).toBeDefined();
  });
  test('a decision asked after a ranking is the loss-makers; one asked first takes the figure after it', () => {
    const [, second] = calls(
      'deux questions désolée : quelles sont les 3 campagnes qui font le plus de chiffre d’affaires, et lesquelles on devrait arrêter ?',
    );
    expect(second).toMatchObject({ thresholds: [{ metric: 'roi', op: '<', value: 0 }] });
    expect(calls('we need to cut 3 campaigns, the worst on cost per acquisition. which ones?')).toEqual(
      expect.arrayContaining([expect.objectContaining({ order_by: 'cpa', order: 'desc', limit: 3 })]),
    );
  });
});

describe('second pass: figures described in words, typos, help', () => {
  test.each([
    ['pour google_wide, calcule (ventes moins dépenses) divisé par dépenses', 'roi'],
    ["for google wide, what's (revenue minus spend) divided by spend?", 'roi'],
    ['le rapport ventes divisées par dépenses de la campagne youtube stp', 'roas'],
    ['pour les influenceur, sur 100 personnes qui cliquent, combien finissent par acheter ?', 'cvr'],
    ['pour la campagne youtube, quel pourcentage des gens qui voient la pub cliquent dessus ?', 'ctr'],
    ['sur les réseaux sociaux, combien on paye pour que notre pub soit affichée mille fois ?', 'cpm'],
    ['nos pubs insta ont été vues combien de fois en février ?', 'impressions'],
    ['how much do we pay on average for each person who leaves their contact details?', 'cpl'],
  ])('« %s » → %s', (question, metric) => {
    expect(calls(question)[0]).toMatchObject({ metrics: [metric] });
  });
  test('« un CA plus de deux fois plus grand que ce qu’on a dépensé »: ROAS above 2', () => {
    expect(
      calls(
        "quelles campagnes ont un chiffre d'affaire plus de deux fois plus grand que ce qu'on a dépensé dessus ?",
      )[0],
    ).toMatchObject({ group_by: ['campaign_name'], thresholds: [{ metric: 'roas', op: '>', value: 2 }] });
  });
  test('« en dessus de 5’000 balles »: above', () => {
    expect(calls("quelles campagnes ont un coût par commande en dessus de 5'000 balles ?")[0]).toMatchObject({
      thresholds: [{ metric: 'cpa', op: '>', value: 5000 }],
    });
  });
  test('the loss-makers and what was spent « dessus »: their table with its total row', () => {
    expect(calls("quelles campagnes perdent de l'argent et combien on a dépensé dessus au total ?")).toEqual([
      expect.objectContaining({ thresholds: [{ metric: 'roi', op: '<', value: 0 }], totals: true }),
    ]);
  });
  test('« les types de campagnes »: the categories', () => {
    expect(
      calls('est-ce que tu peux classer les types de campagnes selon combien on a dépensé dessus ?')[0],
    ).toMatchObject({ group_by: ['category'], order_by: 'mark_spent', order: 'desc' });
  });
  test('typos: « sem dernirre » is last week, not SEM; « comande », « ytube », « lesqueles »', () => {
    expect(calls('depense tot sem dernirre')[0]).toEqual(
      expect.not.objectContaining({ categories: expect.anything() }),
    );
    expect(calls('depense tot sem dernirre')[0]).toMatchObject({ metrics: ['mark_spent'], ...LAST_WEEK });
    expect(calls('cout par comande google_hot 7 derniers jours')[0]).toMatchObject({ metrics: ['cpa'] });
    expect(calls('convresions ytube this mnth')[0]).toMatchObject({ campaigns: ['youtube_blogger'] });
    expect(calls('lesqueles campagnes social on doit coupé ?')[0]).toMatchObject({ categories: ['social'] });
  });
  test('« ce week-end (sam-dim) »: the last weekend, the abbreviations read', () => {
    expect(calls('ce week-end (sam-dim), on a fait combien de chiffre ?')[0]).toMatchObject({
      date_from: '2021-02-27',
      date_to: '2021-02-28',
    });
  });
  test('« retargeting fb : on gagne ou on perd ? »: the brand beside its campaign is that campaign', () => {
    expect(calls("retargeting fb : on gagne ou on perd de l'argent dessus ? en % svp")).toEqual([
      expect.objectContaining({ campaigns: ['facebook_retargeting'] }),
    ]);
  });
  test.each([
    'comment je t utilise',
    "bonjour, qu'est-ce que vous savez faire exactement ?",
    'comment je dois te poser les questions pour que tu me comprennes bien ?',
  ])('« %s »: help', (question) => {
    expect(plan(question).intent).toBe('help');
  });
  test('« si je mets 100k par jour dessus » after the search figure: the forecast for search', () => {
    expect(chain('roas du search ?', 'si je mets 100k chf/jour dessus, ça rapporte quoi ?')[0]).toMatchObject(
      {
        tool: 'predict_revenue',
        category: 'search',
      },
    );
  });
});

describe('third pass: nicknames, glosses, hedges', () => {
  test('« la blogueuse ou le youtubeur »: the other blogger beside the youtuber', () => {
    for (const question of [
      'la blogueuse ou le youtubeur, lequel a le cpa le plus bas ?',
      'cpa blogueuse vs youtubeur',
    ])
      expect(
        calls(question)
          .flatMap((call) => (call as { campaigns?: string[] }).campaigns ?? [])
          .sort(),
      ).toEqual(['instagram_blogger', 'youtube_blogger']);
    expect(calls('ca total influence (blogueuse + youtubeur) sur le mois ?')[0]).toMatchObject({
      campaigns: expect.arrayContaining(['instagram_blogger', 'youtube_blogger']),
    });
    expect(calls('combien nous ont rapporté les blogueurs (yt + insta) en fevrier')[0]).toMatchObject({
      campaigns: ['instagram_blogger', 'youtube_blogger'],
    });
  });
  test('"how much did the youtuber cost us": its spend', () => {
    expect(calls('how much did the youtuber cost us?')[0]).toMatchObject({
      metrics: ['mark_spent'],
      campaigns: ['youtube_blogger'],
    });
  });
  test('a gloss in brackets and « si j’ai bien compris » are read as asides', () => {
    expect(
      calls(
        'bonjour, quelles campagnes ont un taux de clic (les clics divisés par les affichages, si j’ai bien compris) en dessous de 0,5% ? merci',
      )[0],
    ).toMatchObject({ thresholds: [{ metric: 'ctr', op: '<', value: 0.005 }] });
    expect(
      calls(
        'bonjour, combien de prospects (les gens qui laissent leurs coordonnées, si j’ai bien compris) on a eu pour chaque type de campagne, social, search, etc ?',
      )[0],
    ).toMatchObject({ metrics: ['leads'], group_by: ['category'] });
    expect(
      plan('bonjour, combien de prospects pour chaque type de campagne, social, search, etc ?').calls[0]
        ?.args,
    ).not.toHaveProperty('categories');
  });
  test('money words: « combien de balles », « perd du fric », « rendent 2 francs pour chaque franc »', () => {
    expect(calls('combien de balles sur le social en fevrier')[0]).toMatchObject({ metrics: ['mark_spent'] });
    expect(calls('combien de balles sont parties dans facebook du 22 au 28 ?')[0]).toMatchObject({
      metrics: ['mark_spent'],
      name_prefix: 'facebook',
    });
    expect(calls('qui perd du fric ce mois')[0]).toMatchObject({
      thresholds: [{ metric: 'roi', op: '<', value: 0 }],
    });
    expect(
      calls('quelles campagnes nous rendent plus de 2 francs pour chaque franc investi ?')[0],
    ).toMatchObject({
      thresholds: [{ metric: 'roas', op: '>', value: 2 }],
    });
    expect(
      calls(
        'est-ce que les influenceurs sont plus rentables que les bannières ? je veux dire le bénéfice par rapport à ce qu’on a mis dedans',
      )[0],
    ).toMatchObject({ metrics: ['roi'] });
  });
  test('« pour la facture client » is what the figure is for; "budget is tight" is why', () => {
    expect(calls('investissement social du mois, pour la facture client')[0]).toMatchObject({
      metrics: ['mark_spent'],
      categories: ['social'],
    });
    expect(plan('la TVA sur nos factures du mois ?').intent).toBe('out_of_scope');
    expect(calls('what should we stop running, budget is tight')[0]).toMatchObject({
      tool: 'get_underperforming_campaigns',
    });
  });
});

describe('third pass: follow-ups', () => {
  test('« merci ! et si on met la limite à 4’000 ? » after a bound: the same bound moved', () => {
    expect(
      chain(
        'quelles campagnes nous coûtent plus de 5000 chf par commande ?',
        "merci ! et si on met la limite à 4'000 balles ?",
      )[0],
    ).toMatchObject({ thresholds: [{ metric: 'cpa', op: '>', value: 4000 }] });
  });
  test('« semaine dernière vs celle d’avant ? » after a figure: that figure, the two weeks compared', () => {
    expect(chain('ctr du lal ?', "semaine dernière vs celle d'avant ?")[0]).toMatchObject({
      metrics: ['ctr'],
      campaigns: ['facebook_lal'],
      ...LAST_WEEK,
      compare_to: WEEK_BEFORE,
    });
    // « compare avec la semaine d'avant » alone: the week before the one shown.
    expect(chain('ctr du social la semaine 2', "compare avec la semaine d'avant")[0]).toMatchObject({
      date_from: '2021-02-08',
      compare_to: { date_from: '2021-02-01', date_to: '2021-02-07' },
    });
  });
  test('« pourquoi c’est si bas comparé à la semaine d’avant ? » after last week’s revenue: why it moved', () => {
    expect(chain('ca semaine dernière ?', "pourquoi c'est si bas comparé à la semaine d'avant ?")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          tool: 'explain_change',
          metric: 'revenue',
          before: WEEK_BEFORE,
          after: LAST_WEEK,
        }),
      ]),
    );
  });
  test('« la même chose regroupée par levier »: by channel, not a segmentation', () => {
    expect(
      chain(
        'pourriez-vous me donner le coût par commande de chaque campagne ?',
        'maintenant la même chose regroupée par levier',
      )[0],
    ).toMatchObject({ metrics: ['cpa'], group_by: ['category'] });
  });
});

describe('fourth pass: words around the figure', () => {
  test('competitors and actions « directement sur facebook » are out of scope', () => {
    expect(plan('combien nos concurrents dépensent sur facebook, tu sais ?').intent).toBe('out_of_scope');
    expect(
      plan('est-ce que tu peux mettre en pause la campagne facebook_lal directement sur facebook stp ?')
        .intent,
    ).toBe('out_of_scope');
  });
  test('"actually making money", "blow up", « le reta fb », "the youtube guy", « la bannière chez le partenaire »', () => {
    expect(calls("is the fb retargeting campaign actually making money? what's its roi?")[0]).toMatchObject({
      metrics: ['roi'],
      campaigns: ['facebook_retargeting'],
    });
    expect(calls('why did spend blow up in week 3 compared to week 2?')[0]).toMatchObject({
      tool: 'explain_change',
      metric: 'mark_spent',
      assumed_direction: 'up',
    });
    expect(calls('le reta fb, il rapporte combien pour 1 franc investi ?')[0]).toMatchObject({
      metrics: ['roas'],
      campaigns: ['facebook_retargeting'],
    });
    expect(calls('conversion rate for the youtube guy?')[0]).toMatchObject({
      campaigns: ['youtube_blogger'],
    });
    expect(calls('la bannière chez le partenaire, ça a rapporté combien ?')[0]).toMatchObject({
      metrics: ['revenue'],
      campaigns: ['banner_partner'],
    });
  });
});

describe('fourth pass: the members shown', () => {
  const LOSERS = { thresholds: [{ metric: 'roi', op: '<', value: 0 }] };
  test('« et si on les coupe, ça représente combien de budget ? », "how much spend would that free up?": their total', () => {
    expect(
      chain(
        'lesquelles on devrait couper ?',
        'et si on les coupe, ça représente combien de budget sur le mois ?',
      )[0],
    ).toMatchObject({ ...LOSERS, totals: true, metrics: expect.arrayContaining(['mark_spent']) });
    expect(chain('which campaigns should we kill?', 'how much spend would that free up?')[0]).toMatchObject({
      ...LOSERS,
      totals: true,
    });
  });
  test('« et laquelle perd le plus ? », « c’est laquelle la pire ? »: the worst of the members shown', () => {
    for (const next of ['et laquelle perd le plus ?', "c'est laquelle la pire ?"])
      expect(chain("quelles campagnes perdent de l'argent ?", next)[0]).toMatchObject({
        ...LOSERS,
        order_by: 'roi',
        order: 'asc',
        limit: 1,
      });
    expect(
      chain("What's the cost per acquisition of each campaign this month?", 'which 3 are the cheapest?')[0],
    ).toMatchObject({ order_by: 'cpa', order: 'asc', limit: 3 });
  });
  test('"compare … between our two influencer campaigns": one row each; « si on mettait 20 % … à peu près »', () => {
    expect(calls('compare return on ad spend between our two influencer campaigns')[0]).toMatchObject({
      metrics: ['roas'],
      group_by: ['campaign_name'],
      categories: ['influencer'],
    });
    expect(
      calls(
        "si on mettait 20% de budget en plus sur les réseaux sociaux, qu'est-ce qui se passerai à peu près ?",
      )[0],
    ).toMatchObject({ tool: 'simulate_budget', budget_increase_pct: 20, category: 'social' });
  });
});

describe('fifth pass: why, asked politely', () => {
  test.each([
    [
      'est-ce que vous savez pourquoi le coût par commande est monté entre la 2ème et la 3ème semaine ?',
      'cpa',
    ],
    ['why are fb leads more expensive this past week?', 'cpl'],
    [
      "je comprends pas pourquoi le taux de clic a chuté pendant la 3e semaine (comparé à la 2e), vous savez d'où ça vient ?",
      'ctr',
    ],
  ])('« %s »: why the %s moved', (question, metric) => {
    expect(calls(question)[0]).toMatchObject({ tool: 'explain_change', metric });
  });
  test('« plus hier qu’avant-hier ? c’est normal ? »: the two days compared', () => {
    expect(
      calls("pourquoi on a dépensé presque deux fois plus hier qu'avant-hier ? c'est normal ?")[0],
    ).toMatchObject({
      tool: 'explain_change',
      metric: 'mark_spent',
      before: { date_from: '2021-02-27', date_to: '2021-02-27' },
      after: { date_from: '2021-02-28', date_to: '2021-02-28' },
    });
  });
  test('« se terminent par un clic » (CTR), « à chaque fois que quelqu’un clique » (CPC)', () => {
    expect(
      calls('youtube : sur tous les affichages de la pub, combien en % se terminent par un clic ?')[0],
    ).toMatchObject({
      metrics: ['ctr'],
    });
    expect(
      calls("en moyenne, combien on paye à chaque fois que quelqu'un clique sur une de nos annonces ?")[0],
    ).toMatchObject({
      metrics: ['cpc'],
    });
  });
});
