// Date ranges in French and English, relative to the data's last day (not today: the sample ends in 2021).
// Every date returned is a real calendar day written YYYY-MM-DD, and date_from <= date_to.

export interface DateRange {
  date_from?: string;
  date_to?: string;
}

const MONTHS: [RegExp, number][] = [
  [/janv\w*|january|jan\b/, 1], [/fevr\w*|february|feb\b|fev\b/, 2], [/mars\b|march\b|mar\b/, 3],
  [/avril|april|avr\b|apr\b/, 4], [/mai\b|may\b/, 5], [/juin|june|jun\b/, 6], [/juil\w*|july|jul\b/, 7],
  [/aout|august|aug\b/, 8], [/sept(?!ante)\w*|sep\b/, 9], [/octo\w*|oct\b/, 10], [/nove\w*|nov\b/, 11],
  [/dece\w*|dec\b/, 12],
]; // biome-ignore format: a table
const MONTH = String.raw`(janv\w*|january|jan|fevr\w*|february|feb|fev|mars|march|mar|avril|april|avr|apr|mai|may|juin|june|jun|juil\w*|july|jul|aout|august|aug|sept(?!ante)\w*|sep|octo\w*|oct|nove\w*|nov|dece\w*|dec)\b`;
const DAY = String.raw`(\d{1,2})(?:er|ere|st|nd|rd|th)?`;
const YEAR = String.raw`(?:\s(\d{4}))?`;

const pad = (value: number) => String(value).padStart(2, '0');
const monthOf = (word: string) => MONTHS.find(([pattern]) => pattern.test(word))?.[1];
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || year < 1900 || year > 2999)
    return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function shift(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The year of a month named without one: the data's last year, or the one before if that month is later. */
function yearFor(month: number, year: string | undefined, lastDay: string): number {
  if (year) return Number(year);
  const lastYear = Number(lastDay.slice(0, 4));
  return month > Number(lastDay.slice(5, 7)) ? lastYear - 1 : lastYear;
}

function range(from: string | undefined, to: string | undefined): DateRange | undefined {
  if (!from && !to) return undefined;
  if (from && to && from > to) return { date_from: to, date_to: from };
  return { ...(from ? { date_from: from } : {}), ...(to ? { date_to: to } : {}) };
}

/** Explicit dates: 2021-02-10, 10.02.2021, 10/02/2021. */
function explicitDates(text: string): { day: string; at: number }[] {
  const found: { day: string; at: number }[] = [];
  for (const match of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/g)) {
    const day = match[1]
      ? iso(Number(match[1]), Number(match[2]), Number(match[3]))
      : iso(Number(match[6]), Number(match[5]), Number(match[4]));
    if (day) found.push({ day, at: match.index });
  }
  return found;
}

const SINCE = /\b(depuis|since|a partir d|from|des le|starting|apres|after)\b/;
const UNTIL = /\b(jusqu|until|till|up to|avant|before|to|au)\b/;

/** The date range the text asks for, if any (needs the data's last day for relative expressions). */
export function findDateRange(text: string, lastDay: string | null): DateRange | undefined {
  const explicit = explicitDates(text);
  const [first, second] = explicit;
  if (first && second) return range(first.day, second.day);
  if (first) {
    const before = text.slice(Math.max(0, first.at - 20), first.at);
    if (SINCE.test(before)) return range(first.day, undefined);
    if (UNTIL.test(before)) return range(undefined, first.day);
    return range(first.day, first.day);
  }
  if (!lastDay) return undefined;
  return relativeRange(text, lastDay);
}

function relativeRange(text: string, lastDay: string): DateRange | undefined {
  const dayIn = (dayText: string | undefined, monthText: string | undefined, year?: string) => {
    const month = monthOf(monthText ?? '');
    return month ? iso(yearFor(month, year, lastDay), month, Number(dayText)) : undefined;
  };
  // « du 1er au 14 février », "from 1 to 14 February", « entre le 3 et le 9 février »
  let m = new RegExp(
    String.raw`\b(?:du|from|between|entre(?: le)?)\s${DAY}(?:\s${MONTH})?\s(?:au|to|and|et(?: le)?|-)\s${DAY}\s${MONTH}${YEAR}`,
  ).exec(text);
  if (m) return range(dayIn(m[1], m[2] ?? m[4], m[5]), dayIn(m[3], m[4], m[5]));
  // "from February 1 to 14", "between February 1 and 14"
  m = new RegExp(
    String.raw`\b(?:from|between)\s${MONTH}\s${DAY}\s(?:to|and|-)\s(?:${MONTH}\s)?${DAY}${YEAR}`,
  ).exec(text);
  if (m) return range(dayIn(m[2], m[1], m[5]), dayIn(m[4], m[3] ?? m[1], m[5]));
  // "first week of February", « la deuxième semaine de février »
  m = new RegExp(
    String.raw`\b(first|second|third|fourth|last|1st|2nd|3rd|4th|premiere|1ere|deuxieme|2e|seconde|troisieme|3e|quatrieme|4e|derniere) week of ${MONTH}${YEAR}|\b(premiere|1ere|1re|deuxieme|2e|2eme|seconde|troisieme|3e|3eme|quatrieme|4e|4eme|derniere) semaine (?:de |d')${MONTH}${YEAR}`,
  ).exec(text);
  if (m) {
    const month = monthOf((m[2] ?? m[5]) as string) as number;
    const year = yearFor(month, m[3] ?? m[6], lastDay);
    const which = (m[1] ?? m[4]) as string;
    const end = daysIn(year, month);
    const index = /last|derniere/.test(which)
      ? -1
      : /^(first|1|premiere)/.test(which)
        ? 0
        : /^(second|2|deuxieme|seconde)/.test(which)
          ? 1
          : /^(third|3|troisieme)/.test(which)
            ? 2
            : 3;
    const from = index < 0 ? end - 6 : index * 7 + 1;
    return range(iso(year, month, from), iso(year, month, Math.min(end, from + 6)));
  }
  // « depuis le 10 février », "since February 10", « jusqu'au 14 février », "until Feb 14"
  m = new RegExp(
    String.raw`\b(depuis le|depuis|since|a partir du|starting|jusqu'au|jusqu'a|until|till)\s(?:${DAY}\s${MONTH}|${MONTH}\s${DAY})${YEAR}`,
  ).exec(text);
  if (m) {
    const day = dayIn(m[2] ?? m[5], m[3] ?? m[4], m[6]);
    return /jusqu|until|till/.test(m[1] as string) ? range(undefined, day) : range(day, undefined);
  }
  // « les 14 derniers jours », "last 14 days", « les 2 dernières semaines »
  m = /\b(\d{1,3}) (?:derni\w* |last |past |previous )?(jours|days|semaines|weeks)\b/.exec(text);
  if (
    m &&
    /derni|last|past|previous|precedent/.test(
      text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12),
    )
  ) {
    const days = Math.min(3650, Number(m[1]) * (/semaine|week/.test(m[2] as string) ? 7 : 1));
    return days > 0 ? range(shift(lastDay, 1 - days), lastDay) : undefined;
  }
  if (
    /\b(la )?(derniere semaine|semaine derniere|semaine dernier|last week|past week|previous week|7 derniers jours|last 7 days)\b/.test(
      text,
    )
  )
    return range(shift(lastDay, -6), lastDay);
  if (/\b(hier|yesterday|dernier jour|last day)\b/.test(text)) return range(lastDay, lastDay);
  // « la Saint-Valentin », "Valentine's Day": 14 February of the data's year.
  if (/\b(st|saint)[- ]valentin\b|\bvalentine'?s?( day)?\b/.test(text)) {
    const day = iso(yearFor(2, undefined, lastDay), 2, 14);
    return range(day, day);
  }
  // « tout le mois », "the whole month", « février en entier »: the data's month (as a follow-up, the bounds go).
  if (
    /\b(dernier mois|mois dernier|last month|this month|ce mois|tout le mois|mois (entier|complet)|(whole|full|entire) month|all month)\b|\b(fevrier|february|feb) (en entier|complet)\b/.test(
      text,
    )
  )
    return range(`${lastDay.slice(0, 8)}01`, lastDay);
  // « le 10 février », « 20 fév », "(on) February 10", "the 14 of February"
  m = new RegExp(
    String.raw`\b(?:(?:le|on|the)\s)?${DAY}\s(?:of\s)?${MONTH}${YEAR}|\b(?:on\s)?${MONTH}\s${DAY}\b(?![.,/]\d|\s?(?:-|–|to|au|until|through|thru|and|et)\s?(?:${MONTH}\s?)?\d)${YEAR}`,
  ).exec(text);
  if (m) {
    const day = dayIn(m[1] ?? m[5], m[2] ?? m[4], m[3] ?? m[6]);
    return range(day, day);
  }
  // « en février », "in February 2021", « février 2021 »
  m = new RegExp(
    String.raw`\b(?:en|in|de|of|pour|for|durant|during|au mois de|sur)\s${MONTH}${YEAR}|\b${MONTH}\s(\d{4})\b`,
  ).exec(text);
  if (m) {
    const month = monthOf((m[1] ?? m[3]) as string) as number;
    const year = yearFor(month, m[2] ?? m[4], lastDay);
    return range(iso(year, month, 1), iso(year, month, daysIn(year, month)));
  }
  return undefined;
}
