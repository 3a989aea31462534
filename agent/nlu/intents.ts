// The keyword signals the router reads (French and English, on prepared text) and the grain / grouping words.
// Each is a plain regular expression so a failing golden question points at one line.
import type { Dimension, Grain } from '../../src/analysis/vocabulary.js';

export const SIGNALS = {
  digest:
    /\bdigests?\b|\brapports? (hebdo\w*|quotidien\w*|automatique\w*|periodique\w*|programme\w*)|\b(weekly|daily|scheduled) reports?\b|\bresume (hebdo\w*|quotidien)|\b(des)?abonn\w*|\b(un)?subscri\w*|\b(envoi\w*|send|recevoir|receive|poste[rz]?|post)\b(?:(?!\b(?:de|du|par|for|of|by|per)\s).){0,60}?(?<!\b(?:de|du|par|for|of|by|per)\s)\b(chaque|every|each|tous les)\s(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|jours?|matins?|semaines?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|days?|mornings?|weeks?)\b|\b(chaque|every|each|tous les)\s(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|jours?|matins?|semaines?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|days?|mornings?|weeks?)\b.{0,60}\b(envoi\w*|send|recevoir|receive|poste[rz]?|post)\b/,
  simulation:
    /(?:^|\s)[+-]\s?\d+(?:[.,]\d+)?\s?%\s(?:de budget |of budget )?(?:sur|on|pour|for)\s(?:le |la |les |l'|the |our |nos )?(?:campagnes? |campaigns? )?\w+|\bsimul\w*|\bwhat if\b|\bmodel (?:a|an|the)\b(?=.*\d\s?(?:%|per ?cent))|\bet si\b|\bsi (on|j'|nous|je)\b(?! (?:se base|se fie|regarde|prend|classe|juge)\w*)|\bif (we|i|you|the)\b(?! (?:go|look|rank|sort|judge|base it) (?:by|at|on)\b)|\bscenario\b|\b(augment|hausse|baiss|diminu|reduc|redui|coup|doubl|tripl)\w* (de |du |le |la |l'|notre |nos |mon |mes |les )?(budget|depense)|\b(increas|rais|cut|reduc|doubl|decreas|lower|boost|halv)\w* (the |our |my )?(budget|spend)|\bbudget (increas|goes|is(?! tight| short| limited| low)|grows|drops|decreas|rises|falls)\w*|\bbudget (de |by )?[+-]\s?\d|\b(cut|reduce|increase|raise|boost|lower|slash|grow|augmente\w*|baisse\w*|coupe\w*|redui\w*|diminue\w*)\s+(?:[\w']+\s+){0,3}(by|de)\s+\d+ ?%|\bmodel(is)?e?r? (a|an|une|un)\b/,
  prediction:
    /\d[\d' ]*(?:[.,]\d+)?\s?(?:k|mille|chf|fr|francs?|balles)?\s?(?:\/\s?(?:jour|j|day|d)\b|par jour\b|per day\b|a day\b)(?=.*\b(?:ca|revenue|chiffre|revenus?|sales)\b)|\bprevu\w*|\bpredi\w*|\bproject(?:ed|ions?)\b|\bwould (?:\w+ ){0,3}look like at\b|\bprevo\w*|\bprevi(?!ous)\w*|\bforecast\w*|\bexpect\w*|\battend\w*|\bestim\w*|\bprojet\w*|\bprojection\w*|\brapporter(?:ai|ions|iez)\w*|(?<!\b(?:a|ont|avait|avaient) )\brapporte\w*(?=.*(?:\d[\d']{2,}|\d+(?:[.,]\d+)?\s?(?:k|chf|fr|francs?|balles|eur|euros?)\b))(?!.{0,30}\b(?:par|pour|per|for each|for every) (?:1 |un |one )?(?:franc|chf|euro|dollar)s?\b)|(?<=(?:\d[\d']{2,}|\d+(?:[.,]\d+)?\s?(?:k|chf|fr|francs?|balles|eur|euros?)\b).*)(?<!\b(?:a|ont|avait|avaient) )\brapporte\w*|\bgenerer(?:ai|ions|iez|a|ont)\w*|\bgenere\w*(?=.*(?:\d[\d']{2,}|\d+(?:[.,]\d+)?\s?(?:k|chf|fr|francs?|balles|eur|euros?)\b))(?<!\b(?:a|ont|avait|avaient) genere\w*)|\bwould (bring|generate|make|earn)|\b(on |nous )?(ferait|ferions|aurait|gagnerait)\b|\bquel (revenu|chiffre)(?=.*(?:\d[\d']{2,}|\d+(?:[.,]\d+)?\s?(?:k|chf|fr|francs?|balles|eur|euros?)\b))|\bquel ca\b(?=.{0,30}\b(pour|avec)\b)|\bcombien de (?:ca|chiffre d'affaires|revenus?)\b(?=.{0,40}\b(?:pour|avec)\b.{0,40}\d)|\bwhat revenue|\bavec un budget\b|\bwith a budget\b|\bfor a budget\b|\bhow much (revenue )?(would|will)\b/,
  segmentation:
    /\bsegment\w*|\bse ressembl\w*|\bfais(-moi)? des groupes\b|\b(?:range|ranger|rangez|classe|classer|classez|repartis|repartir|trie|trier)\w* (?:les |nos |mes )?(?:campagnes|campaigns) (?:en|dans|into|in) (?:\d|deux|trois|quatre|cinq|two|three|four|five|des|quelques|plusieurs|several|a few) ?(?:groupes|familles|groups|buckets|paquets|tiers)\b|\bfamilles? de (?:campagnes|campaigns)\b|\bsimilar campaigns\b|\bcluster\w*|\bgroupes? de (?:campagnes|campaigns?)\b|\bcampaign groups?\b|\bgroups? of campaigns\b|\bregroup\w*(?!.{0,30}\b(par|by) (canal|canaux|channels?|categor\w*|campagnes?|campaigns?|semaines?|jours?|mois|weeks?|days?|months?|leviers?|types?)\b)|\btypologie\w*|\bprofils? de campagnes\b|\bgroup (the |my |our )?campaigns\b|\bgrouper\b/,
  diagnostic:
    /\ba surveiller\b|\bto (watch|keep an eye on)\b|\bsous[- ]?perform\w*|\bunder[- ]?perform\w*|\bperd\w* (de l')?argent|(?<!\b(?:making|earning|make|earn) or )\blos(e|es|ing) money|\bmoney[- ]losing\b|\broi (negatif|negative)|\b(negatif|negative)[- ]roi\b|\b(pas|non|peu|not) rentables?\b|\bunprofitable\b|\bnot profitable\b|\bdeficitaire\w*|\ben pertes?\b|\ba perte\b|\ben negatif\b|\bdans le rouge\b|\bin the red\b|\bqui ne marchent pas\b|\bnot working\b|\bbleeding\b|\bcouper\b|\ba arreter\b|\bshould (we )?(stop|cut|pause)\b|\broi\b[^.?!]{0,15}?(sous|inferieur|en dessous|below|under|less than|lower than|<)/,
  trend:
    /\bevol\w*|\btendance\w*|\btrends?\b|\btrending\b|\bover time\b|\bau fil\b|\bcourbe\b|\bhistorique\b|\bprogression\b|\b(jour|semaine|mois) (par|apres) (jour|semaine|mois)\b|\b(day|week|month) (by|over|after) (day|week|month)\b|\bdaily\b|\bweekly\b|\bmonthly\b|\bchanged\b|\bprogressed\b/,
  aggregate:
    /\b(par|by|per|selon) (categorie|category|canal|channel|campagne|campaign|type|levier)s?\b|\brepartition\b|\bbreakdown\b|\bventil\w*|\bcompar\w*|\bquelle categorie\b|\bwhich categor\w*|\bwhich channels?\b|\bquels? canal\b|\bquels canaux\b|\bcategor\w* (a|ont|has|have|with|avec)\b|\banaly[sz]\w*|\bbilan\b|\bsynthese\b|\bsummary\b|\boverview\b|\bvue d'ensemble\b|\bperformance (globale|generale|totale)\b|\boverall performance\b/,
  describe:
    /\bcomment (va|vont|se porte|marche|performe|s'en sort)|\bhow (is|are|was|did|does|'s)\b|\bhow's\b|\bdetail\w*|\bfiche\b|\b(kpis?|stats?|chiffres|resultats?|results|infos?|performance|metrics) (de|du|of|for|sur)\b|\bparle[- ]moi\b|\btell me about\b|\bzoom\b|\bfocus\b/,
  list: /\b(lister?|liste|list|montre|show|affiche|voir|see)\b.{0,30}\bcampa(gnes|igns)\b/,
  rank: /\bclass\w*|\brank\w*|\btri(e|es|ee|ees|er)\b|\bsort(ed|ing|s)?\b|\border(ed)? (\w+ )?by\b|\bpodium\b|\bchampions?\b|\bleague table\b|\bpalmares\b|\btop\b|\bbottom\b|\bquelles? campagnes?\b|\bwhich campaigns?\b|\bliste des campagnes\b|\blist (the )?campaigns\b/,
  help: /\b(?:je peux|on peut|puis-je) te demander quoi\b|\bquel(?:le)?s? (?:analyses?|types? d'analyses?|rapports?|infos?|informations?) (?:etes-vous|es-tu|pouvez-vous|peux-tu|savez-vous|sais-tu) (?:en mesure de |capables? de )?(?:me |nous )?(?:fournir|faire|donner|produire)\b|\b(?:tu peux|vous pouvez|peux-tu|pouvez-vous|tu sais) m'aider (?:avec|sur|pour|a|en) (?:quoi|quels?|quelles?)\b|\bcomment (?:je |on )?(?:\w+ ){0,2}(?:t'|t |te |vous )(?:utilis|pose|demand|parl|interrog|sert|servir)\w*|\b(?:qu'est-ce que|que) (?:tu sais|vous savez|tu peux|vous pouvez) faire\b|\bquel genre de questions?\b|\bque (savez[- ]vous|sais[- ]tu|pouvez[- ]vous|peux[- ]tu) faire\b|\bcomment (je |on )?(te|vous) (pose|demande|parle|interroge)\w*\b|\bhow (do|should|can) i (ask|talk to|query) you\b|\bcomment (je |on )?t'utilise\b|\bwhat can you help\b|\btu (?:sais|peux) repondre a quoi\b|\bformuler (?:mes|les|ma|une|des) questions?\b|\bcomment (?:je dois |dois-je |faut-il |on doit )?(?:poser|formuler) (?:mes|les|une|des|ma)\b|\bque (?:pouvez-vous|peux-tu) (?:me )?(?:fournir|proposer|faire)\b|\bwhat (?:sort|kind|type)s? of (?:questions|analys\w*)\b|\bhow (?:should|do|can) i use (?:this|the|you)\b|\bquestions (?:can|do) you answer\b|\btu reponds a quoi\b|\bwhat (?:can|do) you (?:actually |really |even )?do\b|\bwhat are you (?:able to do|good at|good for|for)\b|\bhow (do|can) i use you\b|\bwhat (?:kind|sort) of (?:questions|things)\b|\bwhat can i ask\b|^(aide|help|menu|\?+|aide[- ]moi|help me|bonjour|hello|hi|salut)(?:\W+(?:stp|svp|please|pls|plz|merci|thanks))?\W*$|\btu (peux|sais) faire quoi\b|\bquel(le)?s? (donnees|metriques|indicateurs|kpis?|mesures|questions)\b.{0,25}\b(as[- ]tu|connais|peux|sais|disponibles?|puis[- ]je|suis[- ]tu|geres|comprends)\b|\bwhat (data|metrics|kpis|measures|questions) (do you|can you|can i|are available)\b|\bque sais[- ]tu\b|\bcomment (ca|tu) (marche|fonctionne)\b|\bcomment t'utiliser\b|\bqu'est-ce que (je peux|on peut) (te |vous )?demander\b|\bque (puis-je|peut-on) (te |vous )?demander\b|\bwhat (can|could|should) (i|we) ask\b|\bque (sais|peux)[- ]tu faire\b|\bqu'est-ce que tu (sais|peux) faire\b|\bwhat can you do\b|\bwhat do you do\b|\bhow do(es)? (this|it|you) work\b|\bcomment (ca|tu) (marche|fonctionne)s?\b|\bquelles questions\b|\bwhat (questions|can i ask)\b|\bexemples?\b|\bexamples?\b|\btu sers a quoi\b|\ba quoi sers[- ]tu\b|\bwho are you\b|\bqui es[- ]tu\b|\bmode d'emploi\b|\bhow to use\b|\bcapabilities\b|\b(?:tu peux|vous pouvez|tu pourrais) m'? ?aider comment\b|\bcomment (?:tu peux|vous pouvez) m'? ?aider\b|\bquestions? (?:que|qu') (?:je peux|on peut|je pourrais) (?:te|vous|lui) poser\b|\b(?:t'es|tu es|vous etes|es-tu|etes-vous) capables? de quoi\b|\b(?:je sais|j'sais|sais) (?:pas|plus) (?:trop |vraiment |bien )?(?:quoi|comment) (?:te |vous |lui )?(?:demander|poser|faire)\b|\bdon'?t know what to ask\b|\b(?:tu peux|vous pouvez|tu pourrais) m'? ?aider (?:a|sur|pour|en) quoi\b|\b(?:t'as|tu as|as-tu|avez-vous|vous avez) acces a quel(?:le)?s? (?:donnees|infos?|informations|chiffres)\b|\btu connais quel(?:le)?s? (?:donnees|metriques|indicateurs|kpis?|mesures)\b|\bwhat (?:data|metrics) do you (?:have|know|see)\b|\bwhich (?:data|metrics|kpis) do you (?:have|know|see|cover)\b|\bwhat'?s this bot for\b|\bwhat (?:is|'s) this (?:bot|thing|tool) for\b|\bhow do i use (?:it|this)\b/,
  offTopic:
    /\btaux de change\b|\bexchange rate\b|\bhow are you\b|\bhow'?s your (day|week)\b|\bcomment (vas-tu|tu vas)\b|\bmeteo\b|\bweather\b|\bpluie\b|\brain\b|\bblagues?\b|\bjokes?\b|\bdrole\b|\bfunny\b|\brecettes? de\b|\brecipe\b|\bcapitale\b|\bcapital of\b|\bfootball\b|\bpresident\b|\bpoeme\b|\bpoem\b|\bchanson\b|\bsong\b|\bbitcoin\b|\bhoroscope\b|\btradui\w*|\btranslate\b|\bfilm\b|\bmovie\b|\bquel temps\b|\bil fait (beau|chaud|froid)\b|\b(powerpoint|ppt|keynote)\b|\b(send|envoie|envoyer|forward|transfere)\w*\b.{0,40}\b(to my (boss|manager)|to the client|au client|a mon (chef|boss|manager)|par (e-?)?mail|by e-?mail)\b/,
  // « écris-moi un mail à l'agence », "write me a tweet about X": writing is not what the bot does, whatever figure
  // or campaign the request names.
  writing:
    /\b(draft|write|redige\w*|redig\w*|ecri[rsvt]\w*|compose)\b.{0,40}\b(e-?mails?|mails?|posts?|articles?|messages?|tweets?|newsletters?|lettres?|letters?|texte|copy|slogans?)\b/,
  // « la TVA sur le CA », "VAT on spend", invoices: accounting the ad export does not hold, whatever figure is named.
  accounting:
    /\btva\b|\bvat\b|\bfactur\w*\b(?! (?:du |au |pour le |de notre |du notre )?client)|\binvoic\w*|\bcogs\b|\bebitda\b|\bledger\b|\bgrand livre\b|\breconcil\w*|\bcomptabili\w*|\bbookkeeping\b/,
  // « combien nos concurrents dépensent ? »: figures of other companies, which the export does not hold.
  competitors: /\bconcurren\w*|\bcompetitors?\b|\bcompetition'?s?\b/,
  // « mets en pause X dans le gestionnaire de pubs », "raise the budget in Google Ads": an action in the ad platform,
  // which the bot cannot take (it reads an export), whatever figure the words also name.
  platformAction:
    /^(?:pause|kill|turn off|switch off|stop)\b.{0,60}\b(?:would|could|can|will) you\b\s?\??$|^(?:(?:hi|hello|hey|bonjour|salut)[,!]?\s)?(?:please |stp |svp )?(?:pause|kill|turn off|switch off|stop|coupe|arrete|mets en pause)\b.{0,60}\b(?:now|right now|immediately|asap|today|tonight|maintenant|tout de suite|immediatement|aujourd'hui|ce soir)\b|\b(mets|mettre|met|monte\w*|passe\w*|pause\w*|coupe\w*|arrete\w*|stop\w*|augmente\w*|baisse\w*|change\w*|modifie\w*|cree\w*|create|launch|lance\w*|set|update|edit|raise|lower|increase|decrease|active\w*|desactive\w*|turn)\b.{0,60}\b(dans|in|into|sur|on)\s+(le |la |l'|the |our |notre )?\s*(?:compte |account )?(?:(?:facebook|meta|google|instagram)\s+)?(gestionnaire de pub\w*|ads manager|business manager|google ads|meta ads|facebook ads|fb ads|insta ads|instagram ads|adwords|dv360)\b|\b(mets|mettre|met|passe\w*|pause\w*|coupe\w*|arrete\w*|stop\w*|augmente\w*|baisse\w*|change\w*|modifie\w*|lance\w*|launch|raise|lower|increase|decrease|desactive\w*)\b.{0,40}\b(toi[- ]meme|yourself|vous[- ]meme|directement (?:sur|dans) (?:facebook|google|instagram|meta|youtube|linkedin|tiktok)|directly (?:on|in) (?:facebook|google|instagram|meta|youtube|linkedin|tiktok))\b|^(?:(?:ok|alors|stp|svp|please|vas-y|go|du coup)[, ]+)*(?:mets|mettez|met)[- ](?:\S+\s){0,2}en pause\b(?![^?]*\?)|^(?:(?:ok|alors|please|vas-y|go)[, ]+)*(?:pause|kill|turn off|switch off|stoppe|stoppez|desactive|desactivez|coupe|coupez|arrete|arretez)\b(?![^?]*\?)(?!.*\d)(?!.*\b(?:digests?|alertes?|alerts?|rapports?|reports?|abonnements?)\b)|\bpause (?:it|them) now\b/,
  injection:
    /\b(ignore|ignorez|oublie|oubliez|forget|disregard|override)\b.{0,40}\b(instructions?|consignes?|regles|rules|prompt|above|precedent\w*|previous)|\bsystem prompt\b|\bprompt (systeme|system)\b|\bton prompt\b|\byour prompt\b|\btu es maintenant\b|\byou are now\b|\bact as\b|\bagis comme\b|\bjailbreak\b|\bdeveloper mode\b|\bmode developpeur\b|\breveal\b|\brevele\b|\bapi key\b|\bcle api\b|\bmot de passe\b|\bpassword\b|\bsudo\b/,
  sql: /\bdrop\s+(table|database)\b|\bdelete\s+from\b|\binsert\s+into\b|\bupdate\s+\w+\s+set\b|\bunion\s+(all\s+)?select\b|\bselect\s+[\w*,\s]+\s+from\b|;\s*--|\bor\s+'?1'?\s*=\s*'?1|\btruncate\b|\balter\s+table\b|\bxp_cmdshell\b|\bexec(ute)?\s*\(/,
  followUp:
    /^(?:(?:merci|ok|okay|super|parfait|perfect|top|cool|thanks|thx|great|nickel|genial)\b[\s,!.]*)*(et|and|what about|how about|same|idem|pareil|meme chose|meme question|pareil pour|now|maintenant|plutot|instead|also|aussi|ok|alors|then|puis|sinon|or|mais|but|so|donc|du coup|just|only|juste|seulement|uniquement|que|ca (?=fait|nous|coute|donne|represente|rapporte)|that (?=makes?|costs?|comes?|gives?|is)|montre m'en|donne m'en|show me|elargi\w*|etend\w*|extend|expand|widen)\b|^(?:(?:merci|ok|okay|super|parfait|perfect|top|cool|thanks|thx|great|nickel|genial)\b[\s,!.]*)*(le |la |the )?(meme|same) (classement|ranking|chose|thing|question|tableau|table|liste|list|graphique|chart|indicateur|kpi|metrique|metric|figure|chiffre|calcul|analyse|analysis)\b|\b(?:out of|on|for|from|of|with|in) (?:it|them)\s*[?!.]*\s*$|\b(?:la-dessus|dessus)\b/,
} as const;

/** The grain of a trend: « par semaine », "weekly", « jour par jour ». */
export function findGrain(text: string): Grain | undefined {
  if (
    /\b(par|by|per|chaque|each) (jour|day)s?\b|\bjour (par|apres) jour\b|\bday by day\b|\bdaily\b|\bquotidien\w*/.test(
      text,
    )
  )
    return 'day';
  if (
    /\b(par|by|per|chaque|each) (semaine|week|kw|cw|wk)s?\b|\bsemaine (par|apres) semaine\b|\bweek (by|over) week\b|\bweekly\b|\bhebdo\w*/.test(
      text,
    )
  )
    return 'week';
  if (/\b(par|by|per|chaque|each) (mois|month)s?\b|\bmonthly\b|\bmensuel\w*/.test(text)) return 'month';
  return undefined;
}

/** What to group by: « par catégorie », "by campaign", « par semaine ». */
export function findGroupBy(text: string): Dimension | undefined {
  if (
    /\b(par|by|per|selon|entre (les )?|chaque|each|every|de chaque|for each) ?(categorie|category|categories|canal|canaux|channel|type|levier)s?\b|\b(channel|category) (ctrs?|cpcs?|cpms?|cpls?|cpas?|roi|roas|revenue|spend|leads|clicks|orders)\b|\bper-channel\b/.test(
      text,
    )
  )
    return 'category';
  if (
    /\b(par|by|per|chaque|each|every|for each|de chaque) (?:(?:influencers?|influenceurs?|influence|social|sociales?|search|media|display|facebook|instagram|google|youtube) )?(campagne|campaign)s?\b/.test(
      text,
    )
  )
    return 'campaign_name';
  const grain = findGrain(text);
  return grain;
}
