// Days written with a slash and no year (« le 28/2 », "2/1 through 2/14") and weekdays restated in brackets
// (« du 8 au 10 (lundi → mercredi) »), rewritten as the day and month words every period rule reads.

import { WEEKDAY_WORD } from './periods.js';

const MONTHS = ['jan', 'feb', 'march', 'april', 'may', 'june', 'july', 'august', 'sept', 'oct', 'nov', 'dec'];
// (« 24/7 » is round the clock.)
const SLASH_DATE = /(?<![\d./])(?!24\/7\b)(\d{1,2})\/(\d{1,2})(?![\d/]|\.\d|\s?%)/g;
// (Inside brackets « mer » is mercredi, not March.)
const WEEKDAY = String.raw`(?:${WEEKDAY_WORD}|lun|mer|jeu|ven|sam|dim)\.?`;
const WEEKDAYS_IN_BRACKETS = new RegExp(
  String.raw`\(\s*${WEEKDAY}\s*(?:→|->|-|a|au|to|jusqu'au|through)\s*${WEEKDAY}\s*(?:inclus|included)?\s*\)`,
  'g',
);

/**
 * Day and month, the Swiss way (28/2) unless a day past 12 stands second somewhere in the question ("2/1 through
 * 2/14"): then every slash date of it is month first, as Americans write. Tokens that are not a day and a month
 * (« 50/50 », « 24/7 ») stay as written.
 */
export function withSlashDates(text: string): string {
  const pairs = [...text.matchAll(SLASH_DATE)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const monthFirst = pairs.some(([a, b]) => a <= 12 && b > 12) && !pairs.some(([a, b]) => a > 12 && b <= 12);
  return text
    .replace(WEEKDAYS_IN_BRACKETS, ' ')
    .replace(SLASH_DATE, (token, first: string, second: string) => {
      const [day, month] = monthFirst ? [Number(second), Number(first)] : [Number(first), Number(second)];
      if (month < 1 || month > 12 || day < 1 || day > 31) return token;
      return `${day} ${MONTHS[month - 1]}`;
    });
}
