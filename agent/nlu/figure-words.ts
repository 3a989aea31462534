// The vocabulary of figure questions: the phrases that say what is asked (why, a change, a comparison, a total,
// a ranking, a cut or a boost), about which objects (campaigns or channels), and the vague words that need a
// question back. Read on prepared text (normalize.ts); metric-question.ts and its helpers apply them.
import type { Metric } from '../../src/core/metrics.js';

export const WHY =
  /\bpourquoi\b|\bwhat pushed\b|\bc'est du a\b|\bdu a quel\w*|\bdue to (?:which|what)\b|\bbecause of (?:which|what)\b|\b(?:are|were|is|was) (?:mainly |most )?responsible\b|\bresponsible for (?:that|this|the)\b|\bqu'est-ce qui a pousse\b|\bwhy\b|\bqu'est-ce qui (a|explique|fait)\b|\bqu'est ce qui\b|\bexpliqu\w*|\bcomment expliquer\b|\bd'ou vient\b|\bd'ou ca (?:vient|sort)\b|\bvient d'ou\b|\bwhere (?:does|do|did) .{0,40}\bcome from\b|\bca vient d(e|u|es)\b|\bwhat (drove|caused|explains|happened|moved|made|changed)\b|\bqu'est-ce qui a change\b|\bc'est quoi qui (fait|a fait|explique|tire)\b|\b(?:qu'est-ce qui|c'est quoi qui|qu'est ce qui|ce qui) coince\b|\bwhat(?:'s| is| went) wrong\b|\bqu'est-ce qui s'est passe\b|\bque s'est-il passe\b|\bexplain\w*|\bgrace a (quel|quoi|qui)\w*|\bthanks to (what|which)\b|\bdue to (what|which)\b|\bla faute a\b|\bcause\w*|\bqui a (tire|porte)\b|\bont (?:tire|porte|fait) (?:ca|cela|ceci)\b|\bqui a fait (monter|baisser|bouger|grimper|chuter|plonger|varier)\b|(?<!\b(?:ma|mon|ta|ton|sa|son|notre|votre|nos|vos|leur|leurs|une|un) )\bresponsables?\b(?! (?:marketing|digital|media|acquisition|communication|produit|commercial\w*)\b)|\bwhat'?s behind\b|\bbehind (the|this|that|it)\b|\bdrivers?\b|\bdriving (the|this|that|it)\b(?! (?:most|more|least|fewer|less|highest|biggest|largest|lowest)\b)|\bdrove (that|this|it)\b|\bdrove the (\w+ )?(drop|increase|rise|decline|change|fall|jump|spike|growth|dip)\b|\bcomment (ca|ça) se fait\b|\bhow come\b|\ba l'origine d\w*|\bl'origine de\b|\baccount for (?:the|this|that)\b/;
export const CHANGE =
  /\bcass\w* la (?:figure|gueule)\b|\b(?:depens|rapport|vend|gagn|convert|cliqu|spen[dt]|earn|sold|sell|convert)\w* (?:beaucoup |bien |nettement |tellement |much |far |a lot |way )?(?:moins|plus|less|more)\b(?! (?:que|qu'|than|de|d'|of)\b)|\bbl(?:ow|ew|own)\w* up\b|\b(grimp|augment|baiss|chut|bond|plong|bouge|bougé|vari|chang|evolu|effondr|explos|degrad|amelior|hausse|recul|monte|descend|rose|fell|fall|falls|falling|fallen|drop|jump|spik|increas|decreas|moved|changed|went (up|down)|declin|improv|worsen|surg|plummet|crater|crash|tripl|doubl|progress|tank|fond|ecroul|plomb|collaps|chute|diminu|redui|reduc|devenu|became|si peu|so (few|little|low)|got (more|less|cheaper|pricier)|go(es|ne)? (up|down)|dip|dipped|perdu en|gagne en|ris(e|en|ing)|climb|grew|grow|shrank|shrink|soar|sank|sink|remont|rebond|bounc|creep|crept|boom|slip|slid(?!es?\b)|ascenseur|variance|movement)\w*|\b(est |sont )?passe\w* (dans le rouge|en negatif|en positif|dans le vert)\b|\bturned (negative|positive)\b|\bwent (negative|positive)\b/;
export const COMPARE =
  /\bvs\.?\b|\bversus\b|\bcontre\b|\bcompar\w*|\bpar rapport (a|au|aux)\b|\bface a\b|\bagainst\b|\bstack up\b|\bor\b|\bou\b|\bthan\b|\bmieux que\b|\bplus que\b/;
export const TOTAL =
  /\btotal\w*|\bwhat (?:do|did|does) (?:we|you|i|it) (?:pay|spend|get|make)\b|\bau total\b|\ben tout\b|\bcombien\b|\bhow (much|many)\b|\bglobal\w*|\boverall\b|\bblended\b|\bbottom line\b|\bcumul\w*|\bsomme\b|\bensemble\b|\bconfondu\w*|\bquel(le)? (est|etait|a ete)\b|\bwhat (is|was|were|are)\b|\bwhat's\b|\bnb\b|\bnombre\b|\bnumber of\b|\bcount\b|\baccount[- ]level\b|\b(?:whole|entire|across the|for the|on the) account\b|\b(?:du|de tout le|sur le|sur tout le|tout le) compte\b/;
export const CATEGORY_OBJECT =
  /\b(canal|canaux|channels?|categories?|categorie|category|types? de campagnes?|leviers?)\b/;
export const PER_CATEGORY =
  /\b(?:split|breakdown|repartition|ventilation|mix)\b.{0,40}\b(?:across|between|entre) (?:the |our |les |nos )?(?:channels|categories|canaux)\b|\b(channel|category) (ctrs?|cpcs?|cpms?|cpls?|cpas?|roi|roas|revenue|spend|leads|clicks|orders)\b|\bper-channel\b|\b(par|by|per|pour chaque|each|chaque|every|for each|for every|selon(?: le| les| la)?) (canal|canaux|channels?|categories?|categorie|category|leviers?|types? de campagnes?)\b|\bchaque (canal|categorie|levier)\b/;
export const PER_CAMPAIGN =
  /\b(?:of|for) each of (?:our|the|these) campaigns\b|\bchacune de (?:nos|ces|les) campagnes\b|\b(cpms?|ctrs?|cpcs?|cpls?|cpas?|roi|roas|cvr)\b.*\b(de|pour) (toutes les|chacune des) campagnes\b|\bfor (all|every|each) (the )?campaigns?\b|\b(all|every) (the |our )?campaigns? (with|and) (their|its)\b|\btoutes (les|nos) campagnes (avec|et) leurs?\b|\bles (ctr|cpa|cpl|cpc|cpm|roi|roas|cvr)s?\b.*\b(des|de nos|de toutes les|of the|of our|for the) (campagnes|campaigns)\b|\b(par|by|per|chaque|each) (?:(?:influencers?|influenceurs?|influence|social|sociales?|search|media|display|facebook|instagram|google|youtube) )?(campagne|campaign)s?\b|\bune par une\b|\bun par un\b|\bone by one\b|\bindividuel\w*|\bindividually\b|\bchacune\b|\beach of (them|the)\b/;
export const RANK_WORDS =
  /\bclass\w*|\brank\w*|\brange[sz]? (?:les|moi|nos)\b|\btri(e|es|ee|ees|er)\b|\bsort(ed|ing|s)?\b|\border(ed)? (\w+ )?by\b|\bpodium\b|\blanterne rouge\b|\bweakest\b|\bstrongest\b|\bpoorest\b|\bn ?° ?1\b|\bnumero (1|un)\b|\bnumber (1|one)\b|#1\b|\bleague table\b|\bpalmares\b|\btops?\b|\bflops?\b|\bbottom\b(?! line)|\bmeilleur\w*|\bpire\w*|\bbest\b|\bworst\b|\ble plus\b|\bla plus\b|\bles plus\b|\ble moins\b|\bla moins\b|\bles moins\b|\bmost\b|\bleast\b|\bhighest\b|\blowest\b|\bbiggest\b|\blargest\b|\bplus gros\w*|\bdu plus\b|\bcheapest\b|\bplus (rentable|efficace|performant|cher)\w*|\bmoins (rentable|efficace|performant|cher)\w*/;
export const CUT =
  /\bstop running\b|\b(couper|coupe|stopper|stop|arreter|arrete|mettre en pause|en pause|pause|pausing|paused|suspendre|switch(ed)? off|turn off|kill|cut|sauter)\b|\ben pertes?\b|\bdans le rouge\b|\b(perdent|perdu|perd|perdons) (?:le plus )?(?:de l'argent|d'argent|du fric|des thunes|du pognon|des sous)\b|(?<!\b(?:making|earning|make|earn) or )\blos(e|es|ing|t) (?:\w+ ){0,3}money\b|\bin the red\b|\bunderwater\b|\bunder water\b|\bcout\w* plus qu'(?:elles?|ils?) ne rapporte\w*|\brapport\w* moins (?:que ce qu'|qu')(?:elles?|ils?) (?:ont |a |n'ont |n'a )?(?:coute|coutent|coutait|coutaient|coute\w*)\b|\b(?:brought|made|earned) (?:in )?less than (?:they|it) cost\b|\bcost more than (?:they|it) (?:make|earn|bring)s?\b|\bnot breaking even\b|\bpas rentabilis\w*|\bloss[- ]?making\b|\bmoney[- ]losing\b|\blosers?\b|\bgaspill\w*|\bne couvr\w* pas (?:les |leurs )?(?:charges|couts|depenses)\b|\bpull(?:ed|ing)? the plug\b|\baxe\b|\bthe chop\b|\bchopping block\b|\bwast(e|es|ed|ing) (money|budget|the budget|our budget)\b|\b(roi|retour) (?:(?:qui|that|which) )?(?:est |sont |is |are |was |were |etait )?(negatif|negative)|\b(negative|negatif)[- ](roi|return)/;
// What to boost next, not what was spent (« les 4 campagnes où on a mis le plus de budget » ranks spend).
export const BOOST =
  /^(?!.*\bperd\w*|.*\blos(e|es|ing|t)\b|.*\b(?:a|ont|avons|avez) (?:mis|investi|depense|claque|crame|brule|flambe)\b|.*\bwe(?:'ve| have) (?:put|spent|invested)\b|.*\bwe (?:spent|invested)\b|.*\bdid we (?:put|spend|invest)\b).*(?:\brenforc\w*|\bpousser\b|\bscale\b|\bscaler\b|\bmettre plus\b|\binvest(ir)? (plus|more)\b|\bdoubler la mise\b|\bmore budget\b|(?<!\b(?:le|la|les) )\bplus de budget\b|\bdouble down\b|\bplus d'investissement\b|\bmerite\w* plus\b|\bput more\b|\bdeserve more\b|\bmore money\b|(?<!\ble )\bplus d'argent\b|\bremet\w* (?:de l'argent|des sous)\b|\bextra budget\b|\bbudget (?:en plus|supplementaire)\b)/;
export const PROFITABLE =
  /^(?!.*\b(non|pas|peu|plus|moins|most|least|more|less|not|un)\s?(rentab|profit))(?!.*\b(?:not|n't) break)(?!.*\b(?:did|do|have|are|were) we\b)(?!.*\bon a (?:gagne|fait) de l'argent\b).*(\brentables?\b|\bprofitable\b|\bin profit\b|\ben profit\b|\bgagnent de l'argent\b|\bmake money\b|\bdans le vert\b|\bin the (?:green|black)\b|\broi positif\b|\bpositive roi\b|\bne (?:perd\w*|perdons) pas (?:d'argent|de l'argent|d'argent)\b|\b(?:don't|do not|doesn't|does not|aren't|are not) (?:lose|losing) money\b|\b(?:au moins |at least )?(?:a l'equilibre|at break-?even|break(?:ing|s)? even)\b|\brecuper\w* plus (?:que|qu'))/;
export const SINGULAR_CATEGORY =
  /\b(quel|quelle|le|la|which|the|best|worst|meilleur|meilleure|pire|weakest|strongest|poorest|our|notre|least|most)\s([\w-]+\s)?(canal|categorie|category|channel)\b(?!s)|\b(lequel|laquelle|which one)\b(?=.*\b(canal|categorie|category|channel)\b(?!s))|\bquel (type de campagne|levier)\b|\bwhich (type of campaign|lever)\b/;
// Content words that name no metric the data has and could mean several: ask which one is meant.
export const VAGUE: [RegExp, Metric[]][] = [
  // « la conversion sur google_wide ? »: its rate or its count (« le taux de conversion » / « les conversions » are read).
  [/\b(?:la|the) conversion\b(?! rate)/, ['cvr', 'orders']],
  // « c'est combien le coût sur google_hot ? »: the total spent or a cost per result (figure-clarify.ts BARE_COST).
  [/\b(?:le|du|the|son|its) (?:cout|cost)\b/, ['mark_spent', 'cpa', 'cpl']],
  [/\bresultats?\b|\bresults?\b/, ['orders', 'leads', 'revenue']],
  [/\bretours?\b(?! sur)|\breturns?\b(?! on (ad|invest))/, ['roi', 'roas', 'revenue']],
  [/\bvolumes?\b/, ['impressions', 'clicks', 'orders']],
  [/\brendements?\b|\byields?\b/, ['roi', 'roas', 'revenue']],
  [
    /\befficacite\b|\befficiency\b|^(?!.*\b(plus|moins|most|least|more|less)\b).*\b(efficaces?|efficient|performing)\b/,
    ['roi', 'cpa', 'ctr'],
  ],
  [
    // « les chiffres » (prepare() may have made it « chiffre »), "the numbers", « les stats ».
    /\b(les|des|nos|vos|mes|our|the|your|niveau)\s+chiffres?\b(?! d'af)|\bchiffres\b(?! d'af)|\bnumbers\b|\bstats?\b|\bstatistiques\b/,
    ['revenue', 'mark_spent', 'roi'],
  ],
  [/\b(le|quel|the) taux\b(?! de (cli|conv|transfo|click|rebond))|\bthe rate\b(?! of)/, ['ctr', 'cvr']],
  // « comment s'est passé le social ? », "how did search go?": no figure named. (« Comment va google_hot ? » is the
  // campaign's card, describe_campaign: the golden questions say so, and it is the card button offered here.)
  [
    /\bcomment (ca )?(s'est passe|ca s'est passe|a marche|tourne)\b|\b(ca|qu'est-ce que ca|qu'est-ce que) donne quoi\b|\bca a donne( quoi)?\b|\bc'etait (bien|comment|bon)\b|\b(was|were) (it|they) good\b|\bqu'est-ce que (ca )?donne\b|\bhow (did|was|were)\b.{0,40}\b(do|go|going|look|looking)\b|\bhow'?s\b.{0,40}\b(going|looking)\b/,
    ['roi', 'revenue', 'ctr'],
  ],
  [/\bengagements?\b|\binteractions?\b/, ['clicks', 'ctr']],
  // « elle marche bien, google_hot ? », "is it working?": well by which figure?
  [
    /\b(marche|marchent|tourne|tournent|fonctionne|fonctionnent)\w* (bien|mal)\b|\bis (it|this) working\b|\b(doing|going) (well|good|badly|ok|okay|fine)\b/,
    ['roi', 'revenue', 'ctr'],
  ],
  // « lequel est le mieux ? », « on garde lequel ? », « quel jour ça a le mieux marché ? »: better by which figure?
  [
    /\blequel est (le )?(mieux|meilleur)\b|\blaquelle est (la )?(mieux|meilleure)\b|\bon garde (lequel|laquelle)\b|\b(lequel|laquelle) on garde\b|\bwhich (one )?is better\b|\bwhich (one )?(should we|to) keep\b|\ble mieux marche\b|\bmarche le mieux\b|\bworked best\b|\bperformed best\b/,
    ['roi', 'revenue', 'cpa'],
  ],
  [
    /\bcouts? par resultats?\b|\bcost per results?\b|\b(?:cout|cost|coute)\w*(?: [\w']+){0,3} (?:un|par|per|a|chaque|each) (?:resultat|result)\b|\bcouts?\s?\/\s?resultats?\b|\bcosts?\s?\/\s?results?\b/,
    ['cpl', 'cpa'],
  ],
  [/\bcouts? unitaires?\b|\bunit costs?\b|\ba l'unite\b/, ['cpc', 'cpl', 'cpa']],
  [
    /^(?!.*\b(par|by|per|analy\w*|compar\w*|bilan|breakdown)\b).*\b(perf|performance|performe\w*|performed)\b/,
    ['roi', 'revenue', 'ctr'],
  ],
  [
    /\b(les )?plus cheres?\b|\bcoutent le plus\b|\bcoute le plus\b|\bmost expensive\b|\bcost the most\b/,
    ['mark_spent', 'cpa', 'cpl'],
  ],
];
// Trends and the preset diagnostic keep their own tools (kpi_trend, get_underperforming_campaigns).
export const TREND =
  /\bevol\w*|\btendance\w*|\btrends?\b|\bover time\b|\bau fil\b|\bcourbe\b|\b(par|by|per|chaque|each) (jour|day|semaine|week|mois|month|kw|cw|wk)s?\b|\bjour (par|apres) jour\b|\bday by day\b|\bdaily\b|\bweekly\b|\bmonthly\b|\bquotidien\w*|\bhebdo\w*/;
export const DIAGNOSTIC =
  /\b(non|pas|peu) rentables?\b|\ben negatif\b|\bdans le rouge\b|\bin the red\b|\bsous[- ]?perform\w*|\bunder[- ]?perform\w*|\bunprofitable\b|\bnot profitable\b|\bdeficitaire\w*|\bperd\w* (de l')?argent|(?<!\b(?:making|earning|make|earn) or )\blos(e|es|ing) money/;
/**
 * The figures the preset breakdown (aggregate_by_dimension) puts in its headline. Another KPI by channel (« CPA par
 * canal ») is its own query, so the headline and the follow-ups (« et les 3 meilleurs ? ») are about that KPI.
 */
export const PRESET_COLUMNS = new Set<Metric>(['mark_spent', 'revenue', 'roi']);
export const METRIC_WORDS: Record<Metric, { fr: string; en: string }> = {
  roi: { fr: 'le ROI', en: 'ROI' },
  roas: { fr: 'le ROAS', en: 'ROAS' },
  revenue: { fr: "le chiffre d'affaires", en: 'revenue' },
  mark_spent: { fr: 'les dépenses', en: 'spend' },
  ctr: { fr: 'le taux de clic (CTR)', en: 'click-through rate (CTR)' },
  cvr: { fr: 'le taux de conversion', en: 'conversion rate' },
  cpl: { fr: 'le coût par lead', en: 'cost per lead' },
  cpa: { fr: 'le coût par commande', en: 'cost per order' },
  cpc: { fr: 'le coût par clic', en: 'cost per click' },
  cpm: { fr: 'le CPM', en: 'CPM' },
  clicks: { fr: 'les clics', en: 'clicks' },
  impressions: { fr: 'les impressions', en: 'impressions' },
  leads: { fr: 'les leads', en: 'leads' },
  orders: { fr: 'les commandes', en: 'orders' },
};

/** « chacune séparément », "each": the members one row each, in one breakdown. */
export const EACH =
  /\bchacune?\b|\bseparement\b|\bseparately\b|\beach\b|\bevery (?:campaign|channel|category)\b|\bindividuel\w*|\bindividually\b|\bune par une\b/;

/** « cumulé », « ensemble », "combined", « google + youtube »: the members added up, not side by side. */
export const COMBINED =
  /\bensemble\b|\bconfondu\w*|\bcumul\w*|\bcombin\w*|\btogether\b|\bas one (number|figure)\b|\bau total\b|\ben tout\b|\s\+\s|\badditionn\w*|\bsum of\b|\bsomme\b/;

// The movement a « pourquoi » takes for granted: the answer says so when the data moved the other way.
export const UP_WORDS =
  /\bbl(?:ow|ew|own)\w* up\b|\b(grimp|augment|bond|explos|monte|hausse|amelior|progress|rise|rose|risen|jump|spik|surg|increas|improv|climb|soar|went up|go up|gagne en|goes up|gone up|grew|grow)\w*/;
export const DOWN_WORDS =
  /\bcass\w* la (?:figure|gueule)\b|\b(baiss|chut|plong|effondr|recul|descend|degrad|drop|fell|fall|declin|decreas|worsen|plummet|crater|tank|went down|dip|perdu en|crash|fondu|ecroul|plomb|collaps|diminu|redui|reduc|go(es|ne)? down|shrank|shrink|sank|sink|si peu|so few|so little)\w*/;

// « top 3 par ROI et les 3 pires », « les campagnes en perte, et les 3 meilleures »: each part asks for something.
export const PART_SPLIT =
  /\s*(?:,\s*)?(?:\bet\b|\band\b|\+|;|\bpuis\b|\bthen\b|\bplus (?=the |our |which ))\s*/;
export const ASKS =
  /\bpires?\b|\bworst\b|\bmeilleur\w*|\bbest\b|\btops?\b|\bflops?\b|\ben perte\b|\bcouper\b|\bstopper\b|\brenforc\w*|\bpousser\b|\bcampagnes?\b|\bcampaigns?\b|\bcanal\b|\bcanaux\b|\bchannels?\b/;

/**
 * Figures people ask for that the data's model does not hold: the bot says so and offers the figures it has (the
 * button replaces the phrase, so it reads at once). Read before the metric words, which would answer another figure
 * (« la valeur moyenne d'une commande » read as the count of orders, « le revenu par clic » as the CPC).
 */
export const NOT_IN_MODEL: {
  pattern: RegExp;
  fr: string;
  en: string;
  instead: { fr: string; en: string };
}[] = [
  {
    pattern:
      /\bpaniers? moyens?\b|\bvaleur moyenne d'une (commande|vente)\b|\baverage order value\b|\baov\b|\bavg order value\b/,
    fr: 'Le panier moyen (CA ÷ commandes)',
    en: 'The average order value (revenue ÷ orders)',
    instead: { fr: "le chiffre d'affaires et les commandes", en: 'revenue and orders' },
  },
  {
    // (« le bénéfice par rapport à ce qu'on a mis » is the ROI, metrics.ts.)
    pattern:
      /\bmarges?\b|\bmargins?\b|\bbenefices?\b(?! (?:par rapport|compare|relatif))|\bprofits?\b(?! margin)/,
    fr: 'La marge (il y faudrait le coût des produits)',
    en: 'The margin (it needs the cost of goods)',
    instead: { fr: "le chiffre d'affaires et les dépenses", en: 'revenue and spend' },
  },
  {
    pattern: /\b(revenus?|ca|chiffre d'affaires) par clic\b|\brevenue per click\b|\brpc\b/,
    fr: 'Le revenu par clic',
    en: 'Revenue per click',
    instead: { fr: "le chiffre d'affaires et les clics", en: 'revenue and clicks' },
  },
];
