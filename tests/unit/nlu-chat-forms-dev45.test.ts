// Forms from the dev45–dev51 questions (written by people who never read the parser): a question passed on (« ma
// cheffe m'a demandé … Pourriez-vous m'aider ? »), long polite English messages (meetings, teams, colleagues named,
// "Kind regards"), two days in a row, a ROAS said in francs per franc, rates said "3 in 1,000", « les deux chiffres ».
// Expected arguments by hand from the words and the sample (February 2021, last day Sunday the 28th).
import { describe, expect, test } from '@jest/globals';
import { messageParts } from '../../agent/nlu/message-focus.js';
import { reportedQuestion } from '../../agent/nlu/reported-question.js';
import { SAMPLE_CATALOG } from '../eval/catalog-fixture.js';
import { calls, chain, plan } from '../fixtures/offline-plans.js';

const FEBRUARY = { date_from: '2021-02-01', date_to: '2021-02-28' };

describe('a question passed on', () => {
  test('« ma responsable m’a demandé de lui transmettre le CA total … Pourriez-vous me donner ce montant ? »', () => {
    expect(
      calls(
        "Bonjour, j'espère que vous allez bien. Ma responsable, Mme Favre, m'a demandé de lui transmettre le chiffre d'affaires total de toutes nos campagnes pour le mois de février. Pourriez-vous s'il vous plaît me donner ce montant ?",
      ),
    ).toEqual([{ tool: 'query_metrics', metrics: ['revenue'], ...FEBRUARY }]);
  });
  test('« ma cheffe m’a demandé quelle campagne a le CPL le plus élevé », then only thanks', () => {
    expect(
      calls(
        "Bonjour, ma cheffe m'a demandé quelle campagne a le coût par lead le plus élevé en février. Je vous remercie par avance.",
      ),
    ).toEqual([{ tool: 'rank_campaigns', metric: 'cpl', direction: 'top', limit: 1, ...FEBRUARY }]);
  });
  test('"my team lead asked why …": the why is kept, the frame goes', () => {
    expect(
      calls(
        'Hello, my team lead asked why orders went up in the second half of February versus the first half. Could you look into it?',
      ),
    ).toEqual([
      {
        tool: 'explain_change',
        metric: 'orders',
        by: 'campaign_name',
        before: { date_from: '2021-02-01', date_to: '2021-02-14' },
        after: { date_from: '2021-02-15', date_to: '2021-02-28' },
        assumed_direction: 'up',
      },
    ]);
  });
  test('what stands before the frame must name nothing the reading leaves out: « Pour le search, … »', () => {
    expect(
      reportedQuestion("Pour le search, ma cheffe m'a demandé le CPA. Pourriez-vous me le donner ?")?.dropped,
    ).toEqual(['pour le search, ma cheffe ']);
    const read = plan("Pour le search, ma cheffe m'a demandé le CPA. Pourriez-vous me le donner ?");
    expect(
      read.unexplained === undefined && read.calls.every((call) => call.args.categories === undefined),
    ).toBe(false);
    expect(
      reportedQuestion("Bonjour, ma cheffe m'a demandé le CPA du search. Pourriez-vous me le donner ?")
        ?.question,
    ).toBe('le cpa du search. Pourriez-vous me le donner ?');
  });
  test('a sentence after that asks a question of its own is not replaced by the passed-on one', () => {
    const read = plan('The client asked where traffic is cheapest. Which 3 campaigns have the lowest CPC?');
    expect(read.calls.map((call) => call.args.metric)).not.toContain('clicks');
  });
});

describe('long polite messages', () => {
  test('"Kind regards", « Je vous remercie par avance », "Much appreciated" are courtesy', () => {
    for (const closing of ['Kind regards.', 'Je vous remercie par avance !', 'Much appreciated, as always.'])
      expect(messageParts(`Quel est le CPA de google_hot ? ${closing}`, SAMPLE_CATALOG)).toEqual({
        asks: ['Quel est le CPA de google_hot ?'],
        context: [],
      });
  });
  test('a greeting that names something is not courtesy: « Hello, our TikTok campaign is new. »', () => {
    const question = 'What is the ROI of instagram_tier1 this month?';
    expect(plan(`Hello, our TikTok campaign is new. ${question}`).unexplained).toEqual(['TikTok']);
    // A member of the data named in the greeting is read, not dropped.
    expect(JSON.stringify(plan(`Hello, our Facebook campaign is new. ${question}`).calls)).toContain(
      'facebook',
    );
  });
  test('a colleague named, a meeting yesterday, a team named after a channel: context', () => {
    expect(
      calls(
        "Hello, Julia mentioned in yesterday's meeting that retargeting is our hidden gem. Could you tell me the ROAS of the Facebook retargeting campaign in February? Thanks a lot.",
      ),
    ).toEqual([
      { tool: 'query_metrics', metrics: ['roas'], campaigns: ['facebook_retargeting'], ...FEBRUARY },
    ]);
    expect(
      calls(
        'Hello, the social team wants to know which audiences pay off. What is the ROI of instagram_tier1 this month?',
      ),
    ).toEqual([{ tool: 'query_metrics', metrics: ['roi'], campaigns: ['instagram_tier1'], ...FEBRUARY }]);
  });
});

describe('dates, rates and counts said the chat way', () => {
  test('two days in a row joined by « et » / "and": one span, not two parts or two periods', () => {
    const span = { date_from: '2021-02-20', date_to: '2021-02-21' };
    expect(calls('total leads on Saturday 20 and Sunday 21 February, all campaigns?')).toEqual([
      { tool: 'query_metrics', metrics: ['leads'], ...span },
    ]);
    expect(calls('leads du samedi 20 et du dimanche 21 février')).toEqual([
      { tool: 'query_metrics', metrics: ['leads'], ...span },
    ]);
    expect(calls('nombre total de commandes entre le 08.02 et le 14.02 inclus, toutes campagnes ?')).toEqual([
      { tool: 'query_metrics', metrics: ['orders'], date_from: '2021-02-08', date_to: '2021-02-14' },
    ]);
  });
  test('« CA du samedi 13 et top 3 campagnes par ROI »: the first part is one figure, not a top 13', () => {
    expect(calls('CA du samedi 13 et top 3 campagnes par ROI')[0]).toEqual({
      tool: 'query_metrics',
      metrics: ['revenue'],
      date_from: '2021-02-13',
      date_to: '2021-02-13',
    });
  });
  test('« plus de 1,5 franc de CA par franc dépensé » is a ROAS bound; « plus de 2 millions » stays revenue', () => {
    expect(calls('les campagnes qui rapportent plus de 1,5 franc de CA par franc dépensé')[0]).toMatchObject({
      thresholds: [{ metric: 'roas', op: '>', value: 1.5 }],
    });
    expect(calls('quelles campagnes rapportent plus de 2 millions')[0]).toMatchObject({
      thresholds: [{ metric: 'revenue', op: '>', value: 2_000_000 }],
    });
  });
  test('"3 in 1000", « 4 pour 1000 »: rates; "0.3% of clicks" stays a conversion rate', () => {
    expect(calls('which campaigns convert fewer than 3 in 1000 clicks into orders?')[0]).toMatchObject({
      thresholds: [{ metric: 'cvr', op: '<', value: 0.003 }],
    });
    expect(calls('CTR sous 4 pour 1000')[0]).toMatchObject({
      thresholds: [{ metric: 'ctr', op: '<', value: 0.004 }],
    });
    expect(calls('anything converting below 0.3% of clicks?')[0]).toMatchObject({
      thresholds: [{ metric: 'cvr', op: '<', value: 0.003 }],
    });
  });
  test('« les deux chiffres », "compare the two": both sides, not a top 2 nor the 2nd of February', () => {
    expect(calls('CPL et leads du search. Pourriez-vous me donner les deux chiffres ?')).toEqual([
      { tool: 'query_metrics', metrics: ['cpl', 'leads'], categories: ['search'] },
    ]);
    expect(calls('ROAS of instagram_blogger vs youtube_blogger. Could you compare the two?')).toEqual([
      { tool: 'query_metrics', metrics: ['roas'], campaigns: ['instagram_blogger'] },
      { tool: 'query_metrics', metrics: ['roas'], campaigns: ['youtube_blogger'] },
    ]);
  });
  test('« où dépensons-nous le plus d’argent » ranks by spend (not a campaign to give more money)', () => {
    expect(calls("où dépensons-nous le plus d'argent")[0]).toMatchObject({
      tool: 'rank_campaigns',
      metric: 'mark_spent',
      direction: 'top',
    });
  });
});

describe('sets named or pointed at', () => {
  test('« quels canaux (social, search, influence, media) ont un ROI > 20 % ? »: channels, the named ones', () => {
    expect(calls('quels canaux (social et search) ont un ROI supérieur à 20 %')[0]).toMatchObject({
      group_by: ['category'],
      categories: ['social', 'search'],
      thresholds: [{ metric: 'roi', op: '>', value: 0.2 }],
    });
  });
  test('the loss-makers and "their combined spend" / « ces campagnes au total »: one table with its total row', () => {
    for (const question of [
      "which campaigns have a negative ROI this month, and what's their combined spend?",
      'which campaigns lost money in February, and how much did we spend on those loss-making campaigns in total?',
    ]) {
      const read = calls(question);
      expect(read).toHaveLength(1);
      expect(read[0]).toMatchObject({
        thresholds: [{ metric: 'roi', op: '<', value: 0 }],
        totals: true,
        ...FEBRUARY,
      });
    }
  });
  test('"their combined spend" with nothing shown before is asked back, not the spend of every campaign', () => {
    const read = plan("What's their combined spend for the month?");
    expect(read.calls).toEqual([]);
    expect(read.clarification).toMatch(/^Which ones\?/);
    // « leur » inside a question that names its own set stays read.
    expect(calls('top 3 campagnes et leur CPA')[0]).toMatchObject({
      tool: 'rank_campaigns',
      metric: 'cpa',
      limit: 3,
    });
  });
});

describe('context that is not the data, and a follow-up on the members shown', () => {
  test('"The client only wants one number": who wants it, not a restriction', () => {
    expect(
      calls(
        "The client's CFO only wants one number. What's the total revenue our campaigns brought in for February?",
      ),
    ).toEqual([{ tool: 'query_metrics', metrics: ['revenue'], ...FEBRUARY }]);
  });
  test('a context sentence dated like one side of the « pourquoi » is context', () => {
    expect(
      calls(
        'The client noticed revenue fell off a cliff last week. Why did revenue drop compared with the week before?',
      )[0],
    ).toMatchObject({
      tool: 'explain_change',
      metric: 'revenue',
      before: { date_from: '2021-02-15', date_to: '2021-02-21' },
      after: { date_from: '2021-02-22', date_to: '2021-02-28' },
    });
  });
  test('"Of those, which one is the worst?", « et la pire ? » after the loss-makers: the worst of them by ROI', () => {
    for (const next of ['Of those, which one is the worst?', 'and the worst one?', 'et la pire ?'])
      expect(chain('Which campaigns are losing money?', next)).toEqual([
        expect.objectContaining({
          thresholds: [{ metric: 'roi', op: '<', value: 0 }],
          order_by: 'roi',
          order: 'asc',
          limit: 1,
        }),
      ]);
  });
});
