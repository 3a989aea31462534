// « pourquoi »: the change of a figure between two periods, decomposed by campaign or channel, and the
// direction the question takes for granted (the answer corrects it when the data moved the other way).
import type { Catalog } from '../../src/analysis/vocabulary.js';
import { before, type MetricReading, type Parsed, type Period, scopeArgs, shift } from './figure-parse.js';
import { CATEGORY_OBJECT, CHANGE, CUT, DOWN_WORDS, UP_WORDS } from './figure-words.js';

/** « up » / « down » on their own (not « break down », « drill down », « sign up »). */
const MOVED =
  /(?<!\b(?:break|broken|breaking|drill|drilling|sign|set|follow|show|round|roll)\s)\b(up|down)\b/;
/**
 * In a « pourquoi », what says the figure moved without a verb of change: a comparative (« moins de commandes »,
 * "worse in the second half"), "what happened to", « tire le CA vers le bas ».
 */
const COMPARED =
  /\b(moins|plus) d(e|es|')\s?(?!\d)|\b(fewer|less|more|lower|higher|worse|better|weaker|stronger)\b(?! than \d)|\b(moins|plus) (bon|bonne|bons|bonnes|mauvais\w*|eleve\w*|bas|basse|haut|haute|faible\w*|fort\w*|rentable\w*|cher\w*|efficace\w*)\b|\bpire\b|\bmeilleure?s?\b|\bmieux\b|\blost\b|\bgained\b|\bwhat happened\b|\bqu'est-ce qui s'est passe\b|\bque s'est-il passe\b|\btir\w* (?:\S+ ){0,3}vers le (bas|haut)\b|\bdrag\w* (?:\S+ ){0,2}down\b|\bpull\w* (?:\S+ ){0,2}down\b/;
const COMPARED_UP =
  /\bplus d(e|es|')|\b(more|higher)\b|\bplus (eleve\w*|haut\w*|fort\w*|cher\w*)\b|\bvers le haut\b|\s>\s/;
const COMPARED_DOWN =
  /\bmoins d(e|es|')|\b(fewer|less|lower)\b|\bmoins (eleve\w*|haut\w*|fort\w*)\b|\bplus (bas|basse|faible\w*)\b|\bvers le bas\b|\b(drag|pull)\w* (?:\S+ ){0,2}down\b/;

/** Why a figure moved: its change between two periods, decomposed by campaign (or by category when asked). */
export function explain(p: Parsed, catalog: Catalog): MetricReading | undefined {
  const metric = p.metrics[0] ?? (CUT.test(p.text) ? 'roi' : undefined);
  if (!metric) return undefined;
  let periods = p.two;
  // In a « pourquoi », "why are leads down?" and "why is CPA up?" say the figure moved too.
  const moved = CHANGE.test(p.text) || MOVED.test(p.text) || COMPARED.test(p.text);
  if (!periods && p.period?.date_from && p.period.date_to && moved) {
    const after = p.period as Required<Period>;
    periods = [before(after), after];
  }
  if (!periods && moved && catalog.lastDay) {
    const after = { date_from: shift(catalog.lastDay, -6), date_to: catalog.lastDay };
    periods = [before(after), after];
  }
  if (!periods) return undefined;
  // « c'est le social, le search ou le media ? »: the categories offered as the possible causes — the change over
  // them, by category.
  const offered = p.scope.categories.length >= 2 && /\b(ou|or)\b/.test(p.text);
  const by =
    offered || (CATEGORY_OBJECT.test(p.text) && p.scope.categories.length === 0)
      ? 'category'
      : 'campaign_name';
  return {
    intent: 'diagnostic',
    calls: [
      {
        tool: 'explain_change',
        args: {
          metric,
          by,
          before: { date_from: periods[0].date_from!, date_to: periods[0].date_to! },
          after: { date_from: periods[1].date_from!, date_to: periods[1].date_to! },
          ...scopeArgs(p.scope),
          ...assumedDirection(p.text),
        },
      },
    ],
    confidence: 0.85,
  };
}

export function assumedDirection(text: string): { assumed_direction?: 'up' | 'down' } {
  const moved = MOVED.exec(text)?.[1];
  const up = UP_WORDS.test(text) || moved === 'up' || COMPARED_UP.test(text);
  const down = DOWN_WORDS.test(text) || moved === 'down' || COMPARED_DOWN.test(text);
  return up === down ? {} : { assumed_direction: up ? 'up' : 'down' };
}
