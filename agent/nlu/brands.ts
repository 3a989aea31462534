// Brand nicknames people write for the platforms in campaign names (« fb », « ig », « yt »), shared by the two name
// readers (scope.ts, entities.ts) and the unexplained-word check.
// What people write for a brand: expanded before matching, so « fb_tier1 » is facebook_tier1.
export const BRAND_ALIASES: [RegExp, string][] = [
  [/\b(?:fb|fcebook|facbook|facebok|faceboook)\b/g, 'facebook'],
  [/\b(ig|insta|instz|instagramm?)\b/g, 'instagram'],
  [/\b(yt|youtub|ytb|ytube|yutube|yuotube|youtbue|youtubeu?rr?s?|youtubeuse|youtubers?)\b/g, 'youtube'],
  [/\bblogu?eu?r(s)?\b|\bblogueuse(s)?\b/g, 'blogger$1$2'],
  [/\b(goog|googl|gogle|googel|gooogle|gugle|gg)\b/g, 'google'],
  [/\bbaner\b/g, 'banner'],
  [/\b(?:retarget|reta|retarg|reciblage|re-ciblage)\b/g, 'retargeting'],
  // A lookalike audience is what « lal » stands for (facebook_lal).
  [/\blook[- ]?alikes?\b|\baudiences? similaires?\b|\bsimilar audiences?\b/g, 'lal'],
];
/** « fb » → « facebook »: a word with its brand nickname expanded (other words unchanged). */
export const expandBrand = (word: string): string =>
  BRAND_ALIASES.reduce((text, [pattern, brand]) => text.replace(pattern, brand), word);

/** Ad platforms a team may ask about that are none of the data's names: never read as harmless words, and a name
 * written with one (« pinterest_retargeting ») is a campaign the data does not have, not facebook_retargeting. */
export const OTHER_AD_PLATFORMS: ReadonlySet<string> = new Set(
  'tiktok snapchat snap linkedin pinterest twitter reddit bing taboola outbrain criteo spotify twitch quora'.split(
    ' ',
  ),
);
