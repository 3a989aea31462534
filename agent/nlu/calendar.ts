// Calendar arithmetic on days written YYYY-MM-DD (UTC), shared by the period readers (periods.ts, day-bounds.ts).
// A day without a year or month is in the data's last month or year: `lastDay` says which.

export const pad = (value: number) => String(value).padStart(2, '0');
export const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `day` moved by `days` (negative: back). */
export function shiftDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Monday 0 … Sunday 6. */
export const weekdayOf = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/** The data's last month, as year and month numbers. */
export function monthOf(lastDay: string) {
  return { year: Number(lastDay.slice(0, 4)), month: Number(lastDay.slice(5, 7)) };
}

/** Day `day` of the data's last month, or undefined when there is no such day. */
export function dayInMonth(day: number, lastDay: string): string | undefined {
  const { year, month } = monthOf(lastDay);
  return day >= 1 && day <= daysIn(year, month) ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/** A day and month in the data's last year (« 14.02 »), or undefined when there is no such day. */
export function dayMonth(day: number, month: number, lastDay: string): string | undefined {
  const { year } = monthOf(lastDay);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const MONTH_WORDS: [RegExp, number][] = [
  [/janv|\bjan\b|january/, 1], [/fevr|\bfev\b|\bfeb/, 2], [/mars|march/, 3], [/avr|\bapr/, 4], [/\bmai\b|\bmay\b/, 5],
  [/juin|june/, 6], [/juil|july/, 7], [/aout|\baug/, 8], [/sept(?!ante)|\bsep\b/, 9], [/\boct/, 10], [/\bnov/, 11],
  [/\bdec/, 12],
]; // biome-ignore format: a table

/** The month (1–12) a month word in `text` names, if any (« 7 janvier » → 1). */
export function monthNamed(text: string): number | undefined {
  return MONTH_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}
