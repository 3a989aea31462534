// A long polite message: a greeting, a sentence on why the figure is needed (« ma responsable m'a demandé de préparer
// un récapitulatif pour la réunion de lundi »), the question, a thank-you. Read whole, its context words are not the
// question's and the bot asks back (or finds the message off topic). The question is the sentence that asks; the
// others are context when they name nothing the data holds that the reading of the question does not use: no name,
// no number, no restriction, no other period. A context sentence that names something keeps the message whole.
import type { Plan } from '../../src/analysis/plan.js';
import { type Catalog, KPI_NEEDS } from '../../src/analysis/vocabulary.js';
import { ASIDE, asideClauses, MEETING_TIME, TEAM_NAME, unknownProperNames } from './asides.js';
import { findMetricMentions } from './metrics.js';
import { normalize, prepare } from './normalize.js';
import { findPeriod } from './periods.js';
import { findScope } from './scope.js';

/** Sentences end at their mark (kept with them), at a line break, or after an emoji. */
const SENTENCE_END = /(?<=[.!?…\p{Extended_Pictographic}])\s+|\n+/u;
/** A greeting or a thank-you, with nothing else of weight after it. */
const COURTESY =
  /^(?:bonjour|rebonjour|bonsoir|salut|coucou|hello|hi|hey|good (?:morning|afternoon|evening)|hope you(?:'re| are) well|merci|thanks|thank you|many th\w*|thx|un grand merci|cheers|kind(?:est)? reg\w*|best regards|regards|much appreciated|(?:i'd|i would|i'll|i will) be (?:most |very |so )?grateful|je vous remercie|cordialement|bien a vous|belle journee|bonne (?:journee|soiree|fin de journee)|a (?:toutes|tous)|desolee?|sorry|apologies|pardon)\b/;
const MAX_COURTESY_WORDS = 8;
/** A sentence that asks: a question mark or a request. */
const ASKS =
  /\?|\b(?:pourriez|pouvez|pourrais|peux|could|can|would) (?:-?vous|-?tu|you)\b|\b(?:pourriez|pouvez|pourrais|peux)-(?:vous|tu)\b|\bj'aurais besoin\b|\b(?:i'd|i would) need\b|\b(?:je voudrais|j'aimerais|i'd like|i would like)\b|\bserait-il possible\b|^(?:quel|quelle|quels|quelles|combien|what|which|how|who|donne|montre|liste|sors)\b/;
/** A request said with « please » alone ("the top 3 campaigns please"): the asking sentence when no other asks. */
const PLEASE = /\b(?:please|pls|s'il vous plait|s'il te plait|svp|stp)\b/;
/** Words that narrow a question: in a context sentence they may be the question's, so the message stays whole. */
const RESTRICTS =
  /\b(?:seulement|uniquement|only(?! (?:wants?|needs?|cares?|asks?|asked|looks?|has|have|one|a few|a couple)\b)|sans|hors|sauf|except\w*|excluding|without|a part|que (?:les|la|le|l'|sur))\b/;
/** Words of a period of the data (a meeting's day is taken out first). */
const TIME_WORDS =
  /\b(?:semaines?|mois|jours?|journee|hier|yesterday|today|aujourd'hui|derni\w*|last|previous|precedent\w*|weeks?|months?|days?|janvier|fevrier|mars|january|february|march|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|weekend|week-end|quinzaine|fortnight|kw\d*)\b/;

interface Parts {
  /** The sentences that ask, in order. */
  asks: string[];
  /** The other sentences (greetings and thanks left out). */
  context: string[];
}

/** The message's asking sentences and its context; undefined when it has nothing (context, courtesy) to leave out. */
export function messageParts(text: string, catalog: Catalog): Parts | undefined {
  const sentences = text
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
  if (sentences.length < 2) return undefined;
  const asks: string[] = [];
  const context: string[] = [];
  let courtesies = 0;
  for (const sentence of sentences) {
    const normalized = normalize(sentence);
    // (« Hello, our TikTok campaign is new. »: a greeting that names something is context, not courtesy.)
    const courtesy =
      COURTESY.test(normalized) &&
      normalized.split(/\s+/).length <= MAX_COURTESY_WORDS &&
      !ASKS.test(normalized) &&
      !/\d/.test(normalized) &&
      findMetricMentions(prepare(normalized)).length === 0 &&
      !namesAMember(normalized, catalog) &&
      unknownProperNames(sentence).length === 0;
    if (courtesy) courtesies++;
    else (ASKS.test(normalized) ? asks : context).push(sentence);
  }
  // "the three top campaigns of the month please, in order": « please » alone asks, when no sentence asks otherwise.
  const pleading = asks.length === 0 ? context.filter((sentence) => PLEASE.test(normalize(sentence))) : [];
  asks.push(...pleading);
  const rest = context.filter((sentence) => !pleading.includes(sentence));
  if (asks.length === 0 || rest.length + courtesies === 0) return undefined;
  return { asks, context: rest };
}

/** Words that shape a question (an object, an order, a comparison, a total): a sentence holding one is part of it. */
const SHAPES =
  /\b(?:par|by|per|chaque|each|top|flops?|pires?|worst|meilleur\w*|best|vs|versus|compar\w*|canal|canaux|channels?|categor\w*|leviers?|total\w*|detail\w*|moyenne|average|classement|ranking|evolution|tendance|trend|pourquoi|why|most|least)\b|\b(?:le|la|les) (?:plus|moins)\b/;

/**
 * What `sentence` is beside `plan`, the reading of the asking sentences: `context` when it speaks of the asker or
 * the purpose (a manager, a meeting, a client) and names nothing the data holds that the plan does not use;
 * `conflict` when it speaks so but names another member, figure, number, restriction or period; `question` when it
 * is not such talk at all (« par canal », « les 3 pires ») — then it belongs to the question.
 */
export function contextKind(
  sentence: string,
  plan: Plan,
  catalog: Catalog,
): 'context' | 'conflict' | 'question' {
  const text = whatIsAsked(sentence);
  if (!ASIDE.test(normalize(sentence)) || SHAPES.test(text)) return 'question';
  return addsNothing(sentence, plan, catalog) ? 'context' : 'conflict';
}

/**
 * Whether words left out of the reading (a context sentence, what stands before « ma cheffe m'a demandé ») name
 * nothing the reading does not use: no shape, number, restriction, unknown name, other member, figure or period.
 */
export function leavesOutNothing(words: string, plan: Plan, catalog: Catalog): boolean {
  const text = whatIsAsked(words);
  return !SHAPES.test(text) && addsNothing(words, plan, catalog);
}

function addsNothing(sentence: string, plan: Plan, catalog: Catalog): boolean {
  const text = whatIsAsked(sentence);
  if (/\d/.test(text) || RESTRICTS.test(text) || unknownProperName(sentence)) return false;
  const used = normalize(JSON.stringify(plan.calls));
  const scope = findScope(text, catalog);
  if (scope.ambiguous) return false;
  const names = [...scope.campaigns, ...scope.prefixes, ...scope.categories].map(normalize);
  if (names.some((name) => !used.includes(name))) return false;
  // « je dois présenter la rentabilité » beside « quel est notre ROI »: a figure named again, or one of its parts
  // (« la génération de leads » beside the CPL), never another one.
  const metrics = findMetricMentions(prepare(scope.rest)).map((mention) => mention.metric);
  const parts = new Set<string>(
    plan.calls.flatMap((call) =>
      [call.args.metrics, call.args.metric].flat().flatMap((metric) => KPI_NEEDS[String(metric)] ?? []),
    ),
  );
  if (metrics.some((metric) => !used.includes(metric) && !parts.has(metric))) return false;
  if (!TIME_WORDS.test(text)) return true;
  // « l'évolution de nos ventes au fil du mois » beside « semaine par semaine en février »: the plan's own period.
  const period = findPeriod(prepare(text), catalog.lastDay);
  // The periods the reading uses: a figure's, or the two of a comparison or a « pourquoi ».
  const periods = plan.calls.flatMap((call) =>
    [call.args, call.args.before, call.args.after, call.args.compare_to].filter(
      (range): range is { date_from: string; date_to: string } =>
        typeof range === 'object' && range !== null && 'date_from' in range && range.date_from !== undefined,
    ),
  );
  if (periods.length === 0) return false;
  if (period === undefined) return true;
  const same = (range: { date_from: string; date_to: string }) =>
    range.date_from === period.date_from && range.date_to === period.date_to;
  // One figure: its own period. A comparison: either of its periods (« the client noticed revenue fell last week »).
  return plan.calls.some((call) => call.args.before !== undefined || call.args.compare_to !== undefined)
    ? periods.some(same)
    : periods.every(same);
}

/**
 * The text without its aside clauses (« for my manager's budget meeting, which campaign … »), when it has some: the
 * words of an aside can pull the reading (« budget » read as the spend), not only go unexplained.
 */
export function withoutAsides(text: string, catalog: Catalog): string | undefined {
  // A name the bot does not know (« TikTok ») must stay in view: the text read again is normalized, capitals gone.
  if (unknownProperNames(text).length > 0) return undefined;
  const normalized = normalize(text);
  const asides = asideClauses(normalized, catalog, undefined, true);
  if (asides.length === 0) return undefined;
  let rest = normalized;
  for (const clause of asides) rest = rest.replace(clause, ' ');
  rest = rest
    .replace(/^[\s,;:.!-]+/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return rest.length > 0 && rest !== normalized ? rest : undefined;
}

/** The words without who asks and when they need it (a meeting, a team): what is left may name the data. */
const whatIsAsked = (words: string) => normalize(words).replace(MEETING_TIME, ' ').replace(TEAM_NAME, ' ');

const unknownProperName = (sentence: string) => unknownProperNames(sentence).length > 0;

function namesAMember(normalized: string, catalog: Catalog): boolean {
  const scope = findScope(normalized, catalog);
  return (
    Boolean(scope.ambiguous) || scope.campaigns.length + scope.prefixes.length + scope.categories.length > 0
  );
}
