// Answer → Slack Block Kit, one message per answer: the text, the table as a native `table` block (the monospace
// table where a native one cannot go: a second table, too many columns, or a client that rejected it), the chart as
// an image block (an uploaded file or a signed URL), the follow-up buttons, and a `context_actions` block with
// `feedback_buttons` (Slack's per-user 👍/👎). Everything is capped to Slack's limits (shared/limits.ts): too much
// content degrades (fewer rows with a count, then a sentence instead of the table, then omitted blocks) and never
// becomes an `invalid_blocks` error. User data is escaped (mrkdwn.ts) so a campaign name cannot ping a channel.
import type {
  ActionsBlock,
  Button,
  ContextActionsBlock,
  KnownBlock,
  SectionBlock,
  TableBlock,
} from '@slack/types';
import type { Answer, Block } from '../../src/core/answer.js';
import { encodeActionPayload } from '../shared/action-payload.js';
import { answerActions, answerTitle, bodyBlocks, labels, tableView } from '../shared/content.js';
import { CONTENT_LIMITS, SLACK_LIMITS as L } from '../shared/limits.js';
import { provenanceLine } from '../shared/provenance-line.js';
import { moreRows, splitText, truncate } from '../shared/truncate.js';
import { escapeMrkdwn, escapeTruncate, tableLayout } from './mrkdwn.js';

export type SlackBlock = KnownBlock;

export interface SlackRenderOptions {
  currency: string;
  /** Uploaded charts by chartId: a Slack file id (preferred, private) or a public URL. */
  images?: Record<string, { imageUrl?: string; slackFileId?: string }>;
  answerId?: string;
  /** The first table as a native `table` block (default true); false: the monospace fallback everywhere. */
  nativeTable?: boolean;
  /** Leave the answer's text sections out (they were streamed into the message already). */
  omitText?: boolean;
  /** Only the text, notices and buttons: no table or chart (SLACK_CHANNEL_REPLY=summary). */
  summary?: boolean;
}

/** Slack's native table: at most 100 rows (header included) and 20 columns, one table per message. */
export const NATIVE_TABLE = { rows: 100, columns: 20 } as const;

/** Every button's action_id starts with this, so the adapter can route them with one `app.action(/^…/)`. */
export const SLACK_ACTION_PREFIX = 'mdb_action_';
/** The action_id of the feedback buttons (context_actions). */
export const SLACK_FEEDBACK_ACTION = `${SLACK_ACTION_PREFIX}feedback`;

type Labels = ReturnType<typeof labels>;

const section = (text: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): SlackBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: truncate(text, L.contextText) }],
});

function table(
  block: Extract<Block, { type: 'table' }>,
  currency: string,
  en: boolean,
  t: Labels,
): SlackBlock {
  const view = tableView(block, currency);
  const layout = tableLayout(view);
  const title = block.title ? `*${escapeTruncate(block.title, CONTENT_LIMITS.labelChars)}*\n` : '';
  const more = (count: number) => (count > 0 ? `\n_${moreRows(count, en)}_` : '');
  // Worst case of the « … N more » line, reserved up front so adding it never overflows the section.
  const reserve = more(view.omitted + view.rows.length).length;
  let text = `${title}${layout.head}`;
  let shown = 0;
  for (const row of layout.rows) {
    if (text.length + row.length + layout.tail.length + reserve > L.sectionText) break;
    text += row;
    shown += 1;
  }
  // Not even one row fits (absurdly wide rows): a sentence instead of a broken table.
  if (shown === 0) return section(escapeMrkdwn(t.tableOmitted(Math.max(block.totalRows, block.rows.length))));
  return section(`${text}${layout.tail}${more(view.omitted + view.rows.length - shown)}`.replace(/^\n/, ''));
}

/** The first table as Slack's native table block: cells are raw text (nothing is parsed, so nothing to escape). */
function nativeTable(block: Extract<Block, { type: 'table' }>, currency: string, en: boolean): SlackBlock[] {
  const view = tableView(block, currency, NATIVE_TABLE.rows - 1);
  const cells = (values: string[]) =>
    values.map((text) => ({ type: 'raw_text' as const, text: text || ' ' }));
  const element: TableBlock = {
    type: 'table',
    rows: [cells(view.header), ...view.rows.map(cells)],
    column_settings: view.numeric.map((numeric) => (numeric ? { align: 'right' } : { is_wrapped: true })),
  };
  const blocks: SlackBlock[] = [];
  if (block.title) blocks.push(section(`*${escapeTruncate(block.title, CONTENT_LIMITS.labelChars)}*`));
  blocks.push(element);
  if (view.omitted > 0) blocks.push(context(`_${moreRows(view.omitted, en)}_`));
  return blocks;
}

function facts(block: Extract<Block, { type: 'facts' }>, t: Labels): SlackBlock[] {
  const shown = block.facts.slice(0, CONTENT_LIMITS.facts);
  const blocks: SlackBlock[] = [];
  for (let start = 0; start < shown.length; start += L.fields) {
    const fields = shown.slice(start, start + L.fields).map((fact) => ({
      type: 'mrkdwn' as const,
      text: `*${escapeTruncate(fact.label, CONTENT_LIMITS.labelChars)}*\n${escapeTruncate(fact.value, CONTENT_LIMITS.factValueChars * 3)}`,
    }));
    blocks.push({ type: 'section', fields });
  }
  if (block.facts.length > shown.length) blocks.push(context(t.moreFacts(block.facts.length - shown.length)));
  return blocks;
}

function chart(block: Extract<Block, { type: 'chart' }>, options: SlackRenderOptions): SlackBlock[] {
  const image = options.images?.[block.chartId];
  const common = {
    type: 'image' as const,
    alt_text: truncate(block.alt || block.title, L.imageAlt),
    ...(block.title
      ? { title: { type: 'plain_text' as const, text: truncate(block.title, L.imageTitle) } }
      : {}),
  };
  if (image?.slackFileId) return [{ ...common, slack_file: { id: image.slackFileId } }];
  if (image?.imageUrl && image.imageUrl.length <= L.imageUrl)
    return [{ ...common, image_url: image.imageUrl }];
  return []; // no uploaded file: the adapter attaches the PNG in the thread instead
}

function body(
  block: Block,
  answer: Answer,
  options: SlackRenderOptions,
  t: Labels,
  state: { nativeTableUsed: boolean },
): SlackBlock[] {
  const en = answer.language === 'en';
  switch (block.type) {
    case 'text':
      if (options.omitText) return [];
      return splitText(escapeMrkdwn(truncate(block.text, CONTENT_LIMITS.textChars)), L.sectionText)
        .filter((chunk) => chunk.trim()) // Slack rejects an empty or blank section text
        .map(section);
    case 'facts':
      return facts(block, t);
    case 'table': {
      if (options.summary) return [];
      const native =
        options.nativeTable !== false &&
        !state.nativeTableUsed &&
        Math.min(block.columns.length, CONTENT_LIMITS.tableColumns) <= NATIVE_TABLE.columns;
      if (!native) return [table(block, options.currency, en, t)];
      state.nativeTableUsed = true;
      return nativeTable(block, options.currency, en);
    }
    case 'chart':
      return options.summary ? [] : chart(block, options);
    case 'notice':
      return [
        context(
          `${block.level === 'warning' ? '⚠️' : 'ℹ️'} ${escapeTruncate(block.text, CONTENT_LIMITS.noticeChars * 2)}`,
        ),
      ];
    case 'actions':
      return []; // gathered into one actions block at the end
  }
}

function recommendations(answer: Answer, t: Labels): SlackBlock[] {
  if (answer.recommendations.length === 0) return [];
  let text = `*${t.recommendations}*`;
  let shown = 0;
  const reserve = 60; // room for the « … N more » line
  for (const [index, item] of answer.recommendations.slice(0, CONTENT_LIMITS.recommendations).entries()) {
    const line = `\n${index + 1}. ${escapeTruncate(item, CONTENT_LIMITS.recommendationChars)}`;
    if (text.length + line.length + reserve > L.sectionText) break;
    text += line;
    shown += 1;
  }
  const rest = answer.recommendations.length - shown;
  return [section(rest > 0 ? `${text}\n_${t.moreRecommendations(rest)}_` : text)];
}

function actions(answer: Answer, answerId: string | undefined): SlackBlock[] {
  // Feedback has its own per-user buttons (context_actions below).
  const elements: Button[] = answerActions(answer)
    .filter((action) => action.kind !== 'feedback')
    .slice(0, L.actionsElements)
    .map((action, index) => ({
      type: 'button',
      action_id: `${SLACK_ACTION_PREFIX}${index}`,
      text: { type: 'plain_text', text: truncate(action.label, L.buttonText), emoji: true },
      value: encodeActionPayload(action, answerId, L.buttonValue),
    }));
  return elements.length > 0 ? [{ type: 'actions', elements } satisfies ActionsBlock] : [];
}

/** Slack's 👍/👎 under an answer: each person's own vote (the button shows it to them), one payload per side. */
function feedback(answer: Answer, answerId: string | undefined): SlackBlock[] {
  const en = answer.language === 'en';
  const side = (value: 'up' | 'down') =>
    encodeActionPayload(
      { id: `feedback_${value}`, label: value, kind: 'feedback', value },
      answerId,
      L.buttonValue,
    );
  const block: ContextActionsBlock = {
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: SLACK_FEEDBACK_ACTION,
        positive_button: {
          text: { type: 'plain_text', text: '👍' },
          accessibility_label: en ? 'Useful answer' : 'Réponse utile',
          value: side('up'),
        },
        negative_button: {
          text: { type: 'plain_text', text: '👎' },
          accessibility_label: en ? 'Answer to improve' : 'Réponse à améliorer',
          value: side('down'),
        },
      },
    ],
  };
  return [block];
}

/** The notification text: plain words (no markdown) but still entity-escaped, since Slack parses it too. */
function fallback(answer: Answer): string {
  const text = answer.text.trim() || answerTitle(answer);
  return escapeTruncate(text.replace(/\s*\n\s*/g, ' '), L.fallbackText);
}

export function renderSlack(
  answer: Answer,
  options: SlackRenderOptions,
): { text: string; blocks: SlackBlock[] } {
  const t = labels(answer);
  const header: SlackBlock = {
    type: 'header',
    text: { type: 'plain_text', text: truncate(answerTitle(answer), L.headerText), emoji: true },
  };
  const state = { nativeTableUsed: false };
  const main = bodyBlocks(answer).flatMap((block) => body(block, answer, options, t, state));
  const source = provenanceLine(answer.provenance, answer.language);
  const tail = [
    ...recommendations(answer, t),
    ...(source ? [context(`${t.source} : ${escapeTruncate(source, L.contextText - 20)}`)] : []),
    ...actions(answer, options.answerId),
    ...(answer.errorCode ? [] : feedback(answer, options.answerId)),
  ];
  // Over 50 blocks: keep the first body blocks, say how many were left out, and always keep the tail (buttons).
  const room = L.blocks - 1 - tail.length;
  const kept =
    main.length <= room
      ? main
      : [...main.slice(0, room - 1), context(t.omittedBlocks(main.length - room + 1))];
  return { text: fallback(answer), blocks: [header, ...kept, ...tail] };
}
