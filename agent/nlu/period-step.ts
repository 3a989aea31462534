// « la semaine d'avant », "the previous week", « le lendemain »: in a follow-up, a step from the period just shown,
// not a period of its own (« la semaine précédente » alone would be the data's last week).
import { type Args, shift } from './figure-parse.js';
import { findPeriod } from './periods.js';

const NEXT =
  /\b(semaine|sem\.?|week|periode|period|mois|month|jour|day|quinzaine)s? (suivante?s?|d'apres|after|next|following|later)\b|\b(la|le|the|sur la|on the|for the) (2e|2eme|deuxieme|seconde?|2nd)( one)?\s*\??\s*$|\b(next|following) (week|period|month|day|fortnight)\b|\b(la suivante|le suivant|celle d'apres|the one after|the next one)\b|\b(le lendemain|the day after|the next day)\b/;
export const PREVIOUS =
  /\b(semaine|sem\.?|week|periode|period|mois|month|jour|day|quinzaine)s? (precedente?s?|precedents|d'avant|before|previous|prior|earlier)\b|\b(?:the |les |aux |des )?\d{1,2} (?:jours|days) (?:precedents|d'avant|before|previous|prior|earlier)\b|\b(previous|prior) (week|period|month|day|fortnight)\b|\b(la precedente|le precedent|celle d'avant|the one before)\b|\b(la veille|l'avant-veille|the day before)\b/;

const COUNTED_PREVIOUS = /\b(?:previous|prior|preceding) (\d{1,2}) days\b/;

/** « la veille », « le lendemain »: a day before or after the day shown (not yesterday, as alone). */
export const DAY_STEP =
  /\b(la veille|l'avant-veille|le lendemain|the day before|the day after|the next day)\b/;

/** +1 for the next period, −1 for the one before, 0 when the follow-up names neither. */
export function stepOf(text: string): number {
  if (NEXT.test(text)) return 1;
  if (PREVIOUS.test(text)) return -1;
  return 0;
}

/**
 * The period shown moved by its own length when the follow-up names only a step (« et la semaine précédente ? »,
 * "ok and the previous week" after the last 7 days: the 7 days before them); undefined when it names no step, a
 * period of its own (« la semaine du 8 vs la précédente » is read elsewhere), or nothing was dated before.
 */
export function steppedPeriod(
  text: string,
  shown: Args,
  lastDay: string | null,
): { date_from: string; date_to: string } | undefined {
  const { date_from: from, date_to: to } = shown;
  if (typeof from !== 'string' || typeof to !== 'string') return undefined;
  // "and for the previous 7 days?" after the last 7 days: the 7 before them (alone, they would be the last 7).
  const counted = COUNTED_PREVIOUS.exec(text);
  if (counted) {
    const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
    return Number(counted[1]) === days
      ? { date_from: shift(from, -days), date_to: shift(to, -days) }
      : undefined;
  }
  const step = stepOf(text);
  if (step === 0) return undefined;
  if (findPeriod(text.replace(NEXT, ' ').replace(PREVIOUS, ' '), lastDay)) return undefined;
  if (wholeMonth(from, to)) return monthAfter(from, step);
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  return { date_from: shift(from, step * days), date_to: shift(to, step * days) };
}

/** A calendar month shown (« le ROI de février » then « et le mois précédent ? »): the whole month before or after. */
function wholeMonth(from: string, to: string): boolean {
  return from.endsWith('-01') && to.slice(0, 7) === from.slice(0, 7) && shift(to, 1).endsWith('-01');
}

function monthAfter(from: string, step: number): { date_from: string; date_to: string } {
  const first = new Date(`${from}T00:00:00Z`);
  first.setUTCMonth(first.getUTCMonth() + step);
  const date_from = first.toISOString().slice(0, 10);
  first.setUTCMonth(first.getUTCMonth() + 1);
  return { date_from, date_to: shift(first.toISOString().slice(0, 10), -1) };
}
