// Answer → Adaptive Card 1.5 for Teams. The card must stay ≤ 80 KB serialized: the table shrinks first, then an
// inline (data URI) chart is dropped with a note (the adapter then sends it by URL), then the table goes.
import type { Answer, Block } from '../../src/core/answer.js';
import { answerActions, answerTitle, bodyBlocks, labels, tableView } from '../shared/content.js';
import { COMPACT_LIMITS, CONTENT_LIMITS, type ContentLimits, TEAMS_LIMITS } from '../shared/limits.js';
import { provenanceLine } from '../shared/provenance-line.js';
import { moreRows, truncate } from '../shared/truncate.js';
import type { AdaptiveCard, CardElement, SubmitAction, Table, TextBlock } from './card.js';
import { escapeMarkdownLinks } from './markdown-escape.js';

export type { AdaptiveCard } from './card.js';

export interface TeamsRenderOptions {
  currency: string;
  /** Rendered charts by chartId: an https URL or a data URI. */
  images?: Record<string, { url: string }>;
  answerId?: string;
}

/** How much of the answer a card attempt includes; attempts go from everything to almost nothing. */
interface Budget {
  tableRows: number;
  table: boolean;
  inlineImages: boolean;
  limits: ContentLimits;
}

type Labels = ReturnType<typeof labels>;

// Adaptive Cards markdown joins single line breaks into one paragraph; a blank line keeps the answer's lines.
const text = (value: string, extra: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock => ({
  type: 'TextBlock',
  text: escapeMarkdownLinks(value).replace(/\n/g, '\n\n'),
  wrap: true,
  ...extra,
});

function table(
  block: Extract<Block, { type: 'table' }>,
  options: TeamsRenderOptions,
  rows: number,
  en: boolean,
) {
  const view = tableView(block, options.currency, rows);
  const cell = (value: string, index: number, header: boolean) => ({
    type: 'TableCell' as const,
    items: [
      text(value, {
        ...(header ? { weight: 'Bolder' as const } : {}),
        ...(view.numeric[index] ? { horizontalAlignment: 'Right' as const } : {}),
      }),
    ],
  });
  const element: Table = {
    type: 'Table',
    // Name columns get more room than figures.
    columns: view.header.map((_, index) => ({ width: view.numeric[index] ? 1 : 2 })),
    rows: [view.header, ...view.rows].map((cells, rowIndex) => ({
      type: 'TableRow' as const,
      cells: cells.map((value, index) => cell(value, index, rowIndex === 0)),
    })),
    firstRowAsHeader: true,
    gridStyle: 'accent',
  };
  const elements: CardElement[] = [];
  if (block.title)
    elements.push(text(truncate(block.title, CONTENT_LIMITS.labelChars), { weight: 'Bolder' }));
  elements.push(element);
  if (view.omitted > 0) elements.push(text(moreRows(view.omitted, en), { isSubtle: true, size: 'Small' }));
  return elements;
}

function body(
  block: Block,
  answer: Answer,
  options: TeamsRenderOptions,
  budget: Budget,
  t: Labels,
): CardElement[] {
  const L = budget.limits;
  const en = answer.language === 'en';
  switch (block.type) {
    case 'text':
      return [text(truncate(block.text, L.textChars))];
    case 'facts':
      return [
        {
          type: 'FactSet',
          facts: block.facts.slice(0, L.facts).map((fact) => ({
            title: escapeMarkdownLinks(truncate(fact.label, L.labelChars)),
            value: escapeMarkdownLinks(truncate(fact.value, L.factValueChars)),
          })),
        },
        ...(block.facts.length > L.facts
          ? [text(t.moreFacts(block.facts.length - L.facts), { isSubtle: true, size: 'Small' })]
          : []),
      ];
    case 'table':
      return budget.table
        ? table(block, options, budget.tableRows, en)
        : [text(t.tableOmitted(Math.max(block.totalRows, block.rows.length)), { isSubtle: true })];
    case 'chart': {
      const url = options.images?.[block.chartId]?.url;
      if (!url) return [];
      if (url.startsWith('data:') && !budget.inlineImages) return [text(t.imageOmitted, { isSubtle: true })];
      const id = `chart_${block.chartId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      return [{ type: 'Image', id, url, altText: truncate(block.alt || block.title, 2000), size: 'Stretch' }];
    }
    case 'notice':
      return [
        {
          type: 'Container',
          style: block.level === 'warning' ? 'warning' : 'emphasis',
          items: [text(`${block.level === 'warning' ? '⚠️' : 'ℹ️'} ${truncate(block.text, L.noticeChars)}`)],
        },
      ];
    case 'actions':
      return []; // the card's own actions
  }
}

function recommendations(answer: Answer, t: Labels, L: ContentLimits): CardElement[] {
  if (answer.recommendations.length === 0) return [];
  const shown = answer.recommendations.slice(0, L.recommendations);
  const rest = answer.recommendations.length - shown.length;
  return [
    text(t.recommendations, { weight: 'Bolder', spacing: 'Medium' }),
    ...shown.map((item, index) =>
      text(`${index + 1}. ${truncate(item, L.recommendationChars)}`, { spacing: 'Small' }),
    ),
    ...(rest > 0 ? [text(t.moreRecommendations(rest), { isSubtle: true, size: 'Small' })] : []),
  ];
}

/** Teams shows 6 actions at most: keep the feedback pair and as many of the others as fit, in order. */
function actions(answer: Answer, answerId: string | undefined): SubmitAction[] {
  const all = answerActions(answer);
  const feedback = all.filter((action) => action.kind === 'feedback').slice(0, 2);
  const others = all
    .filter((action) => action.kind !== 'feedback')
    .slice(0, TEAMS_LIMITS.actions - feedback.length);
  return [...others, ...feedback].map((action) => ({
    type: 'Action.Submit',
    title: truncate(action.label, TEAMS_LIMITS.actionTitle),
    data: {
      kind: action.kind,
      value: truncate(action.value, TEAMS_LIMITS.actionData),
      ...(answerId === undefined ? {} : { answerId: truncate(answerId, 200) }),
    },
  }));
}

function build(answer: Answer, options: TeamsRenderOptions, budget: Budget): AdaptiveCard {
  const t = labels(answer);
  const source = provenanceLine(answer.provenance, answer.language);
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      text(truncate(answerTitle(answer), CONTENT_LIMITS.labelChars), {
        size: 'Medium',
        weight: 'Bolder',
        style: 'heading',
      }),
      ...bodyBlocks(answer).flatMap((block) => body(block, answer, options, budget, t)),
      ...recommendations(answer, t, budget.limits),
      ...(source ? [text(`${t.source} : ${truncate(source, 1000)}`, { size: 'Small', isSubtle: true })] : []),
    ],
    msteams: { width: 'Full' },
  };
  const buttons = actions(answer, options.answerId);
  if (buttons.length > 0) card.actions = buttons;
  return card;
}

export const cardBytes = (card: AdaptiveCard): number => Buffer.byteLength(JSON.stringify(card), 'utf8');

export function renderTeams(answer: Answer, options: TeamsRenderOptions): AdaptiveCard {
  const rows = CONTENT_LIMITS.tableRows;
  // A few smaller tables before giving up the inline chart; the table itself goes last.
  const full = CONTENT_LIMITS;
  const attempts: Budget[] = [
    ...[rows, 10, 5].map((tableRows) => ({ tableRows, table: true, inlineImages: true, limits: full })),
    ...[rows, 10, 5, 1].map((tableRows) => ({ tableRows, table: true, inlineImages: false, limits: full })),
    { tableRows: 0, table: false, inlineImages: false, limits: full },
    // Long texts, notices or facts are what is left: shorten them all.
    { tableRows: 5, table: true, inlineImages: false, limits: COMPACT_LIMITS },
    { tableRows: 0, table: false, inlineImages: false, limits: COMPACT_LIMITS },
  ];
  for (const budget of attempts) {
    const card = build(answer, options, budget);
    if (cardBytes(card) <= TEAMS_LIMITS.cardBytes) return card;
  }
  // Still too large (thousands of text blocks): the answer's text alone, which always fits.
  const minimal = build({ ...answer, blocks: [], recommendations: [] }, options, attempts.at(-1)!);
  minimal.body = minimal.body
    .slice(0, 2)
    .map((element) =>
      element.type === 'TextBlock' ? { ...element, text: truncate(element.text, 10_000) } : element,
    );
  return minimal;
}
