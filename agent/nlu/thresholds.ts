// Conditions on a metric: « CTR sous 0,5 % », « CPL au-dessus de 600 CHF », "ROAS >= 1.5", « plus de 5'000 francs
// par commande ». Each comparator is tied to the metric named closest before it (or right after: « plus de 50 %
// de ROI »). Percentages become fractions (0,5 % → 0.005); a percent KPI written without % is read in percent.
import type { Metric } from '../../src/core/metrics.js';
import { COST_METRICS, type MetricMention } from './metrics.js';
import { parseAmount } from './normalize.js';

export type Comparator = '<' | '<=' | '>' | '>=';
export interface Threshold {
  metric: Metric;
  op: Comparator;
  value: number;
}

const COMPARATORS: [RegExp, Comparator][] = [
  [/>=|\bau moins\b|\bat least\b|\bminimum\b|\bou plus\b|\bor more\b|\bsuperieur\w* ou egal\w* (a|au)\b|\bno (less|lower|fewer) than\b/, '>='],
  [/<=|\bau plus\b|\bat most\b|\bmaximum\b|\bou moins\b|\bor less\b|\binferieur\w* ou egal\w* (a|au)\b|\bno (more|higher|greater) than\b|\bnot (more|higher) than\b|\bpas plus de\b/, '<='],
  [/<|\bsous\b(?: la barre (?:des?|du))?|\ben dessous d\w*|\binferieur\w* (a|au)\b|\bmoins (de|d'|que)\b|\bbelow\b|\bunder\b|\bless than\b|\bfewer than\b|\blower than\b|\bsmaller than\b|\bmore (?:low|small|cheap) than\b|\bless (?:high|big|large) than\b|\bplus (?:petit|bas|basse|faible)s? (?:que|qu')|\bsouth of\b|\bbeneath\b|\b(?:fell|falls?|falling) short of\b|\bshort of\b/, '<'],
  [/>|\bau[- ]dessus d\w*|\ben dessus d\w*|\bau[- ]dela d\w*|\bsuperieur\w* (a|au)\b|\bplus (de|d'|que)\b|\babove\b|\bover\b|\bmore than\b|\bgreater than\b|\bhigher than\b|\bbigger than\b|\blarger than\b|\bmore (?:high|big|large|great|expensive) than\b|\bplus (?:grande?|elevee?|haute?|forte?)s? (?:que|qu')|\bnorth of\b|\bbeyond\b|\bdepass\w*|\bexceed\w*/, '>'],
]; // biome-ignore format: a table

/** A comparator whose direction depends on the metric: group 1 is "worse", otherwise "better". */
const POLAR_COMPARATOR =
  /\b(?:(worse|pire|pires|moins bons?|moins bonnes?)|better|meilleure?s?) (?:than|que|qu')\s?/g;

const NUMBER =
  /([+-]?\s?\d[\d' ]*(?:,\d{3}(?=,\d{3}))*(?:[.,]\d+)?)\s?(%|pour ?cents?\b|percent\b|k\b|m\b|mios?\b|millions?\b|mille\b|chf\b|francs?\b|balles\b|fr\b|\.-|cents?\b)?/y;
const PERCENT_METRICS = new Set<Metric>(['ctr', 'cvr', 'roi']);
// « cent francs »: a number word prepare() does not turn into digits.
const WORD_NUMBERS: Record<string, string> = {
  cent: '100',
  mille: '1000',
  nonante: '90',
  septante: '70',
  huitante: '80',
};

/** The number right after `at` (spaces skipped), with its unit. */
function numberAt(
  text: string,
  at: number,
  afterComparator = false,
): { value: number; unit?: string; end: number } | undefined {
  let from = at;
  while (text[from] === ' ' || text[from] === ':') from++;
  // « sous les 0,4 % », "below the 1%": an article between the comparator and its number.
  const article = afterComparator
    ? /^(?:les|la|le|the|a|an|de|d')\s?(?=[\d+-]|chf)/.exec(text.slice(from))
    : null;
  if (article) from += article[0].length;
  // « plus d'un million », "over a million": the number is a word.
  const million = /^(?:un|one|a) (million|milliard|billion)\b/.exec(text.slice(from));
  if (million)
    return { value: million[1] === 'million' ? 1_000_000 : 1_000_000_000, end: from + million[0].length };
  const word = /^(cent|mille|nonante|septante|huitante)\b/.exec(text.slice(from));
  // A currency before the number: « plus de CHF 700 », "over CHF 700".
  const currency = /^(chf|fr\.?|francs?)\s?(?=\d)/.exec(text.slice(from));
  if (currency) from += currency[0].length;
  const source = word ? `${WORD_NUMBERS[word[1]!]}${text.slice(from + word[1]!.length)}` : text.slice(from);
  NUMBER.lastIndex = 0;
  const match = NUMBER.exec(source);
  if (!match?.[1]) return undefined;
  const raw = match[1].replace(/\s/g, '');
  const value = parseAmount(raw.replace(/^[+-]/, ''));
  if (value === undefined) return undefined;
  const signed = raw.startsWith('-') ? -value : value;
  // « sept cents » (prepare() wrote 7 cents), « 5 mille », "5k".
  const unit = match[2] ?? '';
  const scale =
    unit === 'k' || unit === 'mille'
      ? 1000
      : /^(m|mios?|millions?)$/.test(unit)
        ? 1_000_000
        : /^cents?$/.test(unit)
          ? 100
          : 1;
  // « 9 francs nonante » (prepare() wrote 9 francs 90), « 2 fr. 50 »: francs and centimes, as said in Switzerland.
  const centimes = /^(?:francs?|fr|chf|balles)$/.test(unit)
    ? /^\.?\s(\d{2})\b(?!\s?(?:%|[.,]\d|chf|francs?|balles|fr\b))/.exec(source.slice(match[0].length))
    : null;
  // « 4 millions de francs », "5k CHF": the currency after the scale belongs to the number.
  const currencyAfter =
    scale > 1 ? /^\s?(?:de |d')?(?:francs?|chf|balles)\b/.exec(source.slice(match[0].length)) : null;
  // « 3 sur 1000 », "3 in 1,000 clicks": a rate, in percent.
  const outOf =
    scale === 1 && unit === ''
      ? /^\s?(?:[a-z]+\s)?(?:in|sur|out of|pour|per)\s(1[0' ,]*0)\b(?!\s?(?:chf|francs?|fr\b|balles|\.-|k\b))/.exec(
          source.slice(match[0].length),
        )
      : null;
  if (outOf) {
    const base = Number(outOf[1]!.replace(/[' ,]/g, ''));
    return { value: (signed / base) * 100, unit: '%', end: from + match[0].length + outOf[0].length };
  }
  return {
    value: signed * scale + (centimes ? Number(centimes[1]) / 100 : 0),
    unit: match[2]?.startsWith('%') || /pour|percent/.test(match[2] ?? '') ? '%' : match[2],
    end: from + match[0].length + (centimes?.[0].length ?? 0) + (currencyAfter?.[0].length ?? 0),
  };
}

/** A number in percent: written with %, or bare beside a percent KPI (« ROI sous 20 » is 20 %). */
function inPercent(number: { value: number; unit?: string }, metric: Metric): boolean {
  return (
    number.unit === '%' || (PERCENT_METRICS.has(metric) && number.unit === undefined && number.value !== 0)
  );
}

/** The bound in the metric's own terms: percentages as fractions. */
function asValue(number: { value: number; unit?: string }, metric: Metric): number {
  return inPercent(number, metric) ? number.value / 100 : number.value;
}

/** Every threshold the text states, tied to its metric. */
export function findThresholds(text: string, mentions: readonly MetricMention[]): Threshold[] {
  const found: Threshold[] = [];
  // « ROAS entre 1 et 2 », "CTR between 0.5% and 1%": both bounds.
  for (const range of text.matchAll(/\b(?:entre|between)\s/g)) {
    const low = numberAt(text, range.index + range[0].length);
    if (!low) continue;
    const joiner = /^\s*(?:et|and|-)\s*/.exec(text.slice(low.end));
    const high = joiner ? numberAt(text, low.end + joiner[0].length) : undefined;
    const mention = [...mentions].reverse().find((item) => item.end <= range.index);
    if (!high || !mention) continue;
    // « entre 5 et 10 février », "between the 1st and 14th": days, not values.
    if (
      /^\s?(?:janv|jan\b|fevr|fev|feb|mars|march|avr|apr|mai|may|juin|june|juil|july|aout|aug|sept|oct|nov|dec)/.test(
        text.slice(high.end),
      )
    )
      continue;
    const percent = (n: { value: number; unit?: string }) => inPercent(n, mention.metric);
    found.push(
      {
        metric: mention.metric,
        op: '>=',
        value: percent(low) || percent(high) ? low.value / 100 : low.value,
      },
      {
        metric: mention.metric,
        op: '<=',
        value: percent(high) || percent(low) ? high.value / 100 : high.value,
      },
    );
  }
  const taken = new Set<number>();
  for (const [pattern, op] of COMPARATORS) {
    for (const match of text.matchAll(new RegExp(pattern.source, 'g'))) {
      if (taken.has(match.index)) continue;
      const end = match.index + match[0].length;
      // "below a ROAS of 1", « sous un CPA de 50 »: the metric named between the comparator and its number.
      const named = mentions.find((mention) => mention.at > end && mention.at - end <= 5);
      const of = named && /^\s*(?:of|de|d'|at|a)\s*(?=[\d+-]|chf)/.exec(text.slice(named.end));
      const direct = numberAt(text, end, true);
      const ofNamed = !direct && named && of ? numberAt(text, named.end + of[0].length) : undefined;
      const number = direct ?? ofNamed;
      // « ROAS de 1,5 ou plus », « 1000 commandes ou plus »: the number stands before the comparator.
      const before =
        number ??
        (op === '>=' || op === '<='
          ? (() => {
              // « 1000 commandes ou plus »: the metric's word may sit between them.
              const head = /(\d[\d' ]*(?:[.,]\d+)?)\s?(%)?\s*(?:[a-z']+\s*){0,2}$/.exec(
                text.slice(0, match.index),
              );
              return head ? numberAt(text, head.index) : undefined;
            })()
          : undefined);
      if (!before) continue;
      const prior = [...mentions].reverse().find((mention) => mention.end <= match.index);
      // Right after the number, or starting at its unit (« 13 balles le clic »: the cost per click).
      const next = mentions.find(
        (mention) => mention.at > match.index && mention.end > before.end && mention.at - before.end <= 12,
      );
      // Around it: « coûtent plus de 5'000 francs par commande » is one mention of the CPA, the bound inside.
      const around = mentions.find((mention) => mention.at <= match.index && mention.end >= before.end);
      // « rapportent plus de 1,5 de ROAS »: the figure named right after its number, whatever verb came before.
      // ("0.3% of clicks" is a rate of them, not a bound on the clicks.)
      const own =
        before.unit === '%'
          ? undefined
          : mentions.find((mention) => /^\s?(?:de|d'|of)\s?$/.test(text.slice(before.end, mention.at)));
      const mention = (ofNamed ? named : undefined) ?? around ?? own ?? prior ?? next;
      if (!mention) continue;
      found.push({ metric: mention.metric, op, value: asValue(before, mention.metric) });
      for (let i = match.index; i < match.index + match[0].length; i++) taken.add(i);
    }
  }
  // "ROI worse than -50%", « un CPA pire que 5000 »: below for a KPI where higher is better, above for a cost.
  for (const match of text.matchAll(POLAR_COMPARATOR)) {
    const number = numberAt(text, match.index + match[0].length, true);
    // "did better than 50% ROI": the metric may follow its number.
    const mention =
      [...mentions].reverse().find((item) => item.end <= match.index) ??
      (number ? mentions.find((item) => item.at >= number.end && item.at - number.end <= 5) : undefined);
    if (!number || !mention) continue;
    const worse = match[1] !== undefined;
    const higherIsWorse = COST_METRICS.has(mention.metric);
    found.push({
      metric: mention.metric,
      op: worse === higherIsWorse ? '>' : '<',
      value: asValue(number, mention.metric),
    });
  }
  // The tool takes three conditions at most; the same one written twice counts once.
  const unique = new Map(
    found.map((threshold) => [`${threshold.metric}${threshold.op}${threshold.value}`, threshold]),
  );
  return [...unique.values()].slice(0, 3);
}
