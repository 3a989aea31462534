// A question that names a time (« la semaine », « lundi », "3 days ago", « KW7 », « le week-end ») but whose reading
// carries no period answers for the whole data, a figure for another period stated with confidence. The period
// rules (periods.ts, dates.ts) read many forms; this guard catches the ones they do not, whatever they are: the
// reading becomes a question back that names the unread words and offers periods the bot can compute.
import type { Plan, PlannedCall } from '../../src/analysis/plan.js';
import { formatPeriod } from '../../src/core/format.js';
import { shiftDays, weekdayOf } from './calendar.js';
import { harmlessPhraseWords } from './lexicon.js';
import { normalize } from './normalize.js';

/** Time words on the normalized text. Month names are not here: a month the rules read gives a period, and the
 * data's own month (« en février », « ce mois ») is the whole data, which is what a reading without dates shows. */
const TIME_WORDS =
  /\b(week-?ends?|semaines?|weeks?|wk|kw ?\d{1,2}|cw ?\d{1,2}|jours?|days?|journee|lundis?|mardis?|mercredis?|jeudis?|vendredis?|samedis?|dimanches?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|hier|yesterday|aujourd'hui|today|quinzaine|fortnight|trimestre|quarter|q[1-4]|semestre|annee|year|ytd|mtd|wtd|matin|soir|soiree|nuit|morning|evening|night|heures?|hours?|depuis|since|until|till|jusqu'?\w*|ago|il y a|recent\w*|lately|dernierement|derniers temps|hebdo\w*|quotidien\w*|journalier\w*|daily|weekly)\b|\b(avant|apres|before|after)\s(?:le\s|the\s)?\d|\b(?:mon|tues?|wed|thu(?:rs)?|fri|sat|sun|lun|mer|jeu|ven|sam|dim)\.?(?=\s(?:the\s)?\d)|(?<![\d./])\d{1,2}\/\d{1,2}(?![\d/])/;

/** « début février », "early February": the start of the month, whose length nobody said (asked, with likely
 * lengths). « depuis le début du mois » is month to date, read by the period rules. */
const MONTH_START =
  /(?<!\b(?:depuis le|since the|from the) )\b(debut|early|beginning of|start of)\s(?:de\s|du\s|d'|of\s)?(?:la\s|the\s)?(mois|month|fevrier|february|feb|fev)\b/;

const START_AS_WRITTEN =
  /\b(d[ée]but|early|beginning of|start of)\s(?:de\s|du\s|d'|of\s)?(?:la\s|the\s)?(mois|month|f[ée]vrier|february|feb|f[ée]v)\b/i;

/** Said on purpose: the whole data, no period (also what the guard's own "whole period" button says). */
const WHOLE_PERIOD =
  /\b(toute la periode|sur toute la periode|whole period|all time|depuis (le debut|toujours)|since the (start|beginning)|au total sur tout)\b/;

/** The tools whose answer depends on a period: every other one (simulations, segments, help) ignores dates. */
const PERIOD_TOOLS = new Set([
  'query_metrics', 'rank_campaigns', 'aggregate_by_dimension', 'describe_campaign', 'kpi_trend',
  'get_underperforming_campaigns', 'explain_change',
]); // biome-ignore format: a list

const PERIOD_ARGS = ['date_from', 'date_to', 'compare_to', 'before', 'after', 'grain'];

const TIME_GROUPS = new Set(['day', 'week', 'month']);

function readsAPeriod(call: PlannedCall): boolean {
  const groups = [call.args.group_by].flat();
  return (
    PERIOD_ARGS.some((key) => call.args[key] !== undefined) ||
    groups.some((group) => TIME_GROUPS.has(String(group)))
  );
}

/** The time words of `text` the reading `plan` did not turn into a period; [] when there is nothing to fear. */
export function unreadTimeWords(text: string, plan: Plan): string[] {
  const calls = plan.calls.filter((call) => PERIOD_TOOLS.has(call.tool));
  if (calls.length === 0 || plan.clarification) return [];
  const normalized = normalize(text);
  // « CA de début février » reads « février » as the month: its start, not the month, is what was asked.
  const start = MONTH_START.exec(normalized);
  // (A day written beside it, « début février, du 1er au 10 », is the answer already.)
  if (start && !/(^|\W)\d{1,2}\b/.test(normalized)) return [start[0]];
  if (calls.some(readsAPeriod) || WHOLE_PERIOD.test(normalized)) return [];
  // « pour le rapport de lundi »: a time in the request's context, not the figure's period.
  const context = harmlessPhraseWords(normalized);
  const words = [...normalized.matchAll(new RegExp(`${TIME_WORDS.source}|${MONTH_START.source}`, 'g'))]
    .map(([word]) => word.trim())
    .filter((word) => !context.has(word));
  return [...new Set(words)];
}

/** The question back: which period, with buttons for the last 7 days and the whole data. */
export function askForPeriod(plan: Plan, question: string, words: string[], lastDay?: string | null): Plan {
  const en = plan.language === 'en';
  const quoted = words.map((word) => (en ? `"${word}"` : `« ${word} »`)).join(', ');
  // The options restate the question without the start (« CA, les 7 premiers jours du mois »), or they would ask again.
  const base = question
    .replace(START_AS_WRITTEN, ' ')
    .trim()
    .replace(/[?!.\s]+$/, '')
    .replace(/\s+(de|du|d'|en|sur|pour|for|in|of|on)$/i, '')
    .replace(/\s{2,}/g, ' ');
  return {
    intent: plan.intent,
    language: plan.language,
    calls: [],
    confidence: 0.5,
    unexplained: words,
    clarification: en
      ? `I could not read the period in ${quoted}, and I would rather ask than answer for another one. Which period do you mean? You can also write dates (e.g. "from 15 to 21 February").`
      : `Je n'ai pas su lire la période (${quoted}), et je préfère demander plutôt que répondre pour une autre. Sur quelle période ? Vous pouvez aussi écrire les dates (ex. « du 15 au 21 février »).`,
    options: optionsFor(normalize(question), base, en, lastDay ?? undefined),
  };
}

/** The periods offered: the likely lengths of a month's start, else the last 7 days and the whole data. */
function optionsFor(normalized: string, base: string, en: boolean, lastDay?: string): string[] {
  // « le week-end dernier » with data ending on a weekend: that weekend or the one before.
  if (
    lastDay &&
    /\bweek[- ]?end (dernier|passe)\b|\bdernier week[- ]?end\b|\b(last|past) weekend\b/.test(normalized) &&
    weekdayOf(lastDay) >= 5
  ) {
    const saturday = weekdayOf(lastDay) === 6 ? shiftDays(lastDay, -1) : lastDay;
    const weekend = (from: string) =>
      formatPeriod(from, shiftDays(from, 1), en ? 'en' : 'fr').replace(/^(du|from) /, '');
    const bare = base
      .replace(
        /,?\s*(?:du |le |the |ce )?(?:week[- ]?end (?:dernier|passe)|dernier week[- ]?end|(?:last|past) weekend)\b/i,
        '',
      )
      .trim();
    return [saturday, shiftDays(saturday, -7)].map((from) =>
      en ? `${bare} from ${weekend(from)}` : `${bare} du ${weekend(from)}`,
    );
  }
  if (MONTH_START.test(normalized))
    return en
      ? [`${base}, the first 7 days of the month`, `${base}, the first half of the month`]
      : [`${base}, les 7 premiers jours du mois`, `${base}, la 1re quinzaine`];
  return en
    ? [`${base}, the last 7 days`, `${base}, over the whole period`]
    : [`${base}, les 7 derniers jours`, `${base}, sur toute la période`];
}
