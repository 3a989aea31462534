// formatted (and capped) cells, the buttons, and a few French/English labels. Raw text: escaping is per platform.
// What both chat renderers take from an Answer before shaping it for their platform: a title, the table as
import type { Answer, AnswerAction, AnswerIntent, Block } from '../../src/core/answer.js';
import { formatCell } from '../../src/core/columns.js';
import { counted } from '../../src/core/format.js';
import { CONTENT_LIMITS } from './limits.js';
import { truncate } from './truncate.js';

const INTENT_TITLES: Record<AnswerIntent, { fr: string; en: string }> = {
  kpi_qa: { fr: 'Indicateurs des campagnes', en: 'Campaign KPIs' },
  diagnostic: { fr: 'Diagnostic des campagnes', en: 'Campaign diagnostic' },
  segmentation: { fr: 'Segmentation des campagnes', en: 'Campaign segmentation' },
  budget_simulation: { fr: 'Simulation budgétaire', en: 'Budget simulation' },
  prediction: { fr: 'Prévision de CA', en: 'Revenue forecast' },
  digest_admin: { fr: 'Digest programmé', en: 'Scheduled digest' },
  help: { fr: 'Aide', en: 'Help' },
  out_of_scope: { fr: 'Hors périmètre', en: 'Out of scope' },
  clarify: { fr: 'Une précision', en: 'A quick question' },
};

/** The header: the chart's or table's title says most about the figures; otherwise the kind of question. */
export function answerTitle(answer: Answer): string {
  const en = answer.language === 'en';
  if (answer.errorCode) return en ? 'Could not answer' : 'Impossible de répondre';
  for (const block of answer.blocks) {
    if (block.type === 'chart' && block.title) return block.title;
    if (block.type === 'table' && block.title) return block.title;
  }
  return INTENT_TITLES[answer.intent][answer.language];
}

export function labels(answer: Answer) {
  const en = answer.language === 'en';
  return {
    recommendations: en ? 'Recommendations' : 'Recommandations',
    source: 'Source',
    omittedBlocks: (count: number) =>
      en
        ? `… ${counted(count, 'more item')} not shown`
        : `… ${counted(count, 'élément')} non ${count > 1 ? 'affichés' : 'affiché'}`,
    moreFacts: (count: number) =>
      en ? `… ${counted(count, 'more figure')}` : `… ${counted(count, 'indicateur')} de plus`,
    moreRecommendations: (count: number) =>
      en ? `… ${counted(count, 'more recommendation')}` : `… ${counted(count, 'recommandation')} de plus`,
    tableOmitted: (count: number) =>
      en
        ? `Table of ${counted(count, 'row')} too large to show here: use « show SQL » or ask for fewer rows.`
        : `Tableau de ${counted(count, 'ligne')} trop volumineux pour être affiché ici : voir la requête SQL ou demander moins de lignes.`,
    imageOmitted: en
      ? 'The chart is too large for this card: it is sent separately.'
      : 'Le graphique est trop volumineux pour cette carte : il est envoyé séparément.',
  };
}

/** The answer's text blocks, or its `text` when the composer put none in `blocks`. */
export function bodyBlocks(answer: Answer): Block[] {
  const hasText = answer.blocks.some((block) => block.type === 'text');
  return hasText || !answer.text ? answer.blocks : [{ type: 'text', text: answer.text }, ...answer.blocks];
}

/** Every button of the answer once (ids are the composer's; a repeated id is the same button). */
export function answerActions(answer: Answer): AnswerAction[] {
  const seen = new Set<string>();
  return answer.blocks
    .flatMap((block) => (block.type === 'actions' ? block.actions : []))
    .filter((action) => !seen.has(action.id) && Boolean(seen.add(action.id)));
}

export interface TableView {
  header: string[];
  /** Right-aligned columns (numbers), so figures line up. */
  numeric: boolean[];
  rows: string[][];
  /** Rows of the full result not in `rows` (totalRows counts rows the tool did not even return). */
  omitted: number;
}

/** Formatted cells, capped in rows, columns and cell length so no platform limit can be reached by one table. */
export function tableView(
  block: Extract<Block, { type: 'table' }>,
  currency: string,
  maxRows: number = CONTENT_LIMITS.tableRows,
): TableView {
  const columns = block.columns.slice(0, CONTENT_LIMITS.tableColumns);
  const rows = block.rows.slice(0, maxRows);
  const cell = (text: string) => truncate(text, CONTENT_LIMITS.cellChars);
  return {
    header: columns.map((column) => cell(column.label)),
    numeric: columns.map((column) => column.format !== 'text' && column.format !== 'date'),
    rows: rows.map((row) =>
      columns.map((column) => cell(formatCell(column.format, row[column.key], currency))),
    ),
    omitted: Math.max(block.totalRows, block.rows.length) - rows.length,
  };
}
