// Counts, percentages and amounts in prepared text (number words are already digits). Each extractor returns
// undefined when nothing fits, never a value outside what the tools accept.

import { FROM_END_TO_END } from './metrics.js';
import { parseAmount } from './normalize.js';

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
const PERCENT = new RegExp(
  String.raw`([+-]\s?)?(${NUMBER})\s?(?:%|pour ?cents?\b|percent\b|per cent\b|pct\b)`,
  'g',
);
const DECREASE =
  /\b(baiss|redui|reduc|diminu|coup|cut|reduc|decreas|lower|drop|retir|enlev|minus|moins|shrink|slash)\w*|\btrim(?:s|med|ming)?\b|\b(?:pull|pulls|pulling|scale|scaling|dial|dialing|throttle|rein)\w* (?:(?:our|the|social|search|media|influencer|spend|budget|it|them|that) )*back\b|\bback off\b|\bdown(?: by)?\s*$/;

/** What follows a count that makes it something else (a period, a percentage, money, a date). */
const NOT_A_COUNT = String.raw`(?!\s?(?:[\d.,]|%|of (?:jan|feb|fev|mar)|pour|percent|last|jours?|days?|semaines?|weeks?|mois|months?|chf|fr|francs?|eur|h\b|:|janv|fevr|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec|jan|feb|mar|apr|may|jun|jul|aug|sep|er\b|st\b|nd\b|rd\b|th\b))`;
const COUNT_PATTERNS = [
  new RegExp(
    // ("the week of the 15", "from the 8": a day.)
    String.raw`\b(?:top ?|bottom ?|flop ?|worst ?|best ?|pires ?|meilleures? ?|(?<!\b(?:of|from|since|on|until|to|between|and) )the |(?<!\bentre )les |des |aux |premiers? |premieres? |first |last |which |quelles |lesquelles )(\d{1,3})\b${NOT_A_COUNT}`,
  ),
  /\b(\d{1,3})\s(?:meilleur|pire|premier|best|worst|tops?\b|flops?\b|bottom|campagnes?|campaigns?|lowest|highest|cheapest|most|least|plus|moins)/,
  // « montre m'en 5 », « élargis à 5 », "show me 5", "expand to 10": a new size for the ranking shown.
  /\b(?:m'en|en montrer|show me|give me|elargi\w* (?:a|au)|etend\w* (?:a|au)|passe (?:a|au)|expand(?:ed)? to|extend(?:ed)? to|widen(?:ed)? to)\s(\d{1,2})\b(?!\s?(?:%|jours?|days?|semaines?|weeks?|mois|months?|chf|francs?))/,
];

// « la meilleure campagne », "which campaign has…" ask for one campaign, not a top 5.
const SINGULAR =
  /\bn ?° ?1\b|^\s*(?:la|the) (?:campagne|campaign)\b(?!s)|\b(?:la|the) (?:campagne|campaign) (?:qui|that|which)\b|\b(?:biggest|largest|top|worst|best) (?:spender|earner|performer|loser|offender)\b(?!s)|\bsingle\b|\bune seule\b|\bun seul\b|\bonly one\b|\bjust one\b|\bnumero (1|un)\b|\bnumber (1|one)\b|\bno\. ?1\b|#1\b|\b(la meilleure?|la pire|le meilleur|le pire|the best|the worst|the top|quelle|which|wich|quel) (campagne|campaign)\b(?!s)|^\s*(meilleure?|pire|best|worst|top|bottom|flop) (campagne|campaign|canal|channel)\b(?!s)(?!.*\bles (meilleur|pire)s?\b)/;

/** A ranking size (« top 10 », « les cinq meilleures », "three campaigns"), clamped to 1..50. */
export function findCount(text: string): number | undefined {
  // « les 2 premières semaines », « les 3 derniers jours » are periods, not rankings.
  // « dépenses et CA par canal, les deux stp »: « les deux » closing the question is both figures, not a top 2.
  const rest = text
    .replace(/\b\d{1,3} (?:premi|derni)\w* (?:semaines?|jours?|mois|weeks?|days?)\b/g, ' ')
    .replace(/,?\s*\b(?:les|the|tous les) 2\b(?=(?:\s(?:stp|svp|please|pls|merci|thanks))?[\s?!.]*$)/, ' ')
    // "how many orders did social drive? all 6 campaigns": every campaign of the scope counted, not a top 6.
    .replace(/\b(?:all|tous|toutes)(?: (?:the|les|of the))? \d{1,3} (?:campaigns?|campagnes?)\b/g, (found) =>
      /\bhow (?:many|much)\b|\bcombien\b|\btotal\b/.test(text) ? ' ' : found,
    );
  for (const pattern of COUNT_PATTERNS) {
    const match = pattern.exec(rest);
    if (match?.[1]) return Math.min(50, Math.max(1, Number(match[1])));
  }
  // « de la meilleure à la pire campagne »: the whole ranking, not the one at its end.
  return SINGULAR.test(rest) && !FROM_END_TO_END.test(rest) ? 1 : undefined;
}

const FRACTIONS: Record<string, number> = {
  quart: 25, quarter: 25, tiers: 33, third: 33, cinquieme: 20, fifth: 20, dixieme: 10, tenth: 10,
}; // biome-ignore format: a table

const PAST_MULTIPLE =
  /\b(?:a|ont|avait|avaient|has|have|had)\s(?:(?:plus que|more than|presque|almost|nearly|quasiment|pratiquement|carrement|deja|already|just|juste)\s)?(?:doubl|tripl)\w*/;

/** A signed budget change in percent: « +20 % », « baisse de 10 % » (−10), « double » (+100), "halve" (−50). */
export function findPercentChange(text: string): number | undefined {
  for (const match of text.matchAll(PERCENT)) {
    const value = parseAmount(match[2] ?? '');
    if (value === undefined) continue;
    if (match[1]?.trim() === '-') return -value;
    if (match[1]?.trim() === '+') return value;
    const before = text.slice(Math.max(0, match.index - 45), match.index);
    // "a 15% budget cut", « 20 % de budget en moins »: the decrease can also follow the number.
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
    const decreaseAfter =
      /^\W*(?:[\w']+\s){0,3}(cut|reduction|decrease|drop|baisse|diminution|moins|less|lower)\b/;
    return DECREASE.test(before) || decreaseAfter.test(after) ? -value : value;
  }
  // « sim +15 search », "simulate -20 social": a signed number in a simulation is a percentage.
  const signedBare =
    /\b(?:simul\w*|sim)\b.*?(?:^|\s)([+-])\s?(\d{1,3}(?:[.,]\d+)?)\b(?!\s?(?:[.,]\d|chf|k\b|fr\b|francs?|balles|mille|jours?|days?))/.exec(
      text,
    );
  if (signedBare) {
    const value = parseAmount(signedBare[2]!);
    if (value !== undefined) return signedBare[1] === '-' ? -value : value;
  }
  // (« le budget social a plus que doublé entre … », "spend has tripled": a change that happened, not one to make.)
  const happened = PAST_MULTIPLE.test(text);
  if (/\bdoubl\w*|\bx ?2\b|\bfois 2\b|\btwice\b/.test(text) && !happened) return 100;
  if (/\btripl\w*|\bx ?3\b/.test(text) && !happened) return 200;
  // « d'un quart », « d'un tiers », "by a quarter": the same fractions as percentages, down unless raised.
  const fraction =
    /\b(?:d'un|un|a|by a|by one) (quart|tiers|cinquieme|dixieme|quarter|third|fifth|tenth)\b/.exec(text);
  if (fraction) {
    const value = FRACTIONS[fraction[1]!] ?? 25;
    return /\baugment\w*|\bhausse\b|\bincreas\w*|\brais\w*|\bboost\w*|\bajout\w*/.test(text) ? value : -value;
  }
  // « de moitié »: halved, unless the verb raises it (« augmenter de moitié » = +50 %).
  // (« la première moitié », "the first half of February" are periods, not a cut.)
  const halfPeriod =
    /\b(first|second|last|premiere|deuxieme|seconde|derniere|1re|2e) (half|moitie)\b|\bhalf of (the )?(month|february|feb)\b/;
  if (
    /\bmoitie\b|\bhalf\b|\bhalve\w*|\bdivis\w*(?: [\w']+){0,3} par 2\b/.test(text) &&
    !halfPeriod.test(text)
  )
    return /\baugment\w*|\bhausse\b|\bincreas\w*|\brais\w*|\bboost\w*|\bajout\w*/.test(text) ? 50 : -50;
  return undefined;
}

/** « ROI sous 20 % », "ROI below 20%", « ROI négatif » → the ROI threshold as a fraction (0.2), in −1..100. */
export function findRoiThreshold(text: string): number | undefined {
  const below = String.raw`(?:sous|inferieur \w+|en dessous d\w*|moins d\w*|below|under|less than|lower than|<|<=)`;
  const match = new RegExp(
    String.raw`\broi\b[^.?!%]{0,15}?${below}\s?(?:a |de |the |of )?([+-]\s?)?(${NUMBER})\s?(%|pour ?cent|percent)?`,
  ).exec(text);
  if (match) {
    const value = parseAmount(match[2] ?? '');
    if (value !== undefined) {
      const fraction = (match[1]?.trim() === '-' ? -value : value) / (match[3] || value > 5 ? 100 : 1);
      return Math.min(100, Math.max(-1, fraction));
    }
  }
  if (/\broi (negatif|negative|en dessous de 0|below 0|under 0)|\bnegative roi\b/.test(text)) return 0;
  return undefined;
}

// Not from the middle of something else: « -5000 CHF » is not 5000, « 1e308 CHF » is not 308 (no amount: the bot asks).
const MONEY_AFTER =
  /(?<![\w.,'+-])(\d[\d' ]*(?:[.,]\d+)?)\s?(k\b|mille\b|000\b)?\s?(?:chf|francs?|balles|fr\b|fr\.|\.-|eur\b|euros?|€|\$|usd|dollars?)/;
const MONEY_BEFORE = /(?:chf|fr\.|€|\$|usd|eur)\s?(\d[\d' ]*(?:[.,]\d+)?)\s?(k\b)?/;
const BUDGET_OF =
  /\b(?:budget|spend|spending|depense|depenses)\s(?:de|of|d'un montant de)?\s?(\d[\d' ]*(?:[.,]\d+)?)\s?(k\b)?(?![\d.,'%]|\s%)/;

// A daily amount with no currency: « 5 000 de budget par jour », "5,000 a day", « une dépense quotidienne de 5000 ».
const DAILY_AMOUNT =
  /(?<![\w.,'+-])(\d[\d' ]*(?:[.,]\d+)?)\s?(k\b)?\s?(?:de budget\b|of budget\b|(?:daily )?budget\b|(?:a|per|par) (?:day|jour)\b|daily\b|quotidien\w*|journalier\w*)|\b(?:budget|depense|spend|spending)\s(?:journalier\w*|quotidien\w*|daily|par jour|per day)\s(?:de|of)\s(\d[\d' ]*(?:[.,]\d+)?)\s?(k\b)?(?![\d.,'%]|\s%)/;

// "2k per day", « 10k par jour »: thousands with no currency (only ever read for a budget question).
const THOUSANDS =
  /(?<![\w.,'+-])(\d+(?:[.,]\d+)?)\s?(k)\b(?!\s?(?:impressions?|clics?|clicks?|leads?|commandes?|orders?))/;

/** An absolute amount of money (« 5000 CHF », « CHF 5'000 », "5k", « un budget de 5000 »), if any. */
export function findMoney(text: string): number | undefined {
  for (const pattern of [MONEY_AFTER, MONEY_BEFORE, BUDGET_OF, DAILY_AMOUNT, THOUSANDS]) {
    const match = pattern.exec(text);
    const amount = match?.[1] ?? match?.[3];
    if (!match || !amount) continue;
    const value = parseAmount(amount.trim());
    if (value === undefined) continue;
    const scaled = (match[1] ? match[2] : match[4]) ? value * 1000 : value;
    if (Number.isFinite(scaled) && scaled > 0 && scaled <= 1e9) return scaled;
  }
  return undefined;
}

/** « avec 100 000 impressions », "500 clicks": expected volumes for a prediction. */
export function findVolume(text: string, unit: 'impressions' | 'clicks'): number | undefined {
  const word = unit === 'impressions' ? 'impressions?' : '(?:clics?|clicks?)';
  const match = new RegExp(String.raw`(\d[\d' ]*(?:[.,]\d+)?)\s?(k\b)?\s?${word}\b`).exec(text);
  if (!match?.[1]) return undefined;
  const value = parseAmount(match[1].trim());
  if (value === undefined) return undefined;
  const scaled = match[2] ? value * 1000 : value;
  return Number.isFinite(scaled) && scaled <= 1e12 ? scaled : undefined;
}

/** A number of segments (« en 3 groupes », "4 clusters", "k=3"), clamped to 2..5. */
export function findSegmentCount(text: string): number | undefined {
  const match =
    /\b(\d{1,2})\s(?:(?:performance|perf|de performance|similar|similaires?|distinct\w*|different\w*)\s)?(?:segments?|clusters?|groupes?|groups?|categories de campagnes|profils?|types?|buckets?|familles?|paquets?|tiers)\b/.exec(
      text,
    ) ??
    /\bk\s?=?\s?(\d{1,2})\b/.exec(text) ??
    // « … qui se ressemblent en 3 », "cluster them into 4": the number of groups after « en » / "into".
    /\b(?:en|into|in)\s(\d{1,2})\s*[?!.]*\s*$/.exec(text);
  return match?.[1] ? Math.min(5, Math.max(2, Number(match[1]))) : undefined;
}
