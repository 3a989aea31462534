// Personal asides around a question: « désolée de vous déranger », « je suis nouvelle dans l'équipe », "sorry, not
// sure how to judge that", « je me demande si on doit renouveler le contrat », « (je connais pas le nom exact) ».
// A clause that speaks of the asker and names nothing the data holds (no figure, no name, no period, no number, no
// restriction) changes nothing in what is asked: its words are harmless, like the chat fillers of the lexicon.
// A clause that names something stays read word by word (« je veux seulement les nouveaux clients » is asked back).
import type { Catalog } from '../../src/analysis/vocabulary.js';
import { expandBrand } from './brands.js';
import { isKnownWord } from './lexicon.js';
import { findMetricMentions } from './metrics.js';
import { normalize, prepare } from './normalize.js';

/** Where a clause ends: sentence marks, brackets, commas, dashes, emojis. */
const CLAUSE_END = /[.!?;:()[\]\n,…]+|\s[-–—]\s|\p{Extended_Pictographic}/u;
/** The asker speaking of themself, greeting, thanking or hedging, or saying what the figure is for (a client, a deck). */
export const ASIDE =
  /^(?:bonjour|rebonjour|bonsoir|salut|coucou|hello|hi|hey|good (?:morning|afternoon|evening)|hope you(?:'re| are) well|belle journee|bonne (?:journee|soiree)|many thanks|cheers|un grand merci|apologies)\b|\b(?:je|j'|me|m'|moi|mon|ma|mes|i|i'm|im|my|me|desolee?s?|pardon|sorry|merci|thanks|thank you|stp|svp|please|pls)\b|\bpas sur\w*|\bnot sure\b|\bsi (?:c'est )?possible\b|\bif possible\b|\b(?:ce serait|would be|c'est|it's|its) (?:possible|parfait|perfect|great|super|top|ideal)\b|\b(?:client|clients|customer|boss|chef|cheffe|manager|direction|comite|deck|slides?|graphique|chart|presentation|reporting)\b|\bready to send\b|\bquestions? bete\b|\b(?:deux|two|une|one) questions?\b/;
/**
 * When the figure is needed: a meeting and its day (« pour la réunion de lundi », "before Thursday's meeting",
 * « demain matin »), a time to come (« le mois prochain »), a wish (« bonne journée »). Taken out of a clause before
 * the blockers are looked for: « lundi » there dates the meeting, not the data.
 */
export const MEETING_TIME =
  /\b(?:(?:la|le|l'|ma|mon|notre|the|my|our|this|next)\s?)?(?:(?:yesterday|tomorrow|today|monday|tuesday|wednesday|thursday|friday|this morning|this afternoon|last week|next week)'?s\s)?(?:[\w']+\s)?(?:reunion|meeting|comite|committee|call|point|revue|review|presentation|board|copil|comex|codir|standup|stand-up|sync|workshop|atelier|offsite|catch-up|town hall|one-to-one|retrospective|check-in|rendez-vous|rdv|audit|slide|deck)\b(?:\s(?:d'equipe|de l'equipe|team|client|avec (?:le|la|notre|l') ?[\w']+|with (?:the |our )?[\w']+|de direction|commerciale?|budgetaire|mensuelle?|hebdo\w*|monthly|weekly))*(?:\s(?:de\s|du\s|d'|this\s|on\s|next\s)?(?:demain|hier|ce soir|ce matin|cet apres-midi|lundi|mardi|mercredi|jeudi|vendredi|yesterday|tomorrow|tonight|this morning|monday|tuesday|wednesday|thursday|friday|la semaine prochaine|next week)\b)?|\b(?:demain|tomorrow|ce soir|tonight|cet apres-midi|this afternoon|this morning|ce matin)\b(?:\s(?:matin|soir|apres-midi|morning|afternoon))?|\b(?:avant|before|d'ici|by)\s(?:lundi|mardi|mercredi|jeudi|vendredi|monday|tuesday|wednesday|thursday|friday|noon|lunch|midi)\b|\b(?:on|this|next)\s(?:monday|tuesday|wednesday|thursday|friday)\b|\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|\b\d{1,2}h(?:\d{2})?\b|\b(?:next (?:week|month|quarter|year)|(?:la semaine|l'annee) prochaine|le (?:mois|trimestre) prochain)\b|\b(?:bonne|belle|excellente) (?:journee|semaine|soiree|fin de semaine|fin de journee)\b|\b(?:the|your) week is (?:treating you|going) well\b|\b(?:a |have a )?(?:good|great|nice|lovely) (?:day|week|weekend)\b/g;
/**
 * A team, an agency or a person's role named after a channel or a function (« the social team », "our search agency",
 * « notre responsable SEA », "sales ops"): who asked, not what is asked about. Taken out of a context sentence before
 * its names and figures are looked for.
 */
export const TEAM_NAME =
  /\b(?:(?:the|our|my|a|notre|mon|ma|l')\s?)?(?:[\w-]+\s)?(?:team|teams|agency|agencies|planners?|rep|reps|ops|department|squad|director|lead|manager|consultant|creator|account manager)\b|\b(?:(?:notre|mon|ma|l'|la|le)\s?)?(?:equipe|agence|responsable|consultante?|directeur|directrice|chargee? de)\s(?:de |du |d')?(?:social(?: media)?|sea|search|media|digital|influence|marketing|commercial\w*|ventes|e-commerce|finance)\b|\b(?:sales|finance|marketing|procurement|la compta\w*|les ventes)\b(?= (?:want|wants|wanted|asked|needs?|would|is asking|are asking|voudrai\w*|veu\w*|a demande|m'a|nous a))/g;
/** Words that restrict, compare, order or date: never an aside, whoever speaks. */
const BLOCKERS =
  /\b(?:seulement|uniquement|only|just|juste|sans|hors|sauf|except\w*|excluding|without|plus|moins|more|less|most|least|best|worst|meilleur\w*|pire\w*|top|flop|vs|versus|compar\w*|avant|apres|before|after|depuis|since|entre|between|semaine\w*|mois|jours?|journee|week\w*|months?|days?|hier|yesterday|today|aujourd'hui|dernier\w*|last|previous|precedent\w*|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|fevrier|mars|february|january|march|weekend|week-end|canal|canaux|channels?|categor\w*|levier\w*)\b/;
/** Numbers and negations (« ne … que », "not"): never in an aside, unless it only names a figure again. */
const NEGATIONS = /\d|\b(?:pas|not|ne|n'|no)\b|\bque (?:les|la|le|l'|des|du|sur|pour|dans)\b/;
/** « je (ne) connais pas le nom », "I'm not sure": the asker's doubt, not a negation in the question. */
const DOUBT =
  /\b(?:je |j')?(?:ne )?(?:connais|sais|suis) pas\b|\bpas sure?s?\b|\b(?:i'm |i am |im )?not sure\b|\bi don't know\b|\bdunno\b/g;
/** « je crois que ça s'appelle le CPM », "I think it's called ROAS": a clause that only names a figure again. */
const NAMING = /\b(?:ca s'appelle|ca se dit|on dit|qu'on dit|c'est comme ca|it's called|is called|called)\b/;

const NAME_PARTS = new WeakMap<Catalog, RegExp>();

/** The words of the data's names (campaign name parts, categories), as one pattern. */
function namePattern(catalog: Catalog): RegExp {
  let pattern = NAME_PARTS.get(catalog);
  if (!pattern) {
    const parts = [...catalog.campaigns.map((campaign) => campaign.campaignName), ...catalog.categories]
      .flatMap((name) => normalize(name).split(/[^a-z0-9]+/))
      .filter((part) => part.length >= 3);
    pattern = new RegExp(`\\b(?:${[...new Set(parts)].join('|')})\\w*`);
    NAME_PARTS.set(catalog, pattern);
  }
  return pattern;
}

const namesData = (clause: string, catalog: Catalog) =>
  namePattern(catalog).test(clause) ||
  clause
    .split(/\s+/)
    .some((word) => expandBrand(word) !== word && namePattern(catalog).test(expandBrand(word)));

/**
 * The aside clauses of a normalized text. `renames` says whether a clause's figures only name again the reading's
 * (« je crois que ça s'appelle les impressions »); without it, a clause naming a figure is never an aside.
 */
export function asideClauses(
  normalized: string,
  catalog: Catalog,
  renames: (metrics: string[]) => boolean = () => false,
  meetingFigures = false,
  unknownNames: readonly string[] = [],
): string[] {
  const clauses: string[] = [];
  for (const raw of normalized.split(CLAUSE_END)) {
    const clause = raw.trim();
    if (clause.length === 0 || !ASIDE.test(clause) || namesData(clause, catalog)) continue;
    // « le client demande comment va notre campagne TikTok »: a name the data does not hold is no aside.
    if (unknownNames.some((name) => clause.split(/[^a-z0-9_']+/).includes(name))) continue;
    // « pour la réunion de lundi »: the meeting's day is not a period of the data. With `meetingFigures`, a figure word
    // in the meeting's name is not one either (« for my manager's budget meeting »): only where the clause is taken
    // out before reading, never to call harmless a word the reading used.
    const undated = clause.replace(MEETING_TIME, ' ');
    const metrics = findMetricMentions(prepare(meetingFigures ? undated : clause)).map(
      (mention) => mention.metric,
    );
    const renamed = NAMING.test(clause) && renames(metrics);
    const undoubted = undated.replace(DOUBT, ' ');
    if (BLOCKERS.test(undated) || (!renamed && (metrics.length > 0 || NEGATIONS.test(undoubted)))) continue;
    clauses.push(clause);
  }
  return clauses;
}

/**
 * The words (normalized) of the asides in `text`. `usedMetrics` are the metrics the reading uses: a clause that only
 * names one of them again (« je crois que ça s'appelle les impressions ») is an aside too.
 */
export function asideWords(text: string, catalog: Catalog, usedMetrics: ReadonlySet<string>): Set<string> {
  const words = new Set<string>();
  const normalized = normalize(text);
  const add = (clause: string) => {
    for (const word of clause.split(/[\s']+/)) if (word.length > 0) words.add(word);
  };
  const usedOnly = (metrics: string[]) =>
    metrics.length > 0 && metrics.every((metric) => usedMetrics.has(metric));
  for (const clause of asideClauses(normalized, catalog, usedOnly, false, unknownProperNames(text)))
    add(clause);
  // « combien de prospects (les gens qui laissent leurs coordonnées, si j'ai bien compris) »: a gloss in brackets that
  // only names again a figure the reading uses.
  for (const [, gloss = ''] of normalized.matchAll(/\(([^()]*)\)/g)) {
    const metrics = findMetricMentions(prepare(gloss)).map((mention) => mention.metric);
    if (!usedOnly(metrics) || namesData(gloss, catalog) || BLOCKERS.test(gloss) || /\d/.test(gloss)) continue;
    add(gloss.replace(/[,;]/g, ' '));
  }
  return words;
}

/**
 * The names written with a capital inside a sentence that the bot does not know (« notre campagne TikTok », "our
 * Snapchat test"), normalized: maybe a campaign the data does not hold, so a clause holding one is not mere context.
 */
export function unknownProperNames(text: string): string[] {
  return text.split(/(?<=[.!?…])\s+|\n+/).flatMap((sentence) => {
    const people = new Set([...sentence.matchAll(PERSON)].map((match) => match[1] ?? match[2]));
    return sentence
      .split(/[^\p{L}\p{N}_']+/u)
      .filter((word) => word.length > 1)
      .slice(1)
      .filter(
        (word) =>
          /^\p{Lu}|\p{Ll}\p{Lu}/u.test(word) &&
          !/^\p{Lu}+$/u.test(word) &&
          !people.has(word) &&
          !TITLE.test(word),
      )
      .map((word) => normalize(word).replace(/'\w*$/, ''))
      .filter((word) => !isKnownWord(word));
  });
}

/**
 * A person: a capitalised name given a title (« Mme Favre », "Mr Smith") or followed by what people do with a
 * question (« Sandra from finance », "Priya mentioned", « Marc m'a demandé »). A campaign does not ask.
 */
const TITLE = /^(?:Mme|Mrs|Mr|Ms|Dr)$/;
const PERSON =
  /\b(?:Mme|Mrs|Mr|Ms|Dr|M\.)\s(\p{Lu}[\p{Ll}-]+)|\b(\p{Lu}[\p{Ll}-]+)\s(?:from|mentioned|asked|said|told|thinks|feels|noticed|suggested|wants|is asking|de la finance|du marketing|m'a|nous a|m’a|a demandé|a remarqué|a dit|pense|trouve|voudrait|aimerait|souhaite)\b/gu;
