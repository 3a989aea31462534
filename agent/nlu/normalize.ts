// Text normalization for the offline NLU: lower case without accents, one kind of apostrophe and dash,
// number words turned into digits, and light typo correction against the words the planner looks for.
import { distance } from 'fastest-levenshtein';
import { FOREIGN_WORDS } from './foreign-words.js';
import { withPlainRegister } from './plain-register.js';
import { withSlashDates } from './slash-dates.js';
import { spokenForms } from './spoken.js';
import { withWrittenPeriods } from './written-periods.js';

/** Inputs longer than this are cut before parsing: the graph refuses long inputs anyway, this bounds the work. */
export const MAX_PARSED_CHARS = 1000;

/** Lower case, no diacritics, typographic quotes and dashes unified, spaces collapsed, dictated forms written back
 * as typed (spoken.ts): what every rule reads. */
export function normalize(text: string): string {
  return spokenForms(
    text
      .slice(0, MAX_PARSED_CHARS)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/œ/g, 'oe')
      .replace(/[’‘`´]/g, "'")
      .replace(/[«»“”"]/g, ' ')
      .replace(/[\u2212\u2013\u2014]/g, '-')
      .replace(/≥/g, '>=')
      .replace(/≤/g, '<=')
      // "@bot total spend", "#weekly-report quick q": a mention of the bot or a channel tag, not a word of the question.
      .replace(/(^|[\s(])[@#][a-z][\w.-]*/g, '$1')
      .replace(/\s+/g, ' ')
      // « celle d avant », « prix d un lead », « qu en sem 1 », « c est »: the apostrophe left out (same length).
      .replace(/(?<!')\b(d|l|qu|j|n|c|m|t) (?=[aeiouyh][a-z])/g, "$1'")
      // "week1 to week2", « sem3 »: the week's number apart.
      .replace(/\b(week|semaine|sem|wk)([1-5])\b/g, '$1 $2')
      // « top3 », « flop5 »: the count apart.
      .replace(/\b(top|flop)(\d{1,2})\b/g, '$1 $2')
      // « fb t1 », « insta t2 »: the tier parts of the names.
      .replace(/\bt([1-3])\b/g, 'tier$1')
      .trim(),
  );
}

// Number words a user types for counts (« cinq », "three", Swiss « septante »). « un », "one" are left alone: they
// are articles.
const NUMBER_WORDS: Record<string, number> = {
  zero: 0, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30, quarante: 40, cinquante: 50,
  soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90,
  two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, twenty: 20, thirty: 30, forty: 40, fifty: 50,
}; // biome-ignore format: a table

/** The words the routing and extraction rules look for: typos are corrected towards these only. */
const VOCABULARY = `
sous performantes performante performants performant underperforming underperform campagnes campagne
affaire rapporte rapporter rapportent lead rapport rapports
campaigns campaign meilleures meilleurs meilleure meilleur pires worst lowest highest cheapest expensive
rentabilite rentables rentable retour investissement profitability profitable conversion conversions taux total
clics clicks impressions commandes orders leads acquisition chiffre affaires revenus revenue ventes sales
depenses depense budget segmente segmenter segmentation segments segment clusters cluster groupes
simule simuler simulation simulate prediction predict prevoir prevision forecast evolution tendance trend
categorie categories category reseaux sociaux influence influenceurs influencers recherche search display
bannieres banniere media medias janvier fevrier mars avril juin juillet aout septembre octobre novembre
decembre january february march april june july august september october november december semaine
semaines derniere dernieres derniers dernier premiere premieres premiers deuxieme troisieme quatrieme digests digest chaque lundi mardi
mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday aide
help instructions argent perdent underperformers negatif negative analyse analyze performance comment
combien augmente augmentation baisse diminue increase increases decrease reduce classement ranking
facebook instagram google youtube blogger retargeting partner banner quelles quelle quels which what
commande lesquelles lesquels totales totaux
`
  .split(/\s+/)
  .filter((word) => word.length > 0);
// Ordinary words that sit close to a vocabulary word (« percent » is not a typo of « perdent »).
const KEEP = `claque claquer flambe encaisse commande marche marcher marchent marchait percent pourcent percents period please prefer weekly monthly daily social sociales between
expect expected others number numbers months second minute minutes morning tomorrow yesterday increased
decreased reduced send sends sent sending grouper groupe regrouper`;
const KNOWN = new Set([...VOCABULARY, ...KEEP.split(/\s+/), ...Object.keys(NUMBER_WORDS)]);
/** Every word the typo correction knows (the lexicon of harmless words starts from it). */
export const PARSED_WORDS: readonly string[] = [...KNOWN];

/** The closest vocabulary word when the token is a likely typo of it (same first letter, small distance). */
// Short measure words (and « total », "which") are corrected too, but only towards these and only at distance 1 (« leds », « spnd »):
// short ordinary words sit too close to each other to correct in general.
const SHORT_MEASURES = [
  'leads',
  'clics',
  'clicks',
  'spend',
  'orders',
  'sales',
  'ventes',
  'roas',
  'clic',
  'click',
  'lead',
  'total',
  'which',
];

const WEEKDAY_ABBREVIATIONS: Record<string, string> = {
  lun: 'lundi',
  mer: 'mercredi',
  jeu: 'jeudi',
  ven: 'vendredi',
  sam: 'samedi',
  dim: 'dimanche',
};

/** Chat abbreviations and slips too short or too far for the typo correction: « cmd », « koi », « pq », 'wek'. */
export const ALIASES: Readonly<Record<string, string>> = {
  ...FOREIGN_WORDS,
  cmb: 'combien', rois: 'roi', dep: 'depenses', deps: 'depenses', u: 'you', ur: 'your', pct: 'percent', metre: 'mettre', prev: 'previous', pr: 'pour', stoper: 'stopper', kel: 'quel', kelle: 'quelle', kels: 'quels', kelles: 'quelles', gugle: 'google', rio: 'roi', moth: 'month', evol: 'evolution', influ: 'influenceurs', dafaire: "d'affaires", bucks: 'francs',
  cmd: 'commandes', cmds: 'commandes', cde: 'commandes', cdes: 'commandes', nbr: 'nombre', nb: 'nombre',
  koi: 'quoi', pq: 'pourquoi', pk: 'pourquoi', pkoi: 'pourquoi', raos: 'roas', cmp: 'cpm', wek: 'week',
  canneaux: 'canaux', cannaux: 'canaux', chanels: 'channels', chanel: 'channel', clik: 'clic', cliks: 'clics',
  depanser: 'depenser', depanse: 'depense', depenser: 'depenser', smaine: 'semaine', semiane: 'semaine',
  bsa: 'bas', moin: 'moins', lw: 'last week', rat: 'rate', rev: 'revenue', camps: 'campaigns', camp: 'campaign', umsatz: 'revenue', klicks: 'clicks', kosten: 'spend',
  cmdes: 'commandes', imps: 'impressions', incl: 'inclus', inclu: 'inclus', dasy: 'days', wats: 'whats', gimme: 'give', sup: 'superieur', canl: 'canal', plese: 'please', provde: 'provide', seach: 'search', acqusition: 'acquisition', aquisition: 'acquisition', reveune: 'revenue', febuary: 'february',
  dern: 'derniere', fevr: 'fevrier', sim: 'simule', simu: 'simule', convs: 'conversions', qeul: 'quel', rentabel: 'rentable', bellow: 'below', dyas: 'days', googel: 'google', lst: 'last', cb: 'combien', bis: 'au', kampagne: 'campagne', kampagnen: 'campagnes', kanal: 'canal', pourqoui: 'pourquoi', pourquio: 'pourquoi', baise: 'baisse', tot: 'total', mnth: 'month', mnths: 'months',
  umsaz: 'revenue', tuax: 'taux', overal: 'overall', cannal: 'canal',
  wekend: 'weekend', weeekend: 'weekend', weeknd: 'weekend',
  daffaire: "d'affaires", daffaires: "d'affaires", mny: 'many', abvoe: 'above', dessu: 'dessus', avc: 'avec', hw: 'how', pasee: 'passee', booster: 'boost',
  lide: 'lead', lides: 'leads', lids: 'leads', lid: 'lead', whos: 'who', mosi: 'mois', waht: 'what', mcuh: 'much', semian: 'semaine', budjet: 'budget', budjets: 'budgets', leasd: 'leads', frs: 'francs', spnd: 'spend',
}; // biome-ignore format: a table

export function correctWord(word: string): string {
  if (KNOWN.has(word)) return word;
  if (word.length >= 4 && word.length < 6) {
    // A singular (« lead », « clic », "click") is a word of its own that the rules read: never a typo.
    if (SHORT_MEASURES.includes(`${word}s`)) return word;
    const near = SHORT_MEASURES.filter(
      (known) => known[0] === word[0] && (swapped(known, word) || distance(known, word) === 1),
    );
    return near.length === 1 ? near[0]! : word;
  }
  if (word.length < 6) return word;
  const allowed = word.length >= 9 ? 2 : 1;
  let best = word;
  let bestScore = allowed + 1;
  for (const known of VOCABULARY) {
    if (known[0] !== word[0] || Math.abs(known.length - word.length) > allowed) continue;
    // Two swapped letters (« reveneu ») are one slip, though two edits for Levenshtein.
    const score = swapped(known, word) ? 1 : distance(known, word);
    if (score < bestScore) {
      best = known;
      bestScore = score;
    }
  }
  return best;
}

/** Whether `a` is `b` with two neighbouring letters swapped. */
export function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  return (
    diff.length === 2 &&
    diff[1] === diff[0]! + 1 &&
    a[diff[0]!] === b[diff[1]!] &&
    a[diff[1]!] === b[diff[0]!]
  );
}

/** Normalized text with typos corrected and number words written as digits: what the rules parse. */
export function prepare(text: string): string {
  // « sem. dernière », « sem du 8 »: the abbreviation of semaine, so every period rule reads it.
  const expanded = withPlainRegister(withSlashDates(normalize(text)))
    // "top of funnel check:", « haut du funnel »: the stage of the funnel, not a ranking.
    .replace(/\b(?:top|haut) (?:of (?:the )?|du |de )funnel\b/g, 'funnel')
    // « semaine 1 vs 2 », "wk 3 vs 4": two weeks, the noun said once.
    .replace(
      /\b(semaine|week|wk|sem) ?([1-5]) (vs\.?|versus|contre|->|→) ([1-5])\b(?!\s?(?:%|[.,]\d|\d|jours?|days?|semaines?|weeks?|chf|k\b|fois|times))/g,
      '$1 $2 $3 $1 $4',
    )
    // « coup par acquisition »: the cost, as the keyboard or the dictation wrote it.
    .replace(
      /\bcoups? (?=(?:par|per|pour) (?:acquisition|commande|lead|clic|click|conversion|mille)\b)/g,
      'cout ',
    )
    // « canal n1 en leads », « la n°1 »: number one.
    .replace(/\b(?:n|nr|no\.|n°)\s?1\b(?![\d.,'])/g, 'numero 1')
    // « … la semaine dernière, et le CPL sur cette même semaine ? »: the period already named, not another.
    .replace(
      /\b(?:sur |pendant |over |for |in )?(?:cette|la|that|the) (?:meme|same) (?:semaine|periode|journee|week|period|day)\b/g,
      ' ',
    )
    // « pour le point hebdo », "for the weekly meeting": how often the meeting is, not a grain of the answer.
    .replace(
      /\b(point|reunion|meeting|comite|revue|review|call|reporting|suivi|rapport|report|recap|dashboard|tableau de bord|lettre|newsletter|note|mail|email|bulletin) (?:hebdo\w*|mensuel\w*|quotidien\w*)\b/g,
      '$1',
    )
    // « quels canaux ont rapporté plus qu'ils ont coûté ? », "which ones cost more than they made?": a return above or
    // below zero, said with the two sides of it.
    .replace(
      /\b(?:rapport|gagn|ramen)\w* plus (?:qu'(?:ils|elles|il|elle|on|ca) |que ce qu'(?:ils|elles|il|elle|on) )(?:ne |n')?(?:ont |a |avaient |avait )?(?:coute|coutent|coutait|depense)\w*|\b(?:made|earned|brought in|returned|generated) more than (?:they|it|we) (?:cost|spent)\b/g,
      'avec un roi positif',
    )
    .replace(
      /\b(?:coute|coutent|coutait|depens)\w* plus (?:qu'(?:ils|elles|il|elle|ca|on|nous) |que ce qu'(?:ils|elles|il|elle|on) )(?:ne |n')?(?:ont |a |avaient |avait )?(?:rapport|gagn|ramen|encaiss)\w*|\bcost more than (?:they|it) (?:made|earned|brought in|returned|generated)\b/g,
      'avec un roi negatif',
    )
    // « on perd le plus, en % de ce qu'on investit », "as a % of what we put in": the return, not the spend.
    .replace(
      /\ben (?:%|pourcentage|pour ?cent) (?:de ce qu'(?:on|nous|ils) (?:y )?(?:a |avons )?(?:investi|mis|depense)\w*|de l'investissement|du budget investi|de la mise)\b|\bas a (?:%|percentage|percent) of (?:what we (?:put in|spend|spent|invest(?:ed)?)|(?:the )?(?:investment|spend))\b/g,
      'en roi',
    )
    // « c'est pour le weekly », "for our monthly": the meeting itself, named by how often it is.
    .replace(
      /\b(pour|for|dans|in|au|to) (le|the|notre|our|mon|my) (?:weekly|monthly|hebdo|mensuel)\b(?! (?:trend|evolution|breakdown|split|par|by|per))/g,
      '$1 $2 point',
    )
    .replace(
      /\b(?:weekly|monthly|daily) (meeting|review|call|report|reporting|recap|dashboard|sync|catch-up|letter|newsletter|note|update|memo|email|mail|bulletin|stand-?up)\b/g,
      '$1',
    )
    // « combien le retargeting a-t-il rapporté ? »: the inverted verb read as the plain one.
    .replace(/\b(a|ont|est|sont|avait|avaient)-(?:t-)?(?:il|elle|ils|elles)\b/g, '$1')
    // « le ROI de la semaine dernière est-il meilleur que celui de la semaine du 15 ? »: two periods set side by side.
    .replace(
      /(?<!\b(?:qu'il|qu'elle|il|elle|ils|elles|ce|c'|cela|ca))\s(?:est|etait|sont|a ete)(?:-(?:t-)?(?:il|elle|ils|elles))? (?:(?:plus |moins )?(?:superieur|inferieur|meilleur|pire|eleve|bas|haut|faible|bon|fort|important)e?s?) (?:a|que|qu'a) (?:celui|celle|ceux|celles) (?:de |d'|du )/g,
      ' vs ',
    )
    // « … de la seconde quinzaine vs la première »: the other one of the same kind.
    .replace(
      /\b((?:seconde|deuxieme|2e|premiere|1re|1ere) (quinzaine|semaine|moitie)\b.*\bvs (?:la )?(?:premiere|1re|1ere|seconde|deuxieme|2e))\b(?! (?:quinzaine|semaine|moitie))/g,
      '$1 $2',
    )
    // « il me manque un seul chiffre », "I'm missing one number": the figure asked, not a ranking's first.
    .replace(
      /\b(?:un seul|une seule|one single|a single|one) (?:(?:consolidated|global|overall|total|consolide|global) )?(chiffre|nombre|number|figure|ligne|line|valeur)\b/g,
      '$1',
    )
    // « quels canaux ne sont pas rentables ? », "which channels are unprofitable?": the channels below zero ROI, not
    // the loss-making campaigns' preset.
    .replace(
      /\b(canaux|categories|channels|leviers)\b((?: [\w']+){0,4}?) (?:ne sont pas (?:rentables|profitables)|sont (?:non|pas) rentables|(?:pas|non) rentables|deficitaires|are (?:unprofitable|not profitable|loss-making)|aren't profitable|unprofitable|not profitable|(?:lose|are losing) money)\b/g,
      '$1$2 avec un roi negatif',
    )
    .replace(/\b(?:unprofitable|loss-making|money-losing) (channels|categories)\b/g, '$1 with a negative roi')
    // « ne rentrent pas dans leurs frais »: not profitable; without « pas », profitable (break-even or better).
    .replace(/\bne (?:rentr\w*) pas dans (?:leurs|ses|nos|leur|son) frais\b/g, 'ne sont pas rentables')
    .replace(/\b(?:rentr\w*) dans (?:leurs|ses|nos|leur|son) frais\b/g, 'sont rentables')
    .replace(
      /\bsem\.?\s(?=du\b|de la\b|dern\w*|precedente|prec\b|passee|ecoulee|prochaine|d'avant|\d)/g,
      'semaine ',
    )
    // « les 2 dernières sem. », « dernière sem »: the abbreviation after its adjective.
    .replace(/\b(\d{1,2} )(dernieres|premieres|prochaines) sem\b\.?/g, '$1$2 semaines')
    .replace(
      /\b(derniere|premiere|prochaine|cette|deuxieme|troisieme|quatrieme|\d{1,2}e|\d{1,2}eme|1re|1ere) sem\b\.?/g,
      '$1 semaine',
    );
  // « S3 vs S2 »: weeks of the month.
  const elided = expanded
    .replace(/\bs([1-5])\b(?=.*\bs[1-5]\b)/g, 'semaine $1')
    .replace(/(\bsemaine \d\b.*)\bs([1-5])\b/g, '$1semaine $2')
    // « cpl fb s3 », « top3 ca s2 »: one week of the month, alone too.
    .replace(/(?<!\b(?:top|flop|tier|t|[a-z]+_))\bs([1-4])\b(?!\s?(?:%|[.,]\d|chf|k\b))/g, 'semaine $1')
    // « impr / sem »: per week (not the search channel, SEM).
    .replace(/\s?\/\s?(?:sem|semaine|week|wk)\b/g, ' par semaine')
    // "what happens when we raise …": a hypothetical, as « if » reads.
    .replace(/\bwhat (happens|would happen) when\b/g, 'what $1 if')
    // « si j'ai bien compris », « si je ne me trompe pas »: a hedge, not a hypothesis (« si j'augmente … »).
    .replace(
      /\bsi (?:j'ai bien compris|je comprends bien|je ne me trompe pas|je me souviens bien|c'est possible)\b/g,
      ' ',
    )
    // « plus hier qu'avant-hier »: the comparison's « que » written before a day word.
    .replace(/\bqu'(?=avant-hier\b|hier\b|aujourd)/g, 'que ')
    // "under water": one word (« underwater » is read as losing money).
    .replace(/\bunder water\b/g, 'underwater')
    // "which campaign's driving …": the contraction of is, not a possessive.
    .replace(/\b(which|what) (campaign|channel|category|one)'s (?=\w+ing\b|the\b|our\b|got\b)/g, '$1 $2 is ')
    // « la semaine ISO 7 », "ISO week 7": the calendar week KW7.
    .replace(
      /\b(?:semaine|week) iso (\d{1,2})\b|\biso[- ]?(?:week|semaine) (\d{1,2})\b/g,
      (_, a?: string, b?: string) => `kw${a ?? b}`,
    )
    // "how is the budget split over the channels?", « réparti entre les canaux »: by channel.
    .replace(
      /\bsplit (?:over|across|between|among|by) (?:the |our )?(channels?|categories|campaigns?)\b/g,
      'by $1',
    )
    .replace(/\breparti\w* (?:entre|sur|par) (?:les |nos )?(canaux|categories|campagnes)\b/g, 'par $1')
    // "w/c 8 Feb", "week commencing the 8th": the week that starts that day.
    .replace(/\bw\/[cb]\b|\bweek (?:commencing|beginning|starting)(?: on)?\b/g, 'week of');
  // "one percent", « un pour cent »: the one number word left as an article elsewhere; "yday": yesterday.
  const spelled = withWrittenPeriods(
    elided
      .replace(/\b(?:one|un) (percent|pour ?cent|%)/g, '1 $1')
      .replace(/\byday\b|\bystrdy\b/g, 'yesterday')
      // "L7D", "l30d": the last days.
      .replace(/\bl(\d{1,2})d\b/g, 'the last $1 days')
      .replace(/\bmonth-to-date\b|\bmtd\b/g, 'month to date'),
  )
    // "WoW revenue, all 4 weeks", "revenue week over week for feb": each week of the month, not the last two.
    .replace(
      /\b(?:wow|week[- ]over[- ]week|semaine (?:sur|apres) semaine)\b(?=.*\b(?:all (?:4|four|the) weeks|each week|every week|for (?:feb\w*|the month|this month)|(?:in|over|across) (?:feb\w*|the month)|(?:sur|pour) (?:le mois|fevrier)|toutes les semaines|chaque semaine)\b)|(?<=\b(?:all (?:4|four|the) weeks|each week|every week|toutes les semaines|chaque semaine)\b.*)\b(?:wow|week[- ]over[- ]week|semaine (?:sur|apres) semaine)\b/g,
      'by week',
    )
    // "top 5 rev drivers", "biggest spend drivers": the campaigns that bring the most of it.
    .replace(
      /\b(top|bottom|biggest|largest|main) (\d{1,2} )?(rev|revenue|sales|spend|orders?|leads?|clicks?|traffic|ca)\b drivers\b/g,
      '$1 $2campaigns by $3',
    )
    // « week 1 + week 2 ensemble », "weeks 1 and 2 combined": one span of both weeks.
    .replace(
      /\b(semaines?|sem|weeks?|wk)\s?([1-5]) (?:\+|et|and|&) (?:(?:la |the )?(?:semaine|sem|week|wk)\s?)?([1-5])\b(?=.*\b(?:ensemble|together|combined|cumul\w*|au total|in total|total)\b)/g,
      (_, word: string, a: string, b: string) => `${word.replace(/s$/, '')} ${a} to ${b}`,
    )
    // "leads wow?": week over week — after a word, not an exclamation (« wow, top 5 par CA »).
    .replace(
      /(?<=\b[a-z]{2,} |\d%? )wow\b(?!\s*[,!])|(?<=\b(?:cpm|cpc|cpa|cpl|ctr|cvr|roi|roas|spend|revenue|ca|leads|orders|clicks|impressions) )wow\b|^wow\b(?=\s(?:spend|revenue|ca|roi|roas|cpa|cpl|cpc|ctr|leads|orders|clicks|change|growth|depenses?|budget)\b)/g,
      'last week compared with the week before',
    )
    // « Umsatz pro Kanal »: German « pro » before a dimension is « par » (not « Canva Pro »).
    .replace(/\bpro (?=kanal|canal|kampagnen?|campagnes?|categorie|tag|jour|woche|semaine)/g, 'par ')
    // "half a percent", « un demi pour cent »: 0.5 %.
    .replace(/\bhalf an? percent\b|\b(?:un )?demi[- ]pour ?cent\b/g, '0.5 %')
    // « le premier février »: the 1st.
    .replace(/\ble premier (?=(?:janv|fevr|fev|feb|mars)\w*)/g, 'le 1er ')
    // "the 20 of february", "the 14th of Feb": the day and its month.
    .replace(/\b(\d{1,2}(?:st|nd|rd|th)?) of (?=(?:jan|feb|fev|mar|march|apr|dec)\w*)/g, '$1 ')
    // « du premier au dix février »: from the 1st.
    .replace(/\bdu premier (?=(?:au|a|jusqu'au) (?!dernier))/g, 'du 1er ')
    // « weeek », « cliiics »: a letter held down.
    .replace(/([a-z])\1{2,}/g, '$1$1')
    // « sur 7 jours », "over 14 days": the last days, as « les 7 derniers jours » reads.
    .replace(/\bsur (\d{1,2}) jours\b/g, 'sur les $1 derniers jours')
    .replace(/\b(?:over|in) (\d{1,2}) days\b/g, 'in the last $1 days')
    // « le + de leads », « le - cher »: the signs for plus and moins.
    .replace(/\b(le|la|les) \+ /g, '$1 plus ')
    .replace(/^\+ (?=de |d')/, 'le plus ')
    .replace(/\b(le|la|les) - /g, '$1 moins ')
    // « sam. 20 et dim. 21 »: weekday abbreviations before a day (not « mar. »: also March).
    .replace(/\b(lun|mer|jeu|ven|sam|dim)\.? (?=\d)/g, (_, day: string) => `${WEEKDAY_ABBREVIATIONS[day]} `)
    // "last 7d", « 30j », "last wk", "last weak": chat shorthands of the period words the rules read.
    // (« les 7 d'avant » is not 7 days: the apostrophe is a word boundary.)
    // « google 7j », "spend 7d": the last days, when nothing else says which.
    .replace(
      /(?<!\b(?:les|last|past|derniers|in|over|the|des|previous|prior|first|premiers) )\b(\d{1,2}) ?j\b(?!')(?! (?:derniers|precedents|d'avant))/g,
      'les $1 derniers jours',
    )
    .replace(
      /(?<!\b(?:les|last|past|derniers|sur|in|over|the|des|previous|prior|prev|first|premiers) )\b(\d{1,2}) ?d\b(?!')(?! (?:before|prior|ago))/g,
      'the last $1 days',
    )
    .replace(/\b(\d{1,3}) ?d\b(?!')/g, '$1 days')
    .replace(/\b(\d{1,3}) ?j\b(?!')/g, '$1 jours')
    .replace(/\b(derniers|premiers|prochains) j\b(?!')/g, '$1 jours')
    .replace(/\bwks?\b/g, 'week')
    // "wk3", "wk1 -> wk2": the month's third week, written short.
    .replace(/\bwk ?([1-5])\b/g, 'week $1')
    // "sub-1 ROAS", "sub 0.5% CTR": below that bound.
    .replace(/\bsub[- ](\d+(?:[.,]\d+)?) ?(%?) ?(roas|roi|ctr|cvr|cpa|cpl|cpc|cpm)\b/g, '$3 below $1$2')
    .replace(/\bsub[- ](\d+(?:[.,]\d+)?) ?(%?)/g, 'below $1$2')
    // "last weeks revenue": last week's (the apostrophe left out), not several weeks.
    .replace(
      /\b(last|this|previous) weeks (?=(?:revenue|spend|sales|orders|leads|clicks|roi|roas|cpa|cpl|ctr|numbers|figures|results)\b)/g,
      '$1 week ',
    )
    .replace(/\b(last|this|next|past) weak\b/g, '$1 week')
    // « roi / canal », "spend/campaign": a slash before a dimension or a grain is « par ».
    .replace(
      /\s?\/\s?(?=(?:canal|canaux|categories?|campagnes?|jours?|semaines?|mois|channels?|categor(?:y|ies)|campaigns?|days?|weeks?|months?)\b)/g,
      ' par ',
    )
    // "week-by-week", « jour-par-jour »: the grain words with hyphens.
    .replace(
      /\b(day|week|month|jour|semaine|mois)-(by|par|after|apres)-(day|week|month|jour|semaine|mois)\b/g,
      '$1 $2 $3',
    );
  // « plus de 1,5 franc de CA par franc dépensé », "2 francs per franc spent": a ROAS bound, not an amount of revenue.
  const perFranc = spelled.replace(
    /\b(\d+(?:[.,]\d+)?) ?(?:francs?|chf|balles|fr) (?:de (?:ca|chiffre d'affaires|revenus?) |of (?:revenue|sales) )?(?:par|per|pour|for) (?:chaque |each |every |1 |un |one )?(?:francs?|chf|balle|fr)\b(?: (?:mis|investi|depense|spent|invested)\w*)?/g,
    '$1 de roas',
  );
  // « les deux chiffres », "compare the two": both sides, not a count of 2 nor the 2nd of the month.
  const both = perFranc.replace(
    /\b(?:the|les|ces|these|those) (?:two|deux)\b(?=\s*(?:$|[?!.,;:)]|(?:chiffres?|figures?|numbers?|valeurs?|values?|totals?|totaux|montants?|ensemble|together|side by side|cote a cote|please|pls|stp|svp|s'il)\b))/g,
    'both',
  );
  // « plus vingt pour cent sur le social », "minus ten percent": a change said aloud (« plus de 20 % » is a bound).
  const signed = both.replace(/[a-z]+/g, (word) => {
    const corrected = ALIASES[word] ?? correctWord(word);
    const value = NUMBER_WORDS[corrected];
    return value === undefined ? corrected : String(value);
  });
  return withScales(signed).replace(
    /(^|[^\w\s]\s*|\b(?:alors|bon|euh|so|ok|et|and|si on met|if we put|on met|we put) )(plus|moins|minus) (\d+(?:[.,]\d+)?) ?(?:%|pour ?cents?|percent)/g,
    (_, before: string, sign: string, value: string) => `${before}${sign === 'plus' ? '+' : '-'}${value} %`,
  );
}

/** « 1,2 mio », "CHF 1.2M", « nonante mille » (90 mille by now), "five thousand" (5 thousand by now): an amount said with its scale, written out. */
function withScales(text: string): string {
  // « 1'000 affichages », « CHF 5'000 »: the Swiss thousands mark is never a decimal one.
  return text
    .replace(/(?<![\d'])\d{1,3}(?:'\d{3})+(?![\d'])/g, (digits) => digits.replace(/'/g, ''))
    .replace(
      /(?<![\w.,'])(\d{1,3}(?:[.,]\d{1,2})?) ?(mios?|millions?|mln|mn|m|mille|thousand)\b(?!['\u2019])(?: de (?=(?:francs?|chf|balles|euros?|dollars?)\b))?/g,
      (whole, amount: string, scale: string) => {
        const value = parseAmount(amount);
        if (value === undefined) return whole;
        // (« 4 millions de francs »: the currency follows the amount, as in « 4000000 francs ».)
        return `${Math.round(value * (scale === 'mille' || scale === 'thousand' ? 1_000 : 1_000_000))}${whole.endsWith(' de ') ? ' ' : ''}`;
      },
    );
}

/** A decimal written the French or English way (« 1,5 », "1.5", « 5 000 », « 5'000 », "5,000"). */
export function parseAmount(text: string): number | undefined {
  let cleaned = text.replace(/[\s']/g, '');
  if (/^\d{1,3}(,\d{3})+$/.test(cleaned)) cleaned = cleaned.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3}){2,}$/.test(cleaned)) cleaned = cleaned.replace(/\./g, '');
  else cleaned = cleaned.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}
