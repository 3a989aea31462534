// The terminal renderer: an Answer as plain text (npm run ask / chat). Tables are aligned columns, capped.
import type { Answer, Block } from '../../src/core/answer.js';
import { formatCell } from '../../src/core/columns.js';
import { counted } from '../../src/core/format.js';

const MAX_TABLE_ROWS = 15;

function table(block: Extract<Block, { type: 'table' }>, currency: string): string {
  const rows = block.rows.slice(0, MAX_TABLE_ROWS);
  const cells = [
    block.columns.map((column) => column.label),
    ...rows.map((row) => block.columns.map((column) => formatCell(column.format, row[column.key], currency))),
  ];
  const widths = block.columns.map((_, index) => Math.max(...cells.map((line) => line[index]!.length)));
  const lines = cells.map((line) =>
    line
      .map((cell, index) =>
        block.columns[index]!.format === 'text' ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!),
      )
      .join('  '),
  );
  if (block.totalRows > rows.length)
    lines.push(`… ${counted(block.totalRows - rows.length, 'ligne')} de plus`);
  return lines.join('\n');
}

function renderBlock(block: Block, currency: string, en: boolean): string | undefined {
  switch (block.type) {
    case 'text':
      return block.text;
    case 'facts':
      return block.facts.map((fact) => `  ${fact.label}${en ? ':' : ' :'} ${fact.value}`).join('\n');
    case 'table':
      return table(block, currency);
    case 'chart':
      return `[${en ? 'chart:' : 'graphique :'} ${block.title}]`;
    case 'notice':
      return `${block.level === 'warning' ? '⚠' : 'ℹ'} ${block.text}`;
    case 'actions':
      return undefined; // buttons have no meaning in a terminal; follow-ups are listed instead
  }
}

export function renderAnswerText(answer: Answer, currency: string): string {
  const en = answer.language === 'en';
  const parts = answer.blocks
    .map((block) => renderBlock(block, currency, en))
    .filter((part): part is string => Boolean(part));
  if (answer.recommendations.length > 0) {
    parts.push(
      `${en ? 'Recommendations:' : 'Recommandations :'}\n${answer.recommendations.map((item) => `  • ${item}`).join('\n')}`,
    );
  }
  if (answer.followUps.length > 0) {
    parts.push(
      `${en ? 'You could also ask:' : 'Vous pouvez aussi demander :'}\n${answer.followUps.map((item) => `  – ${item}`).join('\n')}`,
    );
  }
  return parts.join('\n\n');
}
