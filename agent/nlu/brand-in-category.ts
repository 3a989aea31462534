// A brand qualified by a category: « influ yt ou insta » (the influencer campaigns of youtube and instagram), "insta
// influencer", « nos campagnes d'influence, YouTube et Instagram ». Read as separate filters, « insta » is every
// instagram campaign and « influence » a third side: the figures of three scopes instead of two campaigns. When every
// brand named holds campaigns of that category, and at least one holds others too, each brand stands for its
// campaigns in the category, and the category is no longer a side of its own.
import type { Catalog } from '../../src/analysis/vocabulary.js';
import { BRAND_ALIASES } from './brands.js';
import { findCategories } from './entities.js';
import type { Scope } from './scope.js';

/** Words that set a category against a brand as two sides (« social vs instagram »). */
const SIDES = /\b(?:vs|versus|contre|against|compar\w*|par rapport)\b/;
const INCLUDED = /\b(?:compris|inclu\w*|including|incl)\b/;
/** How far (in words) a category may stand from a brand it qualifies: next to it when the text sets sides. */
const NEAR = 1;
const FAR = 4;

export function withBrandsInCategory(scope: Scope, normalized: string, catalog: Catalog): Scope {
  const [category] = scope.categories;
  if (scope.categories.length !== 1 || scope.prefixes.length === 0 || !category) return scope;
  const inCategory = (name: string) =>
    catalog.campaigns.some((campaign) => campaign.campaignName === name && campaign.category === category);
  if (!scope.campaigns.every(inCategory)) return scope;
  const byBrand = scope.prefixes.map((prefix) => {
    const holds = catalog.campaigns
      .filter((campaign) => campaign.campaignName.toLowerCase().startsWith(prefix.toLowerCase()))
      .map((campaign) => campaign.campaignName);
    return { holds, kept: holds.filter(inCategory) };
  });
  if (byBrand.some(({ kept }) => kept.length === 0)) return scope;
  if (byBrand.every(({ holds, kept }) => kept.length === holds.length)) return scope;
  // « sur Instagram au total, influenceur compris »: the category is added to the brand, not a part of it.
  if (INCLUDED.test(normalized) || !nextToABrand(normalized, scope.prefixes, catalog)) return scope;
  const campaigns = [...new Set([...scope.campaigns, ...byBrand.flatMap(({ kept }) => kept)])];
  // One brand in the category (« instagram social »): its campaigns there are one group, one figure over them.
  const [only] = byBrand;
  const group = scope.campaigns.length === 0 && byBrand.length === 1 && only ? only.kept : undefined;
  return {
    ...scope,
    campaigns,
    prefixes: [],
    categories: [],
    ...(group && group.length > 1 ? { group } : {}),
  };
}

/** Whether a word of the category stands close to a brand word (or a campaign's first word). */
function nextToABrand(normalized: string, prefixes: readonly string[], catalog: Catalog): boolean {
  let text = normalized;
  for (const [pattern, brand] of BRAND_ALIASES) text = text.replace(pattern, brand);
  const words = text.split(/[^a-z0-9]+/).filter((word) => word.length > 0);
  const brands = new Set([
    ...prefixes.map((prefix) => prefix.toLowerCase()),
    ...catalog.campaigns.map((campaign) => campaign.campaignName.toLowerCase().split(/[_\s-]/)[0] ?? ''),
  ]);
  const reach = SIDES.test(text) ? NEAR : FAR;
  const categoryAt = words.flatMap((word, at) => (findCategories(word, catalog).length > 0 ? [at] : []));
  const brandAt = words.flatMap((word, at) => (brands.has(word) ? [at] : []));
  return categoryAt.some((at) => brandAt.some((other) => Math.abs(other - at) <= reach));
}
