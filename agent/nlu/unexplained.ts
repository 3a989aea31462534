// The words of a question the offline parse leaves unexplained: not in the lexicon (function words, chat fillers,
// domain words the rules read) and not used by the parse either — the plan is the same with the word taken out.
// Such a word is a sign the question asks something the rules did not read (« au minimum 1,5 », "which to cut
// and which to scale", a typo of a metric): the bot then asks back instead of answering another question.
import type { Plan, PlannerInput } from '../../src/analysis/plan.js';
import type { Catalog } from '../../src/analysis/vocabulary.js';
import { asideWords } from './asides.js';
import { expandBrand } from './brands.js';
import { harmlessPhraseWords, isKnownWord } from './lexicon.js';
import { correctWord, normalize } from './normalize.js';

const WORD = /[\p{L}\p{N}_]+/gu;
/** Each tried word costs one more parse (well under a millisecond); long inputs stop here. */
const MAX_TRIED = 12;
/** Longer chunks are codes or pasted tokens, not words. */
const MAX_WORD_CHARS = 24;

const signature = (plan: Plan) => JSON.stringify([plan.intent, plan.calls, plan.clarification !== undefined]);
const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const NAME_WORDS = new WeakMap<Catalog, Set<string>>();

/**
 * The words of the data's own names (campaign name parts, categories): never harmless, whatever the lexicon says —
 * « retargeting » ignored answers about every facebook campaign instead of one.
 */
function nameWords(catalog: Catalog): Set<string> {
  let words = NAME_WORDS.get(catalog);
  if (!words) {
    words = new Set(
      [...catalog.campaigns.map((campaign) => campaign.campaignName), ...catalog.categories].flatMap((name) =>
        normalize(name)
          .split(/[^a-z0-9]+/)
          .filter((part) => part.length >= 3),
      ),
    );
    NAME_WORDS.set(catalog, words);
  }
  return words;
}

/** The text with every occurrence of `word` (as a whole word) taken out. */
export function withoutWord(text: string, word: string): string {
  return text
    .replace(new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(word)}(?![\\p{L}\\p{N}_])`, 'gu'), ' ')
    .replace(/\s+([?!.,;:])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** The words of `input.text`, as written, that neither the lexicon nor the parse (`plan`, made by `replan`) explains. */
export function unexplainedWords(
  input: PlannerInput,
  plan: Plan,
  replan: (input: PlannerInput) => Plan,
): string[] {
  if (plan.calls.length === 0 || plan.clarification) return [];
  const text = input.text ?? '';
  const base = signature(plan);
  const names = nameWords(input.catalog);
  const used = normalize(JSON.stringify(plan.calls));
  const phraseWords = harmlessPhraseWords(normalize(text));
  const asides = asideWords(text, input.catalog, usedMetrics(plan));
  const seen = new Set<string>();
  const found: string[] = [];
  // Codes, names with digits and pasted tokens (« xoxb-123-abc », « instagram_tier2 ») are not words: never tried,
  // never echoed back in a question (a pasted secret must not come back in an answer or in memory).
  const words = text
    .split(/\s+/)
    .filter((chunk) => !/\d/.test(chunk) && chunk.length <= MAX_WORD_CHARS)
    .flatMap((chunk) => [...chunk.matchAll(WORD)].map(([word]) => word));
  for (const word of words) {
    const key = normalize(word);
    if (seen.has(key) || key.length < 2) continue;
    // A whole name the plan uses (« youtube_blogger » beside « quel blogueur », which names it too) is explained.
    if (key.includes('_') && used.includes(key)) continue;
    // A name word is explained by the names the plan uses (« youtub blogger » → youtube_blogger), not by the lexicon.
    const nameWord = [key, correctWord(key), expandBrand(key)].find((form) => names.has(form));
    if (nameWord ? used.includes(nameWord) : isKnownWord(key)) continue;
    // « search google_hot »: a category word is explained by a campaign of that category the plan uses; « pour chaque
    // type de campagne (social, search, etc.) »: by a plan that shows every category.
    if (
      nameWord &&
      (ownCategory(nameWord, used, input.catalog) || everyCategory(nameWord, plan, input.catalog))
    )
      continue;
    if (phraseWords.has(key) || asides.has(key)) continue;
    seen.add(key);
    if (seen.size > MAX_TRIED) break;
    if (signature(replan({ ...input, text: withoutWord(text, word) })) === base) found.push(word);
  }
  return found;
}

/** Whether `word` is the category of a campaign named in `used` (the plan's calls, normalized). */
function ownCategory(word: string, used: string, catalog: Catalog): boolean {
  if (!catalog.categories.some((category) => normalize(category) === word)) return false;
  return catalog.campaigns.some(
    (campaign) => normalize(campaign.category) === word && used.includes(normalize(campaign.campaignName)),
  );
}

/** Whether `word` is a category and the plan shows every category, one row each. */
function everyCategory(word: string, plan: Plan, catalog: Catalog): boolean {
  if (!catalog.categories.some((category) => normalize(category) === word)) return false;
  return plan.calls.some((call) => {
    const groups = [call.args.group_by].flat();
    return (
      groups.includes('category') && call.args.categories === undefined && call.args.category === undefined
    );
  });
}

/** The metrics the plan's calls use (`metrics`, `metric`). */
function usedMetrics(plan: Plan): Set<string> {
  return new Set(
    plan.calls.flatMap((call) =>
      [call.args.metrics, call.args.metric].flat().filter((name): name is string => typeof name === 'string'),
    ),
  );
}
