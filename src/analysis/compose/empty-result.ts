// The text of an answer whose tools found no row: which period was asked, which days the data holds, what to try.
// One short line instead of empty headlines (« Les 0 campagnes … : . ») and follow-ups about figures that do not
// exist; the answer still carries its provenance (the SQL that ran and found nothing).
import type { Language } from '../../core/answer.js';
import { formatPeriod } from '../../core/format.js';
import type { PlannedCall } from '../plan.js';

export interface DataRange {
  firstDay: string | null;
  lastDay: string | null;
}

function askedPeriod(calls: readonly PlannedCall[], language: Language): string {
  const args = calls.find((call) => call.args.date_from || call.args.date_to)?.args;
  const day = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const period = args ? formatPeriod(day(args.date_from), day(args.date_to), language) : '';
  return period ? ` ${period}` : '';
}

/** « Aucune donnée du 1er au 31 mars 2020. Les données vont du 1er au 28 février 2021. … » */
export function emptyResultText(
  calls: readonly PlannedCall[],
  language: Language,
  range?: DataRange,
): string {
  const period = askedPeriod(calls, language);
  const held =
    range?.firstDay && range.lastDay
      ? language === 'en'
        ? ` The data runs ${formatPeriod(range.firstDay, range.lastDay, 'en')}.`
        : ` Les données vont ${formatPeriod(range.firstDay, range.lastDay)}.`
      : '';
  return language === 'en'
    ? `No data${period || ' for these filters'}.${held} Try a period within that range, another campaign or category, or the question without a period.`
    : `Aucune donnée${period || ' pour ces filtres'}.${held} Essayez une période dans cette plage, une autre campagne ou catégorie, ou la question sans période.`;
}
