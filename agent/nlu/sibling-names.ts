// « et pour tier2 ? » after a question on instagram_tier1: the sibling of the campaign just discussed
// (instagram_tier2), not a question back between facebOOK_tier2 and instagram_tier2. Only when the follow-up names
// no brand itself (« et facebook tier2 ? » stays as written).
import type { PlannedCall } from '../../src/analysis/plan.js';
import type { Catalog } from '../../src/analysis/vocabulary.js';
import { expandBrand } from './brands.js';

const brandOf = (name: string) => name.toLowerCase().split(/[_\s-]/)[0] ?? '';

const LOOKUPS = new WeakMap<Catalog, { names: Map<string, string>; brands: Set<string> }>();

/** The catalog's names by lower case, and their brands (built once per catalog: it may hold 100k names). */
function lookupOf(catalog: Catalog) {
  let lookup = LOOKUPS.get(catalog);
  if (!lookup) {
    const names = new Map(
      catalog.campaigns.map(({ campaignName }) => [campaignName.toLowerCase(), campaignName]),
    );
    lookup = { names, brands: new Set([...names.keys()].map(brandOf)) };
    LOOKUPS.set(catalog, lookup);
  }
  return lookup;
}

/** The text with bare name parts completed by the brand of the one campaign the previous calls named. */
export function withSiblingNames(text: string, previous: readonly PlannedCall[], catalog: Catalog): string {
  const named = new Set(
    previous.flatMap((call) =>
      [call.args.campaign_name, ...(Array.isArray(call.args.campaigns) ? call.args.campaigns : [])].filter(
        (name): name is string => typeof name === 'string',
      ),
    ),
  );
  if (named.size !== 1) return text;
  const brand = brandOf([...named][0]!);
  const { names, brands } = lookupOf(catalog);
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  if (words.some((word) => brands.has(expandBrand(word)))) return text;
  return text.replace(/[A-Za-z0-9]{3,}/g, (word) => names.get(`${brand}_${word.toLowerCase()}`) ?? word);
}
