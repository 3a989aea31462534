// What a question is about: the campaigns it names (several: « google_hot et google_wide »), the name prefixes
// that stand for a family of campaigns (« facebook », « fb », « ig » → every campaign whose name starts so), the
// categories, and a word that could mean several campaigns (« tier1 », « le blogger »): then the bot asks back.
// Only names of the catalog come out, in the catalog's spelling.
import { distance } from 'fastest-levenshtein';
import type { Catalog } from '../../src/analysis/vocabulary.js';
import { findCategories } from './entities.js';

export interface Scope {
  campaigns: string[];
  prefixes: string[];
  categories: string[];
  /** A word that names several campaigns without saying which (« tier2 »), with the candidates. */
  ambiguous?: { word: string; candidates: string[] };
  /** The text with every name blanked out (metrics and categories are read on it). */
  rest: string;
}

// What people write for a brand: expanded before matching, so « fb_tier1 » is facebook_tier1.
const ALIASES: [RegExp, string][] = [
  [/\bfb\b/g, 'facebook'],
  [/\b(ig|insta|instagramm?)\b/g, 'instagram'],
  [/\b(yt|youtub|ytb)\b/g, 'youtube'],
  [/\bblogueu?r(s|se|ses)?\b/g, 'blogger$1'],
  [/\bgoogl\b/g, 'google'],
];
// Never a campaign even when a name contains them.
const COMMON = new Set(['les', 'la', 'le', 'des', 'de', 'du', 'the', 'and', 'et', 'par', 'by', 'top', 'pour', 'for', 'sur', 'on', 'in', 'en', 'ce', 'cette', 'this', 'all', 'tout', 'tous', 'toutes']); // biome-ignore format: one list

const keyOf = (name: string) => name.toLowerCase().replace(/[\s_\-.]+/g, '');
const partsOf = (name: string) =>
  name
    .toLowerCase()
    .split(/[\s_\-.]+/)
    .filter((part) => part.length > 0);

function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
}

/** `normalized`: lower case without accents, but not typo-corrected (a plural like « bloggers » must survive). */
export function findScope(normalized: string, catalog: Catalog): Scope {
  let text = normalized.replace(/_/g, ' ');
  for (const [pattern, replacement] of ALIASES) text = text.replace(pattern, replacement);
  // « tier 2 », « tier-1 »: one word.
  text = text.replace(
    /\btier[\s-]?([0-9])\b/g,
    (match, digit: string) => `tier${digit}${' '.repeat(match.length - 5)}`,
  );
  const names = catalog.campaigns.map((campaign) => campaign.campaignName);
  const keys = names.map(keyOf);
  const campaigns: string[] = [];
  // 1. Full names, separators optional (« google hot », « facebook_tier1 »), or one typo in a long one.
  const tokens = () => [...text.matchAll(/[a-z0-9]+/g)].map((match) => ({ word: match[0], at: match.index }));
  // Exact names first (every window), then one typo in a long name (windows of plain words only, so « facebook
  // la semaine » is never read as facebook_lal).
  for (const typo of [false, true]) {
    let found = true;
    while (found) {
      found = false;
      const words = tokens();
      outer: for (let start = 0; start < words.length; start++) {
        for (let size = Math.min(4, words.length - start); size >= 1; size--) {
          const parts = words.slice(start, start + size);
          if (parts.some((part) => COMMON.has(part.word))) continue;
          const joined = parts.map((part) => part.word).join('');
          let index = typo ? -1 : keys.indexOf(joined);
          if (typo && joined.length >= 9 && parts.every((part) => part.word.length >= 3) && size <= 2) {
            const scores = keys.map((key) => distance(key, joined));
            const best = Math.min(...scores);
            if (
              best <= (joined.length >= 12 ? 2 : 1) &&
              scores.filter((score) => score === best).length === 1
            )
              index = scores.indexOf(best);
          }
          if (index >= 0) {
            campaigns.push(names[index]!);
            text = blank(text, parts[0]!.at, parts.at(-1)!.at + parts.at(-1)!.word.length);
            found = true;
            break outer;
          }
        }
      }
    }
  }
  // 2. A word that is a part of campaign names: a prefix shared by several is a family (facebook = every
  //    facebook_*); a part of exactly one is that campaign (« lal », « youtube »); a part of several that is not a
  //    prefix (« tier1 », « blogger ») is ambiguous — unless written in the plural (« les bloggers » = all of them).
  const prefixes: string[] = [];
  let ambiguous: Scope['ambiguous'];
  for (const { word, at } of tokens()) {
    if (word.length < 3 || COMMON.has(word) || /^\d+$/.test(word)) continue;
    const singular = word.replace(/s$/, '');
    const plural = singular !== word;
    const holders = names.filter(
      (name) => partsOf(name).includes(word) || (plural && partsOf(name).includes(singular)),
    );
    if (holders.length === 0) continue;
    const asPrefix = names.filter((name) => partsOf(name)[0] === word);
    if (asPrefix.length >= 2) prefixes.push(word);
    else if (holders.length === 1) campaigns.push(holders[0]!);
    else if (plural) campaigns.push(...holders);
    else ambiguous ??= { word, candidates: holders };
    text = blank(text, at, at + word.length);
  }
  const categories = findCategories(text, catalog);
  return {
    campaigns: [...new Set(campaigns)],
    prefixes: [...new Set(prefixes)],
    categories,
    ...(ambiguous ? { ambiguous } : {}),
    rest: text,
  };
}
