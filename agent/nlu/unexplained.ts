// The words of a question the offline parse leaves unexplained: not in the lexicon (function words, chat fillers,
// domain words the rules read) and not used by the parse either — the plan is the same with the word taken out.
// Such a word is a sign the question asks something the rules did not read (« au minimum 1,5 », "which to cut
// and which to scale", a typo of a metric): the bot then asks back instead of answering another question.
import type { Plan, PlannerInput } from '../../src/analysis/plan.js';
import type { Catalog } from '../../src/analysis/vocabulary.js';
import { asideWords } from './asides.js';
import { expandBrand, OTHER_AD_PLATFORMS } from './brands.js';
import { findCategories } from './entities.js';
import { harmlessPhraseWords, isKnownWord } from './lexicon.js';
import { ALIASES, correctWord, normalize } from './normalize.js';

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
  const prefixes = plan.calls.flatMap(({ args }) =>
    typeof args.name_prefix === 'string' ? [normalize(args.name_prefix)] : [],
  );
  const familyNames = input.catalog.campaigns
    .map((campaign) => normalize(campaign.campaignName))
    .filter((name) => prefixes.some((prefix) => name.startsWith(prefix)));
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
  const normalizedText = ` ${normalize(text).replace(/[^\p{L}\p{N}_]+/gu, ' ')} `;
  // Each written form is read once: what follows depends only on it, and a pasted 50 KB message repeats its words
  // thousands of times (reading each occurrence against the whole text was quadratic).
  const read = new Set<string>();
  for (const word of words) {
    if (read.has(word)) continue;
    read.add(word);
    const key = normalize(word);
    if (seen.has(key) || key.length < 2) continue;
    // A word the dictation rewrites joined to its neighbour (« insta gramme », « face book ») is read as that name.
    if (!normalizedText.includes(` ${key} `) && /^[a-z]+$/.test(key)) continue;
    // A whole name the plan uses (« youtube_blogger » beside « quel blogueur », which names it too) is explained.
    if (key.includes('_') && used.includes(key)) continue;
    // A name word is explained by the names the plan uses (« youtub blogger » → youtube_blogger, « gugle » → google),
    // not by the lexicon: a name the reading dropped answers about other campaigns.
    const alias = Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
    const nameWord = [key, alias, correctWord(key), expandBrand(key), alias && expandBrand(alias)].find(
      (form): form is string => form !== undefined && names.has(form),
    );
    // A word that stands for a category (« influenceurs », « réseaux sociaux », « display ») is a name too.
    const category = nameWord ?? categoryWord(text, word, input.catalog);
    // "the tiktok campaign", « nos pubs snapchat »: an ad platform the data does not have, even when the rest reads
    // without it (« the campaign » alone asks which, so taking the word out changes the plan).
    if (!category && OTHER_AD_PLATFORMS.has(key)) {
      seen.add(key);
      found.push(word);
      continue;
    }
    if (category ? used.includes(category) : isKnownWord(key)) continue;
    // « toutes les campagnes instagram (blogger compris) »: a part of a name in the family the plan takes.
    if (nameWord && familyNames.some((name) => name.split(/[^a-z0-9]+/).includes(nameWord))) continue;
    // « search google_hot »: a category word is explained by a campaign of that category the plan uses; « pour chaque
    // type de campagne (social, search, etc.) »: by a plan that shows every category.
    if (
      category &&
      (ownCategory(category, used, plan, input.catalog) || everyCategory(category, plan, input.catalog))
    )
      continue;
    if (phraseWords.has(key) || asides.has(key)) continue;
    seen.add(key);
    if (seen.size > MAX_TRIED) break;
    if (signature(replan({ ...input, text: withoutWord(text, word) })) === base) found.push(word);
  }
  return found;
}

/**
 * The category (normalized) a word stands for in the text (« influenceurs », « display »), if any: the one the
 * text no longer names without it. Read in context: « sem » is search, but « sem dernière » is last week.
 */
function categoryWord(text: string, word: string, catalog: Catalog): string | undefined {
  const named = findCategories(normalize(text), catalog);
  if (named.length === 0) return undefined;
  const left = new Set(findCategories(normalize(withoutWord(text, word)), catalog));
  const lost = named.find((category) => !left.has(category));
  return lost === undefined ? undefined : normalize(lost);
}

/**
 * Whether `word` is the category of a campaign named in `used` (the plan's calls, normalized), or of a campaign the
 * plan's name prefix holds (« les campagnes social facebook »).
 */
function ownCategory(word: string, used: string, plan: Plan, catalog: Catalog): boolean {
  if (!catalog.categories.some((category) => normalize(category) === word)) return false;
  const prefixes = plan.calls
    .map((call) => call.args.name_prefix)
    .filter((prefix): prefix is string => typeof prefix === 'string')
    .map(normalize);
  return catalog.campaigns.some((campaign) => {
    if (normalize(campaign.category) !== word) return false;
    const name = normalize(campaign.campaignName);
    return used.includes(name) || prefixes.some((prefix) => name.startsWith(prefix));
  });
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
