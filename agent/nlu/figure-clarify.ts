// A question back instead of a guess: a word that could mean several campaigns (« tier2 ») or several figures
// (« résultats », « performance »), with one button per reading.
import type { Catalog } from '../../src/analysis/vocabulary.js';
import type { Language } from '../../src/core/answer.js';
import { expandBrand } from './brands.js';
import { type MetricReading, type Parsed, prefixed } from './figure-parse.js';
import { BOOST, CUT, METRIC_WORDS, NOT_IN_MODEL, RANK_WORDS, VAGUE } from './figure-words.js';
import { clarificationText } from './messages.js';
import { findDirectionWord } from './metrics.js';
import { normalize, prepare } from './normalize.js';

/**
 * « le coût » alone (« c'est combien le coût sur google_hot ? »): the total spent or a cost per result — not « le coût
 * total », « le coût par lead », « combien a coûté » (writers asked back here; « coût » elsewhere reads as spend).
 */
const BARE_COST =
  /^(?!.*\b(total\w*|global\w*|cumul\w*|depens\w*|spent|spend|budget)\b).*\b(?:le|du|the|son|its) (?:cout|cost)\b(?!s)(?! (?:total|global|par|per|pour|for|d'acquisition|unitaire|moyen|au|du clic|des|de la|media|pub|us|me|them|of (?:a|an|each|one|the)))/;

/** « la campagne », "this campaign": one campaign, singular, with no name. */
const UNNAMED_CAMPAIGN =
  /\b(?:la|cette|the|this|that) (?:campagne|campaign)\b(?!s)(?!\s(?:de|du|d'|of|for|pour)\b)/;
const WHICH = /\b(quelle|quel|which|what|laquelle|lequel)\s(?:\w+\s)?(campagne|campaign)\b/;

/** A question back when a word could mean several campaigns or several metrics. */
export function clarify(
  question: string,
  p: Parsed,
  language: Language,
  catalog: Catalog,
): MetricReading | undefined {
  const ambiguous = p.scope.ambiguous;
  if (ambiguous && p.scope.campaigns.length === 0 && p.scope.prefixes.length === 0) {
    return askBack(
      language === 'en'
        ? `Which campaign do you mean by "${ambiguous.word}": ${ambiguous.candidates.join(' or ')}?`
        : `Par « ${ambiguous.word} », vous parlez de ${ambiguous.candidates.join(' ou de ')} ?`,
      ambiguous.candidates.slice(0, 4).map((name) => replaceWord(question, ambiguous.word, name)),
    );
  }
  // « elle a fait combien de CA, la campagne ? »: a campaign meant but not named (no ranking says which).
  const named = p.scope.campaigns.length + p.scope.prefixes.length + p.scope.categories.length > 0;
  const decides = CUT.test(p.text) || BOOST.test(p.text) || RANK_WORDS.test(p.text);
  if (!named && UNNAMED_CAMPAIGN.test(p.text) && !decides && !WHICH.test(p.text))
    return askBack(clarificationText('campaign', language, ''), [
      language === 'en' ? 'Performance by campaign' : 'Performance par campagne',
    ]);
  // « mets les 2 facebook côte à côte »: two of the four facebook campaigns, which ones is not said.
  const family = p.scope.prefixes.length === 1 ? prefixed(p.scope.prefixes[0]!, catalog) : [];
  if (
    p.count !== undefined &&
    p.count > 1 &&
    p.count < family.length &&
    p.scope.campaigns.length === 0 &&
    !decides &&
    findDirectionWord(p.text) === undefined
  )
    return askBack(
      language === 'en'
        ? `Which ${p.count} of the ${family.length} "${p.scope.prefixes[0]}" campaigns (${family.join(', ')})?`
        : `Lesquelles des ${family.length} campagnes « ${p.scope.prefixes[0]} » (${family.join(', ')}) ?`,
      [question.replace(/\b(les |the )?\d+\s/i, '$1')],
    );
  // « le panier moyen », « la marge »: a figure the model does not hold, said so, with the ones it has.
  for (const missing of NOT_IN_MODEL) {
    const match = missing.pattern.exec(p.text);
    if (!match) continue;
    const instead = missing.instead[language];
    return askBack(
      language === 'en'
        ? `${missing.en} is not in your data. I can show ${instead} instead.`
        : `${missing.fr} n'est pas dans vos données. Je peux montrer ${instead} à la place.`,
      [replacePhrase(question, match[0], instead)],
    );
  }
  // « coût unitaire », « les plus chères »: a cost word that names no one metric, even though « coût » reads as spend.
  const unitCost =
    /\bcouts? unitaires?\b|\bunit costs?\b|\ba l'unite\b|\b(les )?plus cheres?\b(?! par)|\bcoutent le plus\b(?! par)|\bmost expensive\b|\bcost the most\b|\bcouts? par resultats?\b|\bcost per results?\b|\b(?:cout|cost|coute)\w*(?: [\w']+){0,3} (?:un|par|per|a|chaque|each) (?:resultat|result)\b|\bcouts?\s?\/\s?resultats?\b|\bcosts?\s?\/\s?results?\b/;
  const onlySpend = p.metrics.every((metric) => metric === 'mark_spent');
  if (p.metrics.length > 0 && !((unitCost.test(p.text) || BARE_COST.test(p.text)) && onlySpend))
    return undefined;
  for (const [pattern, candidates] of VAGUE) {
    const match = pattern.exec(p.text);
    if (!match) continue;
    // « la performance de google_hot ? »: which figure — or the campaign's whole card (« comment va … »).
    const card =
      candidates[0] === 'roi' && candidates[1] === 'revenue' && p.scope.campaigns.length === 1
        ? [
            language === 'en'
              ? `How is ${p.scope.campaigns[0]} doing?`
              : `Comment va ${p.scope.campaigns[0]} ?`,
          ]
        : [];
    return askBack(
      language === 'en'
        ? `By "${asWritten(question, match[0])}", do you mean ${candidates.map((metric) => METRIC_WORDS[metric].en).join(', ')}?`
        : `Par « ${asWritten(question, match[0])} », vous entendez ${candidates
            .map((metric) => METRIC_WORDS[metric].fr)
            .join(', ')
            .replace(/, ([^,]*)$/, ' ou $1')} ?`,
      [
        ...candidates.map(
          (metric) => `${question.replace(/\s*\?+\s*$/, '')} — ${METRIC_WORDS[metric][language]}`,
        ),
        ...card,
      ],
    );
  }
  return undefined;
}

/** The words of the question as the person wrote them (accents and case) for a phrase found in normalized text. */
export function asWritten(question: string, phrase: string): string {
  const words = question.split(/[\s'’]+/);
  const size = phrase.split(/\s+/).length;
  for (let start = 0; start + size <= words.length; start++) {
    const candidate = words
      .slice(start, start + size)
      .join(' ')
      .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (normalize(candidate) === phrase) return candidate;
  }
  return phrase;
}

/**
 * `question` with the words that normalize to `phrase` (and the article before them) replaced by `instead`; the
 * question's other words stay as written (« le panier moyen de google_hot » → « le chiffre d'affaires et les
 * commandes de google_hot »).
 */
function replacePhrase(question: string, phrase: string, instead: string): string {
  const words = question.replace(/\s*\?+\s*$/, '').split(/\s+/);
  const size = phrase.split(/\s+/).length;
  for (let start = 0; start + size <= words.length; start++) {
    const candidate = words.slice(start, start + size).join(' ');
    if (prepare(candidate).replace(/[^a-z0-9' ]/g, '') !== phrase) continue;
    const article = start > 0 && /^(le|la|les|l'|the|a|an|notre|our)$/i.test(words[start - 1]!) ? 1 : 0;
    return [...words.slice(0, start - article), instead, ...words.slice(start + size)].join(' ');
  }
  return instead;
}

/** One short question back, with one option (a button) per reading. */
export function askBack(clarification: string, options: string[]): MetricReading {
  return { intent: 'kpi_qa', calls: [], confidence: 0.6, clarification, options };
}

export function replaceWord(question: string, word: string, name: string): string {
  const pattern = new RegExp(`\\b${word.replace(/\d/, '[\\s-]?$&')}\\b`, 'i');
  const replaced = question.replace(pattern, name);
  return replaced === question ? `${question} (${name})` : replaced;
}

/** « la campagne insta », "the insta campaign", "the instagram tier campaign": one campaign asked for, the word
 * written is a brand (with « tier » when a tier is meant but not which). */
const ONE_CAMPAIGN_OF =
  /\b(?:la|cette|the|this|that|notre|our) (?:campagne|campaign) ([a-z]+)( tiers?)?\b(?! ?\d)|\b(?:the|this|that|our) ([a-z]+)( tiers?)? campaign\b(?!s)/;

/** A question back when one campaign is asked for by a brand that has several (« ROAS de la campagne insta ? »). */
export function askWhichOfBrand(
  question: string,
  p: Parsed,
  catalog: Catalog,
  language: Language,
): MetricReading | undefined {
  const brand = p.scope.prefixes[0];
  // « la campagne insta la plus rentable » asks for a ranking within the family, not which one is meant.
  if (!brand || p.scope.prefixes.length > 1 || p.scope.campaigns.length > 0 || RANK_WORDS.test(p.text))
    return undefined;
  const match = ONE_CAMPAIGN_OF.exec(normalize(question));
  const word = match?.[1] ?? match?.[3];
  if (!word || expandBrand(word) !== brand) return undefined;
  const tier = Boolean(match?.[2] ?? match?.[4]);
  const candidates = prefixed(brand, catalog).filter((name) => !tier || /tier/i.test(name));
  if (candidates.length < 2) return undefined;
  return askBack(
    language === 'en'
      ? `Which ${brand} campaign do you mean: ${candidates.join(', ')}?`
      : `Quelle campagne ${brand} : ${candidates.join(', ')} ?`,
    candidates
      .slice(0, 4)
      .map((name) => replaceWord(question, `${word}${match?.[2] ?? match?.[4] ?? ''}`, name)),
  );
}
