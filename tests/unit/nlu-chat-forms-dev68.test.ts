// Forms from session 13 (dev68–dev75, written by people who never read the parser): a Slack mention or a channel tag
// before the question, dictation and keyboard slips (« google chaud », "five thousand", « du premier au dix »), a
// Swiss-German lead's words, ratios written with a slash, "1.5x their spend", a change that happened (« a doublé »)
// rather than one to simulate, "which campaigns are behind it", and follow-ups that keep the week shown.
// Expected arguments by hand from the words and the sample (February 2021, last day Sunday the 28th).
import { describe, expect, test } from '@jest/globals';
import { calls, chain, plan } from '../fixtures/offline-plans.js';

const WEEK_1 = { date_from: '2021-02-01', date_to: '2021-02-07' };
const WEEK_2 = { date_from: '2021-02-08', date_to: '2021-02-14' };
const WEEK_3 = { date_from: '2021-02-15', date_to: '2021-02-21' };
const WEEK_4 = { date_from: '2021-02-22', date_to: '2021-02-28' };
const FEBRUARY = { date_from: '2021-02-01', date_to: '2021-02-28' };

describe('what a chat message carries besides the question', () => {
  test.each([
    ['@bot total spend mtd pls', { tool: 'query_metrics', metrics: ['mark_spent'], ...FEBRUARY }],
    [
      '#weekly-report quick q, total roi for the whole month all channels',
      { tool: 'query_metrics', metrics: ['roi'], ...FEBRUARY },
    ],
  ])('« %s »: the mention or the tag is not a word of the question', (text, expected) => {
    expect(calls(text)).toEqual([expected]);
  });
  test('"#1 campaign by orders" is still number one', () => {
    expect(calls('#1 campaign by orders')).toEqual([
      { tool: 'rank_campaigns', metric: 'orders', direction: 'top', limit: 1 },
    ]);
  });
  test('« canal n1 en leads ce mois ? »: the first channel by leads', () => {
    expect(calls('canal n1 en leads ce mois ?')).toEqual([
      expect.objectContaining({ group_by: ['category'], order_by: 'leads', order: 'desc', limit: 1 }),
    ]);
  });
});

describe('dictation and keyboard slips', () => {
  test.each([
    ['revenu google chaud sur le mois', ['google_hot'], 'revenue'],
    ['ctr google ouaille', ['google_wide'], 'ctr'],
    ['roi banane partner', ['banner_partner'], 'roi'],
    ['coup par acquisition facebook tier2', ['facebOOK_tier2'], 'cpa'],
  ])('« %s »: %s', (text, campaigns, metric) => {
    expect(calls(text)).toEqual([{ tool: 'query_metrics', metrics: [metric], campaigns }]);
  });
  test('"predict revenue with a daily budget of five thousand chf": 5000, not 5', () => {
    expect(calls('predict revenue with a daily budget of five thousand chf')).toEqual([
      { tool: 'predict_revenue', budget: 5000 },
    ]);
  });
  test('"any campaign with cpa over five thousand chf": a bound of 5000', () => {
    expect(calls('any campaign with cpa over five thousand chf')[0]).toMatchObject({
      thresholds: [{ metric: 'cpa', op: '>', value: 5000 }],
    });
  });
  test('"leads for less than four hundred chf each": CPL under 400', () => {
    expect(calls('which campaigns got leads for less than four hundred chf each')[0]).toMatchObject({
      thresholds: [{ metric: 'cpl', op: '<', value: 400 }],
    });
  });
  test('« dépenses du premier au dix février »: the 1st to the 10th, not the 10th alone', () => {
    expect(calls('dépenses du premier au dix février')).toEqual([
      { tool: 'query_metrics', metrics: ['mark_spent'], date_from: '2021-02-01', date_to: '2021-02-10' },
    ]);
  });
  test('"Feb 8 through 14": the 8th to the 14th, not the 1st to the 14th', () => {
    expect(calls('How much revenue did we make Feb 8 through 14?')).toEqual([
      { tool: 'query_metrics', metrics: ['revenue'], ...WEEK_2 },
    ]);
  });
  test('"roas from feb 20 until today": the 20th to the 28th, not the 28th alone', () => {
    expect(calls('@bot roas from feb 20 until today')).toEqual([
      { tool: 'query_metrics', metrics: ['roas'], date_from: '2021-02-20', date_to: '2021-02-28' },
    ]);
  });
});

describe('a Swiss-German lead writing French and English', () => {
  test('"Quels canaux ont un ROAS plus grand que 1?": the channels above 1', () => {
    expect(calls('Quels canaux ont un ROAS plus grand que 1?')[0]).toMatchObject({
      group_by: ['category'],
      thresholds: [{ metric: 'roas', op: '>', value: 1 }],
    });
  });
  test("« CA total du mois, alle Kanäle, merci vielmal »: the month's revenue", () => {
    expect(calls("Grüezi, j'ai besoin vite du CA total du mois, alle Kanäle, merci vielmal")).toEqual([
      { tool: 'query_metrics', metrics: ['revenue'] },
    ]);
  });
  test('"I need it für die Präsentation tomorrow": a purpose, not a word to ask about', () => {
    expect(calls('total leads février? I need it für die Präsentation tomorrow')).toEqual([
      { tool: 'query_metrics', metrics: ['leads'], ...FEBRUARY },
    ]);
  });
});

describe('a figure described instead of named', () => {
  test.each([
    ['youtube_blogger, clics / impressions ça donne combien ?', 'ctr', { campaigns: ['youtube_blogger'] }],
    ['spend/leads for search', 'cpl', { categories: ['search'] }],
    ['on achète les 1000 impressions à combien sur le media ?', 'cpm', { categories: ['media'] }],
  ])('« %s »: %s', (text, metric, scope) => {
    expect(calls(text)).toEqual([{ tool: 'query_metrics', metrics: [metric], ...scope }]);
  });
  test('"returning more than 1.5x their spend (ROAS)": ROAS above 1.5', () => {
    expect(calls('which campaigns are returning more than 1.5x their spend (ROAS)?')[0]).toMatchObject({
      group_by: ['campaign_name'],
      thresholds: [{ metric: 'roas', op: '>', value: 1.5 }],
    });
  });
  test.each([
    ['le cpa le plus intéressant c est quelle campagne', 'bottom'],
    ['quick q, highest cost per order by campaign in feb', 'top'],
  ])('« %s »: the CPA ranking from the %s', (text, direction) => {
    expect(calls(text)[0]).toMatchObject({ tool: 'rank_campaigns', metric: 'cpa', direction });
  });
  test("« d'où vient le gros du CA, quel canal ? »: the channel with the most revenue, not why it moved", () => {
    expect(calls("d'où vient le gros du CA, quel canal ?")[0]).toMatchObject({
      group_by: ['category'],
      order_by: 'revenue',
      order: 'desc',
      limit: 1,
    });
  });
});

describe('two weeks, and why a figure moved', () => {
  test('« semaine 1 vs 2 »: week 1 against week 2, not week 1 against the week before', () => {
    expect(calls('roi social semaine 1 vs 2 pourquoi ça baisse c est quelle campagne')).toEqual([
      expect.objectContaining({ tool: 'explain_change', before: WEEK_1, after: WEEK_2 }),
    ]);
  });
  test.each([['chiffre d affaire semaine un vs semaine deux'], ['compare les semaines 1 et 2 en CA']])(
    '« %s »: week 2 against week 1',
    (text) => {
      expect(calls(text)).toEqual([
        { tool: 'query_metrics', metrics: ['revenue'], ...WEEK_2, compare_to: WEEK_1 },
      ]);
    },
  );
  test('« nb de leads sur les semaines 1 et 2 »: one span, the 1st to the 14th', () => {
    expect(calls('nb de leads sur les semaines 1 et 2 stp')).toEqual([
      { tool: 'query_metrics', metrics: ['leads'], date_from: '2021-02-01', date_to: '2021-02-14' },
    ]);
  });
  test('"ROI went down from week 1 to week 2 – which campaigns are behind it?": an explanation', () => {
    expect(calls('ROI went down from week 1 to week 2 – which campaigns are behind it?')).toEqual([
      expect.objectContaining({ tool: 'explain_change', metric: 'roi', before: WEEK_1, after: WEEK_2 }),
    ]);
  });
  test("« le roas global a changé entre S3 et S4, c'est dû à quelles campagnes ? »: one explanation", () => {
    expect(calls("le roas global a changé entre S3 et S4, c'est dû à quelles campagnes ?")).toEqual([
      expect.objectContaining({ tool: 'explain_change', metric: 'roas', before: WEEK_3, after: WEEK_4 }),
    ]);
  });
  test('« le budget social a plus que doublé entre … » explains the rise; it is not a +100 % simulation', () => {
    expect(
      calls(
        'Le budget social a plus que doublé entre la semaine du 8 et celle du 15, quelles campagnes ont tiré ça ?',
      ),
    ).toEqual([
      expect.objectContaining({
        tool: 'explain_change',
        metric: 'mark_spent',
        categories: ['social'],
        before: WEEK_2,
        after: WEEK_3,
      }),
    ]);
    expect(calls('double le budget social')).toEqual([
      { tool: 'simulate_budget', budget_increase_pct: 100, category: 'social' },
    ]);
  });
});

describe('parts, names and follow-ups', () => {
  test('« clics par semaine et ctr global du mois »: the weekly clicks, then the CTR of the month', () => {
    expect(calls('clics par semaine et ctr global du mois svp')).toEqual([
      { tool: 'query_metrics', metrics: ['clicks'], grain: 'week' },
      { tool: 'query_metrics', metrics: ['ctr'] },
    ]);
  });
  test('"the instagram tier campaign" is asked back: tier1 or tier2 (not the blogger)', () => {
    const read = plan("What's the CPL of the instagram tier campaign?");
    expect(read.calls).toEqual([]);
    expect(read.clarification).toContain('instagram_tier1, instagram_tier2');
    expect(read.clarification).not.toContain('blogger');
  });
  test('"pinterest_retargeting" is a campaign the data does not have, not facebook_retargeting', () => {
    expect(calls('les leads de pinterest_retargeting la semaine dernière ?')).toEqual([
      { tool: 'query_metrics', metrics: ['leads'], campaigns: ['pinterest_retargeting'], ...WEEK_4 },
    ]);
  });
  test('« et les trois qui ont fait le moins de CA ? » keeps the week of the ranking before', () => {
    expect(
      chain(
        "Top campagnes en chiffre d'affaires sur la semaine du 8 ?",
        'Ok, et les trois qui ont fait le moins de CA ?',
      ),
    ).toEqual([{ tool: 'rank_campaigns', metric: 'revenue', direction: 'bottom', limit: 3, ...WEEK_2 }]);
  });
  test('« tu peux m aider avec quoi exactement » is a request for help', () => {
    expect(plan('tu peux m aider avec quoi exactement')).toMatchObject({ intent: 'help', calls: [] });
  });
});

describe('money that did not come back, trends and steps', () => {
  test.each([
    ["Could you tell me which campaigns didn't pay for themselves this month?"],
    ["campaigns that didn't make back their spend in the last 7 days?"],
  ])('« %s »: the loss-makers', (text) => {
    expect(calls(text)).toEqual([
      expect.objectContaining({ tool: 'get_underperforming_campaigns', roi_threshold: 0 }),
    ]);
  });
  test('"which campaigns aren\'t even breaking even": ROI below zero, not above', () => {
    expect(calls("@bot which campaigns aren't even breaking even on roas mtd?")[0]).toMatchObject({
      thresholds: [{ metric: 'roi', op: '<', value: 0 }],
    });
  });
  test('"didn\'t get 1000 clicks": a negation the rules do not read is still asked about', () => {
    expect(plan("campaigns that didn't get 1000 clicks").unexplained).toEqual(['didn']);
  });
  test('"how\'s facebook_lal rev trending week over week?": its weekly trend', () => {
    expect(calls("@bot how's facebook_lal rev trending week over week?")).toEqual([
      { tool: 'kpi_trend', metric: 'revenue', grain: 'week', campaign_name: 'facebook_lal' },
    ]);
  });
  test('"and for the previous 7 days?" after the last 7 days: the 15th to the 21st', () => {
    expect(
      chain(
        'The client asked about search pacing. What was search spend over the last 7 days?',
        'Great, and for the previous 7 days?',
      ),
    ).toEqual([{ tool: 'query_metrics', metrics: ['mark_spent'], categories: ['search'], ...WEEK_3 }]);
  });
  test('« Parfait. Le même classement pour les commandes » keeps the top 3 and the month', () => {
    expect(
      chain(
        'Bonjour, pourriez-vous me donner le top 3 des campagnes en nombre de leads ce mois ?',
        "Parfait. Le même classement pour les commandes, s'il vous plaît ?",
      ),
    ).toEqual([{ tool: 'rank_campaigns', metric: 'orders', direction: 'top', limit: 3, ...FEBRUARY }]);
  });
});

describe('left alone in session 12, read now', () => {
  test('« social : budget total et les campagnes en ROI négatif »: social heads both parts', () => {
    expect(calls('social: budget total et les campagnes en roi negatif')).toEqual([
      { tool: 'query_metrics', metrics: ['mark_spent'], categories: ['social'] },
      expect.objectContaining({
        group_by: ['campaign_name'],
        thresholds: [{ metric: 'roi', op: '<', value: 0 }],
        categories: ['social'],
      }),
    ]);
  });
  test('"top campaign by revenue, and the bottom one by roas?": two parts, one campaign each', () => {
    expect(calls('top campaign by revenue, and the bottom one by roas?')).toEqual([
      expect.objectContaining({ order_by: 'revenue', order: 'desc', limit: 1 }),
      expect.objectContaining({ order_by: 'roas', order: 'asc', limit: 1 }),
    ]);
  });
  test('"Which one spent the most?" after last week\'s table: last week', () => {
    expect(chain("each campaign's spend last week", 'Which one spent the most?')[0]).toMatchObject({
      metric: 'mark_spent',
      direction: 'top',
      ...WEEK_4,
    });
  });
  test('"and the cpc for week 2" after google_hot by week: google_hot\'s', () => {
    expect(chain('google_hot revenue by week', 'and the cpc for week 2')).toEqual([
      { tool: 'query_metrics', metrics: ['cpc'], campaigns: ['google_hot'], ...WEEK_2 },
    ]);
  });
  test('« et le CA total ? » after google_hot: the whole account', () => {
    expect(chain('google_hot revenue by week', 'et le CA total ?')).toEqual([
      { tool: 'query_metrics', metrics: ['revenue'] },
    ]);
  });
});

describe('dev76–dev81: custom periods, long messages, terse commands, English as a second language', () => {
  test('« combien avons-nous mis sur facebook la semaine du 15 ? »: facebook\'s spend, not facebook_lal ("facebook la")', () => {
    expect(calls('Combien avons-nous mis sur facebook la semaine du 15 ?')).toEqual([
      { tool: 'query_metrics', metrics: ['mark_spent'], name_prefix: 'facebook', ...WEEK_3 },
    ]);
  });
  test.each([
    ['Où le clic était-il le moins cher entre le 1er et le 10 février (par campagne) ?', 'cpc'],
    ['Best CPL by campaign over the weekend of the 13th?', 'cpl'],
  ])("« %s »: a ranking from the cheapest, not every campaign's figures", (text, metric) => {
    expect(calls(text)[0]).toMatchObject({ tool: 'rank_campaigns', metric, direction: 'bottom' });
  });
  test('« chute du CA entre 1–7 et 22–28 février : quelle campagne y contribue le plus ? »: one explanation', () => {
    expect(calls('Chute du CA entre 1–7 et 22–28 février : quelle campagne y contribue le plus ?')).toEqual([
      expect.objectContaining({ tool: 'explain_change', metric: 'revenue', before: WEEK_1, after: WEEK_4 }),
    ]);
  });
  test.each([
    ['How much revenue did we book Monday the 8th through Friday the 12th?', '2021-02-08', '2021-02-12'],
    ['dépensse totale le w-e du 13 ?', '2021-02-13', '2021-02-14'],
    ['how much orders in the week of the 15?', '2021-02-15', '2021-02-21'],
  ])('« %s »: %s to %s', (text, from, to) => {
    expect(calls(text)).toEqual([
      expect.objectContaining({ tool: 'query_metrics', date_from: from, date_to: to }),
    ]);
  });
  test.each([
    ['cpl fb s3', { metrics: ['cpl'], name_prefix: 'facebook', ...WEEK_3 }],
    ['leds youtub s3', { metrics: ['leads'], campaigns: ['youtube_blogger'], ...WEEK_3 }],
  ])('« %s »: week 3', (text, args) => {
    expect(calls(text)).toEqual([{ tool: 'query_metrics', ...args }]);
  });
  test('« impr / sem »: impressions per week, not the search channel (SEM)', () => {
    expect(calls('impr / sem stp')).toEqual([{ tool: 'kpi_trend', metric: 'impressions', grain: 'week' }]);
  });
  test('« ca total + top3 camp en ca »: the total, then the top 3', () => {
    expect(calls('ca total + top3 camp en ca')).toEqual([
      { tool: 'query_metrics', metrics: ['revenue'] },
      expect.objectContaining({ group_by: ['campaign_name'], order_by: 'revenue', limit: 3 }),
    ]);
  });
  test('"the CPA more high than 5000 CHF": CPA above 5000, not the cheapest', () => {
    expect(calls('Which campaigns have the CPA more high than 5000 CHF?')[0]).toMatchObject({
      thresholds: [{ metric: 'cpa', op: '>', value: 5000 }],
    });
  });
  test('"Which campaigns are not rentable?": the loss-makers, not the most profitable', () => {
    expect(calls('Which campaigns are not rentable? I mean we lose money')).toEqual([
      { tool: 'get_underperforming_campaigns', roi_threshold: 0 },
    ]);
  });
  test('"from week1 to week2": weeks 1 and 2', () => {
    expect(calls('search roi dropped from week1 to week2, explain me why (by campaign)')[0]).toMatchObject({
      tool: 'explain_change',
      before: WEEK_1,
      after: WEEK_2,
      categories: ['search'],
    });
  });
  test('« la première semaine (1er au 7 février) et la dernière (22 au 28) »: week 4 against week 1', () => {
    expect(
      calls(
        'Bonjour, la finance a remarqué que nos dépenses ont beaucoup varié au cours du mois. Pourriez-vous comparer le budget dépensé la première semaine (1er au 7 février) et la dernière (22 au 28) ? Merci.',
      ),
    ).toEqual([{ tool: 'query_metrics', metrics: ['mark_spent'], ...WEEK_4, compare_to: WEEK_1 }]);
  });
  test('« … pour la répartition du budget de mars »: why it is asked; March is not compared', () => {
    expect(
      calls(
        'Bonjour, ma direction veut un classement des canaux par ROI sur février, du meilleur au moins bon, pour la répartition du budget de mars. Pourriez-vous me le faire ? Merci.',
      ),
    ).toEqual([
      expect.objectContaining({ group_by: ['category'], order_by: 'roi', order: 'desc', ...FEBRUARY }),
    ]);
  });
  test('"weekly check-in with my boss: which two campaigns …": a meeting, not a weekly trend', () => {
    expect(
      calls(
        'Hi, weekly check-in with my boss this afternoon: which two campaigns generated the most orders last week? Thanks.',
      ),
    ).toEqual([{ tool: 'rank_campaigns', metric: 'orders', direction: 'top', limit: 2, ...WEEK_4 }]);
  });
  test('"three performance groups": k = 3', () => {
    expect(calls('Hello, could you segment our campaigns into three performance groups? Thank you.')).toEqual(
      [{ tool: 'segment_campaigns', k: 3 }],
    );
  });
});

describe('Italian words, a bare signed change, "less rentable"', () => {
  test("« allora, fatturato youtube_blogger settimana scorsa? grazie »: last week's revenue", () => {
    expect(calls('allora, fatturato youtube_blogger settimana scorsa? grazie')).toEqual([
      { tool: 'query_metrics', metrics: ['revenue'], campaigns: ['youtube_blogger'], ...WEEK_4 },
    ]);
  });
  test("« quanto abbiamo speso su search vs influencer? »: the two channels' spend", () => {
    expect(calls('quanto abbiamo speso su search vs influencer?')).toEqual([
      { tool: 'query_metrics', metrics: ['mark_spent'], categories: ['search'] },
      { tool: 'query_metrics', metrics: ['mark_spent'], categories: ['influencer'] },
    ]);
  });
  test.each([
    ['sim +15 search', 15, 'search'],
    ['sim -20 social', -20, 'social'],
  ])('« %s »: %s %% on %s', (text, pct, category) => {
    expect(calls(text)).toEqual([{ tool: 'simulate_budget', budget_increase_pct: pct, category }]);
  });
  test('"which is the less rentable campaign?": the lowest ROI, not the highest', () => {
    expect(calls('which is the less rentable campaign?')[0]).toMatchObject({
      metric: 'roi',
      direction: 'bottom',
    });
  });
});

describe("a Spanish colleague's English", () => {
  test.each([
    ['what is the facturation total of february?', 'revenue'],
    ['How much was the total inversion in February?', 'mark_spent'],
  ])('« %s »: %s', (text, metric) => {
    expect(calls(text)).toEqual([{ tool: 'query_metrics', metrics: [metric], ...FEBRUARY }]);
  });
  test('"How much facturation we made the 14 of February?": the 14th, not a top 14 nor the month', () => {
    expect(calls('How much facturation we made the 14 of February?')).toEqual([
      { tool: 'query_metrics', metrics: ['revenue'], date_from: '2021-02-14', date_to: '2021-02-14' },
    ]);
  });
  test('"which channel brings the less facturation?": the lowest, not the highest', () => {
    expect(calls('which channel brings the less facturation?')[0]).toMatchObject({
      group_by: ['category'],
      order_by: 'revenue',
      order: 'asc',
      limit: 1,
    });
  });
});

describe('numbered parts, « prix aux mille », "between the 10 and the 20 of february"', () => {
  test('« 1) les 3 campagnes avec le plus de fatturato 2) la campagne au ROI le plus bas »: two parts', () => {
    expect(
      calls('Allora : 1) les 3 campagnes avec le plus de fatturato 2) la campagne au ROI le plus bas'),
    ).toEqual([
      expect.objectContaining({ order_by: 'revenue', order: 'desc', limit: 3 }),
      expect.objectContaining({ order_by: 'roi', order: 'asc', limit: 1 }),
    ]);
  });
  test('« social, le prix aux mille impressions »: the CPM', () => {
    expect(calls('social, le prix aux mille impressions, grazie')[0]).toMatchObject({
      metrics: expect.arrayContaining(['cpm']),
      categories: ['social'],
    });
  });
  test('"between the 10 and the 20 of february": the 10th to the 20th, not a top 10 of the 20th', () => {
    expect(calls('total inversion between the 10 and the 20 of february?')).toEqual([
      { tool: 'query_metrics', metrics: ['mark_spent'], date_from: '2021-02-10', date_to: '2021-02-20' },
    ]);
  });
});

describe('a follow-up by « même indicateur »', () => {
  test('« Même indicateur pour instagram_blogger » keeps the CPA and the 1st–10th', () => {
    expect(
      chain(
        'Quel est le coût par commande de youtube_blogger du 1er au 10 février ?',
        'Même indicateur pour instagram_blogger, je vous prie.',
      ),
    ).toEqual([
      {
        tool: 'query_metrics',
        metrics: ['cpa'],
        campaigns: ['instagram_blogger'],
        date_from: '2021-02-01',
        date_to: '2021-02-10',
      },
    ]);
  });
});

describe('working days', () => {
  test.each([['Revenue Mon-Fri of week 2?'], ['dépenses social semaine 2, jours ouvrés']])(
    '« %s »: Monday the 8th to Friday the 12th',
    (text) => {
      expect(calls(text)).toEqual([
        expect.objectContaining({ tool: 'query_metrics', date_from: '2021-02-08', date_to: '2021-02-12' }),
      ]);
    },
  );
  test('"revenue on weekdays in february": more than a week, so still asked about', () => {
    expect(plan('revenue on weekdays in february').unexplained).toEqual(['weekdays']);
  });
});
