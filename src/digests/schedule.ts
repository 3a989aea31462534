// Cron arithmetic with croner, used as a calculator only (timers come from our Clock, so tests control time).
// Each subscription is read in its own IANA time zone; croner handles DST: a 09:00 Europe/Zurich slot is
// 08:00Z in winter and 07:00Z in summer, a time in the spring gap runs once just after it, a repeated autumn
// time runs once.
import { Cron } from 'croner';
import { AppError } from '../core/errors.js';

export const DEFAULT_TIMEZONE = 'Europe/Zurich';

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

function cronOf(cron: string, timezone: string): Cron {
  // Five fields only (minute hour day month weekday): seconds-level schedules make no sense for a digest.
  return new Cron(cron.trim(), { timezone, mode: '5-part', paused: true });
}

/** Throws INVALID_ARGUMENTS with a short French hint for a bad cron expression or time zone. */
export function validateSchedule(cron: string, timezone: string): void {
  if (!isTimeZone(timezone))
    throw new AppError('INVALID_ARGUMENTS', `unknown time zone ${timezone}`, {
      hint: `Fuseau horaire inconnu : « ${timezone} » (exemple : Europe/Zurich).`,
    });
  try {
    if (!cronOf(cron, timezone).nextRun()) throw new Error('never fires');
  } catch (error) {
    throw new AppError('INVALID_ARGUMENTS', `invalid cron ${cron}: ${String(error)}`, {
      hint: `Expression cron invalide : « ${cron} » (5 champs : minute heure jour mois jour-de-semaine, ex. « 0 9 * * 1 »).`,
    });
  }
}

/** The first slot strictly after `after` (ms), or undefined when the expression never fires again. */
export function nextSlot(cron: string, timezone: string, after: number): number | undefined {
  return cronOf(cron, timezone).nextRun(new Date(after))?.getTime();
}

/** The latest slot at or before `at` (ms), or undefined. */
export function latestSlot(cron: string, timezone: string, at: number): number | undefined {
  return cronOf(cron, timezone)
    .previousRuns(1, new Date(at + 1))[0]
    ?.getTime();
}
