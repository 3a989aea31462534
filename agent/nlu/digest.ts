// Digest administration: « digest chaque lundi à 9h » → add '0 9 * * 1', « mes digests » → list,
// « arrête le digest 2 » → remove '2'. The digests issue acts on the request; this only reads it.
import type { Plan } from '../../src/analysis/plan.js';

type DigestRequest = NonNullable<Plan['digest']>;

export type DigestParse = { digest: DigestRequest; confident: boolean } | { missing: 'schedule' | 'id' };

const DAYS: [RegExp, number][] = [
  [/\blundis?\b|\bmondays?\b/, 1], [/\bmardis?\b|\btuesdays?\b/, 2], [/\bmercredis?\b|\bwednesdays?\b/, 3],
  [/\bjeudis?\b|\bthursdays?\b/, 4], [/\bvendredis?\b|\bfridays?\b/, 5], [/\bsamedis?\b|\bsaturdays?\b/, 6],
  [/\bdimanches?\b|\bsundays?\b/, 0],
]; // biome-ignore format: a table

const REMOVE =
  /\b(arret\w*|stop\w*|supprim\w*|delete|remove|annul\w*|desactiv\w*|effac\w*|cancel\w*|disable|unsubscribe|desabonn\w*|retir\w*)/;
const ADD =
  /\b(ajout\w*|cree\w*|creer|nouveau|add|create|new|programm\w*|planifi\w*|schedule|envoi\w*|send|abonn\w*|subscribe|recevoir|receive|chaque|every|each|tous les)\b/;

/** The time of day as [hour, minute]: « 9h », « 9h30 », « 17:45 », "9 am", "5pm", « midi ». */
function timeOf(text: string): [number, number] | undefined {
  if (/\b(midi|noon)\b/.test(text)) return [12, 0];
  const ampm = /\b(\d{1,2})(?::(\d{2}))?\s?(am|pm)\b/.exec(text);
  if (ampm) {
    const hour = (Number(ampm[1]) % 12) + (ampm[3] === 'pm' ? 12 : 0);
    return [hour, Number(ampm[2] ?? 0)];
  }
  const clock = /\b(\d{1,2})\s?(?:h|:|heures?\b)\s?(\d{2})?\b/.exec(text);
  if (!clock) return undefined;
  return [Number(clock[1]), Number(clock[2] ?? 0)];
}

/** The cron day fields « dom month dow » of a schedule, or undefined when no schedule is named. */
function daysOf(text: string): string | undefined {
  if (/\b(en semaine|jours? ouvr\w*|weekdays?|du lundi au vendredi|monday to friday)\b/.test(text))
    return '* * 1-5';
  const days = DAYS.filter(([pattern]) => pattern.test(text)).map(([, day]) => day);
  if (days.length > 0) return `* * ${[...new Set(days)].sort((a, b) => a - b).join(',')}`;
  if (
    /\b(chaque jour|tous les jours|every day|daily|quotidien\w*|each day|chaque matin|every morning)\b/.test(
      text,
    )
  )
    return '* * *';
  const monthDay =
    /\b(?:le )?(\d{1,2})(?:er|st|nd|rd|th)? (?:de chaque mois|du mois|of (?:each|every|the) month)\b/.exec(
      text,
    );
  if (monthDay && Number(monthDay[1]) >= 1 && Number(monthDay[1]) <= 28) return `${Number(monthDay[1])} * *`;
  if (/\b(chaque mois|tous les mois|every month|monthly|mensuel\w*)\b/.test(text)) return '1 * *';
  if (/\b(chaque semaine|toutes les semaines|every week|weekly|hebdo\w*)\b/.test(text)) return '* * 1';
  return undefined;
}

export function parseDigest(text: string): DigestParse {
  if (REMOVE.test(text)) {
    const id =
      /\b(?:digest|n[o°]|numero|number|#)\s?#?\s?(\d{1,6})\b/.exec(text) ?? /\b(\d{1,6})\b/.exec(text);
    return id?.[1] ? { digest: { action: 'remove', id: id[1] }, confident: true } : { missing: 'id' };
  }
  const days = daysOf(text);
  const time = timeOf(text);
  if (days || (time && ADD.test(text))) {
    const [hour, minute] = time && time[0] < 24 && time[1] < 60 ? time : [9, 0];
    return {
      digest: { action: 'add', cron: `${minute} ${hour} ${days ?? '* * 1'}` },
      confident: Boolean(days && time),
    };
  }
  if (ADD.test(text) && !/\b(mes|my|liste?|show|affiche|quels|which)\b/.test(text))
    return { missing: 'schedule' };
  return { digest: { action: 'list' }, confident: true };
}
