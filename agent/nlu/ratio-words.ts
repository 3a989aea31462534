// A KPI described by its two parts instead of named: « ce qu'on paie pour obtenir une vente » (CPA), « le coût d'un
// prospect » (CPL), "the most expensive clicks" (CPC), "what % of impressions is that" after clicks (CTR), "% of clicks
// became orders" (CVR), « le rapport entre le CA et les dépenses » (ROAS). Read as one figure, not as its parts: the
// parts alone answer another question (a total of spend, a count of orders).
import type { Metric } from '../../src/core/metrics.js';

const ORDER = `(?:commandes?|orders?|ventes?|sales?|conversions?|achats?|purchases?|acquisitions?|clients?|customers?)`;
const LEAD = `(?:leads?|prospects?|contacts?|inscriptions?|sign[- ]?ups?)`;
const CLICK = `(?:clics?|clicks?|cliques?)`;
const IMPRESSION = `(?:impressions?|affichages?|vues?|views?)`;
const REVENUE = `(?:ca|chiffre d'affaires|revenus?|revenues?|recettes?|ventes en chf|sales revenue)`;
const SPEND = String.raw`(?:depenses?(?: pub\w*| media)?|spend|ad spend|couts?|budget|investissements?)`;

/** Paying, spending, costing: the money side of a cost per unit. */
const PAYING = String.raw`(?:pai\w*|pay\w*|depens\w*|spend\w*|spent|invest\w*|cout\w*|cost\w*|mis|met|mettons|claque\w*)`;
/** « pour obtenir une », "to get one", « pour chaque », "for each", « par » … then one unit. */
const FOR_ONE = `(?:pour|to|for|per|par)(?: (?:obtenir|avoir|gagner|decrocher|generer|recruter|recuperer|ramener|choper|chopper|attraper|signer|get|win|land|acquire|generate|bring in|sign))? (?:un|une|chaque|1|an?|one|each|every|single)`;
/** « le plus cher », "most expensive", « cheapest »: how dear one unit is. */
const DEAR = String.raw`(?:(?:the |les? |la )?(?:most |more |less |least )?(?:expensive|pricey|pricier|priciest|costliest|cheap\w*)|(?:les? |la )?(?:plus |moins )?(?:cher|chere|chers|cheres|couteu\w*))`;
/** The share of one count in another: « % de », "what % of", « la part des », « combien de ». */
const SHARE = `(?:%|pour ?cent|percent|pourcentage|percentage|part|share|proportion|fraction)(?: (?:de|des|d'|du|of|of the|of our))?`;
/** « deviennent », "became", « se transforment en », "turn into", « finissent en ». */
const BECOME = String.raw`(?:(?:qui |that |which )?(?:devien\w*|deviennent|devenu\w*|became|become|becomes|turn\w*(?: into| in)?|se transform\w* en|transform\w* en|finiss\w* en|fini\w* en|aboutiss\w* a|aboutiss\w* en|end\w* up as|convert\w* (?:into|to|en)|result\w* in|donn\w* (?:une|des)|led to|lead to))`;

/** One unit's cost: [unit words, the cost-per-unit KPI]. */
const COST_OF_ONE: [string, Metric][] = [
  [ORDER, 'cpa'],
  [LEAD, 'cpl'],
  [CLICK, 'cpc'],
];

const costPerUnit = (unit: string) =>
  [
    // « combien on paye en pub pour obtenir une vente », "what we spend to get one order".
    String.raw`\b${PAYING}(?: [\w']+){0,6}? ${FOR_ONE} ${unit}\b`,
    // « le coût d'un prospect », "the cost of one lead", « le prix d'une commande ».
    String.raw`\b(?:cout|couts|cost|costs|prix|price)(?: moyen| average| unitaire)? (?:d'une?|d'1|de chaque|of an?|of one|of each|pour une?|for an?|for one) ${unit}\b`,
    // "the most expensive clicks", « les leads les plus chers », « un contact (un lead) nous coûte le plus cher ».
    String.raw`\b${DEAR} ${unit}\b`,
    String.raw`\b${unit}(?: \(?[\w']+\)?){0,4} (?:(?:nous|vous|us|we) )?(?:coute\w*|cost\w*|revien\w*|sont|est|is|are)? ?${DEAR}\b`,
  ].join('|');

/** Ratio phrases, most specific first. Patterns run on prepared text (lower case, no accents). */
export const RATIO_SYNONYMS: [RegExp, Metric][] = [
  // « le rapport entre le CA et les dépenses », "ratio of revenue to spend", « ce qu'elles rapportent par rapport à
  // ce qu'elles coûtent », "what they bring in compared with what they cost".
  [
    new RegExp(
      String.raw`\b(?:rapport|ratio) (?:entre |of |between )?(?:le |la |les |l'|our |the )?${REVENUE} (?:et|and|to|sur|over|\/) (?:le |la |les |l'|our |the )?${SPEND}\b|\b(?:rapport\w*|gagn\w*|earn\w*|bring\w* in|make|makes|made) (?:le moins |le plus |the most |the least |most |least )?(?:par rapport a|compared (?:with|to)|relative to|for|pour) (?:ce qu'\w+|what (?:they|it|we)) (?:coute\w*|cost\w*|depens\w*|spend\w*|spent)\b`,
    ),
    'roas',
  ],
  [
    new RegExp(
      String.raw`\b(?:rapport|ratio) (?:entre |of |between )?(?:les |the )?${CLICK} (?:et|and|to|sur|over|\/) (?:les |the )?${IMPRESSION}\b|(?<![\w%])${SHARE} (?:les |the |nos |our )?${IMPRESSION} ${BECOME} (?:en |in |into )?(?:des |une |un |an? )?${CLICK}\b|(?<![\w%])${SHARE} (?:les |the |nos |our )?${IMPRESSION}(?= (?:is that|c'est|ca fait|ca represente|that is|does that))`,
    ),
    'ctr',
  ],
  [
    new RegExp(
      String.raw`\b(?:rapport|ratio) (?:entre |of |between )?(?:les |the )?${ORDER} (?:et|and|to|sur|over|\/) (?:les |the )?${CLICK}\b|(?<![\w%])${SHARE} (?:les |the |nos |our )?${CLICK} ${BECOME} (?:en |in |into )?(?:des |une |un |an? )?${ORDER}\b|(?<![\w%])${SHARE} (?:les |the |nos |our )?${CLICK}(?= (?:is that|c'est|ca fait|ca represente|that is|does that))`,
    ),
    'cvr',
  ],
  ...COST_OF_ONE.map(([unit, metric]): [RegExp, Metric] => [new RegExp(costPerUnit(unit)), metric]),
  [
    new RegExp(
      String.raw`\b(?:cout|couts|cost|costs|prix|price) (?:de|des|d'|of|for) (?:1000|mille|thousand) ${IMPRESSION}\b`,
    ),
    'cpm',
  ],
];
