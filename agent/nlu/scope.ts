// What a question is about: the campaigns it names (several: « google_hot et google_wide »), the name prefixes
// that stand for a family of campaigns (« facebook », « fb », « ig » → every campaign whose name starts so), the
// categories, and a word that could mean several campaigns (« tier1 », « le blogger »): then the bot asks back.
// Only names of the catalog come out, in the catalog's spelling.
import { distance } from 'fastest-levenshtein';
import { eng, fra } from 'stopword';
import { type Catalog, createNameIndex, type NameIndex } from '../../src/analysis/vocabulary.js';
import { BRAND_ALIASES, OTHER_AD_PLATFORMS } from './brands.js';
import { findCategories } from './entities.js';
import { swapped } from './normalize.js';

export interface Scope {
  campaigns: string[];
  prefixes: string[];
  categories: string[];
  /** Set when the members are the others of one excluded (« hors search », "excluding facebook"): exclusions.ts. */
  excluded?: boolean;
  /** The campaigns a plural name part gave (« les bloggers »): a group, one figure over it unless compared. */
  group?: string[];
  /** A word that names several campaigns without saying which (« tier2 »), with the candidates. */
  ambiguous?: { word: string; candidates: string[] };
  /** The text with every name blanked out (metrics and categories are read on it). */
  rest: string;
}

/** « quelle campagne blogger », "which tier1 campaign": the word right after asks which of its campaigns. */
const WHICH_BEFORE =
  /\b(?:quel|quelle|quels|quelles|which|what)\s(?:campagnes?\s|campaigns?\s|des\s|of the\s)?$/;

/** Function words, and time words that sit next to names (« facebook last week » is not facebook_lal + « week »). */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...eng,
  ...fra,
  'last',
  'past',
  'next',
  'week',
  'month',
]);

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

/** Lookups built once per catalog: a question costs a few map reads, not a pass over every name (100k+). */
interface Lookup {
  /** Separator-free lower-case name → the name. */
  byKey: Map<string, string>;
  /** Each part of a name (facebook, tier1, lal…) → the names holding it; the first part → the names it starts. */
  holders: Map<string, string[]>;
  starters: Map<string, string[]>;
  /** The one name a long word is a typo of, if exactly one is closest. */
  closest(joined: string): string | undefined;
}

const LOOKUPS = new WeakMap<Catalog, Lookup>();
/** Above this many campaigns, typo candidates come from the catalog's trigram index, not a pass over every name. */
const LARGE_CATALOG = 2_000;

function lookupOf(catalog: Catalog): Lookup {
  const cached = LOOKUPS.get(catalog);
  if (cached) return cached;
  const names = catalog.campaigns.map((campaign) => campaign.campaignName);
  const byKey = new Map<string, string>();
  const holders = new Map<string, string[]>();
  const starters = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, name: string) => {
    const list = map.get(key);
    if (list) list.push(name);
    else map.set(key, [name]);
  };
  for (const name of names) {
    if (!byKey.has(keyOf(name))) byKey.set(keyOf(name), name);
    const parts = partsOf(name);
    for (const part of new Set(parts)) add(holders, part, name);
    if (parts[0]) add(starters, parts[0], name);
  }
  let index: NameIndex | undefined;
  const trigramIndex = (): NameIndex => {
    index ??= catalog.names ?? createNameIndex(names);
    return index;
  };
  const closest = (joined: string): string | undefined => {
    const allowed = joined.length >= 12 ? 2 : 1;
    const candidates =
      names.length > LARGE_CATALOG ? trigramIndex().close(joined, 5).map(keyOf) : [...byKey.keys()];
    let best: string | undefined;
    let bestScore = allowed + 1;
    let ties = 0;
    const digits = joined.replace(/\D/g, '');
    for (const key of candidates) {
      if (Math.abs(key.length - joined.length) > allowed) continue;
      // Numbers in a name are ids: instagram_tier1_000009 is not a typo of instagram_tier4_000009.
      if (key.replace(/\D/g, '') !== digits) continue;
      // Two neighbouring letters swapped (« google hto ») are one slip, though two edits for Levenshtein.
      const score = swapped(key, joined) ? 1 : distance(key, joined);
      if (score < bestScore) {
        best = key;
        bestScore = score;
        ties = 1;
      } else if (score === bestScore) ties++;
    }
    return best !== undefined && ties === 1 ? byKey.get(best) : undefined;
  };
  const lookup: Lookup = { byKey, holders, starters, closest };
  LOOKUPS.set(catalog, lookup);
  return lookup;
}

/** `normalized`: lower case without accents, but not typo-corrected (a plural like « bloggers » must survive). */
/** The name part `word` misspells (one slip under 8 letters, two from 8), if exactly one is that close. */
function nearPart(word: string, lookup: { holders: Map<string, string[]> }): string {
  if (word.length < 6 || COMMON.has(word)) return word;
  const allowed = word.length >= 8 ? 2 : 1;
  const near = [...lookup.holders.keys()].filter(
    (key) => key.length >= 6 && key[0] === word[0] && distance(key, word) <= allowed,
  );
  return near.length === 1 ? near[0]! : word;
}

/**
 * Wordings that name a scope another way: « tier1 vs tier2 facebook » (the brand after both tiers belongs to each),
 * « toutes les campagnes instagram (blogger compris) » (the brand's every campaign already holds its blogger).
 */
function withScopeWording(normalized: string): string {
  return (
    normalized
      // "our YouTube creator's agent", « l'agent de l'influenceur »: a person, not the influencer channel.
      .replace(
        /\b(?:creator|influencer|blogger|partner)'s (?:agent|manager|team|agency)\b|\b(?:agent|manager|agence) (?:de l'|du |de la )(?:createur|createurice|influenceu(?:r|se)|blogueu(?:r|se)|partenaire)\b/g,
        (found) => ' '.repeat(found.length),
      )
      // « notre acheteur média », "our media buyer": a person's job, not the media channel.
      .replace(
        /\b(?:acheteu(?:r|se)s?|planneu(?:r|se)s?|buyers?|planners?) (?:media|medias)\b|\bmedia (?:buyers?|planners?)\b/g,
        (found) => ' '.repeat(found.length),
      )
      .replace(
        /\b(tier[1-3]) (vs\.?|versus|contre|et|and|ou|or|&) (tier[1-3]) (?:(?:de|of|on|sur|chez) )?(facebook|instagram|fb|ig|insta)\b/g,
        '$4 $1 $2 $3',
      )
      .replace(
        /(\b(?:instagram|insta|ig|youtube|yt)\b.*?)\s?\(?(?:(?:y )?compris (?:le |les |the )?blogg?eu?rs?|(?:le |les |the )?blogg?eu?rs? (?:compris|inclus|included)|(?:including|incl\.?|inclus|avec) (?:the |le |les )?blogg?eu?rs?)\)?/g,
        '$1',
      )
  );
}

export function findScope(normalized: string, catalog: Catalog): Scope {
  let text = withScopeWording(normalized).replace(/_/g, ' ');
  for (const [pattern, replacement] of BRAND_ALIASES) text = text.replace(pattern, replacement);
  // « tier 2 », « tier-1 »: one word.
  text = text.replace(
    /\bt(?:ier|eir)[\s-]?([0-9])\b/g,
    (match, digit: string) => `tier${digit}${' '.repeat(match.length - 5)}`,
  );
  const lookup = lookupOf(catalog);
  const campaigns: string[] = [];
  const tokens = () => [...text.matchAll(/[a-z0-9]+/g)].map((match) => ({ word: match[0], at: match.index }));
  // 1. Full names, separators optional (« google hot », « facebook_tier1 »): every window of up to 4 words.
  let found = true;
  while (found) {
    found = false;
    const words = tokens();
    outer: for (let start = 0; start < words.length; start++) {
      for (let size = Math.min(4, words.length - start); size >= 1; size--) {
        const parts = words.slice(start, start + size);
        if (parts.some((part) => COMMON.has(part.word))) continue;
        const name = lookup.byKey.get(parts.map((part) => part.word).join(''));
        if (name) {
          campaigns.push(name);
          text = blank(text, parts[0]!.at, parts.at(-1)!.at + parts.at(-1)!.word.length);
          found = true;
          break outer;
        }
      }
    }
  }
  // 1a. Small catalogs: one typo in a name written as one or two words (« facebok tier1 »). Large ones rely on
  //     exact names and the name-shaped tokens below (a pass over every window would cost a trigram search each).
  if (lookup.byKey.size <= LARGE_CATALOG) {
    let typo = true;
    while (typo) {
      typo = false;
      const words = tokens();
      outer: for (let start = 0; start < words.length; start++) {
        for (let size = Math.min(2, words.length - start); size >= 1; size--) {
          const parts = words.slice(start, start + size);
          if (parts.some((part) => COMMON.has(part.word) || part.word.length < 3)) continue;
          // « Facebook vs Google: how many » is not « google how » ≈ google_hot: two words of one name stand
          // side by side (no punctuation between them) and neither is a function word.
          if (
            size === 2 &&
            (!/^[\s_-]+$/.test(text.slice(parts[0]!.at + parts[0]!.word.length, parts[1]!.at)) ||
              parts.some((part) => FUNCTION_WORDS.has(part.word)))
          )
            continue;
          const joined = parts.map((part) => part.word).join('');
          const name = joined.length >= 9 ? lookup.closest(joined) : undefined;
          if (name) {
            campaigns.push(name);
            text = blank(text, parts[0]!.at, parts.at(-1)!.at + parts.at(-1)!.word.length);
            typo = true;
            break outer;
          }
        }
      }
    }
  }
  // 1b. A name written whole but misspelt (« youtub_blogger », « instagarm_tier2 »): one typo in a token written
  //     with underscores or a long single word. A name-shaped token that matches nothing is kept as written, so the
  //     tool says it does not know it and suggests close names, instead of the question falling back to a prefix.
  for (const match of [...text.matchAll(/[a-z0-9]+(?:[ ][a-z0-9]+)*/g)]) {
    const written = normalized.slice(match.index, match.index + match[0].length);
    for (const token of written.matchAll(/[a-z0-9]+(?:_[a-z0-9]+)+|[a-z]{9,}/g)) {
      const at = match.index + token.index;
      if (text.slice(at, at + token[0].length).trim() === '' || COMMON.has(token[0])) continue;
      const joined = keyOf(token[0]);
      if (lookup.byKey.has(joined) || lookup.holders.has(token[0]) || lookup.starters.has(token[0])) continue;
      const name = joined.length >= 9 ? lookup.closest(joined) : undefined;
      if (name) campaigns.push(name);
      // Kept as written only when it looks like one of the data's names (« instagram_tier1_000009 »).
      // (« pinterest_retargeting »: another platform's campaign, which the data does not have either.)
      else if (
        token[0].includes('_') &&
        (lookup.starters.has(token[0].split('_')[0]!) || OTHER_AD_PLATFORMS.has(token[0].split('_')[0]!))
      )
        campaigns.push(token[0]);
      else continue;
      text = blank(text, at, at + token[0].length);
    }
  }
  // 2. A word that is a part of campaign names: a prefix shared by several is a family (facebook = every
  //    facebook_*); a part of exactly one is that campaign (« lal », « youtube »); a part of several that is not a
  //    prefix (« tier1 », « blogger ») is ambiguous — unless written in the plural (« les bloggers » = all of them).
  const prefixes: string[] = [];
  let ambiguous: Scope['ambiguous'];
  let group: string[] | undefined;
  // Where each part stood, to pair a bare part with the brand or name written next to it.
  const spots: { at: number; end: number; part: string; holders: string[] }[] = [];
  const spotText = text;
  for (const { word, at } of tokens()) {
    if (word.length < 3 || COMMON.has(word) || /^\d+$/.test(word)) continue;
    const singular = word.replace(/s$/, '');
    const plural = singular !== word;
    // « instagarm », « instgram »: a long name part with one slip (two from 8 letters) is that part.
    const part = lookup.holders.has(word) || lookup.holders.has(singular) ? word : nearPart(word, lookup);
    const holders = lookup.holders.get(part) ?? (plural ? lookup.holders.get(singular) : undefined) ?? [];
    if (holders.length === 0) continue;
    spots.push({ at, end: at + word.length, part, holders });
    const asPrefix = lookup.starters.get(part) ?? [];
    if (asPrefix.length >= 2) prefixes.push(part);
    else if (holders.length === 1) campaigns.push(holders[0]!);
    // « les bloggers »: all of them; « quelle campagne blogger … ? »: which of them is the question itself.
    else if (plural) {
      campaigns.push(...holders);
      group = holders;
    } else if (WHICH_BEFORE.test(text.slice(Math.max(0, at - 24), at))) campaigns.push(...holders);
    else ambiguous ??= { word, candidates: holders.slice(0, 10) };
    text = blank(text, at, at + word.length);
  }
  // « le display banner_partner », "search google_hot": the category of the campaign named, not a second side.
  const joinedToo = /\b(et|and|vs|versus|ou|or|contre|compar\w*)\b|,|\//.test(normalized);
  const categoryOf = new Map(catalog.campaigns.map((campaign) => [campaign.campaignName, campaign.category]));
  const categories = findCategories(text, catalog).filter(
    (category) => joinedToo || !campaigns.some((name) => categoryOf.get(name) === category),
  );
  // « le retargeting facebook »: the family word names the campaign's own family, not a second side to compare —
  // unless the question joins them (« facebook et retargeting », « vs »).
  const joined = /\b(et|and|vs|versus|ou|or|contre|compar\w*)\b|,|\//.test(normalized);
  // (« retargeting fb : on gagne ou on perd ? »: written right beside its campaign, the brand is that campaign's
  // whatever joins the rest of the question.)
  const ofBrand = (name: string, prefix: string) => name.toLowerCase().startsWith(prefix.toLowerCase());
  const besideItsCampaign = (prefix: string) =>
    spots.some(
      (brand) =>
        brand.part === prefix &&
        spots.some(
          (other) =>
            other.holders.length === 1 &&
            ofBrand(other.holders[0]!, prefix) &&
            /^\s*$/.test(spotText.slice(Math.min(brand.end, other.end), Math.max(brand.at, other.at))),
        ),
    );
  const ownFamily = (prefix: string) =>
    (!joined && campaigns.some((name) => ofBrand(name, prefix))) || besideItsCampaign(prefix);
  // « instagram_tier1 vs tier2 »: the bare part is the sibling of the campaign named beside it (same brand).
  if (ambiguous && campaigns.length > 0) {
    const brands = new Set(campaigns.map((name) => name.toLowerCase().split(/[_\s-]/)[0]));
    const siblings = ambiguous.candidates.filter((name) => brands.has(name.toLowerCase().split(/[_\s-]/)[0]));
    if (siblings.length === 1 && !campaigns.includes(siblings[0]!)) {
      campaigns.push(siblings[0]!);
      ambiguous = undefined;
    }
  }
  // « la blogueuse ou le youtubeur », "youtube_blogger vs the blogger": a bare part joined to one of its own campaigns
  // named otherwise is the other one.
  if (ambiguous && (joined || /\s\+\s/.test(normalized))) {
    const others = ambiguous.candidates.filter((name) => !campaigns.includes(name));
    if (others.length === 1 && others.length < ambiguous.candidates.length) {
      campaigns.push(others[0]!);
      ambiguous = undefined;
    }
  }
  // « le blogueur youtube et le blogueur insta », « la tier2 facebook »: a bare part next to a brand (or to a name
  // part of one campaign) is that campaign; when every bare part is so paired, nothing is ambiguous.
  // The parts of several campaigns written bare (« tier1 », « blogger »), not brands.
  const bare = spots.filter(
    (spot) => spot.holders.length > 1 && (lookup.starters.get(spot.part) ?? []).length < 2,
  );
  if (ambiguous) {
    const next = (a: { at: number; end: number }, b: { at: number; end: number }) => {
      const [first, second] = a.at < b.at ? [a, b] : [b, a];
      // (« le blogueur, celui d'insta », "the blogger, the one on instagram": the same pairing.)
      return /^\s*,?\s*(?:(?:celui|celle|the one|that one)\s*)?(?:(?:de|du|d'|of|on|sur|la|le|the|from)\s*)?$/.test(
        spotText.slice(first.end, second.at),
      );
    };
    const consumed = new Set<string>();
    const unpaired = bare.filter((spot) => {
      const named = spots.find((other) => other.holders.length === 1 && next(other, spot));
      if (named && spot.holders.includes(named.holders[0]!)) return false;
      for (const brand of spots.filter((other) => (lookup.starters.get(other.part) ?? []).length >= 2)) {
        const branded = spot.holders.filter((name) =>
          name.toLowerCase().startsWith(brand.part.toLowerCase()),
        );
        if (branded.length !== 1 || !next(brand, spot)) continue;
        campaigns.push(branded[0]!);
        consumed.add(brand.part);
        return false;
      }
      return true;
    });
    if (bare.length > 0 && unpaired.length === 0) {
      ambiguous = undefined;
      prefixes.splice(0, prefixes.length, ...prefixes.filter((prefix) => !consumed.has(prefix)));
    }
  }
  // « la tier2 facebook », "tier1 instagram", « insta paid (tier1 + tier2) »: each bare part and the brand written
  // apart are one campaign — every bare part, or the question stays ambiguous (none dropped unread).
  if (ambiguous && prefixes.length > 0 && !joined) {
    const branded = bare.map((spot) =>
      spot.holders.filter((name) =>
        prefixes.some((prefix) => name.toLowerCase().startsWith(prefix.toLowerCase())),
      ),
    );
    if (branded.every((names) => names.length === 1)) {
      campaigns.push(...branded.map((names) => names[0]!));
      ambiguous = undefined;
    }
  }
  // « les blogueurs, insta et youtube ensemble »: brands that qualify the group named (each has a campaign in it).
  const inGroup = (prefix: string) =>
    group !== undefined &&
    new Set(campaigns).size === group.length &&
    group.some((name) => name.toLowerCase().startsWith(prefix.toLowerCase()));
  return {
    campaigns: [...new Set(campaigns)],
    prefixes: [...new Set(prefixes)].filter((prefix) => !ownFamily(prefix) && !inGroup(prefix)),
    categories,
    ...(ambiguous ? { ambiguous } : {}),
    ...(group && new Set(campaigns).size === group.length ? { group } : {}),
    rest: text,
  };
}
