// A KPI described by its two parts instead of named: « ce qu'on paie pour obtenir une vente » (CPA), « le coût d'un
// prospect » (CPL), "the most expensive clicks" (CPC), "what % of impressions is that" after clicks (CTR), "% of clicks
// became orders" (CVR), « le rapport entre le CA et les dépenses » (ROAS). Read as one figure, not as its parts: the
// parts alone answer another question (a total of spend, a count of orders).
import type { Metric } from '../../src/core/metrics.js';

const ORDER = `(?:commandes?|orders?|ventes?|sales?|conversions?|achats?|purchases?|acquisitions?|clients?|customers?)`;
const LEAD = String.raw`(?:leads?|prospects?|contacts?|inscriptions?|sign[- ]?ups?|formulaires? remplis?|(?:personnes?|gens) qui (?:remplit|remplissent|laisse\w*) (?:le |un |leurs? |ses )?(?:formulaire|coordonnees)|(?:persons?|people) who (?:fills?|filled|leaves?|left) (?:in |out )?(?:the |a |their |his |her )?(?:form|contact details))`;
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
  // « où l'impression nous coûte le plus cher »: one impression's cost, which the CPM states per thousand.
  [IMPRESSION, 'cpm'],
];

const costPerUnit = (unit: string) =>
  [
    // « combien on paye en pub pour obtenir une vente », "what we spend to get one order".
    String.raw`\b${PAYING}(?: [\w']+){0,6}? ${FOR_ONE} ${unit}\b`,
    // « combien nous coûte en moyenne une personne qui remplit le formulaire ».
    String.raw`\b(?:coute\w*|cost\w*)(?: [\w']+){0,3} (?:un|une|chaque|each|every|an?) ${unit}\b`,
    // « le coût d'un prospect », "the cost of one lead", « le prix d'une commande ».
    String.raw`\b(?:cout|couts|cost|costs|prix|price)(?: moyen| average| unitaire)? (?:d'une?|d'1|de chaque|of an?|of one|of each|pour une?|for an?|for one) ${unit}\b`,
    // "the most expensive clicks", « les leads les plus chers », « un contact (un lead) nous coûte le plus cher ».
    String.raw`\b${DEAR} ${unit}\b`,
    // « les commandes au meilleur coût », "leads at the lowest cost": the cost of one, best = lowest.
    String.raw`\b${unit}(?: [\w']+){0,2}? (?:au|at the|at|for the) (?:meilleur|moindre|plus bas|plus faible|lowest|best|cheapest) (?:cout|prix|cost|price)\b`,
    // "leads for less than 400 CHF a pop", « des commandes à moins de 50 balles pièce ».
    String.raw`\b${unit}(?: [\w']+){0,2}? (?:for|at|a|pour) (?:less|more|under|over|moins|plus)(?: than| de)? \d+(?:[.,]\d+)? ?(?:chf|francs?|balles)? (?:a pop|apiece|each|a head|per head|piece|la piece|chacune?|l'unite|par tete)\b`,
    String.raw`\b${unit}(?: \(?[\w'-]+\)?){0,4} (?:(?:nous|vous|us|we) )?(?:coute\w*|cost\w*|revien\w*|sont|est|is|are)? ?${DEAR}\b`,
  ].join('|');

/** Whoever clicks (« les gens qui cliquent », "people who click"), and whoever sees the ad. */
const CLICKERS = String.raw`(?:gens|personnes?|people|users?|visiteurs?|internautes?) (?:qui |that |who )(?:cliqu\w*|click\w*)`;
const VIEWERS = String.raw`(?:gens|personnes?|people|users?|internautes?) (?:qui |that |who )(?:voi\w*|see\w*|saw)`;
const MONEY_IN = `(?:ventes|revenue|revenus?|ca|chiffre d'affaires?|recettes)`;
const MONEY_OUT = `(?:(?:les )?depenses|spend|(?:les )?couts?|costs?)`;

/** Ratios written as a fraction: [numerator, denominator, KPI]. */
const SLASHED: [string, string, Metric][] = [
  [CLICK, IMPRESSION, 'ctr'],
  [ORDER, CLICK, 'cvr'],
  [SPEND, LEAD, 'cpl'],
  [SPEND, ORDER, 'cpa'],
  [SPEND, CLICK, 'cpc'],
  [REVENUE, SPEND, 'roas'],
];

/** Ratio phrases, most specific first. Patterns run on prepared text (lower case, no accents). */
export const RATIO_SYNONYMS: [RegExp, Metric][] = [
  // A formula written out: « (ventes moins dépenses) divisé par dépenses » (ROI), « ventes divisées par dépenses »
  // (ROAS), « les clics divisés par les affichages » (CTR).
  [
    new RegExp(
      String.raw`\(?${MONEY_IN}\s(?:moins|minus|-)\s${MONEY_OUT}\)?\s(?:divise\w*|divided|sur|over|\/)\s(?:par |by )?${MONEY_OUT}\b`,
    ),
    'roi',
  ],
  [new RegExp(String.raw`\b${MONEY_IN}\s(?:divise\w*|divided)\s(?:par|by)\s${MONEY_OUT}\b`), 'roas'],
  // « clics / impressions ça donne combien ? », "spend/leads": the ratio written with a slash.
  ...SLASHED.map(([top, bottom, metric]): [RegExp, Metric] => [
    new RegExp(String.raw`\b(?:les |the )?${top}\s?\/\s?(?:les |the )?${bottom}\b`),
    metric,
  ]),
  [
    /\b(?:les )?(?:clics?|clicks?)\s(?:divise\w*|divided)\s(?:par|by)\s(?:les )?(?:impressions?|affichages?|vues)\b/,
    'ctr',
  ],
  // « moins cliqué par rapport aux affichages », "clicks relative to impressions"; « commandes par rapport aux clics ».
  [
    /\b(?:cliqu\w*|clics?|clicks?|clicked)(?: [\w']+){0,4} (?:par rapport aux|relative to|compared to the|per) (?:affichages|impressions|vues|views)\b/,
    'ctr',
  ],
  [
    /\b(?:commandes?|orders?|achats?|ventes)(?: [\w']+){0,4} (?:par rapport aux|relative to|compared to the) (?:clics|clicks)\b/,
    'cvr',
  ],
  // « un CA plus de deux fois plus grand que ce qu'on a dépensé », "revenue over 3 times what we spent": the ROAS.
  [
    new RegExp(
      String.raw`\b${MONEY_IN}(?= (?:[\w']+ ){0,3}?(?:plus de |more than |over |au moins |at least )?(?:\d+(?:[.,]\d+)?|deux|trois|quatre|two|three|four) (?:fois|times))|(?<=(?:fois|times) (?:[\w']+ ){0,6}?)(?:depense\w*|spent|spend|investi\w*|couts?|costs?)\b`,
    ),
    'roas',
  ],
  // « sur 100 personnes qui cliquent, combien finissent par acheter ? », « les gens qui cliquent passent commande ».
  [
    new RegExp(
      String.raw`\bsur (?:cent|100) (?:clics?|clicks?|${CLICKERS})\b|\b${CLICKERS}\b(?: [\w']+){0,4} (?:commande\w*|achet\w*|buy\w*|bought|order\w*|purchas\w*)`,
    ),
    'cvr',
  ],
  // « sur tous les affichages, combien en % se terminent par un clic ? »
  [
    /\b(?:affichages?|impressions?|vues)\b(?:,? [\w'%]+){0,6},? (?:se terminent|finissent|aboutissent|donnent lieu|end(?:ed)? up|end|result)\w* (?:par|en|a|in|with) (?:un |une |a )?(?:clic|click)s?\b/,
    'ctr',
  ],
  // « combien on paye à chaque fois que quelqu'un clique », "every time someone clicks".
  [
    /\b(?:pai|pay|cout|cost)\w*(?: [\w']+){0,4} (?:a chaque fois que|chaque fois que|every time|each time) (?:quelqu'un|qqn|on|les gens|someone|somebody|a user|people) (?:cliqu|click)\w*/,
    'cpc',
  ],
  // « quel % des gens qui voient la pub cliquent », « ils cliquent le moins souvent quand ils voient la pub ».
  [
    new RegExp(
      String.raw`\b${VIEWERS}\b(?: [\w']+){0,4} (?:cliqu\w*|click\w*)|\bcliqu\w* (?:le )?(?:moins|plus) souvent\b|\bclick (?:the )?(?:least|most) often\b`,
    ),
    'ctr',
  ],
  // « pour que notre pub soit affichée mille fois », "for every thousand times the ad is shown", "1000 views".
  [
    /\b(?:pai\w*|pay\w*|cout\w*|cost\w*)(?: [\w']+){0,7} (?:mille|1000|thousand) (?:fois|times|views?|vues)\b/,
    'cpm',
  ],
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
  // "the most expensive campaign per acquisition", « coût par acquisition »: the CPA (the CAC).
  [/\b(?:per|par) (?:acquisition|conversion)\b/, 'cpa'],
  [
    new RegExp(
      String.raw`\b(?:cout|couts|cost|costs|prix|price) (?:de|des|d'|of|for) (?:1000|mille|thousand) ${IMPRESSION}\b`,
    ),
    'cpm',
  ],
];
