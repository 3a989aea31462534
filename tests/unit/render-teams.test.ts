// The Teams Adaptive Card renderer: every canonical answer gives a card that the official Adaptive Cards library
// (the `adaptivecards` package Microsoft publishes) parses and validates without a single warning, ≤ 80 KB,
// degrading an oversized answer (table rows, then the inline chart, then the table) instead of failing.
import { createRequire } from 'node:module';
import { describe, expect, test } from '@jest/globals';
import type * as AdaptiveCardsModule from 'adaptivecards';
import { type AdaptiveCard, cardBytes, renderTeams } from '../../adapters/teams/render.js';
import type { Answer, AnswerAction } from '../../src/core/answer.js';
import { ANSWER_FIXTURE_NAMES, ANSWER_FIXTURES, answerFixture } from '../fixtures/answers/index.js';

// The package's ESM build imports extension-less paths Node cannot resolve; its UMD bundle loads fine in Node
// (parsing and validation need no DOM, only rendering to HTML does).
const AdaptiveCards = createRequire(import.meta.url)(
  'adaptivecards/dist/adaptivecards.js',
) as typeof AdaptiveCardsModule;

const OPTIONS = { currency: 'CHF', answerId: 'answer-42' };
const MAX_BYTES = 80 * 1024;

/** Types of every typed object in the JSON, depth first: what the library kept must equal what we sent. */
function typesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(typesIn);
  if (typeof value !== 'object' || value === null) return [];
  const own =
    typeof (value as { type?: unknown }).type === 'string' ? [(value as { type: string }).type] : [];
  return [...own, ...Object.entries(value).flatMap(([key, child]) => (key === 'data' ? [] : typesIn(child)))];
}

/** Parse + validate with the official library, using Teams' action limit (6): every event is a failure. */
function validate(card: AdaptiveCard): string[] {
  const parsed = new AdaptiveCards.AdaptiveCard();
  parsed.hostConfig = new AdaptiveCards.HostConfig({ actions: { maxActions: 6 } });
  const context = new AdaptiveCards.SerializationContext();
  parsed.parse(card, context);
  const problems = Array.from(
    { length: context.eventCount },
    (_, index) => context.getEventAt(index).message,
  );
  problems.push(...parsed.validateProperties().validationEvents.map((event) => event.message));
  expect(typesIn(parsed.toJSON())).toEqual(typesIn(card));
  return problems;
}

function expectValidCard(card: AdaptiveCard) {
  expect(validate(card)).toEqual([]);
  expect(card.version).toBe('1.5');
  expect(cardBytes(card)).toBeLessThanOrEqual(MAX_BYTES);
  expect(Buffer.byteLength(JSON.stringify(card))).toBe(cardBytes(card));
  expect((card.actions ?? []).length).toBeLessThanOrEqual(6);
}

const texts = (card: AdaptiveCard) =>
  JSON.stringify(card.body)
    .match(/"text":"(?:[^"\\]|\\.)*"/g)!
    .map((match) => JSON.parse(match.slice(7)) as string);

test('the validator is not a no-op: it reports bad values, unknown elements and too many actions', () => {
  const card = renderTeams(ANSWER_FIXTURES.ranking, OPTIONS);
  const broken = {
    ...card,
    body: [...card.body, { type: 'TextBlock', text: 'x', wrap: true, size: 'Huge' }, { type: 'Chart.Pie' }],
    actions: Array.from({ length: 7 }, (_, i) => ({
      type: 'Action.Submit',
      title: `${i}`,
      data: { kind: 'ask', value: '' },
    })),
  } as unknown as AdaptiveCard;
  const problems = new AdaptiveCards.AdaptiveCard();
  problems.hostConfig = new AdaptiveCards.HostConfig({ actions: { maxActions: 6 } });
  const context = new AdaptiveCards.SerializationContext();
  problems.parse(broken, context);
  const messages = [
    ...Array.from({ length: context.eventCount }, (_, index) => context.getEventAt(index).message),
    ...problems.validateProperties().validationEvents.map((event) => event.message),
  ];
  expect(messages).toEqual([
    expect.stringContaining('Invalid value "Huge"'),
    expect.stringContaining('Unknown element type "Chart.Pie"'),
    expect.stringContaining('Maximum number of actions exceeded (6)'),
  ]);
});

describe('renderTeams on the canonical answers', () => {
  test.each(ANSWER_FIXTURE_NAMES)('%s: valid Adaptive Card 1.5 under 80 KB', (name) => {
    const card = renderTeams(ANSWER_FIXTURES[name], {
      ...OPTIONS,
      images: { 'chart-1': { url: 'https://bot/c.png' } },
    });
    expectValidCard(card);
    const hasChart = ANSWER_FIXTURES[name].blocks.some((block) => block.type === 'chart');
    expect(card.body.some((element) => element.type === 'Image')).toBe(hasChart);
  });

  test('ranking: header, text, table with right-aligned figures, recommendations, provenance, actions', () => {
    const card = renderTeams(ANSWER_FIXTURES.ranking, OPTIONS);
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'ROI par campagne', weight: 'Bolder' });
    const table = card.body.find((element) => element.type === 'Table');
    if (table?.type !== 'Table') throw new Error('no table');
    expect(table.rows).toHaveLength(6); // header + 5 campaigns
    expect(table.rows[1]!.cells[0]!.items[0]!.text).toBe('youtube_blogger');
    expect(table.rows[1]!.cells[2]!.items[0]).toMatchObject({
      text: '+277,3\u202f%',
      horizontalAlignment: 'Right',
    });
    expect(texts(card)).toContain('Recommandations');
    expect(texts(card)).toContain('Source : rank_campaigns · 5 lignes');
    expect(card.actions?.map((action) => action.title)).toEqual([
      'Voir la requête SQL',
      'Top 10 des campagnes par ROI',
      'Quelles campagnes sont sous-performantes ?',
      '👍',
      '👎',
    ]);
    expect(card.actions?.[1]?.data).toEqual({
      kind: 'ask',
      value: 'Top 10 des campagnes par ROI',
      answerId: 'answer-42',
    });
  });

  test('simulation: the notice is a warning container', () => {
    const card = renderTeams(ANSWER_FIXTURES.simulation, OPTIONS);
    const notice = card.body.find((element) => element.type === 'Container');
    expect(notice).toMatchObject({ style: 'warning' });
    expect(JSON.stringify(notice)).toContain('forêt aléatoire');
  });

  test('facts become a FactSet', () => {
    const answer: Answer = {
      ...answerFixture('simulation'),
      blocks: [{ type: 'facts', facts: [{ label: 'ROI', value: '+12 %' }] }],
    };
    const card = renderTeams(answer, OPTIONS);
    expectValidCard(card);
    expect(card.body).toContainEqual({ type: 'FactSet', facts: [{ title: 'ROI', value: '+12 %' }] });
  });
});

function oversizedAnswer(): Answer {
  const longName = (index: number) => `<at>everyone</at> & campagne_${index}_${'é'.repeat(3000)}`;
  const actions: AnswerAction[] = Array.from({ length: 40 }, (_, index) => ({
    id: `ask_${index}`,
    label: `Simule +${index} % ${'de budget '.repeat(30)}`,
    kind: index % 10 === 0 ? 'feedback' : 'ask',
    value: 'q'.repeat(3000),
  }));
  return {
    ...answerFixture('ranking'),
    recommendations: Array.from({ length: 40 }, (_, index) => `Recommandation ${longName(index)}`),
    blocks: [
      { type: 'text', text: 'Texte. '.repeat(2000) },
      {
        type: 'facts',
        facts: Array.from({ length: 25 }, (_, i) => ({ label: longName(i), value: longName(i) })),
      },
      {
        type: 'table',
        columns: [
          { key: 'campaign_name', label: 'Campagne', format: 'text' },
          { key: 'roi', label: 'ROI', format: 'signed_percent' },
          { key: 'mark_spent', label: 'Dépenses', format: 'money' },
        ],
        rows: Array.from({ length: 500 }, (_, i) => ({
          campaign_name: longName(i),
          roi: i / 100,
          mark_spent: 1000 * i,
        })),
        totalRows: 500,
      },
      { type: 'chart', chartId: 'chart-1', title: 'ROI', alt: longName(0) },
      ...Array.from({ length: 8 }, () => ({
        type: 'notice' as const,
        level: 'info' as const,
        text: longName(1),
      })),
      { type: 'actions', actions },
    ],
  };
}

describe('renderTeams on oversized content', () => {
  test('500 rows, 25 facts, 3000-char names, 40 recommendations, 40 actions: valid, ≤ 80 KB, counts shown', () => {
    const card = renderTeams(oversizedAnswer(), {
      ...OPTIONS,
      images: { 'chart-1': { url: 'https://bot/c.png' } },
    });
    expectValidCard(card);
    const all = texts(card).join('\n');
    expect(all).toMatch(/… 4\d\d lignes de plus/);
    expect(all).toContain('… 30 recommandations de plus');
    expect(all).toContain('… 5 indicateurs de plus');
    expect(card.actions).toHaveLength(6);
    expect(card.actions?.filter((action) => action.data.kind === 'feedback')).toHaveLength(2);
  });

  test('an inline chart that would push the card over 80 KB is dropped with a note; the table stays', () => {
    const dataUri = `data:image/png;base64,${'A'.repeat(79 * 1024)}`;
    const card = renderTeams(ANSWER_FIXTURES.ranking, {
      ...OPTIONS,
      images: { 'chart-1': { url: dataUri } },
    });
    expectValidCard(card);
    expect(card.body.some((element) => element.type === 'Image')).toBe(false);
    expect(card.body.some((element) => element.type === 'Table')).toBe(true);
    expect(texts(card)).toContain(
      'Le graphique est trop volumineux pour cette carte : il est envoyé séparément.',
    );
  });

  test('a small inline chart is kept as a data URI image with its alt text', () => {
    const dataUri = `data:image/png;base64,${'A'.repeat(30 * 1024)}`;
    const card = renderTeams(ANSWER_FIXTURES.ranking, {
      ...OPTIONS,
      images: { 'chart-1': { url: dataUri } },
    });
    expectValidCard(card);
    expect(card.body).toContainEqual(
      expect.objectContaining({ type: 'Image', url: dataUri, altText: 'ROI par campagne — 5 lignes' }),
    );
  });

  test('sixty long notices: every text is shortened, the card stays valid and complete', () => {
    const answer: Answer = {
      ...answerFixture('ranking'),
      blocks: [
        ...answerFixture('ranking').blocks,
        ...Array.from({ length: 60 }, () => ({
          type: 'notice' as const,
          level: 'warning' as const,
          text: 'é'.repeat(3000),
        })),
      ],
    };
    const card = renderTeams(answer, OPTIONS);
    expectValidCard(card);
    expect(card.body.filter((element) => element.type === 'Container')).toHaveLength(60);
    expect(card.body.some((element) => element.type === 'Table')).toBe(true);
  });

  test('thousands of text blocks: still a valid card under 80 KB', () => {
    const answer: Answer = {
      ...answerFixture('ranking'),
      blocks: Array.from({ length: 3000 }, (_, i) => ({
        type: 'text' as const,
        text: `Bloc ${i} ${'€'.repeat(50)}`,
      })),
    };
    const card = renderTeams(answer, OPTIONS);
    expectValidCard(card);
    expect(texts(card)[1]).toBe(answer.text);
  });
});
