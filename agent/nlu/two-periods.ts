// Two periods in one question, for a comparison or a « pourquoi » (« semaine 1 vs semaine 2 », « la semaine dernière
// par rapport à la semaine d'avant », « cette semaine vs la semaine dernière »), on top of the one-period rules of
// periods.ts: the text is split where a comparison word stands and each side read as one period.
import { dayInMonth, daysIn, monthOf, pad, shiftDays, weekdayOf } from './calendar.js';
import type { DateRange } from './dates.js';
import { isoWeek, MONTH_WEEK_RANGE, twoWeekdays, WEEK_RANGE } from './day-bounds.js';
import { CHANGE, WHY } from './figure-words.js';
import {
  DAY,
  FIRST_TWO_WEEKS,
  findPeriod,
  ordinal,
  WEEKDAY_WORD,
  weekNumber,
  withBareDays,
} from './periods.js';

const COMPARISON_SPLIT =
  /\s(?:vs\.?|versus|contre|compare\w* (?:a|au|aux|avec|with|to)|par rapport (?:a|au|aux)|face a|against|than|que|qu'en|qu'a|qu'au|→|->|>|<|puis|then|and|et|ou|or|a|au|to|avec|with)\s/;
const STRONG_SPLIT =
  /\s(?:vs\.?|versus|contre|compare\w* (?:a|au|aux|avec|with|to)|par rapport (?:a|au|aux)|against)\s/;
/** "from Feb 15 to Feb 17": a month written before each day. */
const MONTH_FIRST = String.raw`(?:(?:fevr\w*|fev|feb\w*|february|janv\w*|jan\w*|mars|march|avr\w*|apr\w*)\.?\s)?`;
const JOIN_SPLIT = /\s(?:et|and|ou|or|puis|then)\s/;
// « la semaine d'avant », "the week before": the same length right before the other period.
const PREVIOUS =
  /\bla veille\b|\bthe day before\b|\ble jour (d'avant|precedent)\b|\bthe previous day\b|\b(semaine|sem\.?|week|periode|period|mois|month|7 jours|jours) (d'avant|precedente?|d'avant|before|previous|prior)\b|\b(previous|prior|precedente?) (semaine|week|periode|period|mois|month)\b|\b(the )?(previous|prior) \d{1,2}( days)?\b|\b(?:les|aux|des) \d{1,2} (jours )?precedents\b|\bla precedente\b|\bcelle d'avant\b|\bthe one before\b|\bthe previous one\b|\bthe prior one\b|\b(the )?\d{1,2} (days )?(before|prior|previous|earlier)\b|(?:\b(?:les|aux|des) |^\s*)\d{1,2} (jours )?(d'avant|precedents|avant)\b/;

function lengthOf(range: DateRange): number {
  return Math.round((Date.parse(range.date_to!) - Date.parse(range.date_from!)) / 86_400_000) + 1;
}

/**
 * Two periods in one question, earlier first, or none. « entre la semaine 1 et la semaine 2 », « semaine du 15 vs
 * semaine du 22 », « la semaine dernière par rapport à la semaine d'avant ».
 */
export function findTwoPeriods(raw: string, lastDay: string | null): [DateRange, DateRange] | undefined {
  if (!lastDay) return undefined;
  const text = withBareDays(raw);
  // « 03.02 bis 09.02 », « 3.2 au 9.2 »: one range of two dated days (no « vs »).
  if (
    /\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\s(?:au|a|to|bis|until|-)\s\d{1,2}[./]\d{1,2}\b/.test(text) &&
    !/\bvs\b|\bversus\b|\bcompar|\bcontre\b/.test(text)
  )
    return undefined;
  // « du 20.02 à aujourd'hui », « du 20 à la fin du mois »: one range (findPeriod), not « le 20 » vs « aujourd'hui ».
  if (
    /\b(du|from|depuis le)\s\d{1,2}(?:[./]\d{1,2})?\w*(?:\s(?:fevr\w*|fev|feb\w*|february)\.?)?\s(a|au|to|until|jusqu'?au?)\s(la fin|fin|aujourd'hui|today|now|maintenant|the end|end of)\b/.test(
      text,
    )
  )
    return undefined;
  // « KW5 à KW8 »: one range of weeks (findDayBound), not KW5 vs KW8 — unless a change is asked about (« why did CPA
  // go up from KW6 to KW7? »: from one week to the other).
  if (
    (WEEK_RANGE.test(text) || MONTH_WEEK_RANGE.test(text)) &&
    !/\bvs\b|\bversus\b|\bcompar|\bcontre\b/.test(text) &&
    !CHANGE.test(text) &&
    !WHY.test(text)
  )
    return undefined;
  const weekdays = twoWeekdays(text, lastDay) ?? isoWeekPair(text, lastDay);
  if (weekdays) return weekdays;
  // « pourquoi le ROI a plongé entre le samedi 13 et le dimanche 14 ? », "ROI fell from Feb 13 to Feb 14": a change
  // from one day to the next, not those two days against the two before.
  const nextDay = new RegExp(
    String.raw`\b(?:entre|between|from|du|de)\s(?:le\s|the\s)?${MONTH_FIRST}${DAY}(?:\s(?:fevr\w*|fev|feb\w*|february)\.?)?\s(?:et|and|to|au|a)\s(?:le\s|the\s)?${MONTH_FIRST}${DAY}\b`,
  ).exec(text);
  if (nextDay && Number(nextDay[2]) === Number(nextDay[1]) + 1 && (WHY.test(text) || CHANGE.test(text))) {
    const [a, b] = [dayInMonth(Number(nextDay[1]), lastDay), dayInMonth(Number(nextDay[2]), lastDay)];
    if (a && b)
      return [
        { date_from: a, date_to: a },
        { date_from: b, date_to: b },
      ];
  }
  // « les deux dernières semaines », "the last two weeks", "week over week" (WoW), « semaine sur semaine »: the week
  // before last, then the last one.
  if (
    /\b(deux|2) (dernieres|last) semaines\b|\b(deux|2) dernieres semaines\b|\blast (two|2) weeks\b|\bpast (two|2) weeks\b|\bweek[- ]?over[- ]?week\b|\bsemaine sur semaine\b|\bd'une semaine (a|sur) l'autre\b/.test(
      text,
    )
  )
    return [
      { date_from: shiftDays(lastDay, -13), date_to: shiftDays(lastDay, -7) },
      { date_from: shiftDays(lastDay, -6), date_to: lastDay },
    ];
  // « cette semaine vs la semaine dernière », "this week vs last week": the calendar week of the data's last day
  // (Monday to that day) and the whole week before — « la semaine dernière » alone is the last 7 days.
  if (
    /\b(cette semaine|this week)\b.*\b(semaine (derniere|precedente|d'avant)|derniere semaine|last week|previous week|the week before)\b|\b(semaine (derniere|precedente)|derniere semaine|last week|previous week)\b.*\b(cette semaine|this week)\b/.test(
      text,
    )
  ) {
    const monday = shiftDays(lastDay, -weekdayOf(lastDay));
    return [
      { date_from: shiftDays(monday, -7), date_to: shiftDays(monday, -1) },
      { date_from: monday, date_to: lastDay },
    ];
  }
  // « les deux moitiés de février », "both halves of the month": the 1st–14th, then the 15th to the month's end.
  if (
    /\b(deux|2) moities\b|\b(both|two|2) halves\b|\bfirst half (vs\.?|versus|and|against) (the )?second( half)?\b|\b(1re|1ere|premiere|first) (moitie|half|quinzaine|fortnight)\b.*\b(2e|2eme|deuxieme|seconde?|second|2nd)\b/.test(
      text,
    )
  ) {
    const { year, month } = monthOf(lastDay);
    return [
      { date_from: dayInMonth(1, lastDay)!, date_to: dayInMonth(14, lastDay)! },
      { date_from: dayInMonth(15, lastDay)!, date_to: `${year}-${pad(month)}-${pad(daysIn(year, month))}` },
    ];
  }
  // « les semaines du 15 et du 22 », "the weeks of the 15th and 22nd": two weeks from those days.
  const weeks = new RegExp(
    String.raw`\bweeks? (?:of|du|des) (?:the )?${DAY} (?:and|et|&|vs|to|au) (?:the |du |le )?${DAY}\b|\bsemaines? du ${DAY} (?:et|vs|au) (?:du |celle du )?${DAY}\b`,
  ).exec(text);
  if (weeks) {
    const [a, b] = [weeks[1] ?? weeks[3], weeks[2] ?? weeks[4]].map((day) =>
      dayInMonth(Number(day), lastDay),
    );
    // « la semaine du 1er au 7 » is one range: two weeks must not overlap.
    if (a && b && shiftDays(a, 6) < b)
      return [
        { date_from: a, date_to: shiftDays(a, 6) },
        { date_from: b, date_to: shiftDays(b, 6) },
      ];
  }
  // « entre les deux premières semaines », « 1re et 2e semaine »: compared. « CA des deux premières semaines »
  // alone is one range (findPeriod).
  if (
    /\b(1re|1ere|premiere) et (la )?(2e|deuxieme|seconde) semaine/.test(text) ||
    (FIRST_TWO_WEEKS.test(text) &&
      /\bentre\b|\bbetween\b|\bcompar|\bvs\b|\bversus\b|\bevol|\becart|\bdifferen/.test(text))
  )
    return [weekNumber(1, lastDay)!, weekNumber(2, lastDay)!];
  // « entre le 8 et le 14 février », « du 1er au 14 »: one range, not two periods (unless compared: « vs »).
  if (
    new RegExp(
      String.raw`\b(entre|between|du|from)\s(le\s|the\s)?${MONTH_FIRST}(\d{4}-\d{2}-\d{2}|\d{1,2}(?:[./]\d{1,2}(?:[./]\d{4})?)?\w*)(?:\s(?:fevr\w*|fev|feb\w*|february|janv\w*|mars|march))?\s(et|and|au|to|-)\s(le\s|the\s)?${MONTH_FIRST}(\d{4}-\d{2}-\d{2}|\d{1,2}\b)`,
    ).test(text) &&
    !/\bvs\b|\bversus\b|\bcontre\b|\bcompar|\bpar rapport\b|→|->|\b(ou|or) (du|from|entre|between)\b|\b(celle|celui) du\b|\bthe one from\b/.test(
      text,
    ) &&
    // « entre … du 1er au 7 et du 8 au 14 »: two ranges, compared.
    [...text.matchAll(/\b(du|from)\s\d{1,2}\w*\s(au|to|-)\s\d/g)].length < 2
  )
    return undefined;
  // « 1re et dernière semaine », "first vs last week": the month's first week and its last seven days.
  if (
    /\b(1re|1ere|premiere|first) (semaine |week )?(et|and|vs|versus|contre) (la |the )?(derniere|last) (semaine|week)\b/.test(
      text,
    )
  ) {
    const { year, month } = monthOf(lastDay);
    const end = `${year}-${pad(month)}-${pad(daysIn(year, month))}`;
    return [weekNumber(1, lastDay)!, { date_from: shiftDays(end, -6), date_to: end }];
  }
  // « du 1-7 au 8-14 », « 1-7 vs 22-28 »: two day ranges.
  const pair =
    /\b(\d{1,2})-(\d{1,2})\s(?:au|et|vs|to|and|contre|→|->|avec|with)\s(?:du\s|le\s|la\s)?(\d{1,2})-(\d{1,2})\b/.exec(
      text,
    );
  if (pair) {
    const [a1, a2, b1, b2] = [pair[1], pair[2], pair[3], pair[4]].map((day) =>
      dayInMonth(Number(day), lastDay),
    );
    if (a1 && a2 && b1 && b2 && a1 <= a2 && b1 <= b2)
      return a1 <= b1
        ? [
            { date_from: a1, date_to: a2 },
            { date_from: b1, date_to: b2 },
          ]
        : [
            { date_from: b1, date_to: b2 },
            { date_from: a1, date_to: a2 },
          ];
  }
  // Each place the text could be split in two, left to right, a « vs » before an « et » (« du 1.2 au 7.2 vs du
  // 8.2 au 14.2 »): the first that gives a period on each side.
  // « entre la semaine du 1er au 7 et celle du 8 au 14 »: « et » splits before the « au » inside one range.
  // « la première et la dernière semaine », "the first and the second week": two weeks of the month, one noun.
  const ordinals = ORDINAL_PAIR.exec(text);
  if (ordinals) {
    const week = (word: string) => {
      if (/derniere|last/.test(word)) {
        const { year, month } = monthOf(lastDay);
        const end = `${year}-${pad(month)}-${pad(daysIn(year, month))}`;
        return { date_from: shiftDays(end, -6), date_to: end };
      }
      const n = ordinal(word);
      return n ? weekNumber(n, lastDay) : undefined;
    };
    const [first, second] = [week(ordinals[1]!), week(ordinals[2]!)];
    if (first?.date_from && second?.date_from && first.date_from !== second.date_from)
      return first.date_from < second.date_from ? [first, second] : [second, first];
  }
  // « le samedi 20 et le dimanche 21 », "on the 20th and 21st": two days in a row, one span (findPeriod) unless compared.
  const twoDays = new RegExp(String.raw`\b${DAY}\s(?:et|and|&|\+)\s(?:le\s|du\s|the\s)?${DAY}\b`).exec(text);
  if (
    twoDays &&
    Number(twoDays[2]) === Number(twoDays[1]) + 1 &&
    !/\bvs\b|\bversus\b|\bcontre\b|\bcompar|\bpar rapport\b|\bthan\b|\bque\b|\bentre\b|\bbetween\b/.test(
      text,
    ) &&
    !CHANGE.test(text) &&
    !WHY.test(text)
  )
    return undefined;
  for (const split of [STRONG_SPLIT, JOIN_SPLIT, COMPARISON_SPLIT])
    for (const match of text.matchAll(new RegExp(split.source, 'g'))) {
      const periods = splitAt(text, match.index, match[0].length, lastDay);
      if (periods) return oneDayRange(periods, match[0], text) ? undefined : periods;
    }
  // « le ROI en baisse vs la semaine d'avant », "down vs the previous week": no period named first — the last 7 days.
  if (LAST_WEEK_VS_BEFORE.test(text)) {
    const last = { date_from: shiftDays(lastDay, -6), date_to: lastDay };
    return [{ date_from: shiftDays(lastDay, -13), date_to: shiftDays(lastDay, -7) }, last];
  }
  return undefined;
}

const ORDINALS =
  '1re|1ere|premiere|first|1st|2e|2eme|deuxieme|seconde|second|2nd|3e|3eme|troisieme|third|3rd|4e|4eme|quatrieme|fourth|4th';
const ORDINAL_PAIR = new RegExp(
  String.raw`\b(?:la\s|the\s)?(${ORDINALS})\s(?:et|and|a|to|vs\.?|versus)\s(?:de\s|of\s)?(?:la\s|the\s)?(${ORDINALS}|derniere|last)\s(?:semaine|week)s?\b`,
);

const LAST_WEEK_VS_BEFORE =
  /\b(?:vs\.?|versus|contre|compare\w* (?:a|au|avec|to|with)|par rapport (?:a|au)|than|against)\s(?:a\s)?(?:la semaine (?:d'avant|precedente)|the (?:week before|previous week|prior week)|previous week|last week's)\b/;

/** « week 5 to week 6 », « semaine 5 vs semaine 6 »: ISO weeks when either number is past a month's 5 weeks. */
function isoWeekPair(text: string, lastDay: string): [DateRange, DateRange] | undefined {
  const m =
    /\b(?:week|semaine|sem|wk|kw|cw|w)\s?(\d{1,2})\s(?:to|a|au|vs\.?|versus|and|et|->|→|contre|compared to)\s(?:(?:the\s|la\s)?(?:week|semaine|sem|wk|kw|cw|w)\s?)?(\d{1,2})\b/.exec(
      text,
    );
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (Math.max(a, b) <= 5 || a === b) return undefined;
  const year = Number(lastDay.slice(0, 4));
  const [first, second] = [isoWeek(year, a), isoWeek(year, b)];
  if (!first || !second) return undefined;
  return a < b ? [first, second] : [second, first];
}

/** The day a side ends with (« … le 18 », "… on Tue 16th"). */
const DAY_AT_END = new RegExp(
  String.raw`\b(?:${WEEKDAY_WORD}\.?\s)?(?:the\s)?${DAY}(?:er|e|st|nd|rd|th)?\s*[,;:]?\s*$`,
);
/** The day a side starts with (« au 17 », "than on Tue 9th", « celui du mardi 9 »). */
const DAY_AT_START = new RegExp(
  String.raw`^\s*(?:(?:a|au|du|le|que|qu'au|than|to|on|with|avec|celui|celle|the one)\s){0,3}(?:${WEEKDAY_WORD}\.?\s)?(?:the\s)?${DAY}(?:er|e|st|nd|rd|th)?\b(?!\s?(?:[./]\d|jours|days|derniers|premiers|fevr|fev|feb|mars|march|janv|jan)|\s(?:au|a|to|-|through|until|jusqu))`,
);

/**
 * « le CTR s'est effondré le 18 par rapport au 17 », "ROAS lower on Tue 16th than on Tue 9th", « le ROAS du mardi 16
 * … que celui du mardi 9 »: one day against another (« au 17 » alone would read up to the 17th).
 */
function dayAgainstDay(left: string, right: string, lastDay: string): [DateRange, DateRange] | undefined {
  const later = DAY_AT_START.exec(right);
  const first = findPeriod(left, lastDay);
  if (first?.date_from && first.date_from !== first.date_to) return undefined;
  const oneDay = first?.date_from;
  const end = DAY_AT_END.exec(left);
  const a = oneDay ?? (end ? dayInMonth(Number(end[1]), lastDay) : undefined);
  const b = later ? dayInMonth(Number(later[1]), lastDay) : undefined;
  if (!a || !b || a === b) return undefined;
  const [x, y] = a < b ? [a, b] : [b, a];
  return [
    { date_from: x, date_to: x },
    { date_from: y, date_to: y },
  ];
}

/**
 * "Total orders Feb 8 to Feb 10", « du 8 fév. au 10 fév. »: two days joined by a range word are the days between
 * them (findPeriod), unless something compares them (« vs », "than") or asks what changed.
 */
function oneDayRange([a, b]: [DateRange, DateRange], joint: string, text: string): boolean {
  return (
    a.date_from === a.date_to &&
    b.date_from === b.date_to &&
    /^\s(?:a|au|to|through|thru|until|till|-)\s$/.test(joint) &&
    !/\bvs\b|\bversus\b|\bcontre\b|\bcompar|\bpar rapport\b|\bthan\b|\bque\b|\bagainst\b/.test(text) &&
    !CHANGE.test(text) &&
    !WHY.test(text)
  );
}

function splitAt(
  text: string,
  at: number,
  length: number,
  lastDay: string,
): [DateRange, DateRange] | undefined {
  const left = text.slice(0, at);
  const right = text.slice(at + length);
  // (Only across a word that compares: « du 8 au 14 » is one range.)
  const compares = /vs|versus|contre|compar|par rapport|face|against|than|que|qu'/.test(
    text.slice(at, at + length),
  );
  const days = compares ? dayAgainstDay(left, right, lastDay) : undefined;
  if (days) return days;
  const a = findPeriod(left, lastDay);
  let b = findPeriod(right, lastDay);
  // « entre la semaine du 15 et celle du 22 »: the same length as the first, from that day.
  const same = new RegExp(String.raw`^\s*(?:celle|celui|the one)\s(?:du|of(?: the)?)\s${DAY}\b`).exec(right);
  if (a?.date_from && a.date_to && same) {
    const from = dayInMonth(Number(same[1]), lastDay);
    if (from) b = { date_from: from, date_to: shiftDays(from, lengthOf(a) - 1) };
  }
  // « la 2e semaine que la 1re », "week 2 vs the first": an ordinal alone is another week of the same month.
  const lone =
    /^\s*(?:la\s|the\s)?(1re|1ere|premiere|first|1st|2e|2eme|deuxieme|seconde|second|2nd|3e|3eme|troisieme|third|3rd|4e|4eme|quatrieme|fourth|4th)\b(?!\s(?:semaine|week|quinzaine|half))/.exec(
      right,
    );
  if (a?.date_from && a.date_to && lone && /\b(semaine|sem|week)\b/.test(left)) {
    const n = ordinal(lone[1]!);
    b = n ? weekNumber(n, lastDay) : b;
  }
  // « la 1re semaine comparée à la dernière », "week 1 vs the last one": the month's last seven days.
  if (
    a?.date_from &&
    a.date_to &&
    /^\s*(?:a\s|to\s|with\s)?(?:la\s|the\s)?(derniere|last)(?:\s(?:one|semaine|week))?\s*\??\s*$/.test(
      right,
    ) &&
    /\b(semaine|sem|week)\b/.test(left)
  ) {
    const { year, month } = monthOf(lastDay);
    const end = `${year}-${pad(month)}-${pad(daysIn(year, month))}`;
    b = { date_from: shiftDays(end, -6), date_to: end };
  }
  // "vs the 7 before", « vs les 7 jours d'avant »: a count of days before, not the 7th.
  if (
    /^\s*(?:the |les )?\d{1,2} (?:days |jours )?(?:before|prior|previous|earlier|d'avant|precedents|avant)\b/.test(
      right,
    )
  )
    b = undefined;
  // « hier par rapport à la veille »: « la veille » alone is the last day, here it is the day before the first.
  const sameAsLeft = b?.date_from === a?.date_from && b?.date_to === a?.date_to;
  // (« … compared with the previous week » after « the week of the 15th »: the week before that one, not the data's
  // last week, which « the previous week » alone would read.)
  if (a?.date_from && a.date_to && (!b || sameAsLeft || !/\d/.test(right)) && PREVIOUS.test(right)) {
    const days = lengthOf(a);
    b = { date_from: shiftDays(a.date_from, -days), date_to: shiftDays(a.date_from, -1) };
  }
  if (!a?.date_from || !a.date_to || !b?.date_from || !b.date_to) return undefined;
  if (a.date_from === b.date_from && a.date_to === b.date_to) return undefined;
  return a.date_from <= b.date_from ? [a, b] : [b, a];
}
