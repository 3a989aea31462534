// query_metrics' view: first what was understood (metrics, scope, period), then the figures: one figure stated, a
// comparison with its gap, the members that meet a threshold, a ranking, or a breakdown with its total.
import type { Language } from '../../../core/answer.js';
import { formatPercent, formatPeriod, formatPoints } from '../../../core/format.js';
import { formatMetric, METRIC_INFO, type Metric } from '../../../core/metrics.js';
import type { Row } from '../../../core/rows.js';
import { colon, tr } from '../../i18n.js';
import type { ToolOutput, ToolView } from '../types.js';
import { capitalized, extremeText, num } from '../view-helpers.js';

const GROUP_WORDS: Record<string, { fr: string; en: string; plural: { fr: string; en: string } }> = {
  campaign_name: { fr: 'campagne', en: 'campaign', plural: { fr: 'campagnes', en: 'campaigns' } },
  category: { fr: 'catégorie', en: 'category', plural: { fr: 'catégories', en: 'categories' } },
  day: { fr: 'jour', en: 'day', plural: { fr: 'jours', en: 'days' } },
  week: { fr: 'semaine', en: 'week', plural: { fr: 'semaines', en: 'weeks' } },
  month: { fr: 'mois', en: 'month', plural: { fr: 'mois', en: 'months' } },
  period: { fr: 'période', en: 'period', plural: { fr: 'périodes', en: 'periods' } },
};
const COMPARATOR_WORDS: Record<string, { fr: string; en: string }> = {
  '<': { fr: 'inférieur à', en: 'below' },
  '<=': { fr: 'inférieur ou égal à', en: 'at most' },
  '>': { fr: 'supérieur à', en: 'above' },
  '>=': { fr: 'supérieur ou égal à', en: 'at least' },
};

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const groupWord = (key: string, language: Language, plural = false) => {
  const word = GROUP_WORDS[key];
  return word ? (plural ? word.plural[language] : word[language]) : key;
};

/** « Pourquoi le ROI a-t-il changé ? », « Pourquoi les dépenses ont-elles changé ? »: the article and agreement. */
const FEMININE_PLURAL = new Set<Metric>(['mark_spent', 'impressions', 'orders']);
const MASCULINE_PLURAL = new Set<Metric>(['clicks', 'leads']);
function whyChangedFr(metric: Metric): string {
  const label = METRIC_INFO[metric].fr;
  if (FEMININE_PLURAL.has(metric)) return `Pourquoi les ${label} ont-elles changé ?`;
  if (MASCULINE_PLURAL.has(metric)) return `Pourquoi les ${label} ont-ils changé ?`;
  return `Pourquoi le ${label} a-t-il changé ?`;
}

/** « a, b et c » / "a, b and c". */
function joined(items: string[], language: Language): string {
  const last = items.at(-1) ?? '';
  return items.length < 2 ? last : `${items.slice(0, -1).join(', ')}${tr(language, ' et ', ' and ')}${last}`;
}

/** What the answer is about, said back: « toutes les campagnes », « les campagnes facebook (4) », dates. */
export function scopeText(args: Record<string, unknown>, language: Language): string {
  const parts: string[] = [];
  const campaigns = list(args.campaigns);
  const categories = list(args.categories);
  const prefixed = list(args.prefixed_campaigns);
  if (campaigns.length > 0) parts.push(joined(campaigns, language));
  if (categories.length > 0)
    parts.push(
      `${categories.length > 1 ? tr(language, 'catégories', 'categories') : tr(language, 'catégorie', 'category')} ${joined(categories, language)}`,
    );
  if (typeof args.name_prefix === 'string')
    parts.push(
      tr(
        language,
        `les ${prefixed.length} campagnes « ${args.name_prefix}… » (${prefixed.join(', ')})`,
        `the ${prefixed.length} "${args.name_prefix}…" campaigns (${prefixed.join(', ')})`,
      ),
    );
  if (parts.length === 0) parts.push(tr(language, 'toutes les campagnes', 'all campaigns'));
  parts.push(periodText(args.date_from, args.date_to, language));
  return parts.join(', ');
}

export function periodText(from: unknown, to: unknown, language: Language): string {
  const day = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  return formatPeriod(day(from), day(to), language) || tr(language, 'toute la période', 'the whole period');
}

/** A metric's acronym where it has one (« CTR »), its name otherwise (« leads »). */
const shortLabel = (metric: Metric, language: Language) =>
  /\(([A-Z]+)\)$/.exec(METRIC_INFO[metric][language])?.[1] ?? METRIC_INFO[metric][language];

const figures = (row: Row, metrics: Metric[], currency: string, language: Language) =>
  metrics
    .map(
      (metric) =>
        `${METRIC_INFO[metric][language]} ${formatMetric(metric, num(row[metric]), currency, language)}`,
    )
    .join(', ');

function keyOf(row: Row, groups: string[], grain: unknown): string {
  return [...groups.map((key) => String(row[key])), ...(grain ? [String(row.period)] : [])].join(' / ');
}

export function queryMetricsView(output: ToolOutput, language: Language, currency: string): ToolView {
  const args = output.provenance.args;
  const metrics = list(args.metrics) as Metric[];
  const main = metrics[0] ?? 'roi';
  const groups = list(args.group_by);
  const grain = args.grain;
  const scope = scopeText(args, language);
  const rows = output.rows.filter((row) => !row.is_total && !row.compared_period);
  const total = output.rows.find((row) => row.is_total);
  const compared = output.rows.filter((row) => row.compared_period);
  const labels = metrics.map((metric) => METRIC_INFO[metric][language]).join(', ');
  const context = ['mark_spent', 'revenue'].filter((key) => !metrics.includes(key as Metric));
  const tableKeys = [...groups, ...(grain ? ['period'] : []), ...metrics, ...context];
  let headline: string;
  if (compared.length > 0) {
    const [first, second] = [
      compared.filter((row) => row.compared_period === compared[0]!.compared_period),
      compared.filter((row) => row.compared_period !== compared[0]!.compared_period),
    ];
    // One figure: its value alone (the label leads the sentence); several: each with its label.
    const side = (part: Row[]) =>
      part
        .map(
          (row) =>
            `${groups.length > 0 ? `${keyOf(row, groups, grain)} ` : ''}${
              metrics.length === 1
                ? formatMetric(main, num(row[main]), currency, language)
                : figures(row, metrics, currency, language)
            }`,
        )
        .join(tr(language, ' ; ', '; '));
    const a = num(first?.[0]?.[main]);
    const b = num(second?.[0]?.[main]);
    // A gap between two rates is in points (« −0,05 pts »), not a percent; other figures also say it in percent of
    // the period compared with (« −CHF 21 933 144, soit −91,8 % »).
    const gapText = (delta: number) =>
      METRIC_INFO[main].unit === 'percent'
        ? formatPoints(delta, main === 'roi' ? 1 : 2, language)
        : `${formatMetric(main, delta, currency, language)}${
            b
              ? tr(language, ', soit ', ', i.e. ') +
                formatPercent(delta / Math.abs(b), { signed: true, language })
              : ''
          }`;
    const gap =
      groups.length === 0 && a !== null && b !== null
        ? tr(language, ` Écart : ${gapText(a - b)}.`, ` Difference: ${gapText(a - b)}.`)
        : '';
    const other = (args.compare_to ?? {}) as { date_from?: string; date_to?: string };
    const otherPeriod = periodText(other.date_from, other.date_to, language);
    const period = periodText(args.date_from, args.date_to, language);
    // « Chiffre d'affaires (toutes les campagnes) : CHF 1 952 966 du 22 au 28 février 2021, contre CHF 23 886 110 du
    // 15 au 21 février 2021. »
    const who = scopeText({ ...args, date_from: undefined, date_to: undefined }, language).replace(
      /, [^,]*$/,
      '',
    );
    const Labels = capitalized(labels);
    headline = tr(
      language,
      `${Labels} (${who}) : ${side(first ?? [])} ${period}, contre ${side(second ?? [])} ${otherPeriod}.${gap}`,
      `${Labels} (${who}): ${side(first ?? [])} ${period}, against ${side(second ?? [])} ${otherPeriod}.${gap}`,
    );
  } else if (groups.length === 0 && !grain) {
    const row = rows[0] ?? {};
    headline = `${labels[0]?.toUpperCase() ?? ''}${labels.slice(1)} (${scope})${colon(language)} ${metrics.map((metric) => formatMetric(metric, num(row[metric]), currency, language)).join(', ')}.`;
    if (metrics.length > 1)
      headline = `${tr(language, 'Pour', 'For')} ${scope}${colon(language)} ${figures(row, metrics, currency, language)}.`;
  } else {
    const thresholds = Array.isArray(args.thresholds)
      ? (args.thresholds as { metric: Metric; op: string; value: number }[])
      : [];
    // « et leur CPL ? » after a ranking by ROI: the figure shown is not the one they were chosen by, so it is named.
    const chosenBy = (args.order_by as Metric | undefined) ?? thresholds[0]?.metric;
    const named = chosenBy && chosenBy !== main ? `${METRIC_INFO[main][language]} — ` : '';
    // « google_hot vs google_wide : le CTR de chacune, et leur CPC ? »: a few rows show every figure asked, each named.
    const rowFigures = (row: Row) =>
      metrics.length > 1 && metrics.length <= 3 && rows.length <= 6
        ? metrics
            .map(
              (metric) =>
                `${shortLabel(metric, language)} ${formatMetric(metric, num(row[metric]), currency, language)}`,
            )
            .join(', ')
        : formatMetric(main, num(row[main]), currency, language);
    const shown = `${named}${rows
      .slice(0, 10)
      .map((row) => `${keyOf(row, groups, grain)} (${rowFigures(row)})`)
      .join(', ')}`;
    const condition = thresholds
      .map(
        (t) =>
          `${METRIC_INFO[t.metric][language]} ${COMPARATOR_WORDS[t.op]![language]} ${formatMetric(t.metric, t.value, currency, language)}`,
      )
      .join(tr(language, ' et ', ' and '));
    const single = rows.length === 1;
    const what =
      groups.length > 0
        ? groupWord(groups[0]!, language, !single)
        : single
          ? tr(language, 'période', 'period')
          : tr(language, 'périodes', 'periods');
    if (thresholds.length > 0)
      headline =
        rows.length === 0
          ? tr(
              language,
              `Aucune ${groupWord(groups[0] ?? '', language)} n'a un ${condition} (${scope}).`,
              `No ${groupWord(groups[0] ?? '', language)} has ${condition} (${scope}).`,
            )
          : tr(
              language,
              `${rows.length} ${what} avec ${condition} (${scope}) : ${shown}.`,
              `${rows.length} ${what} with ${condition} (${scope}): ${shown}.`,
            );
    else if (args.order_by && grain && groups.length === 0 && rows.length > 1 && Number(args.limit) >= 100) {
      // « quel jour a fait le plus de CA ? »: the day named first, the next ones after it, every day in the table.
      const unit = String(grain);
      const [best, ...next] = rows;
      const masculine = unit !== 'week';
      const at = (row: Row | undefined) =>
        row ? `${keyOf(row, groups, grain)} (${formatMetric(main, num(row[main]), currency, language)})` : '';
      const then = next.slice(0, 2).map(at).join(', ');
      headline = tr(
        language,
        `${masculine ? 'Le' : 'La'} ${groupWord(unit, language)} ${extremeText(args.order_by as Metric, args.order !== 'asc', language)} (${scope}) : ${at(best)}. Suivent : ${then}.`,
        `The ${groupWord(unit, language)} ${extremeText(args.order_by as Metric, args.order !== 'asc', language)} (${scope}): ${at(best)}. Next: ${then}.`,
      );
    } else if (args.order_by)
      headline = tr(
        language,
        `${single ? `La ${what}` : capitalized(what)} ${extremeText(args.order_by as Metric, args.order !== 'asc', language)} (${scope}) : ${shown}.`,
        `${single ? `The ${what}` : capitalized(what)} ${extremeText(args.order_by as Metric, args.order !== 'asc', language)} (${scope}): ${shown}.`,
      );
    else
      headline = tr(
        language,
        `${labels} par ${groupWord(groups[0] ?? String(args.grain ?? 'period'), language)} (${scope}) : ${shown}.`,
        `${labels} by ${groupWord(groups[0] ?? String(args.grain ?? 'period'), language)} (${scope}): ${shown}.`,
      );
    if (total)
      headline += tr(
        language,
        ` Total : ${figures(total, metrics, currency, language)}.`,
        ` Total: ${figures(total, metrics, currency, language)}.`,
      );
  }
  const single = groups.length === 0 && !grain && compared.length === 0;
  return {
    headline,
    tableKeys: single ? [] : tableKeys,
    ...(single ? { factKeys: [...metrics, ...context] } : {}),
    ...(rows.length > 1 && !compared.length
      ? {
          chart: {
            kind: grain ? ('trend' as const) : ('ranking' as const),
            title: `${METRIC_INFO[main][language]}${groups.length > 0 ? tr(language, ` par ${groupWord(groups[0]!, language)}`, ` by ${groupWord(groups[0]!, language)}`) : ''}`,
            alt: '',
            measure: main,
            rows,
          },
        }
      : {}),
    followUps: [
      tr(language, whyChangedFr(main), `Why did ${METRIC_INFO[main].en} change?`),
      tr(language, 'Quelles campagnes sont en perte ?', 'Which campaigns lose money?'),
    ],
  };
}
