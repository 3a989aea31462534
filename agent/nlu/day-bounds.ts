// Periods bounded by one day, and days counted back, as people type them: « avant le 10 » (the 1st to the 9th),
// « jusqu'au 10 » (the 1st to the 10th), « après le 20 » (the 21st to the last day), « lundi dernier », "3 days ago",
// and ISO week numbers (« KW7 », « semaine 7 »: a week of the year, not of the month). Days without a month are in
// the data's last month, as everywhere in periods.ts; "today" is the data's last day.
import { dayMonth as dayMonthOf, dayInMonth as dayOf, shiftDays, weekdayOf } from './calendar.js';
import type { DateRange } from './dates.js';

const DAY = String.raw`(\d{1,2})(?:er|ere|re|e|st|nd|rd|th)?`;
/** A day written with the data's month or none: another month (« avant le 10 janvier ») is not this rule's. */
const OWN_MONTH = String.raw`(?:\s(?:fevr\w*|fev|feb\w*|february)\.?)?\b(?!\s?(?:[./]\d|janv|jan|mars|march|avr|apr|mai|may|juin|jun|juil|jul|aout|aug|sept|oct|nov|dec|%|jours|days|chf|fr\b))`;

const monthStart = (lastDay: string) => `${lastDay.slice(0, 8)}01`;

const WEEKDAYS: Record<string, number> = {
  lundi: 0, mardi: 1, mercredi: 2, jeudi: 3, vendredi: 4, samedi: 5, dimanche: 6,
  monday: 0, tuesday: 1, wednesday: 2, thursday: 3, friday: 4, saturday: 5, sunday: 6,
}; // biome-ignore format: a table
const WEEKDAY = Object.keys(WEEKDAYS).join('|');

/**
 * « samedi vs dimanche », "Saturday vs Sunday": the latest of each day up to the data's last day (that day itself
 * when it is one), earlier first.
 */
export function twoWeekdays(text: string, lastDay: string): [DateRange, DateRange] | undefined {
  const m = new RegExp(
    String.raw`\b(${WEEKDAY})\s(?:vs\.?|versus|contre|compare\w* (?:a|au|avec|to|with)|par rapport (?:a|au)|against|ou|or)\s(?:le\s|au\s)?(${WEEKDAY})\b`,
  ).exec(text);
  if (!m || m[1] === m[2]) return undefined;
  const day = (name: string) => shiftDays(lastDay, -((weekdayOf(lastDay) - WEEKDAYS[name]! + 7) % 7));
  const [a, b] = [day(m[1]!), day(m[2]!)].sort();
  return [
    { date_from: a!, date_to: a! },
    { date_from: b!, date_to: b! },
  ];
}

/** The Monday–Sunday ISO week `n` of `year`. */
export function isoWeek(year: number, n: number): DateRange | undefined {
  if (n < 1 || n > 53) return undefined;
  const jan4 = `${year}-01-04`; // ISO week 1 holds 4 January
  const monday = shiftDays(jan4, -weekdayOf(jan4) + 7 * (n - 1));
  if (Number(monday.slice(0, 4)) > year) return undefined;
  return { date_from: monday, date_to: shiftDays(monday, 6) };
}

/** « KW5 à KW8 », "KW5-KW8", « KW5 bis 8 »: a range of ISO weeks (read as one period, not two to compare). */
export const WEEK_RANGE =
  /\b(?:kw|cw|w)\s?(\d{1,2})\s?(?:a|au|to|bis|until|through|-|–)\s?(?:(?:kw|cw|w)\s?)?(\d{1,2})\b/;

/** « week 1 to week 4 », « de la semaine 1 à la semaine 3 »: a range of the month's weeks (1–7, 8–14, …). */
export const MONTH_WEEK_RANGE =
  /\b(?:semaine|sem\.?|week|wk)\s?([1-5])\s(?:a la |au |a |to |until |through |-\s?|–\s?)(?:(?:semaine|sem\.?|week|wk)\s?)?([1-5])\b/;

/** A period bounded by one day or counted back from the data's last day, or undefined. */
export function findDayBound(text: string, lastDay: string): DateRange | undefined {
  // "from Feb 10 through 16", « du 10 jusqu'au 16 »: both days of the data's month.
  let m = new RegExp(
    String.raw`\b(?:from|du|entre le)\s(?:(?:fevr\w*|fev|feb\w*|february)\.?\s)?${DAY}\s(?:through|thru|until|till|jusqu'?(?:au|a)(?: le)?)\s(?:the\s)?(?:(?:fevr\w*|fev|feb\w*|february)\.?\s)?${DAY}${OWN_MONTH}`,
  ).exec(text);
  if (m) {
    const [from, to] = [dayOf(Number(m[1]), lastDay), dayOf(Number(m[2]), lastDay)];
    if (from && to && from <= to) return { date_from: from, date_to: to };
  }
  // « du 20 à la fin du mois », « du 20.02 à aujourd'hui », "from the 20th to today", "from feb 20 until today": that
  // day to the last one.
  m = new RegExp(
    String.raw`\b(?:du|from|depuis le|since the|since)\s(?:the\s)?(?:(?:fevr\w*|fev|feb\w*|february)\.?\s)?${DAY}(?:[./](\d{1,2}))?(?:\s(?:fevr\w*|fev|feb\w*|february)\.?)?\s(?:a|au|to|until|jusqu'?(?:a|au))\s(?:la fin\b|fin\b|aujourd'hui|today|now|maintenant|the end\b|end of (?:the )?month\b)`,
  ).exec(text);
  let day = m
    ? m[2]
      ? dayMonthOf(Number(m[1]), Number(m[2]), lastDay)
      : dayOf(Number(m[1]), lastDay)
    : undefined;
  if (day && day <= lastDay) return { date_from: day, date_to: lastDay };
  // « au 21.02 depuis le début du mois », "month to date as of the 21st": the 1st to that day.
  if (/\bdepuis le debut (du|de) (mois|fevrier)\b|\bmonth to date\b/.test(text)) {
    m = new RegExp(String.raw`\b(?:au|as of(?: the)?|on(?: the)?)\s${DAY}(?:[./](\d{1,2}))?\b`).exec(text);
    day = m
      ? m[2]
        ? dayMonthOf(Number(m[1]), Number(m[2]), lastDay)
        : dayOf(Number(m[1]), lastDay)
      : undefined;
    if (day && day >= monthStart(lastDay) && day <= lastDay)
      return { date_from: monthStart(lastDay), date_to: day };
  }
  // « avant le 10 », "before the 10th": up to the day before.
  m = new RegExp(String.raw`\b(?:avant(?: le)?|before(?: the)?)\s${DAY}${OWN_MONTH}`).exec(text);
  day = m ? dayOf(Number(m[1]), lastDay) : undefined;
  if (m && day && day > monthStart(lastDay))
    return { date_from: monthStart(lastDay), date_to: shiftDays(day, -1) };
  // « jusqu'au 10 », « CA au 15 février » (as at, the way a report reads), "until the 10th", "up to the 10th",
  // "through the 10th": from the month's start up to that day (after a day, "Feb 8 through 14", it ends a span).
  m = new RegExp(
    String.raw`(?<!\d(?:st|nd|rd|th|er|e)?\s?)\b(?:jusqu'?(?:au|a)(?: le)?|until(?: the)?|till(?: the)?|up to(?: the)?|through(?: the)?|thru|as of(?: the)?|(?<!\b(?:du|from|entre)\s\S{1,12}(?:\s\S{1,12})?\s)au)\s(?:(?:fevr\w*|fev|feb\w*|february)\.?\s)?${DAY}${OWN_MONTH}`,
  ).exec(text);
  day = m ? dayOf(Number(m[1]), lastDay) : undefined;
  if (day) return { date_from: monthStart(lastDay), date_to: day };
  // « après le 20 », "after the 20th": from the day after.
  m = new RegExp(String.raw`\b(?:apres(?: le)?|after(?: the)?)\s${DAY}${OWN_MONTH}`).exec(text);
  day = m ? dayOf(Number(m[1]), lastDay) : undefined;
  if (day && day < lastDay) return { date_from: shiftDays(day, 1), date_to: lastDay };
  // « il y a 3 jours », "3 days ago", « il y a une semaine », "a week ago": that one day.
  m = /\bil y a (\d{1,2}|une) (jours?|semaines?)\b|\b(\d{1,2}|a|one) (days?|weeks?) ago\b/.exec(text);
  if (m) {
    const count = /^\d/.test(m[1] ?? m[3] ?? '') ? Number(m[1] ?? m[3]) : 1;
    const back = shiftDays(lastDay, -count * (/semaine|week/.test(m[2] ?? m[4] ?? '') ? 7 : 1));
    return { date_from: back, date_to: back };
  }
  // « depuis lundi », "since Monday": from the latest such day (the data's last day itself when it is one) to the end.
  // (« depuis lundi dernier », "since last Monday": the same day, when the data ends on a Sunday or later.)
  // (« depuis samedi 20 » names its day: periods.ts reads it.)
  m = new RegExp(
    String.raw`\b(?:depuis|since)\s(?:le\s|last\s)?(${WEEKDAY})(?:\s(?:dernier|passe))?\b(?!\s(?:the\s)?\d)`,
  ).exec(text);
  if (m) {
    const sameDay = /dernier|passe|last/.test(m[0]) ? 7 : 0;
    const back = (weekdayOf(lastDay) - WEEKDAYS[m[1]!]! + 7) % 7 || sameDay;
    return { date_from: shiftDays(lastDay, -back), date_to: lastDay };
  }
  // « lundi dernier », « lundi passé », "last Monday": the latest such day before the data's last day.
  m = new RegExp(String.raw`\b(${WEEKDAY}) (?:dernier|passe)\b|\blast (${WEEKDAY})\b`).exec(text);
  if (m) {
    const wanted = WEEKDAYS[(m[1] ?? m[2])!]!;
    const back = (weekdayOf(lastDay) - wanted + 7) % 7 || 7;
    const found = shiftDays(lastDay, -back);
    return { date_from: found, date_to: found };
  }
  // « week 1 to week 4 »: from the first week's 1st day to the last one's 7th (week 5: to the month's end).
  m = MONTH_WEEK_RANGE.exec(text);
  if (m && Number(m[1]) < Number(m[2])) {
    const from = dayOf(7 * (Number(m[1]) - 1) + 1, lastDay);
    const to = [7 * Number(m[2]), 31, 30, 29, 28].map((day) => dayOf(day, lastDay)).find(Boolean);
    if (from && to) return { date_from: from, date_to: to };
  }
  // « KW5 à KW8 », "KW5-8", « KW5 bis KW8 »: from the first week's Monday to the last one's Sunday.
  m = WEEK_RANGE.exec(text);
  if (m) {
    const year = Number(lastDay.slice(0, 4));
    const [first, last] = [isoWeek(year, Number(m[1])), isoWeek(year, Number(m[2]))];
    if (first?.date_from && last?.date_to && first.date_from <= last.date_to)
      return { date_from: first.date_from, date_to: last.date_to };
  }
  // « KW7 », « CW 7 », « semaine 7 », "week 07": an ISO week of the data's year (a month has at most 5 weeks, so
  // a bigger number cannot be the month's Nth week of periods.ts).
  m = /\b(?:kw|cw|w)\s?(\d{1,2})\b|\b(?:semaine|sem\.?|week|wk|s)\s?(\d{1,2})\b/.exec(text);
  const week = m ? Number(m[1] ?? m[2]) : undefined;
  if (m && week !== undefined && (m[1] !== undefined || week > 5))
    return isoWeek(Number(lastDay.slice(0, 4)), week);
  return undefined;
}
