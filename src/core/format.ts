// Number formatting for answers, in the answer's language: French-Swiss « CHF 48 231 », « +8,8 % », « 1,40 »; Swiss
// English "CHF 48’231", "+8.8%", "1.40" (en-CH: a decimal point, the apostrophe between thousands, unambiguous
// where a comma would read as a decimal). Ratios are fractions in the data (0.088 = 8.8 %); these helpers are the
// only place that turns them into text.
import type { Language } from './answer.js';

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';
const GROUP: Record<Language, string> = { fr: NARROW_NBSP, en: '\u2019' };
const PERCENT_SPACE: Record<Language, string> = { fr: NARROW_NBSP, en: '' };

interface NumberFormat {
  format(value: number): string;
}

/**
 * Digits with a fixed thousands separator, whatever the runtime's ICU data says: Node 20's fr-CH gives « 48 231 »,
 * Node 24's « 48'231 »; the answers (and what reads them back: tests, the evaluation) must not change with the Node
 * version. en-US gives the decimal point; its comma between thousands is replaced.
 */
function swiss(language: Language, options: Intl.NumberFormatOptions): NumberFormat {
  const format = new Intl.NumberFormat(language === 'fr' ? 'fr-CH' : 'en-US', options);
  return {
    format: (value) =>
      format
        .formatToParts(value)
        .map((part) => (part.type === 'group' ? GROUP[language] : part.value))
        .join(''),
  };
}

const formats = new Map<string, NumberFormat>();

/** A number with exactly `digits` decimals (0: an integer), in `language`. */
function decimals(digits: number, language: Language): NumberFormat {
  const key = `${language}${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = swiss(language, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format;
}

const DASH = '–';

/** « CHF 48 231 » (no decimals) or « CHF 654,66 » with `digits`; "CHF 654.66" in English. Null → « – ». */
export function formatMoney(
  value: number | null | undefined,
  currency: string,
  digits = 0,
  language: Language = 'fr',
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const sign = value < 0 ? '−' : '';
  return `${sign}${currency}${NBSP}${decimals(digits, language).format(Math.abs(value))}`;
}

/** A signed money delta: « +CHF 1 234 » / « −CHF 56 ». */
export function formatMoneyDelta(
  value: number | null | undefined,
  currency: string,
  language: Language = 'fr',
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return `${value > 0 ? '+' : ''}${formatMoney(value, currency, 0, language)}`;
}

/** A fraction as a percentage: 0.088 → « 8,8 % » ("8.8%"); signed → « +8,8 % ». */
export function formatPercent(
  fraction: number | null | undefined,
  options: { signed?: boolean; digits?: number; language?: Language } = {},
): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return DASH;
  const language = options.language ?? 'fr';
  const percent = fraction * 100;
  const body = decimals(options.digits ?? 1, language).format(Math.abs(percent));
  const sign = percent < 0 ? '−' : options.signed && percent > 0 ? '+' : '';
  return `${sign}${body}${PERCENT_SPACE[language]}%`;
}

/** A difference between two rates, in percentage points, signed (« −0,05 pts »): not a percent of a percent. */
export function formatPoints(
  fraction: number | null | undefined,
  digits = 2,
  language: Language = 'fr',
): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return DASH;
  const points = fraction * 100;
  const sign = points < 0 ? '−' : points > 0 ? '+' : '';
  return `${sign}${decimals(digits, language).format(Math.abs(points))}${NARROW_NBSP}pts`;
}

/** A plain number: integers grouped (« 1 577 722 399 », "1’577’722’399"), others with `digits` decimals. */
export function formatNumber(
  value: number | null | undefined,
  digits = 0,
  language: Language = 'fr',
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return decimals(digits, language).format(value);
}

/** « 1 ligne », « 3 lignes »: the count with its noun in the right number (never « ligne(s) »). */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${Math.abs(count) > 1 ? plural : singular}`;
}

const dayFormats = {
  fr: new Intl.DateTimeFormat('fr-CH', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A calendar day (YYYY-MM-DD) as people read it: « 28 février 2021 », "28 February 2021". */
export function formatDay(day: string, language: 'fr' | 'en' = 'fr'): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  const text = dayFormats[language].format(date);
  return language === 'fr' && date.getUTCDate() === 1 ? text.replace(/^1 /, '1er ') : text;
}

/** Day, month name and year of a calendar day, in `language`. */
function dayParts(day: string, language: 'fr' | 'en') {
  const parts = dayFormats[language].formatToParts(new Date(`${day}T00:00:00Z`));
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  const date = part('day');
  return { day: language === 'fr' && date === '1' ? '1er' : date, month: part('month'), year: part('year') };
}

/**
 * A period as the answers state it: « du 22 au 28 février 2021 », « le 28 février 2021 », « depuis le 20 février
 * 2021 »; "from 22 to 28 February 2021". Days that are not YYYY-MM-DD are written as they are.
 */
export function formatPeriod(
  from: string | undefined,
  to: string | undefined,
  language: 'fr' | 'en' = 'fr',
): string {
  const valid = (day: string | undefined) => day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day);
  const en = language === 'en';
  if (from && to && valid(from) && valid(to)) {
    if (from === to) return en ? `on ${formatDay(from, 'en')}` : `le ${formatDay(from)}`;
    const a = dayParts(from, language);
    const b = dayParts(to, language);
    const start =
      a.year !== b.year ? formatDay(from, language) : a.month !== b.month ? `${a.day} ${a.month}` : a.day;
    return en ? `from ${start} to ${formatDay(to, 'en')}` : `du ${start} au ${formatDay(to)}`;
  }
  if (from && to) return en ? `from ${from} to ${to}` : `du ${from} au ${to}`;
  const one = (day: string) => (valid(day) ? formatDay(day, language) : day);
  if (from) return en ? `since ${one(from)}` : `depuis le ${one(from)}`;
  if (to) return en ? `until ${one(to)}` : `jusqu'au ${one(to)}`;
  return '';
}
