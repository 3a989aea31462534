// « CPA par catégorie, hors search », "excluding search", « sauf facebook »: every member but the ones named. The
// query filters take members to keep, so an exclusion becomes the catalog's other members — read only when that
// list fits the filter (20 names); otherwise the negation stays unread and the bot asks back.
import type { Catalog } from '../../src/analysis/vocabulary.js';
import { expandBrand } from './brands.js';
import { findCategories } from './entities.js';
import type { Scope } from './scope.js';

/** The query filters take at most this many names (query_metrics' schema). */
const MAX_MEMBERS = 20;

const EXCLUDING =
  /\b(?:hors|sauf|excepte|except|excluding|exclusion faite d\w*|other than|without|a part|pas (?:dans|sur)|not in|si (?:on|l'on) (?:enleve|retire|exclut|sort)|en (?:enlevant|retirant|excluant)|sans compter|minus)\s(?:(?:le|la|les|l'|du|de la|des|the|our|nos)\s?)?(?:(?:campagnes?|campaigns?|categories?|categorie|canal|canaux|channels?)\s)?([a-z0-9_]+)(?:\s(?:campaigns?|ads)\b)?/g;

/** The scope with the excluded members replaced by the others of their kind. */
export function withExclusions(scope: Scope, normalized: string, catalog: Catalog): Scope {
  const words = [...normalized.matchAll(EXCLUDING)].map(([, word]) => (word ?? '').toLowerCase());
  if (words.length === 0) return scope;
  const names = catalog.campaigns.map(({ campaignName }) => campaignName);
  // « hors influenceurs », "excluding display": a category by any of its words.
  const named = new Set(words.flatMap((word) => findCategories(word, catalog)));
  const categories = catalog.categories.filter(
    (category) => named.has(category) && scope.categories.includes(category),
  );
  const brands = words.map(expandBrand).filter((brand) => scope.prefixes.includes(brand));
  const campaigns = scope.campaigns.filter((campaign) => words.includes(campaign.toLowerCase()));
  let result = scope;
  if (categories.length > 0) {
    const kept = scope.categories.filter((category) => !categories.includes(category));
    const others = catalog.categories.filter((category) => !categories.includes(category));
    if (others.length > 0)
      result = { ...result, categories: kept.length > 0 ? kept : others, excluded: true };
  }
  if (brands.length > 0 || campaigns.length > 0) {
    const left = names.filter(
      (name) => !campaigns.includes(name) && !brands.some((brand) => name.toLowerCase().startsWith(brand)),
    );
    const kept = scope.campaigns.filter((name) => !campaigns.includes(name));
    const members = kept.length > 0 ? kept : left;
    if (members.length > 0 && members.length <= MAX_MEMBERS)
      result = {
        ...result,
        prefixes: scope.prefixes.filter((prefix) => !brands.includes(prefix)),
        campaigns: members,
        excluded: true,
      };
  }
  return result;
}

/** The text with its exclusion phrases taken out (« hors campagnes facebook » says nothing of the object asked). */
export const withoutExclusions = (text: string): string => text.replace(EXCLUDING, ' ');
