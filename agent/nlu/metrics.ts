// Metric synonyms (French and English) and ranking directions. Cost metrics (CPL, CPA) are better when low,
// so « meilleur CPL » / "cheapest" rank bottom first and "worst CPL" ranks top first.
import type { Metric } from '../../src/core/metrics.js';
import { RATIO_SYNONYMS } from './ratio-words.js';

// Longest phrases first: « coût par lead » must win over « coût ». Patterns run on prepared text.
const SYNONYMS: [RegExp, Metric][] = [
  ...RATIO_SYNONYMS,
  [/\bratio entre (?:les )?produits et (?:les )?charges\b|\b(?:francs?|chf|balles)\s(?:de\s(?:ca|chiffre d'affaires|revenus?|recettes?)|of (?:revenue|sales))\s(?:pour|par|per|for)\s(?:(?:chaque|each|every|1|un|one)\s)?(?:francs?|chf)\b(?:\s(?:mis|investi|depense|spent|invested)\w*)?|\brapport (?:cout|depenses?)\s?(?:\/|sur)\s?(?:ca|revenus?|chiffre d'affaires)\b|\b(?:rapport|rend)\w* (?:combien |le plus |le moins |plus |moins )?(?:par|pour|per|chaque) (?:1 |un )?(?:franc|chf|euro|dollar)s?(?: (?:mis|investi|depense|spent|invested)\w*)?|\bretours? sur (les )?depenses? (publicitaires?|pub|pubs|media)\b|\bretours? sur (le )?budget pub\w*|\breturn on ad ?spend|\broas\b|\b(?:francs?|chf) (?:par|per|pour|for) (?:chaque |each |every |1 |un )?(?:francs?|chf)\b|(?<!\bla |\bl')\bmer\b|\bmarketing efficiency ratio\b|\b(?:par|pour|per|for each|for every|for|each|every|chaque) (?:1 |un |one |each |every |chaque )?(?:franc|chf|euro|dollar|balle)s? (?:(?:we|on|nous|que (?:l'on|on|nous)|qu'on) )?(?:mis|met|investi|depense|spent|spend|invested|put in|put into)\w*|\b(?:revenue|ca|chiffre d'affaires|recettes?|returns?) (?:par|per|for each|for every) (?:franc|chf|euro|dollar)\b|\brevenue[- ]to[- ]spend(?: ratio)?\b|\brevenue multiple(?: on (?:spend|cost))?\b/, 'roas'],
  [/\bbenefices? (?:par rapport|compare|relatif)\w* (?:a|au|aux) (?:ce qu'on a|ce que nous avons|ce qu'elles? ont|l'argent|la mise|l'investissement)(?: \w+){0,2}|\bretours? sur invest\w*|\breturn on investment|\bnet return\b|\brentab\w*|\bprofitab\w*|\broi\b|\bmoney pits?\b|\bdetrui\w* (?:le plus de )?(?:la )?valeur\b|\b(?:did|do|have|are|were) we (?:make|made|making|earn\w*) (?:any )?money\b|\b(?:is|are|was|were) (?:\w+ ){1,4}(?:actually |really )?(?:making|earning) (?:any )?money\b|\b(?:est-ce qu')?on a (?:gagne|fait) de l'argent\b|\bpay(?:ing|s)? for (?:itself|themselves)\b|\bse rembourse\w*|\b(?:making|earning) or losing money\b|\bgagne\w* ou perd\w* de l'argent\b|\bbang for (?:the|your|our) bucks?\b/, 'roi'],
  [/(?<=%\s?)de (clics?|clicks?)\b|\b(taux|tx) de cli\w*|\b(?:click\w*|clic)[- ]?(through|thru)( rate)?|\bclicks? rates?\b|\bctrs?\b|\bcliqu\w* mieux\b|\bclicks? better\b/, 'ctr'],
  [/(?<=%\s?)de (conversions?|transfo\w*)\b|\bconverti(t|ssent|r|ssant)\b|\bconverts?\b(?! rate)|\bconverting\b|\bconverted\b(?! (into|to|in)\b)|\b(taux|tx) de (conversions?|transfo\w*|conv\b)|\bconversion rates?|\btransform(?:e|ent|er|ons|ez)\b|\bclick[- ]?to[- ]?(?:order|purchase|sale|conversion)s?(?: rates?)?\b|\bconv\.? rates?|\bcvr\b|\b(?:clics?|clicks?) (?:qui )?(?:finissent|finit|se terminent|aboutissent|end up|turn) (?:en|in|into) (?:une |des |an? )?(?:commandes?|orders?|ventes?|sales?|achats?)\b/, 'cvr'],
  [/\bcouts? (par|du|au) clic\w*|\bcosts? per click|\bcpcs?\b|\bclics? (les )?plus chers?\b/, 'cpc'],
  [/\b(?:pourcentage|percentage|part|share|proportion) (?:de|d'|of) (?:clics?|clicks?) (?:par|per|sur|on) (?:impression|affichage|vue)s?\b/, 'ctr'],
  [/\bcouts? (pour|par|aux?) (mille|1000)( impressions?)?|\bcosts? per (mille|thousand|1000|1k)( impressions?| impr\b)?|\bcouts? (?:pour|par) 1k\b|\be?cpms?\b|\bper (thousand|1000) impressions\b|\b(pour|par) (mille|1000) impressions\b|\bprix (au|aux|pour|par) (mille|1000)\b|\bprice per (mille|thousand|1000)\b/, 'cpm'],
  [/\bcouts? par (lead|prospect|contact)s?|\bcosts? per lead|\bcpls?\b/, 'cpl'],
  [/\bcouts? d'acquisition(?: clients?)?\b|\bcher\w* a l'acquisition\b|\bcustomer acquisition costs?\b|\bcac\b|\bcouts? par (acquisition|commande|vente|conversion)s?|\bcosts? per (acquisition|order|sale|conversion)s?|\bcpas?\b|\bcpos?\b|\bcheap\w* (?:acquisitions?|customers?)\b|\bpai\w* pour (?:choper|avoir|acquerir|gagner|obtenir|recruter) un client\b/, 'cpa'],
  // A unit that costs something: « le lead coûte », « coûtent plus de 5000 francs par commande », "cost per click",
  // « combien on paie un clic », "what do we pay for a lead".
  [/\b(?:chf|francs?|balles|fr|eur|euros?)\.? (?:le|par|per|the|a|each|pour un) (?:lead|prospect|contact)\b|\b(leads?|prospects?) (?:(?:nous|vous|me|te|lui|leur|nous a|vous a|m'a|t'a|us|we) )?(coute|cost|revien)\w*|\b(leads?|prospects?) (?:the |le |la )?(cheap|moins cher)\w*|\bcheapest (leads?|prospects?)\b|\boverpay\w* (?:for|on) (?:leads?|prospects?)\b|\bcher\w* (?:au|par|a la|a l') ?(?:lead|prospect)s?\b|\b(?:le|un|the|a|each|chaque) (?:lead|prospect) (?:\S+ ){0,3}(?:\d[\d' .,]*)\s?(?:chf|francs?|balles|fr|eur|euros?|\.-)(?!\w)|\b(?:le |les )(leads?|prospects?)(?: [\w']+){1,4} (?:plus|moins) chers?\b|\b(pai|pay|cout)\w*(?: [\w']+){0,3} (un|le|chaque|a|each) (lead|prospect)\b|\b(most expensive|priciest|costliest|pricier|cheapest) (leads?|prospects?)\b|\b(?:most expensive|priciest|costliest|cheapest|least expensive)\b.{0,25}\b(?:for|per) (?:leads?|prospects?)\b|\b(par|per|a|each) (lead|prospect)\b|\bprix (?:moyen )?(?:du|d'un|par|of an?|per) (lead|prospect)s?\b|\bcout\w*(?: [\w'.-]+){0,5} par (lead|prospect)s?\b|\b(pai|pay)\w*(?: [\w']+){0,4} (?:pour|for) (?:un|chaque|an?|each) (?:lead|prospect)\b|\b(?:moins |plus )?cher\w* (?:pour|a) (?:ramener|obtenir|avoir|generer|recruter|acquerir|attirer|trouver) (?:un|des|chaque|les) (?:leads?|prospects?|contacts?)\b|\b(?:un|chaque|an?|each) (?:lead|prospect)\b(?: [\w']+){0,3} (?:(?:nous|vous|me|te|lui|leur|us) )?(?:coute|cost|revien)\w*|\bcouts? unitaires?(?: moyens?)? (?:d'un|par|du|des) (?:lead|prospect)s?\b|\b(?:leads?|prospects?)\b.{0,30}\d\S*\s?(?:chf|francs?|balles|fr)\.? (?:each|apiece|chacun|piece|la piece)\b/, 'cpl'],
  [/\b(?:chf|francs?|balles|fr|eur|euros?)\.? (?:la|le|par|per|the|an?|each|pour une) (?:commande|order|vente|sale|conversion)\b|\b(commandes?|orders?|ventes?|conversions?) (?:(?:nous|vous|me|te|lui|leur|nous a|vous a|m'a|t'a|us|we) )?(coute|cost|revien)\w*|\b(commandes?|orders?|sales|ventes?|conversions?) (?:the |le |la )?(cheap|moins cher)\w*|\b(pai|pay|cout)\w*(?: [\w']+){0,2} (une|la|chaque|an?|each) (commande|order|sale|vente|conversion)s?\b|\bcheapest (orders?|sales|conversions?)\b|\boverpay\w* (?:for|on) (?:orders?|sales|conversions?)\b|\bcher\w* (?:a la|au|par|per) (?:commande|order|vente|sale)s?\b|\b(par|per|an?|each) (commande|order|sale|vente|purchase|achat)\b|\bcout\w*(?: [\w'.-]+){0,5} (par|per) (commande|order|vente|conversion|acquisition)s?\b|\b(pai|pay)\w*(?: [\w']+){0,4} (?:pour|for) (?:une|chaque|an?|each) (?:commande|order|sale|vente|conversion)\b|\b(?:une|chaque|an?|each) (?:commande|order|sale|vente|conversion)\b(?: [\w']+){0,3} (?:(?:nous|vous|me|te|lui|leur|us) )?(?:coute|cost|revien)\w*|\bcouts? unitaires?(?: moyens?)?(?: d'acquisition)? (?:d'une|par|de la|des) (?:commande|vente|conversion)s?\b|\b(?:orders?|sales|commandes?|ventes?)\b.{0,30}\d\S*\s?(?:chf|francs?|balles|fr)\.? (?:each|apiece|chacune|piece|la piece)\b/, 'cpa'],
  [/\b(?:chf|francs?|balles|fr|eur|euros?)\.? (?:le|par|per|the|a|each|pour un) (?:clic|click)\b|\b(clics?|clicks?) (?:(?:nous|vous|me|te|lui|leur|nous a|vous a|m'a|t'a|us|we) )?(coute|cost|revien)\w*|\b(clics?|clicks?) (?:(?:est|sont|is|are|reviennent|revient) )?(?:the |le |la |les )?(cheap|moins cher|plus cher)\w*|\bcheapest (clics?|clicks?)\b|\boverpay\w* (?:for|on) (?:clics?|clicks?)\b|\bpa(?:ie|yons) trop (?:cher )?(?:les |nos )?(?:clics?|clicks?)\b|\bcher\w* (?:au|par) (?:clic|click)s?\b|\b(?:le |les )(clics?|clicks?)(?: [\w']+){1,4} (?:plus|moins) chers?\b|\b(pai|pay|cout)\w*(?: [\w']+){0,2} (un|le|chaque|a|each) (clic|click)\b|\b(par|per|a|each) (clic|click)\b|\bprix (?:moyen )?(?:du|d'un|par|of an?|per) (clic|click)s?\b|\bcout\w*(?: [\w'.-]+){0,5} (par|per) (clic|click)s?\b|\b(pai|pay)\w*(?: [\w']+){0,4} (?:pour|for) (?:un|chaque|an?|each) (?:clic|click)\b|\b(?:clics?|clicks?)\b.{0,30}\d\S*\s?(?:chf|francs?|balles|fr)\.? (?:each|apiece|chacun|piece|la piece)\b/, 'cpc'],
  [/\bcouts? d'une impressions?\b|\bcost per impression\b|\b(1000|mille) (impressions?|affichages?|vues) (coute|cost)\w*|\b(pai|pay|achet|buy|bought)\w*(?: [\w'.,-]+){0,4} (les |the |pour |for )?(1000|mille|thousand) (impressions?|affichages?|vues)|\b(cher|cheap\w*|cost\w*|coute\w*) (au|per|pour) (mille|1000)\b|\b(?:coute|cost)\w* (?:les |the )?(?:1000|mille|thousand) (?:impressions?|affichages?|vues)\b|\b(?:coute|cost)\w* (?:combien |how much )?(?:pour|par|au|per|for every|for each) (?:mille|1000|thousand)\b/, 'cpm'],
  // « nombre de ventes », "how many sales": a count of orders, not revenue.
  [/\b(?:nombre|number|nb) (?:de |of )?(?:ventes|sales)\b|\bhow many sales\b|\bcombien de ventes\b/, 'orders'],
  [/\bchiffres? d'af\w*|\bencaiss\w*|\brapport(?:e|ent|er|ait)\b(?= (?:le plus|le moins|plus|moins|combien|le mieux))|\ble chiffre\b(?= (?:s'est|a |est |baisse|chute|monte|grimpe|recule|plonge))|(?:\b(?:combien de|du) chiffre\b|(?<!\b(?:donner|donne|donnez|avoir|envoyer|sortir|indiquer|trouve|cherche|verifier|confirmer) )\ble chiffre (?=de |du |d'|sur |en |pour |cette |ce ))(?! d'af)(?!\s(?:des|du|d')\b)(?!.{0,40}\b(?:depens|spend|clics?|clicks?|leads?|commandes?|orders?|impressions?|ctr|cpa|cpl|cpc|cpm|roi|roas|budget|ventes)\w*)|\brentrees?(?: d'argent)?\b|\b(?:a|ont|avait|avaient) rapporte\b|\bcombien (?:ca |il |ils |elle |elles |on |nous )?rapporte\b(?! (?:1|un|chaque) )|\bcombien de chiffre\b|\b(fait|faire|font|fera|fait le) (plus |moins |le plus |autant |si peu |peu |tant |beaucoup )?(de |du )chiffre\b|\b(?:genere\w*|rapporte\w*|ramen\w*|fait|font) (?:le |la )?(?:plus |moins )?(?:gros |de |du |en )?chiffre\b|\b(?:plus )?gros chiffre\b|\brentr\w* (?:combien de |de la |des )?(?:thunes?|argent|fric|pognon|cash)\b|\brak(?:e|ed|ing) in\b|\btakings\b|\bwhat did\b.{1,40}\bmake\b|\bhow much did\b.{1,40}\bmake\b|\bcombien (?:on a|avons-nous|a-t-on|ils ont|elle a|il a) fait\b(?! (?:de|d'))|(?<!\b(?:leads?|orders?|clicks?|impressions?|sign-?ups?|conversions?)\b[\w' ]{0,40})\b(bring|brings|brought|bringing) in\b(?! (?:the )?(?:most |more |fewer |fewest |less |least |highest |lowest |biggest |smallest )?(?:number of |amount of )?(?:leads?|orders?|clicks?|impressions?|sign-?ups?|conversions?)\b)|\brevenus?\b|\brevenues?\b|\bventes?\b|\b(?:total|cumul|montant) des produits\b|\ben termes de produits\b|\bproduits supplementaires\b|\bproduits (?:generes|attribu\w*|des campagnes|publicitaires|et (?:les )?charges)\b|\bles produits\b(?= (?:et|des campagnes|du mois|generes|attribu))|\bsales\b|\brecettes?\b|\bturnover\b|\btop[- ]?line\b|\bgross sales\b/, 'revenue'],
  [/\bdepens\w*|\bcombien de (?:balles|francs|chf|thunes?|fric|pognon)\b(?! (?:\w+ ){0,2}(?:parti|sorti))|\bclaque\w*|\b(?:on a|a|ont|avons|avez) mis\b|\b(?:avons[- ]nous|a[- ]t[- ]on|avez[- ]vous|ont[- ]ils|ont[- ]elles) mis\b|\bcrame\w*|\b(?:budget|thunes?|argent|fric|balles) grill\w*|\bdecaiss\w*|\benveloppes? (?:depens|consomm|utilis|decaiss)\w*|\b(?:media )?investments?\b|\binvestissements? media\b|\bflambe\w*|\bbudgets?\b|\bcouts?\b|\bcoute\w*|\bspend\w*|\bspent\b|\bburn(?:ed|t|ing|s)?\b|\b(?:balles|francs|chf|argent|money|thunes?|sous) (?:\w+ ){0,2}(?:parti|partis|partie|parties|sorti|sortis|sortie|sorties|went out)\b|\bout the door\b|\b(?:have|did) we (?:put|spent|invested|sunk) (?:into|in|on)\b|\bhow much (?:did|have) we (?:drop|dropped) (?:on|into|in)\b|\b(?:blow|blew|blown|blowing) through\b|\bcosts?\b|\binvesti\w*|\bcharges? (?:publicitaires?|marketing|media|imputables?|engagees?)\b|\b(?:total|montant|cumul) (?:des |de )charges\b|\bmange\w* (?:par|le budget)\b|\bbudget mange\b|\bles charges\b|\bexpenditures?\b|\boutlays?\b/, 'mark_spent'],
  [/\bclics?\b|\bclicks?\b|\bcliques?\b|\btrafi[c]?\b|\btraffic\b|\bvisites?\b(?= (?:sur|on|to) (?:le|the|notre|our) (?:site|website|shop|boutique))/, 'clicks'],
  [/\b(?:moins|plus) (?:vues?|affich\w+)\b|\bimpressions?\b|\bimpr\b\.?|\beyeballs\b|\baffichages?\b|\baffiche\w* combien de fois\b|\b(?:vues?|montree?s?) combien de fois\b|\bcombien de fois\b.{0,40}\b(?:vues?|montree?s?)\b|\bcombien de fois\b.{0,30}\baffich\w*|\bhow (many times|often)\b.{0,30}\b(shown|displayed|seen|served)\b/, 'impressions'],
  // Marketing-qualified leads and sign-ups are the leads the export counts.
  [/\bmqls?\b|\bsign-?ups?\b|\binscriptions?\b|\bleads?\b|\bprospects?\b|\bcontacts?\b|\bformulaires? remplis\b|\b(?:gens|personnes?) qui (?:remplissent|remplit|laissent|laisse) (?:le |un |leurs? |ses )?(?:formulaire|coordonnees)\b|\b(?:people|persons?) who (?:fill|leave|left|filled) (?:in |out )?(?:the |a |their )?(?:form|contact details)\b/, 'leads'],
  [/\bconverti\w* combien de fois\b|\bcombien de fois (?:ca a |on a |ils ont |elle a |il a )?converti\w*|\bcommandes?\b|\borders?\b(?!\s+(?:(?!(?:week|day|month|campaign|channel|category)\b)\w+\s+)?by\b(?! (?:the )?(?:week|day|month|campaign|channel|category)s?\b))|(?<!\b(?:la|the) )\bconversion\b|\bconversions\b|\bconv\b|\bachats?\b|\bpurchases?\b/, 'orders'],
]; // biome-ignore format: a table

export const COST_METRICS: ReadonlySet<Metric> = new Set(['cpl', 'cpa', 'cpc', 'cpm']);

export interface MetricMention {
  metric: Metric;
  at: number;
  end: number;
}

// « ca » in lower case is revenue where « ça » cannot stand: after an article (« le ca a baissé »), or before a scope
// (« ca ig »); after « de / en / par » only when no verb follows (« de ça a l'air »).
const LOWER_CA =
  /\b(?:le|du|quel|total|notre|son|leur|mon|au|the|by)\sca\b|\b(?:top|flop|bottom)\s\d{1,2}\sca\b|(?:^|\b(?:de|en|par)\s)ca\b(?! (?:a|donne|marche|va|fait|depend|suffit|performe|roule|tourne|fonctionne|semble|vaut|coute|change|bouge|vient|venait|sort|me|te|nous|vous|se|ne)\b| (?:s|m|t|n)')|^ca\b(?= (?:de|du|des|d'|total|global|par|ig|fb|yt|insta\w*|facebook|instagram|google|youtube|social|search|media|sur|en|semaine|cette|ce|la|hier)\b)/;

/** Every metric phrase in the text with where it stands (longer phrases mask shorter ones). */
/** A verb that moves a budget, right before « budget »: « remettre du », « plus de », "more", "cut the". */
const LEVER =
  /\b(remettre|remet|mettre|mets|met|rajouter|ajouter|injecter|pousser|investir|couper|coupe|reduire|baisser|augmenter|more|add|put|shift|move|cut|raise|boost)\s(?:(?:du|de|le|la|les|plus de|moins de|more|the|our|some)\s)?$|\bplus de $|\bmore $/;

export function findMetricMentions(text: string, originalText = ''): MetricMention[] {
  // "cost-efficient", « efficace en coût »: a quality of a cost metric, not a mention of spend.
  // "cost-per-lead", "click-through-rate": hyphens read as spaces (same length: positions stay those of `text`).
  let rest = text
    .replace(/\bcost[- ]?(efficien|effective)\w*|\befficace\w* en(?= couts?\b)/g, (phrase) =>
      ' '.repeat(phrase.length),
    )
    .replace(/(?<=[a-z])-(?=[a-z])/g, ' ');
  const found: MetricMention[] = [];
  const verbs: MetricMention[] = [];
  for (const [pattern, metric] of SYNONYMS) {
    const global = new RegExp(pattern.source, 'g');
    for (const match of rest.matchAll(global)) {
      const mention = { metric, at: match.index, end: match.index + match[0].length };
      // « coûtent », "cost": spend, unless the question also names a cost per unit (then that is what costs).
      if (metric === 'mark_spent' && /^(cout|cost)/.test(match[0])) verbs.push(mention);
      else found.push(mention);
    }
    rest = rest.replace(global, (matched) => ' '.repeat(matched.length));
  }
  if (!found.some((mention) => COST_METRICS.has(mention.metric))) found.push(...verbs);
  // « remettre du budget vu le ROI », "more budget based on ROAS": the budget is the lever, the figure is the other.
  const lever = found.filter(
    (mention) =>
      mention.metric === 'mark_spent' &&
      /^budgets?$/.test(text.slice(mention.at, mention.end)) &&
      LEVER.test(text.slice(Math.max(0, mention.at - 24), mention.at)),
  );
  if (lever.length > 0 && found.some((mention) => mention.metric !== 'mark_spent'))
    for (const mention of lever) found.splice(found.indexOf(mention), 1);
  // « quelle catégorie rapporte le moins (roi) », "which one earns most (ROAS)": a figure in brackets after one other
  // mention says which one the words before it meant. (« ROI, dépenses et chiffre d'affaires (CA) » names three.)
  const inBrackets = (mention: MetricMention) =>
    /\(\s*$/.test(text.slice(0, mention.at)) && /^\s*\)/.test(text.slice(mention.end));
  const [first, second, ...others] = [...found].sort((a, b) => a.at - b.at);
  if (first && second && others.length === 0 && !inBrackets(first) && inBrackets(second))
    found.splice(found.indexOf(first), 1);
  // « CA » is revenue when written in capitals, or in lower case where « ça » cannot stand.
  const ca = /\bCA\b/.exec(originalText);
  if (ca) found.push({ metric: 'revenue', at: ca.index, end: ca.index + 2 });
  else if (!everyCaIsCedilla(rest, originalText)) {
    const lower = LOWER_CA.exec(rest);
    if (lower) {
      const at = lower.index + lower[0].lastIndexOf('ca');
      found.push({ metric: 'revenue', at, end: at + 2 });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** « ça représente combien ? »: every « ca » of the text was « ça » as written, a pronoun, never the revenue. */
function everyCaIsCedilla(text: string, originalText: string): boolean {
  const cedillas = originalText.match(/(?<!\p{L})ça(?!\p{L})/giu)?.length ?? 0;
  return cedillas > 0 && cedillas >= (text.match(/\bca\b/g)?.length ?? 0);
}

/** Metrics named in the text, in reading order (each phrase counted once: longer phrases mask shorter). */
export function findMetrics(text: string, originalText = ''): Metric[] {
  return [...new Set(findMetricMentions(text, originalText).map((item) => item.metric))];
}

export type DirectionWord = 'best' | 'worst' | 'high' | 'low' | 'cheap' | 'expensive';

// Checked in this order: « moins chères » before « moins », « les moins performantes » before « moins ».
const DIRECTION_WORDS: [RegExp, DirectionWord][] = [
  [/\bmoins (cher|couteu)\w*|\bcheap\w*|\bleast expensive|\bplus economique\w*|\bmeilleur marche/, 'cheap'],
  [/\bplus (cher|couteu)\w*|\bmost expensive|\bcout\w* le plus|\bcostliest|\boverpay\w*|\bpaie trop\b|\bpayons trop\b/, 'expensive'],
  [/\bpires?\b|\bworst\b|\b(dernier\w*|queue) (?:(?:des |de )?(?:campagnes?|canaux|categories?) )?(?:du|au|en) classement\b|\bbas du classement\b|\blanterne rouge\b|\b(?:le |la |les )?plus a la (?:ramasse|traine)\b|\bbottom of the (list|ranking|table)\b|\b(le |la |les )?plus mauvaise?s?\b|\bmoins bon(ne)?s?\b|\bworse\b|\b(?:least|less) (efficient|profitable|effective|performing|rentable)\b|\bmoins (bon|perform|efficace|rentable)\w*|\bweakest|\bpoorest|\bperd\w* le plus\b|\bvers le bas\b|\bplomb\w*|\bdragg\w* down\b|\bgouffres?\b|\bburn\w* (cash|money)\b|\bperdre des sous\b|\bpar les fenetres\b|\b(lose|loses|losing) the most\b|\ble plus mal\b|\ble moins bien\b|\bflop\w*|\b(?:le |la |les )?plus nul(?:le)?s?\b|\b(?:le |la |les )?plus pourri\w*|\bdetrui\w* le plus\b|\bmoney pits?\b|\bles (\d+ )?derni(er|ere)s\b(?!\s(jours?|semaines?|mois|days?|weeks?|months?)\b)/, 'worst'],
  // Explicit heights before « top » (« le CPA le plus élevé ? top 3 » is the highest CPA, not the best one).
  [/\bplus (haut|eleve|grand|gros|fort)\w*|\bhighest\b|\bbiggest\b|\blargest\b|\ben tete\b|\bin the lead\b/, 'high'],
  [/\bplus (bas|faible|petit)\w*|\bl(?:es|a) moins\b|\bthe less\b|\blowest\b|\bmoins eleve\w*|\bsmallest\b|\ble moins\b|\bleast\b|\bfewest\b|\bbottom\b|\bminimum\b|\blower\b/, 'low'],
  [/\bmeilleur\w*|\bvers le haut\b|\bplus avantageu\w*|\bbest\b|\bmost (efficient|profitable|effective)\b|\bmieux\b|\bbetter\b|\btop\b|\ble mieux\b|\bplus (performant|efficace|efficient|rentable|interessant)\w*|\bmost cost[- ]efficient\b|\bstrongest\b|\bwinners?\b/, 'best'],
  [/\bplus (haut|eleve|grand|gros|fort)\w*|\bhighest\b|\bles? plus\b|\bthe most\b|\bmost\b|\bbiggest\b|\blargest\b|\bmaximum\b|\bhigher\b/, 'high'],
]; // biome-ignore format: a table

export function findDirectionWord(text: string): DirectionWord | undefined {
  return firstEnd(text) ?? DIRECTION_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

/**
 * « du plus rentable au moins rentable », « du CPC le plus bas au plus haut », « de la meilleure à la pire », "from
 * best to worst", "largest to smallest": a whole ranking in order, the end named first leading.
 */
export const FROM_END_TO_END =
  /\b(?:(?:du|de la|des|from(?: the)?) (?:[\w()]+ ){0,3}?)?(?:le |la |les )?(plus \w+|moins \w+|meilleure?s?|pires?|best|worst|highest|lowest|largest|biggest|smallest|cheapest|most \w+|least \w+)\b(?: [\w()]+){0,2}? (?:au|aux|a la|a|to(?: the)?) (?:le |la |les )?(?:plus|moins|meilleure?s?|pires?|best|worst|highest|lowest|largest|biggest|smallest|most|least|dearest)\b/;

/** « classe les campagnes social par CTR », "rank the fb campaigns by CPA": sorting asked, without a count, is every
 * member of the scope in order, not a top 5. */
export const SORT_ALL =
  /\b(?:classe[rz]?|classes|classement|trie[rz]?|tries|triees|sort|sorted|ordered|rank|ranked|ranking|ordonne[rz]?)\b/;

/** The end a from-to phrase names first, as a direction word; undefined without one. */
function firstEnd(text: string): DirectionWord | undefined {
  const match = FROM_END_TO_END.exec(text);
  if (!match || !/\b(?:du|de la|des|from)\b|\bto\b/.test(match[0])) return undefined;
  const end = match[1]!;
  if (/^(plus|most) (cher|couteu|expensive)/.test(end)) return 'expensive';
  if (/^(moins|least) (cher|couteu|expensive)|^cheapest/.test(end)) return 'cheap';
  if (/^plus (bas|petit|faible)|^(lowest|smallest)$/.test(end)) return 'low';
  if (/^plus (haut|eleve|grand|gros|fort)|^(highest|largest|biggest)$/.test(end)) return 'high';
  if (/^(meilleur|best)|^(plus|most) /.test(end)) return 'best';
  if (/^(pire|worst)|^(moins|least) /.test(end)) return 'worst';
  return undefined;
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
