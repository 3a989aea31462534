// Slack mrkdwn helpers. Slack reads `<…>` as links and mentions (`<!channel>`, `<@U123>`) and `&` as the start of
// an entity, so every piece of text that can hold user data (campaign names, questions) is escaped here.
import type { TableView } from '../shared/content.js';
import { truncate } from '../shared/truncate.js';

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes, then cuts to `max` without leaving half an entity (« &am… ») behind. */
export function escapeTruncate(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  return truncate(escaped, max).replace(/&[a-z]{0,3}…$/, '…');
}

/** Widest table that still fits a phone screen in a code block without wrapping. */
const CODE_BLOCK_WIDTH = 44;

function alignedLines(view: TableView): string[] {
  const all = [view.header, ...view.rows];
  const widths = view.header.map((_, index) => Math.max(...all.map((line) => line[index]!.length)));
  return all.map((line) =>
    line
      .map((cell, index) =>
        view.numeric[index] ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!),
      )
      .join('  ')
      .trimEnd(),
  );
}

/**
 * One table row as text. Narrow tables are an aligned code block; wider ones become one short record per row
 * (« *youtube_blogger* · influencer » then « ROI +277,3 % · CA CHF 15 311 433 »), which wraps cleanly on a phone
 * where a wide code block would not.
 */
export function tableLayout(view: TableView): { head: string; rows: string[]; tail: string } {
  const lines = alignedLines(view);
  const narrow = Math.max(...lines.map((line) => line.length)) <= CODE_BLOCK_WIDTH;
  if (narrow && !lines.some((line) => line.includes('`'))) {
    return {
      head: `\`\`\`\n${escapeMrkdwn(lines[0]!)}`,
      rows: lines.slice(1).map((line) => `\n${escapeMrkdwn(line)}`),
      tail: '\n```',
    };
  }
  const rows = view.rows.map((cells) => {
    const names = cells.filter((_, index) => !view.numeric[index]).map(escapeMrkdwn);
    const figures = cells
      .map((cell, index) =>
        view.numeric[index] ? `${escapeMrkdwn(view.header[index]!)} ${escapeMrkdwn(cell)}` : '',
      )
      .filter(Boolean);
    const title = names.length > 0 ? [`*${names[0]}*`, ...names.slice(1)].join(' · ') : '';
    return `\n${[title, figures.join(' · ')].filter(Boolean).join('\n')}`;
  });
  return { head: '', rows, tail: '' };
}
