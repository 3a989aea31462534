// A question passed on: « ma cheffe m'a demandé quelle campagne a le CPL le plus élevé. Pourriez-vous m'aider ? »,
// "My manager asked me to add the total revenue to this month's deck. Could you tell me what it is?". The asking
// sentence says nothing of the data; the question is what the manager asked. The frame (« ma cheffe m'a demandé »)
// and whatever came before it in its sentence go, when that prefix names nothing the data holds; the rest is read
// with the message's asking sentences (they may shape it: « campagne par campagne », "side by side").
import type { Catalog } from '../../src/analysis/vocabulary.js';
import { MEETING_TIME, TEAM_NAME, unknownProperNames } from './asides.js';
import { findMetricMentions } from './metrics.js';
import { normalize, prepare } from './normalize.js';
import { findScope } from './scope.js';

/** Verbs that only carry the figure over (« transmettre », "pull"): they go with the frame. « comparer » stays. */
const CARRY_FR =
  '(?:transmettre|donner|envoyer|fournir|preparer|sortir|trouver|calculer|verifier|chercher|recuperer|ajouter|presenter|obtenir|connaitre|savoir|voir|avoir|recevoir|identifier|retrouver)';
const CARRY_EN =
  '(?:check|add|find|pull|get|provide|send|share|look up|prepare|confirm|report|know|see|have|find out|identify|include)';
/** Who passes the question on, and how: the words that go. */
const FRAMES = [
  String.raw`\b(?:m'|nous |lui |leur )?(?:a|ont|avait) demande(?:e|s|es)?(?: a (?:ma|mon|notre|l'|la|le) [a-z'-]+)?(?: (?:de (?:lui |leur |vous )?${CARRY_FR}|si|s'|d'))?\b`,
  String.raw`\b(?:voudrai(?:t|ent)|aimerai(?:t|ent)|souhaite(?:rait)?|veu(?:t|lent)|desire)(?: bien)?(?: ${CARRY_FR}| comprendre)?\b`,
  String.raw`\bil me manque (?:une|un|l')\s?(?:info\w*|chiffre|donnee)\s?:?`,
  String.raw`\bje dois (?:lui |leur )?${CARRY_FR}\b`,
  String.raw`\b(?:has |have |had )?asked (?:me |us |my [a-z]+ |our [a-z]+ )?(?:for |to ${CARRY_EN}(?: (?:me|us|them))? )?`,
  String.raw`\bi (?:was|have been|got|ve been) asked (?:for |to ${CARRY_EN} )?`,
  String.raw`\b(?:would like|'d like|wants|want|needs|would love)(?: me)?(?: to (?:${CARRY_EN}|understand))?\b`,
  String.raw`\bis asking (?:me )?(?:for )?`,
];
const FRAME = new RegExp(FRAMES.join('|'), 'g');
/** Words that narrow, shape or date: a prefix holding one keeps its sentence whole. */
const DATA_WORDS =
  /\d|\b(?:seulement|uniquement|only|sans|hors|sauf|except\w*|excluding|without|par|by|per|chaque|each|top|pires?|worst|meilleur\w*|best|vs|versus|compar\w*|canal|canaux|channels?|categor\w*|total\w*|semaines?|mois|jours?|hier|yesterday|today|derni\w*|last|previous|weeks?|months?|days?|janvier|fevrier|mars|january|february|march|weekend|week-end|pourquoi|why)\b/;
/** A sentence that ends where its mark is. */
const SENTENCE_END = /(?<=[.!?…\p{Extended_Pictographic}])\s+|\n+/u;

/**
 * The message with its passed-on question put in the frame's place (`question`), and the sentences after it
 * (`after`); undefined when it has none, or when what comes before the frame (« pour le search, ma cheffe m'a
 * demandé … ») could narrow the question.
 */
export function reportedQuestion(
  text: string,
  catalog: Catalog,
): { question: string; after: string[] } | undefined {
  const sentences = text
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  const framed = sentences.map((sentence) => lastFrame(normalize(sentence)));
  const at = framed.findIndex((frame) => frame !== undefined);
  if (at < 0 || framed.filter((frame) => frame !== undefined).length > 1) return undefined;
  const frame = framed[at] as { prefix: string; question: string };
  if (frame.question.split(/\s+/).length < 2) return undefined;
  // What goes (the sentences before, the words before the frame) must name nothing of the data.
  const before = [...sentences.slice(0, at).map(normalize), frame.prefix];
  if (before.some((words) => namesData(words, text, catalog))) return undefined;
  const after = sentences.slice(at + 1);
  return { question: [frame.question, ...after].join(' '), after };
}

function lastFrame(normalized: string): { prefix: string; question: string } | undefined {
  const matches = [...normalized.matchAll(FRAME)].filter((match) => match[0].trim().length > 0);
  const last = matches.at(-1);
  if (last === undefined) return undefined;
  const end = last.index + last[0].length;
  return { prefix: normalized.slice(0, last.index), question: normalized.slice(end).trim() };
}

/** Whether words left out name a member, a figure, a period, a number or a restriction. */
function namesData(prefix: string, message: string, catalog: Catalog): boolean {
  const text = prefix.replace(MEETING_TIME, ' ').replace(TEAM_NAME, ' ');
  if (DATA_WORDS.test(text)) return true;
  const scope = findScope(text, catalog);
  if (scope.ambiguous || scope.campaigns.length + scope.prefixes.length + scope.categories.length > 0)
    return true;
  if (findMetricMentions(prepare(scope.rest)).length > 0) return true;
  // « notre campagne TikTok » before the frame: a name the bot does not know.
  const unknown = unknownProperNames(message);
  return unknown.some((name) => prefix.includes(name));
}
