// Periods as people type them in chat, on top of dates.ts: days without a month (« du 22 au 28 », « 15-21 février »,
// « semaine du 8 », « depuis le 10 »), week numbers (« semaine 2 », « sem 1 », « 1re semaine »), « la première
// quinzaine ». Two periods for a comparison or a « pourquoi » are in two-periods.ts. A day without a month is in the data's last month; a week runs
// Monday to Sunday; « semaine N » is the Nth one of that month. Every range is stated back in the answer.

import { dayInMonth, dayMonth, daysIn, monthNamed, monthOf, pad, shiftDays, weekdayOf } from './calendar.js';
import { type DateRange, findDateRange } from './dates.js';
import { findDayBound } from './day-bounds.js';

export const DAY = String.raw`(\d{1,2})(?:er|ere|re|e|st|nd|rd|th)?`;
/** A weekday written out or shortened (« samedi », "Sat"), for the patterns that name a day with its weekday. */
export const WEEKDAY_WORD =
  '(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun)';
const MONTH_WORD = String.raw`(?:\s(?:janv\w*|jan|fevr\w*|fev|feb\w*|february|mars|march|avr\w*|april|mai|may|juin|june|juil\w*|july|aout|august|sept(?!ante)\w*|oct\w*|nov\w*|dec\w*)\.?)?`;
const ORDINALS: [RegExp, number][] = [
  [/^(1|1re|1ere|1er|premiere|first|1st)$/, 1],
  [/^(2|2e|2eme|deuxieme|seconde|second|2nd)$/, 2],
  [/^(3|3e|3eme|troisieme|third|3rd)$/, 3],
  [/^(4|4e|4eme|quatrieme|fourth|4th)$/, 4],
  [/^(5|5e|cinquieme|fifth|5th)$/, 5],
];
export const ordinal = (word: string) => ORDINALS.find(([pattern]) => pattern.test(word))?.[1];

/** The Nth Monday–Sunday week of the data's last month (the first one holds the 1st), clipped to the month. */
export function weekNumber(n: number, lastDay: string): DateRange | undefined {
  const { year, month } = monthOf(lastDay);
  const first = `${year}-${pad(month)}-01`;
  const weekday = weekdayOf(first);
  const start = shiftDays(first, 7 * (n - 1) - weekday);
  const end = shiftDays(start, 6);
  const monthEnd = `${year}-${pad(month)}-${pad(daysIn(year, month))}`;
  if (start > monthEnd) return undefined;
  return { date_from: start < first ? first : start, date_to: end > monthEnd ? monthEnd : end };
}

/** One period written the chat way, before the full-date forms of dates.ts. */
export const FIRST_TWO_WEEKS = /\b(deux|2) premieres semaines\b|\bfirst (two|2) weeks\b/;

/**
 * A weekday named before its day adds nothing (« du lundi 15 au dimanche 21 »), nor "the" before an ordinal day
 * ("between the 15th and the 21st"): both are dropped so the day rules read every form.
 */
export function withBareDays(text: string): string {
  return text
    .replace(
      new RegExp(
        String.raw`\b${WEEKDAY_WORD}\.?,?\s(?=(?:the\s)?\d{1,2}(?:er|st|nd|rd|th)?\b|(?:fevr\w*|fev|feb\w*|february)\.?\s\d)`,
        'g',
      ),
      '',
    )
    .replace(/\b(?<!(?:on|of) )the\s(?=\d{1,2}(?:st|nd|rd|th)\b)/g, '');
}

export function findPeriod(raw: string, lastDay: string | null): DateRange | undefined {
  const period = readPeriod(raw, lastDay);
  return period && WEEKDAYS_ONLY.test(raw) ? (workingDaysOf(period) ?? period) : period;
}

/** « jours ouvrés », "weekdays", "Mon-Fri": Monday to Friday of the week read. */
const WEEKDAYS_ONLY =
  /\bjours? ouvr(?:e|es|able|ables)\b|\bweekdays\b|\bworking days\b|\bbusiness days\b|\b(?:mon|monday|lun|lundi)\s?(?:-|to|au|a|through)\s?(?:fri|friday|ven|vendredi)\b/;

/** Monday to Friday of a period of one week at most that holds them all; undefined otherwise (a longer period is left
 * as read, and the words stay unread: asked back). */
function workingDaysOf(period: DateRange): DateRange | undefined {
  const { date_from: from, date_to: to } = period;
  if (!from || !to) return undefined;
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (end - start > 6 * 86_400_000) return undefined;
  const monday = start + ((8 - new Date(start).getUTCDay()) % 7) * 86_400_000;
  const friday = monday + 4 * 86_400_000;
  if (friday > end) return undefined;
  const day = (time: number) => new Date(time).toISOString().slice(0, 10);
  return { date_from: day(monday), date_to: day(friday) };
}

function readPeriod(raw: string, lastDay: string | null): DateRange | undefined {
  if (!lastDay) return findDateRange(raw, lastDay);
  // A weekday alone with its day (« le samedi 20 ») is read below, on the raw text.
  // A weekday before a month and day ("Tuesday Feb 9th") is dropped too: the month-first rule reads the rest.
  const text =
    /\s(?:au|to|-|→|et|and|\+|&)\s/.test(raw) ||
    /di,?\s(?:fevr|fev|feb)|day,?\s(?:feb)/.test(raw) ||
    new RegExp(String.raw`\d\s?(?:-|→)\s?${WEEKDAY_WORD}\b`).test(raw)
      ? withBareDays(raw)
      : raw;
  // Full dates (« 2021-02-15 », « 15.02.2021 ») first: the day-month forms below would read a piece of them.
  if (/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b/.test(text)) return findDateRange(text, lastDay);
  const bound = findDayBound(text, lastDay);
  if (bound) return bound;
  // « les 10 premiers jours (du mois) », "the first 10 days of February": from the 1st.
  const first = /\b(\d{1,2}) premi(?:ers?|eres?) jours?\b|\bfirst (\d{1,2}) days?\b/.exec(text);
  if (first) {
    const to = dayInMonth(Number(first[1] ?? first[2]), lastDay);
    if (to) return { date_from: dayInMonth(1, lastDay)!, date_to: to };
  }
  // « du 22 au 28 », « 15-21 février », « 1-14 fév », « entre le 8 et le 14 »
  let m = new RegExp(
    String.raw`\b(?:du\s|from\s|entre\s(?:le\s)?|between\s)?(?<![./])${DAY}${MONTH_WORD}\s?(?:au|to|-|→|et(?: le)?|and(?: the)?)\s?${DAY}${MONTH_WORD}\b`,
  ).exec(text);
  // « un CPC entre 5 et 10 CHF » is a range of values, not of days: a unit after it or a KPI right before it.
  const valueRange =
    m !== null &&
    !/fevr|fev|feb|janv|mars|march/.test(m[0]) &&
    (/^\s?(?:chf|fr\b|francs?|%|€|eur|\$|k\b|\.-|pts?\b|points?)/.test(text.slice(m.index + m[0].length)) ||
      (/^(entre|between)\b(?!\s(?:le|the)\s)/.test(m[0]) &&
        // « entre le 10 et le 20 », "between the 10th and 20th": days (an article or an ordinal).
        !/\d(?:st|nd|rd|th|er|e)\b/.test(m[0]) &&
        /\b(cpc|cpa|cpl|cpm|ctr|roi|roas|cvr)\s$/.test(text.slice(0, m.index))));
  if (m && Number(m[1]) < Number(m[2]) && !valueRange) {
    // « du 1er au 7 janvier »: the month written, not the data's (the answer then says the data has no such days).
    const month = monthNamed(m[0]) ?? monthOf(lastDay).month;
    const from = dayMonth(Number(m[1]), month, lastDay);
    const to = dayMonth(Number(m[2]), month, lastDay);
    if (from && to && /\b(du|from|entre|between)\b|fev|feb|-/.test(m[0]))
      return { date_from: from, date_to: to };
  }
  // « entre le 01.02 et le 14.02 », « du 1/2 au 14/2 », « 03.02 bis 09.02 », « 3.2 - 9.2 »: day and month on both
  // ends, the data's year (without « du », only a range word joins them: « et » could be two days).
  m =
    /\b(?:du|entre|from|between)\s(?:le\s|the\s)?(\d{1,2})[./](\d{1,2})\s(?:au|et|to|and|-)\s(?:le\s|the\s)?(\d{1,2})[./](\d{1,2})\b(?![./]\d)/.exec(
      text,
    ) ??
    /(?<![\d./])(\d{1,2})[./](\d{1,2})\s?(?:au|to|bis|until|-|–)\s?(?:le\s|the\s)?(\d{1,2})[./](\d{1,2})\b(?![./]\d)/.exec(
      text,
    );
  if (m) {
    const from = dayMonth(Number(m[1]), Number(m[2]), lastDay);
    const to = dayMonth(Number(m[3]), Number(m[4]), lastDay);
    if (from && to && from <= to) return { date_from: from, date_to: to };
  }
  // "Feb 15-21", "February 1 to 14": month first, then the days.
  m = new RegExp(
    String.raw`\b(?:janv\w*|jan|fevr\w*|fev|feb\w*|february|mars|march)\.?\s${DAY}\s?(?:-|to|au|→|through|thru|until|till|and)\s?(?:(?:janv\w*|jan|fevr\w*|fev|feb\w*|february|mars|march)\.?\s)?${DAY}\b`,
  ).exec(text);
  if (m && Number(m[1]) < Number(m[2])) {
    const from = dayInMonth(Number(m[1]), lastDay);
    const to = dayInMonth(Number(m[2]), lastDay);
    if (from && to) return { date_from: from, date_to: to };
  }
  // "the week ending Sunday 28 February", « la semaine se terminant le 21 »: that day and the 6 before it.
  m = new RegExp(
    String.raw`\b(?:week|semaine)\s(?:ending|ended|to|se terminant|finissant)\s(?:on\s|le\s)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s)?(?:(?:fevr\w*|fev|feb\w*|february)\.?\s)?${DAY}\b`,
  ).exec(text);
  if (m) {
    const to = dayInMonth(Number(m[1]), lastDay);
    if (to) return { date_from: shiftDays(to, -6), date_to: to };
  }
  // « la semaine du 8 (février) », "the week of the 15th": that day and the 6 after it.
  m = new RegExp(
    String.raw`\b(?:semaine|sem\.?|week)\s(?:du|of(?: the)?|starting)\s(?:(?:fevr\w*|fev|feb\w*|february)\.?\s)?${DAY}\b`,
  ).exec(text);
  // « la semaine du 8 mars »: that month's day, not the data's month (findDateRange reads « 8 mars »).
  const otherMonth =
    m !== null &&
    /^\s(?:janv|jan\b|mars|march|avr|apr|mai|may|juin|june|juil|july|aout|aug|sept|oct|nov|dec)/.test(
      text.slice(m.index + m[0].length),
    );
  if (m && otherMonth) {
    const start = findDateRange(text.slice(m.index + m[0].length - m[1]!.length), lastDay)?.date_from;
    if (start) return { date_from: start, date_to: shiftDays(start, 6) };
  }
  if (m && !otherMonth) {
    const from = dayInMonth(Number(m[1]), lastDay);
    if (from) return { date_from: from, date_to: shiftDays(from, 6) };
  }
  // « semaine 2 », « sem 1 », "week 3", « la 2e semaine », « 1re semaine »
  m =
    /\b(?:semaine|sem\.?|week)\s(\d)\b|\b(1re|1ere|1er|premiere|first|1st|2e|2eme|deuxieme|seconde|second|2nd|3e|3eme|troisieme|third|3rd|4e|4eme|quatrieme|fourth|4th)\s(?:semaine|sem\.?|week)\b(?!\s(?:de|d'|of)\s)(?![- ]?ends?\b)/.exec(
      text,
    );
  if (m) {
    const n = m[1] ? Number(m[1]) : ordinal(m[2]!);
    const week = n ? weekNumber(n, lastDay) : undefined;
    if (week) return week;
  }
  // « les deux premières semaines », "the first two weeks": one range, the 1st to the 14th.
  if (FIRST_TWO_WEEKS.test(text)) {
    const from = weekNumber(1, lastDay);
    const to = weekNumber(2, lastDay);
    if (from && to) return { date_from: from.date_from, date_to: to.date_to };
  }
  // "the past fortnight", "the last two weeks": the 14 days ending on the data's last day.
  if (/\b(past|last|previous) fortnight\b/.test(text))
    return { date_from: shiftDays(lastDay, -13), date_to: lastDay };
  // « la première / deuxième quinzaine », "first half of the month", "the second fortnight", "the back half"
  m =
    /\b(premiere|1re|1ere|1st|first|front|deuxieme|seconde|2e|2eme|2nd|second|back|derniere|last) (quinzaine|half|moitie|fortnight)\b/.exec(
      text,
    );
  if (m) {
    // « la première quinzaine de mars »: that month's half (the answer then says there is no data for it).
    const named = monthNamed(text.slice(m.index + m[0].length, m.index + m[0].length + 20));
    const { year } = monthOf(lastDay);
    const month = named ?? monthOf(lastDay).month;
    const end = daysIn(year, month);
    if (named !== undefined && named !== monthOf(lastDay).month)
      return /premiere|1re|1ere|1st|first|front/.test(m[1]!)
        ? { date_from: `${year}-${pad(month)}-01`, date_to: `${year}-${pad(month)}-14` }
        : { date_from: `${year}-${pad(month)}-15`, date_to: `${year}-${pad(month)}-${pad(end)}` };
    return /premiere|1re|1ere|1st|first|front/.test(m[1]!)
      ? { date_from: dayInMonth(1, lastDay)!, date_to: dayInMonth(14, lastDay)! }
      : { date_from: dayInMonth(15, lastDay)!, date_to: `${year}-${pad(month)}-${pad(end)}` };
  }
  // « depuis le 10 », "since the 10th", « depuis samedi 20 »
  m = new RegExp(
    String.raw`\b(?:depuis le|depuis|since(?: the)?|a partir du)\s(?:${WEEKDAY_WORD}\.?\s(?:the\s)?)?${DAY}\b(?!\s?(?:jours|days|\d))`,
  ).exec(text);
  if (m && !new RegExp(String.raw`${DAY}\s(?:janv|fevr|fev|feb|mars|march)`).test(text.slice(m.index))) {
    const from = dayInMonth(Number(m[1]), lastDay);
    if (from) return { date_from: from, date_to: lastDay };
  }
  // « le premier week-end de février », "the last weekend of the month": the month's first or last Saturday and Sunday.
  m =
    /\b(premiere?|1er|first|derniere?|last)\s(?:week[- ]?end)\s(?:de|du|d'|of)\s?(?:the\s)?(?:mois|month|fevrier|february|feb)\b/.exec(
      text,
    );
  if (m) {
    const { year, month } = monthOf(lastDay);
    const first = /premier|1er|first/.test(m[1]!);
    const day = first ? dayInMonth(1, lastDay)! : `${year}-${pad(month)}-${pad(daysIn(year, month))}`;
    const weekday = weekdayOf(day);
    const saturday = first ? shiftDays(day, (5 - weekday + 7) % 7) : shiftDays(day, -((weekday - 5 + 7) % 7));
    const sunday = shiftDays(saturday, 1);
    if (sunday.slice(5, 7) === pad(month)) return { date_from: saturday, date_to: sunday };
  }
  // « le week-end du 13 », « week-end de la Saint-Valentin »: that Saturday and Sunday.
  m = new RegExp(
    String.raw`\bweek[- ]?ends?\s(?:du|of(?: the)?)\s${DAY}\b|\bweek[- ]?end de la s(?:ain)?t[- ]valentin\b|\bvalentine'?s weekend\b`,
  ).exec(text);
  if (m) {
    const anchor = m[1] ? dayInMonth(Number(m[1]), lastDay) : `${monthOf(lastDay).year}-02-14`;
    if (anchor) {
      const weekday = weekdayOf(anchor);
      const saturday = shiftDays(anchor, weekday === 6 ? -1 : 5 - weekday);
      return { date_from: saturday, date_to: shiftDays(saturday, 1) };
    }
  }
  // « samedi 13 + dimanche 14 », « le 13 et le 14 »: two days in a row, one span (« samedi 13 et lundi 15 » are two).
  m = new RegExp(
    String.raw`\b(?:[a-z]+di\s)?${DAY}\s?(?:\+|et|and|&)\s?(?:le\s|du\s|on\s)?(?:[a-z]+che\s|[a-z]+di\s|[a-z]+day\s)?${DAY}\b`,
  ).exec(text);
  if (m && Number(m[2]) === Number(m[1]) + 1) {
    const from = dayInMonth(Number(m[1]), lastDay);
    const to = dayInMonth(Number(m[2]), lastDay);
    const weekdays = new RegExp(
      String.raw`\b${WEEKDAY_WORD}\.?\s(?:the\s)?\d{1,2}\b.*\b${WEEKDAY_WORD}\.?\s(?:the\s)?\d{1,2}\b`,
    ).test(raw);
    if (
      from &&
      to &&
      (weekdays ||
        /di\s|che\s|fev|feb|\+/.test(m[0] + text.slice(m.index + m[0].length, m.index + m[0].length + 6)) ||
        // « le 13 et le 14 », "on the 13th and 14th": days, with their article.
        /\b(?:le|the)\s$/.test(text.slice(0, m.index)))
    )
      return { date_from: from, date_to: to };
  }
  // « depuis le début du mois », "month to date": from the 1st to the data's last day.
  if (
    /\bdepuis le debut (du|de) (mois|fevrier|l'annee)\b|\bmonth to date\b|\bsince the (start|beginning) of the month\b/.test(
      text,
    )
  )
    return { date_from: `${lastDay.slice(0, 8)}01`, date_to: lastDay };
  // « le week-end dernier », « ce week-end », "last weekend": the latest Saturday and Sunday up to the last day.
  // (When the data ends on a weekend, « le week-end dernier » could be that one or the one before: asked back,
  // period-guard.ts.)
  const weekendLast =
    /\bweek[- ]?end (dernier|passe)\b|\bdernier week[- ]?end\b(?!\s(?:de|du|of)\b)|\b(last|past) weekend\b(?!\s(?:of|in)\b)/.test(
      text,
    );
  if (
    /\bweek[- ]?end (dernier|passe)\b|\bdernier week[- ]?end\b|\bce week[- ]?end\b|\b(last|this|past) weekend\b|\bover the weekend\b|\bsamedi (et|\+|&) dimanche\b|\bsaturday (and|\+|&) sunday\b/.test(
      text,
    ) &&
    !(weekendLast && weekdayOf(lastDay) >= 5)
  ) {
    const weekday = weekdayOf(lastDay);
    const sunday = weekday === 6 ? lastDay : shiftDays(lastDay, -(weekday + 1));
    return { date_from: shiftDays(sunday, -1), date_to: sunday };
  }
  // « cette semaine », "this week", « la semaine en cours »: the calendar week of the data's last day, from its
  // Monday to that day (as in « cette semaine vs la semaine dernière »).
  if (/\bcette semaine\b|\bthis week\b|\bsemaine en cours\b|\bcurrent week\b/.test(text))
    return { date_from: shiftDays(lastDay, -weekdayOf(lastDay)), date_to: lastDay };
  // « aujourd'hui », « du jour », "today": the data's last day (the data stops there).
  if (/\baujourd'hui\b|\b(du|ce) jour\b|\btoday\b/.test(text))
    return { date_from: lastDay, date_to: lastDay };
  // « en 2020 », « l'année 2020 », « l'an dernier », "last year": a whole year.
  // « le budget de 2022 », "for 2020" too, when the number is a year (2010–2039) and not an amount.
  const year =
    /\b(?:annee|year|en|in)\s(19\d{2}|20\d{2})\b/.exec(text) ??
    /\b(?:de|du|for|of|sur|pour)\s(20[1-3]\d)\b(?!\s?(?:chf|fr\b|francs?|€|eur\w*|\$|%|k\b|\.-|'|par|per|a day|impressions?|clics?|clicks?|leads?|commandes?|orders?))/.exec(
      text,
    );
  const lastYear = /\bl'an (dernier|passe)\b|\bl'annee (derniere|passee)\b|\blast year\b/.test(text);
  if (year || lastYear) {
    const y = year ? Number(year[1]) : Number(lastDay.slice(0, 4)) - 1;
    return { date_from: `${y}-01-01`, date_to: `${y}-12-31` };
  }
  // « la veille », "the day before": the data's last day.
  if (/\bla veille\b|\bthe day before\b(?! yesterday)/.test(text))
    return { date_from: lastDay, date_to: lastDay };
  // « avant-hier », "the day before yesterday": the day before the data's last day.
  if (/\bavant[- ]hier\b|\bday before yesterday\b/.test(text)) {
    const day = shiftDays(lastDay, -1);
    return { date_from: day, date_to: day };
  }
  // « fin février », "late February", « en fin de mois »: its last 7 days (as « la semaine dernière »). « début
  // février » has no such reading (the first 7 days? 10? 14?): the period guard asks (period-guard.ts MONTH_START).
  m = /\b(fin|late|end of)\s(?:de\s|du\s|of\s)?(?:la\s|the\s)?(mois|month|fevrier|february|feb|fev)\b/.exec(
    text,
  );
  if (m) {
    const { year, month } = monthOf(lastDay);
    const end = daysIn(year, month);
    return { date_from: dayInMonth(end - 6, lastDay)!, date_to: `${year}-${pad(month)}-${pad(end)}` };
  }
  // « le 14 », "on the 14th": a day of the data's last month.
  m =
    /(?:\b(?:on the|le|on)\s(\d{1,2})(?:st|nd|rd|th|er)?|\bthe\s(\d{1,2})(?:st|nd|rd|th))\b(?!\s*(?:%|jours?|days?|derni|premi|meilleur|pire|campagn|campaign|[.,/]\d|janv|fevr|fev|feb|mars|march|chf|fr\b|\w+est\b|worst\b|most\b|least\b|top\b|bottom\b|main\b|ones?\b|channels?\b|categor|canaux\b|canal\b|plus\b|moins\b|(?:facebook|fb|instagram|insta|ig|google|youtube|yt|social|search|media|influencer|display|blogger|tier|lal)\w*\b))/.exec(
      text,
    );
  if (m) {
    // ("the 3 with the lowest CPA" is a count: "the" alone takes an ordinal day, "the 3rd".)
    const day = dayInMonth(Number(m[1] ?? m[2]), lastDay);
    if (day) return { date_from: day, date_to: day };
  }
  // « le 20.02 », « 20/02 »: day and month, the data's year.
  // A decimal (« ROAS >= 1.5 ») is not a date: a day-month pair needs a two-digit month or a « le / du » before it.
  m =
    /(?:\b(?:le|du|au|on|the|depuis|since|until|jusqu'au)\s(\d{1,2})[./](\d{1,2})|\b(\d{1,2})[./](\d{2}))\b(?![./,]\d)/.exec(
      text,
    );
  if (m) m = [m[0], m[1] ?? m[3]!, m[2] ?? m[4]!] as unknown as RegExpExecArray;
  if (m) {
    const iso = dayMonth(Number(m[1]), Number(m[2]), lastDay);
    if (iso) return { date_from: iso, date_to: iso };
  }
  // « le samedi 20 », "on Saturday the 20th": a day of the data's last month.
  m = new RegExp(
    String.raw`\b${WEEKDAY_WORD}\.?\s(?:the\s)?${DAY}\b(?!\s?(?:janv|fevr|fev|feb|mars|march|avr|apr))`,
  ).exec(text);
  if (m) {
    const day = dayInMonth(Number(m[1]), lastDay);
    if (day) return { date_from: day, date_to: day };
  }
  if (/\b(semaine|sem\.?) (passee?|ecoulee?)\b|\bthe past week\b/.test(text))
    return { date_from: shiftDays(lastDay, -6), date_to: lastDay };
  if (/\bs(?:ain)?t[- ]valentin\b|\bvalentine'?s day\b/.test(text)) {
    const { year } = monthOf(lastDay);
    return { date_from: `${year}-02-14`, date_to: `${year}-02-14` };
  }
  const full = findDateRange(text, lastDay);
  if (full) return full;
  // A month named alone (« March revenue? », « CA mars »): that whole month.
  const month =
    /\b(janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october|november|december)\b(?:\s(\d{4}))?/.exec(
      text,
    );
  return month ? findDateRange(`en ${month[1]}${month[2] ? ` ${month[2]}` : ''}`, lastDay) : undefined;
}
