// Metric synonyms (French and English) and ranking directions. Cost metrics (CPL, CPA) are better when low,
// so « meilleur CPL » / "cheapest" rank bottom first and "worst CPL" ranks top first.
import type { Metric } from '../../src/core/metrics.js';

// Longest phrases first: « coût par lead » must win over « coût ». Patterns run on prepared text.
const SYNONYMS: [RegExp, Metric][] = [
  [/\bretours? sur (les )?depenses? publicitaires?|\breturn on ad ?spend|\broas\b/, 'roas'],
  [/\bretours? sur investissements?|\breturn on investment|\brentab\w*|\bprofitab\w*|\broi\b/, 'roi'],
  [/\btaux de cli\w*|\bclick[- ]?through( rate)?|\bctr\b/, 'ctr'],
  [/\btaux de conversions?|\bconversion rates?|\bcvr\b/, 'cvr'],
  [/\bcouts? par (lead|prospect|contact)s?|\bcosts? per lead|\bcpl\b/, 'cpl'],
  [/\bcouts? par (acquisition|commande|vente|conversion)s?|\bcosts? per (acquisition|order|sale|conversion)s?|\bcpa\b/, 'cpa'],
  [/\bcouts? par clics?|\bcosts? per clicks?|\bcpc\b/, 'cpc'],
  [/\bcouts? (pour|par) mille( impressions)?|\bcosts? per (mille|thousand)( impressions)?|\bcpm\b/, 'cpm'],
  [/\bchiffres? d'affaires?|\brevenus?\b|\brevenues?\b|\bventes?\b|\bsales\b|\brecettes?\b|\bturnover\b/, 'revenue'],
  [/\bdepens\w*|\bbudgets?\b|\bcouts?\b|\bcoute\w*|\bspend\w*|\bspent\b|\bcosts?\b|\binvesti\w*/, 'mark_spent'],
  [/\bclics?\b|\bclicks?\b/, 'clicks'],
  [/\bimpressions?\b/, 'impressions'],
  [/\bleads?\b|\bprospects?\b/, 'leads'],
  [/\bcommandes?\b|\borders?\b|\bconversions?\b|\bachats?\b|\bpurchases?\b/, 'orders'],
]; // biome-ignore format: a table

export const COST_METRICS: ReadonlySet<Metric> = new Set(['cpl', 'cpa', 'cpc', 'cpm']);

/** Metrics named in the text, in reading order (each phrase counted once: longer phrases mask shorter). */
export function findMetrics(text: string, originalText = ''): Metric[] {
  let rest = text;
  const found: { metric: Metric; at: number }[] = [];
  for (const [pattern, metric] of SYNONYMS) {
    const global = new RegExp(pattern.source, 'g');
    for (const match of rest.matchAll(global)) {
      found.push({ metric, at: match.index });
    }
    rest = rest.replace(global, (matched) => ' '.repeat(matched.length));
  }
  // « CA » is revenue only when written in capitals: « ça » normalizes to the same letters.
  const ca = /\bCA\b/.exec(originalText);
  if (ca) found.push({ metric: 'revenue', at: ca.index });
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((item) => item.metric))];
}

export type DirectionWord = 'best' | 'worst' | 'high' | 'low' | 'cheap' | 'expensive';

// Checked in this order: « moins chères » before « moins », « les moins performantes » before « moins ».
const DIRECTION_WORDS: [RegExp, DirectionWord][] = [
  [/\bmoins (cher|couteu)\w*|\bcheap\w*|\bleast expensive|\bplus economique\w*|\bmeilleur marche/, 'cheap'],
  [/\bplus (cher|couteu)\w*|\bmost expensive|\bcout\w* le plus|\bcostliest/, 'expensive'],
  [/\bpires?\b|\bworst\b|\bmoins (bon|perform|efficace|rentable)\w*|\bweakest|\bpoorest|\bflop\w*/, 'worst'],
  [/\bplus (bas|faible)\w*|\blowest\b|\bmoins eleve\w*|\bsmallest\b|\ble moins\b|\bleast\b|\bbottom\b|\bminimum\b|\blower\b/, 'low'],
  [/\bmeilleur\w*|\bbest\b|\btop\b|\ble mieux\b|\bplus (performant|efficace|rentable)\w*|\bstrongest\b|\bwinners?\b/, 'best'],
  [/\bplus (haut|eleve|grand|gros|fort)\w*|\bhighest\b|\bles? plus\b|\bthe most\b|\bmost\b|\bbiggest\b|\blargest\b|\bmaximum\b|\bhigher\b/, 'high'],
]; // biome-ignore format: a table

export function findDirectionWord(text: string): DirectionWord | undefined {
  return DIRECTION_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

/** The rank direction for a direction word and a metric: best/worst depend on whether lower is better. */
export function directionFor(word: DirectionWord | undefined, metric: Metric): 'top' | 'bottom' {
  const lowerIsBetter = COST_METRICS.has(metric);
  switch (word) {
    case undefined:
      return lowerIsBetter ? 'bottom' : 'top';
    case 'best':
      return lowerIsBetter ? 'bottom' : 'top';
    case 'worst':
      return lowerIsBetter ? 'top' : 'bottom';
    case 'high':
    case 'expensive':
      return 'top';
    case 'low':
    case 'cheap':
      return 'bottom';
  }
}
