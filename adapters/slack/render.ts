// Answer → Slack Block Kit. Everything is capped to Slack's limits (shared/limits.ts): too much content degrades
// (fewer rows with a count, then a sentence instead of the table, then omitted blocks) and never becomes an
// `invalid_blocks` error. User data is escaped (mrkdwn.ts) so a campaign name cannot ping a channel.
import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
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
}

/** Every button's action_id starts with this, so the adapter can route them with one `app.action(/^…/)`. */
export const SLACK_ACTION_PREFIX = 'mdb_action_';

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

function body(block: Block, answer: Answer, options: SlackRenderOptions, t: Labels): SlackBlock[] {
  const en = answer.language === 'en';
  switch (block.type) {
    case 'text':
      return splitText(escapeMrkdwn(truncate(block.text, CONTENT_LIMITS.textChars)), L.sectionText)
        .filter((chunk) => chunk.trim()) // Slack rejects an empty or blank section text
        .map(section);
    case 'facts':
      return facts(block, t);
    case 'table':
      return [table(block, options.currency, en, t)];
    case 'chart':
      return chart(block, options);
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
  const elements: Button[] = answerActions(answer)
    .slice(0, L.actionsElements)
    .map((action, index) => ({
      type: 'button',
      action_id: `${SLACK_ACTION_PREFIX}${index}`,
      text: { type: 'plain_text', text: truncate(action.label, L.buttonText), emoji: true },
      value: encodeActionPayload(action, answerId, L.buttonValue),
    }));
  return elements.length > 0 ? [{ type: 'actions', elements } satisfies ActionsBlock] : [];
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
  const main = bodyBlocks(answer).flatMap((block) => body(block, answer, options, t));
  const source = provenanceLine(answer.provenance, answer.language);
  const tail = [
    ...recommendations(answer, t),
    ...(source ? [context(`${t.source} : ${escapeTruncate(source, L.contextText - 20)}`)] : []),
    ...actions(answer, options.answerId),
  ];
  // Over 50 blocks: keep the first body blocks, say how many were left out, and always keep the tail (buttons).
  const room = L.blocks - 1 - tail.length;
  const kept =
    main.length <= room
      ? main
      : [...main.slice(0, room - 1), context(t.omittedBlocks(main.length - room + 1))];
  return { text: fallback(answer), blocks: [header, ...kept, ...tail] };
}
