// Categories (French and English names) and campaign names (case-insensitive, separators optional, small
// typos, unique prefixes). Only names present in the catalog ever come out, in the catalog's spelling.
import { distance } from 'fastest-levenshtein';
import { type Catalog, createNameIndex, type NameIndex } from '../../src/analysis/vocabulary.js';
import { expandBrand } from './brands.js';

// What people call each usual category. Longer phrases first so « social media » is not read as « media ».
const CATEGORY_SYNONYMS: [RegExp, string][] = [
  [/\breseaux? sociaux\b|\breseau social\b|\bsocial (media|networks?)\b|\bsocia(l|ux|les?)\b/, 'social'],
  // « influance », « infuencer », « influncer »: the slips of a long word, read as it.
  [/\binfluen\w*|\binflus?\b|\binflu[a-z]{0,2}n[cs]\w*|\binfu?l?uen\w*|\bcreateurs? de contenus?\b|\bcreators?\b/, 'influencer'],
  [/\bmoteurs? de recherche\b|\brecherche( payante)?\b|\b(paid )?search\b|\bsea\b|(?<!\b(?:dernieres?|derniers?|premieres?|prochaines?|deuxieme|troisieme|quatrieme|cette|la|\d{1,2}|\d{1,2}e|\d{1,2}eme|1re|1ere) )\bsem\b(?!\.)(?!\s?(?:\d|du\b|de la\b|dern\w*|precedente|prec\b|passee|ecoulee|prochaine|d'avant))|\bsearch engines?\b/, 'search'],
  [/\bdisplay\b|\bbannieres?\b|\bbanners?\b|(?<!\binvestissements? )\bmedias?\b(?! (?:investments?|spend|budget)\b)|\bprogrammatique\b/, 'media'],
]; // biome-ignore format: a table

/** Phrases that mean "every category" (for the budget simulation's category 'all', or dropping a filter). */
export const ALL_CATEGORIES =
  /\b(toutes (les )?categories|tous (les )?canaux|all categories|all channels|every category|global(e|ement)?|overall|ensemble|entier|whole|total)\b/;

const key = (name: string) => name.toLowerCase().replace(/[\s_\-.]+/g, '');

export interface CampaignMatch {
  /** The one campaign meant, when there is exactly one. */
  name?: string;
  /** Several campaigns fit (« facebook »): the candidates, for a clarification. */
  candidates: string[];
  /** How sure the match is: exact 1, typo or prefix less. */
  score: number;
  /** Where the name was written, to mask it before looking for categories. */
  span?: [number, number];
}

// Words that are never the start of a campaign name even if one begins with them.
const COMMON = /^(les?|la|des?|du|the|and|et|par|by|top|pour|for|sur|on|in|en|ce|cette|this)$/;

/** Above this many campaigns, names are looked up through an index built once per catalog, not name by name. */
const LINEAR_LIMIT = 2000;

interface CampaignLookup {
  names: string[];
  exact: Map<string, string>;
  /** Keys sorted, for prefix ranges by binary search. */
  sorted: { key: string; name: string }[];
  typos: NameIndex;
}

const lookups = new WeakMap<Catalog, CampaignLookup>();

function lookupOf(catalog: Catalog): CampaignLookup {
  let lookup = lookups.get(catalog);
  if (!lookup) {
    const names = catalog.campaigns.map((campaign) => campaign.campaignName);
    const exact = new Map<string, string>();
    for (const name of names) if (!exact.has(key(name))) exact.set(key(name), name);
    const sorted = [...exact]
      .map(([k, name]) => ({ key: k, name }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    lookup = { names, exact, sorted, typos: createNameIndex([...exact.keys()]) };
    lookups.set(catalog, lookup);
  }
  return lookup;
}

/** Names whose key starts with `prefix` (at most `limit`), by binary search on the sorted keys. */
function withPrefix(lookup: CampaignLookup, prefix: string, limit: number): string[] {
  let low = 0;
  let high = lookup.sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lookup.sorted[middle]!.key < prefix) low = middle + 1;
    else high = middle;
  }
  const out: string[] = [];
  for (let i = low; i < lookup.sorted.length && out.length < limit; i++) {
    if (!lookup.sorted[i]!.key.startsWith(prefix)) break;
    out.push(lookup.sorted[i]!.name);
  }
  return out;
}

/** How a catalog answers the three name questions: an exact key, close keys (with their distance), a prefix. */
interface NameLookup {
  exact(key: string): string | undefined;
  near(key: string): { name: string; score: number }[];
  prefixed(key: string): string[];
}

/** A small catalog: every name is compared directly. */
function linearLookup(catalog: Catalog): NameLookup {
  const names = catalog.campaigns.map((campaign) => campaign.campaignName);
  const keys = names.map(key);
  return {
    exact: (joined) => names[keys.indexOf(joined)],
    near: (joined) => names.map((name, index) => ({ name, score: distance(keys[index]!, joined) })),
    prefixed: (joined) => names.filter((_, index) => keys[index]?.startsWith(joined)),
  };
}

/** A large catalog: the same questions through the index (exact map, trigram typos, sorted prefixes). */
function indexedLookup(catalog: Catalog): NameLookup {
  const lookup = lookupOf(catalog);
  return {
    exact: (joined) => lookup.exact.get(joined),
    near: (joined) =>
      lookup.typos
        .close(joined, 5)
        .map((candidate) => ({ name: lookup.exact.get(candidate)!, score: distance(candidate, joined) })),
    prefixed: (joined) => withPrefix(lookup, joined, 12),
  };
}

/** The campaign named in the text, if any: exact (separators optional), one typo, or a unique prefix. */
export function findCampaign(text: string, catalog: Catalog): CampaignMatch {
  const lookup = catalog.campaigns.length > LINEAR_LIMIT ? indexedLookup(catalog) : linearLookup(catalog);
  // « fb tier1 » is facebook_tier1: brand nicknames expanded, the span still the words as written.
  const tokens = [...text.matchAll(/[a-z0-9]+/g)].map((match) => ({
    word: expandBrand(match[0]),
    at: match.index,
    end: match.index + match[0].length,
  }));
  let best: CampaignMatch = { candidates: [], score: 0 };
  for (let start = 0; start < tokens.length; start++) {
    for (let size = Math.min(4, tokens.length - start); size >= 1; size--) {
      const parts = tokens.slice(start, start + size);
      const first = parts[0];
      const last = parts.at(-1);
      // (« facebook la semaine » is not facebook_lal: no function word inside a name.)
      if (!first || !last || parts.some((part) => COMMON.test(part.word))) continue;
      const joined = parts.map((part) => part.word).join('');
      const span: [number, number] = [first.at, last.end];
      const exact = lookup.exact(joined);
      if (exact) return { name: exact, candidates: [], score: 1, span };
      if (joined.length >= 7 && best.score < 0.9) {
        const close = lookup.near(joined);
        const closest = Math.min(...close.map((item) => item.score));
        const tied = close.filter((item) => item.score === closest);
        if (closest <= (joined.length >= 11 ? 2 : 1) && tied.length === 1)
          best = { name: tied[0]!.name, candidates: [], score: 0.9, span };
      }
      if (size === 1 && joined.length >= 4 && best.score < 0.85 && !/\d/.test(joined)) {
        const prefixed = lookup.prefixed(joined);
        if (prefixed.length === 1) best = { name: prefixed[0], candidates: [], score: 0.85, span };
        else if (prefixed.length > 1 && best.candidates.length === 0 && !best.name)
          best = { candidates: prefixed, score: 0.5, span };
      }
    }
  }
  return best;
}

/** Every category named in the text (synonyms or the catalog's own spelling), in reading order; only those
 * the catalog has. A matched phrase is blanked so « social media » is not also « media ». */
/** The category words a slip may hide (« socail », « serach », « meida »): one edit or two letters swapped. */
const CATEGORY_WORDS = [
  'social',
  'sociaux',
  'search',
  'recherche',
  'media',
  'display',
  'influencer',
  'influenceurs',
];

function swappedOnce(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((letter, i) => (letter === b[i] ? [] : [i]));
  return (
    diff.length === 2 &&
    diff[1] === diff[0]! + 1 &&
    a[diff[0]!] === b[diff[1]!] &&
    a[diff[1]!] === b[diff[0]!]
  );
}

/** The text with a slipped category word written right (only words of 5+ letters, never a word the text needs). */
function withCategoryWordsMended(text: string, known: ReadonlyArray<string>): string {
  const words = [...new Set([...CATEGORY_WORDS, ...known])];
  return text.replace(/\b[a-z]{5,}\b/g, (word) => {
    if (words.includes(word)) return word;
    const near = words.filter(
      (target) =>
        target[0] === word[0] &&
        (swappedOnce(target, word) || (word.length >= 6 && distance(target, word) === 1)),
    );
    return near.length === 1 ? near[0]! : word;
  });
}

export function findCategories(raw: string, catalog: Catalog): string[] {
  const known = new Map(catalog.categories.map((category) => [category.toLowerCase(), category]));
  // « la revue média de vendredi », « l'équipe SEA »: a meeting or a team named after a channel, not a filter on it.
  // « quel type de campagne (social, search...) »: examples of the categories, not a filter on two of them.
  const text = withCategoryWordsMended(raw, [...known.keys()])
    .replace(
      /\b(revue|review|reunion|meeting|comite|equipe|team|agence|agency) (?:media|medias|sea|social|influence)\b/g,
      '$1',
    )
    .replace(/\((?:[a-z_]+,\s?)+[a-z_]+\s?(?:\.\.\.|…|,?\s?etc\.?)\)/g, (list) => ' '.repeat(list.length));
  const patterns: [RegExp, string | undefined][] = [
    ...CATEGORY_SYNONYMS.map(([pattern, category]): [RegExp, string | undefined] => [
      pattern,
      known.get(category),
    ]),
    ...[...known].map(([lower, category]): [RegExp, string] => [
      new RegExp(`\\b${lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`),
      category,
    ]),
  ];
  let rest = text;
  const found: { category: string; at: number }[] = [];
  for (const [pattern, category] of patterns) {
    const global = new RegExp(pattern.source, 'g');
    for (const match of rest.matchAll(global)) if (category) found.push({ category, at: match.index });
    rest = rest.replace(global, (matched) => ' '.repeat(matched.length));
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((item) => item.category))];
}

/** The one category the text names; none when it names several (« compare social and search »). */
export function findCategory(text: string, catalog: Catalog): string | undefined {
  const categories = findCategories(text, catalog);
  return categories.length === 1 ? categories[0] : undefined;
}

/** The text with a span blanked out (a campaign name must not also be read as a category or metric). */
export function mask(text: string, span: [number, number] | undefined): string {
  if (!span) return text;
  return text.slice(0, span[0]) + ' '.repeat(span[1] - span[0]) + text.slice(span[1]);
}
