// The words a question may hold without changing what it asks: French and English function words (the `stopword`
// lists), chat fillers, and the domain words the rules read but that often repeat what another word already says
// (« le CA total », « combien de leads », « les campagnes »). A word outside this lexicon that the parse does not
// use either is unexplained (unexplained.ts): the bot asks back instead of answering a question it did not read.
//
// Keep it to words that are harmless when ignored or that the rules read. A content word the rules do not handle
// (« minimum », "shift", « demain »), and the words that move a period (« dernière », "first", « avant ») must stay
// out: when the parse does not use them, the bot asks instead of guessing.
import { eng, fra } from 'stopword';
import { ALIASES, correctWord, normalize, PARSED_WORDS } from './normalize.js';

const words = (text: string) => text.split(/\s+/).filter((word) => word.length > 0);

/** Politeness, chat and request verbs: « stp », « tu peux me sortir », "could you show me". */
const CHAT = words(`
counts principal principale main delivered delivre delivree delivres delivrees deliver seconde
parfait perfect super great genial nickel transformation alle vielmal coup fyi happened until till adds trending amenent amene amener quasi quasiment divise
stp svp merci im please pls plz thanks thank thx hello bonjour salut hey hi coucou hallo ok okay oui yes alors bon
bah ben donc voila hmm euh dis dites donne donnes donnez donner montre montres montrez montrer affiche affiches
affichez afficher sors sortir sortez peux peut pouvez pourrais pourrait pourriez voudrais veux voulons aimerais
sais savoir connaitre dire fais faire faites liste listes lister listez list show give tell display see let can
could would want need know like get gets got please quick quickly rapidement vite juste seulement uniquement only
just simply exactement exactly environ approximately roughly aussi also too encore again moi me toi nous vous
besoin interesse curious question petit petite rapide point recap resume resumer summary summarize quoi
chose truc aperçu apercu overview vue avoir voir regarde regarder check checker look va vont allez aller
marche marchent tourne tournent going whats wich wat us mets donnerait donnerais ferait feraient serait
seraient aurait parce because car autant tellement tant beaucoup fortement
board one chacune chacun separement separately surveille surveiller revoir doit devons challenger used whose genre trucs gagnerait gagnerions raise raising
date dates client clients customer customers faudrait faut veut voulez celles ceux celle celui parmi among inclus incluse included inclusive
maintenant now niveau plateformes plateforme platforms platform touche touchent concerne concernees
thinking considering anything ll remettre vraiment really enormement confondu confondus confondue confondues combined altogether run running lance lancer
mange mangent engage engagee engagees engages imputable imputables aggregate indiquer indique tire set uplift direct publicitaires publicitaire advertising book booked enregistrees enregistre realise realisee degage degagee generons generes attribue attribues attribuable attributable presente presentent elevent eleve monte wk wks tt avis devrai devrais devions prio confirm concretement supplementaires supplementaire pouvons quotidiens quotidien quotidienne committed phasing hurdle mate hauts haute hautes passes passees cours manager impr returned damage even gives bang buck poste lot tel telle tels telles such regardes regardez regardais regardant pris sache turnover sitting water pull plug axe vaut peine strong strongly sharply perf perfs re ve kw cw iso envoye envoyes envoyee envoyees envoient send sends sent site website far account compte level actually getting termes bet ramene ramenes ramenee ramenees ramener visibilite generateurs generateur grosse grosses
ci plait avance etc pendant esperer chez vu interessant interessante interessantes looking candidates candidate based base name giving costing devait passerait servies servie servi generees generee generes affichent efficiente efficientes
uh um umm erm heu hum whos manque figurer reporting direction aime suivre commerciale commercial apportes apportees deplacer cadre revue mensuelle attirent attire trouve comparaison review reviews propose renegocier tarif actuel actuelle autrement dit inquiete inquiet worried optimisation optimiser generation objectif objectifs revoyons visuels visuel agence equipe nouveaux nouvelles new remarque aider comprendre noticed notice find rep ahead call responsable responsables aimerait voudrait souhaiterait souhaiterions possible communiquer concernees concernes concernee concerne reperer retravailler wants wanted asked asking during soiree rencontrons partenaire partenaires prepare preparer preparons presenter presente financier financiere cramee cramees crames grille grillee grilles grillees decaisse decaissee decaisses decaissees enveloppe enveloppes payes payees achetees achetee achete achetes bought buy buying constatez constate constatons fournit fournissent fournir fournie apportee acquierent acquerir acquiert sein curieux curieuse deal collab collaboration adsets adset topline funnel souhaiterais souhaite souhaitons
veuillez veuille kindly provide provides furnish transmettre transmettez indiquez preciser precisez obtient obtiennent obtenir obtenu obtenus obtenue obtenues audience audiences
pars principe supposant suppose assuming assume assumed hypothese correspondant correspondante correspondants correspondantes represente representent fonctionne fonctionnent deja lache lachent lachee tank tanked tanking tete qq offender offenders eat eats eaten blame blamed buckets bucket shell flag cheers qualify qualifies
`);

/** Domain words the rules read, often redundant with another word of the question. */
const DOMAIN = words(`
campagne campagnes campaign campaigns pub pubs ads annonce annonces marketing publicite publicitaire adieu
colonne colonnes column columns root spends via filtre filtrer filtre filter filtered try essaie essaye tente instead plutot so wise bring brings bringing brought profil profils profile profiles
effet effets effect effects impact impacts generale general overall
vielmal danke compris door flip reverse inverse inverser range ranger rangez thune thunes fric pognon degueu chaud cartonne cartonnent balance balancer dois devrais devrait earners earner wins win ate overpaying side hit hits reach reached atteint atteignent libre idem dedans ouvre ouvrir priorite priority prioritaire prioritaires percentage pourcentage blended together ensemble calendar coince coincent amene amenes amenee amenees qualifie qualifies qualifiee qualifiees contribue contribuent contribute contributes contributed pese pesent weighs weigh
prior cote abord total totaux totale totales global globale
globaux globales globalement overall combien nombre nbre number nb count montant montants valeur valeurs value values
chiffre chiffres figure figures kpi kpis metrique metriques metric metrics indicateur indicateurs stat stats
statistiques donnees data budget budgets depense depenses depenser depensee depensees depensé spend spent
spending cout couts cost costs coute coutent coutait coute coutant prix price paie paye payons payer pay paid paying pays
genere generent generer generee generes generate generated generates generating rapporte rapportent rapporter
rapporté ramene ramenent ramener fait font faire produit produisent apporte apportent bring brings brought make
made makes produce produced earn earned earns deliver delivered
compare comparer comparez compares compared comparaison comparison versus vs contre against mieux better
classe classer classez classement classements trie trier triez triees tries trie sort sorted rank ranked ranking
ordre order ordered decroissant decroissante decroissants decroissantes croissant croissante croissantes
descending ascending gros grosse petit petite grand grande haut haute bas basse eleve elevee eleves elevees
faible faibles high higher highest low lower lowest top flop moyenne moyen moyens average avg mean detail detaille details detailed repartition ventilation
ventiler breakdown liste chaque each every tout tous toute toutes all whole ensemble across partout
jour jours day days daily quotidien quotidienne semaine semaines week weeks weekly hebdo hebdomadaire mois month
months monthly mensuel periode period quinzaine fortnight weekend week end
lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun
janvier fevrier fev mars avril mai juin juillet aout septembre octobre novembre decembre jan january feb february
march apr april june july aug august sept september oct october nov november dec december
chf franc francs fr eur euro euros balles mio mios million millions mln
canal canaux channel channels categorie categories category type types levier leviers
niveau niveaux consomme consommee consommes consommees consommer journee journees
`);

/** The words the rules read (metrics, directions, periods, why, simulations, cuts and boosts, comparisons). */
const RULES = words(`
drivers driver tourne tournent roule roulent actives active running vers bas haut plombent plombe dragging drag gouffre gouffres burning burn cash sous fenetres jette performers performer fort forte forts fortes high vues vue terms zero wow mtd wtd revient reviennent ad ads pub pubs recolte recoltes recoltés obtenu obtenus genere generes bien back presque rien sem crame cramer fondu fondre ecroule ecroulees ecroules plombe plomber collapse collapsed chute chuter
pause pausing paused scaler scale sauter kill couper crash crashed progresse progresser triple triples double cac
roi roas ca revenue revenues revenu revenus chiffre affaires rentabilite rentable rentables profitable
profitability retour retours invest investi investit investis investissons investir investissement investissements impressions impression clic clics
click clicks lead leads commande commandes order orders vente ventes sales conversion conversions conv cpc cpm cpl
cpa ctr cvr taux tx rate rates transfo mille thousand prospect prospects achat achats purchases
plus moins meilleur meilleure meilleurs meilleures pire pires best worst most least cher chers chere cheres
efficace efficaces performant performante performants performantes
derniere dernier derniers dernieres last passee passe passees precedente precedent precedents previous avant
before first premiere premieres premier premiers debut fin entre between celle celui deux
pourquoi why explique expliquent expliquer explain explains cause caused drove hausse baisse evolution progression
bouge bouger varier variation chute drop dropped fall fell jump jumped rise rose
si if simule simuler simulate simulation projection impact happens happen prevois prevoir predict predicted
prediction forecast augmente augmenter augmentation increase reduit reduire reduction coupe couper cut met mettre
mettons put moitie half double doubler model modelise modeliser
obtenir savez savons comprends comprend mettait mettrait mettions mettrions passerai passerais quelques plusieurs several few pres demande demandes demandait explication explications guy gars mec parti partie parties partis sorti sortie sorties sortis rendent rend rendu rendus cherche cherchons cherchais looking decrocher recruter choper chopper attraper obtenu obtenue obtenus obtenues montre montree montrees montres voient voit voir see sees saw souvent often finissent finit finir acheter achetent achete passent calculer calcule calculez calculate compute everything venant provenant gens push pushed pushing arbitrer arbitrage trancher decider creas crea creatives creative acquire land became become becomes deviennent devient devenus transforment aboutissent
segmente segmenter segmentation segment segments cluster clusters groupe groupes regroupe regrouper ressemblent
ressemble profil profils
faut devrait devraient should meritent merite deserve deserves pousser renforcer stopper arreter scale
rapport face stack than ou or plutot instead pareil same thing things
limitant limiter limitee limite within restreint restreindre garde garder keep entier entiere complet complete entire full
barre seuil threshold cutoff
lesquelles lesquels laquelle lequel quelles quels which ones elles ils
pour cent percent percents pourcent
vient viennent venir come comes came does did doing went go goes clique cliquent convertit convertissent converts
blogueur blogueurs blogger bloggers reseau reseaux sociaux selon dont per break down perd perdre perdons
thru broken split drive drives driven driving drove tire behind venu venus venue venues mis
recupere recuperer recup recupe recuperons efficient return returns rajoute rajouter ajoute ajouter add adding added group grouping
similar similaire similaires mauvais mauvaise mauvaises worse contact contacts affichage affichages affiche affichee
affichees fois times shown displayed lose loses lost banner cinquieme dixieme fifth tenth
resultat resultats result results volume volumes rendement rendements yield yields efficacite efficiency perf
performance performances performe performed unitaire unitaires unite unit gain gagne shift shifts move moved moves above below greater bilan bottom ascending descending biggest
largest smallest strongest weakest poorest winners winner losers loser champions cheapest costliest maximum
contre versus ecart difference differences overview synthese fiche historique courbe tendance tendances trends
focus zoom profils typologie createurs creators moteurs banners bannieres medias recherche display perdent
gagnent money negative positive negatif positif rouge red bleeding loss losing perte pertes unprofitable
swing swings croissance bump bumping dessous due jusqu jusque porte portent cheaper pricier puis passait passerait passer grace faute moities halves raised boost boosted boosting bonne bonnes mio mios fortnights its reparti repartis repartie reparties repartir alongside parallele st saint valentin valentine valentines rapporterait rapporteraient journalier journaliere journaliers
`);
/** A formal register's request verbs and a message's context (« je prépare la réunion », "for the monthly close",
 * "the agency", « afin de valider ») : none of them changes which figure is asked. */
const FORMAL = words(`
record recorded records identify identified state indicate provide provided sufficient consolidated close closing
reviewing flows outflows achieved achieve achieves offers offered receive received receiving consumed consume
absorbed absorb given additional basis develop developed items internal agency agencies colleagues update
preparing prepare prepared reconciliation webshop resulting relative slightly deterioration deteriorate
deteriorated responsible turned caused drove answer gross conversely returning words sum envelope
preceding treasury team colleague colleagues scenario scenarios serve served convo anyone cool memes gen remind
enregistre enregistres enregistree enregistrees durant voudra certainement annoncer actions completer evidence
equipes equipe valider afin partenariats partenariat arrivent bientot echeance renegociation contrats contrat
considere considerons insuffisant acheteur rappeler regie economies devant procure negocier
principalement nettement aiderait decomposition communiquer transmettre detailler prepare preparer
line ratio ratios contribution budgetaire budgetaires plan entrants issus promotion promotionnelle action mene
offre prioriser envisage envisageons consequences reflechissons simplifier pilotage nouvel nouvelle 
demandera tresorier suit ceo stayed 
`);

/** Stems of the change words the « pourquoi » rule reads (« a grimpé », "increased", « s'est effondré »). */
const RULE_STEMS =
  words(`grimp augment baiss chut plong bouge vari chang evolu effondr explos degrad amelior recul
monte descend increas decreas declin improv worsen surg plummet crater compar class rank depass exceed superieur
inferieur ventil detail cumul estim predi previ prevo projet simul segment cluster regroup differen deficitaire attend
expect
rentab profitab influen categor evolv devenu became remont rebond bounc creep crept boom slip slid ascenseur`);

/**
 * Phrases whose words are harmless together though one of them alone is not: the context of a request (« pour le
 * comité de demain », "for tomorrow's board") and « pas rentables » (the loss-makers, which the rules read), while
 * « demain » alone asks for a forecast and « pas » alone turns a question around.
 */
const HARMLESS_PHRASES = [
  // « lesquelles on perd du fric dessus »: on them, the campaigns asked for.
  /(?<=\bperd\w* (?:du fric|de l'argent|des sous|de la thune) )dessus\b/g,
  // « belle journée », « bonne fin de journée »: a wish, not a day of the data.
  /\b(?:belle|bonne) (?:fin de )?journee\b/g,
  // « ne rentrent pas dans leurs frais »: the loss-makers (or, without « pas », break-even), read by figure-words.ts.
  /\b(?:ne )?rentr\w* (?:pas )?dans (?:leurs|ses|nos|leur|son) frais\b/g,
  // « ROI net », "net ROI": the ROI is net of the spend already.
  /\bnet(?= roi\b)|(?<=\broi )nets?\b/g,
  // « rentabilité nette (ROI) »: the ROI, net of the spend.
  /(?<=\brentabilite )nette\b/g,
  // « toutes sources (confondues) », "all sources": every campaign, the default.
  /\b(?:toutes sources(?: confondues)?|all sources|across all sources)\b/g,
  // « sur deux points : taux de clic et coût par clic », "on two counts": the figures named after.
  /\b(?:sur|on) (?:deux|trois|2|3|two|three) (?:points|criteres|aspects|counts|metrics|kpis)\b/g,
  // « même périmètre », "same scope": what the turn before was about.
  /\b(?:meme|same) (?:perimetre|scope)\b/g,
  /\b(?:pour|for|avant|before|prepar\w*|preparing)\s(?:(?:le|la|l'|ma|mon|notre|nos|the|my|our|tomorrow's|today's|this|next)\s?)?(?:[\w']+\s)?(?:comite|reunion|board|presentation|point|reporting|rapport|report|copil|meeting|call|revue|review|deck|slides?|comex|codir|standup)(?: pack| de direction| d'entreprise| budgetaire| mensuel\w*| hebdo\w*| commercial\w*)?\b(?:\s(?:de\s|d'|du\s)?(?:demain|ce soir|lundi|mardi|mercredi|jeudi|vendredi|la semaine prochaine))?/g,
  /\b(?:non|pas|peu|not)\s(?=rentab|profitab)/g,
  // « c'est rentable ou pas ? », "is it doing well or not?", "Bottom line: …".
  /\b(?:ou pas|ou non|or not)\b|\bbottom line\b|\bdu coup\b/g,
  // « et l'autre blogueur, celui d'insta ? »: the name said right after (scope.ts pairs them).
  /\bl'autre\b(?= [a-z]+,? (?:celui|celle) d)|\bthe other\b(?= [a-z]+,? the one (?:on|from|of))/g,
  // « c'était quand notre meilleure journée ? »: the day is the object (rank-reading.ts).
  /\b(?:c'etait |c'est )?quand\b(?=.*\b(?:meilleure?|pire|plus gros(?:se)?)\s(?:[a-z']+\s){0,2}?(?:jour|journee|semaine)\b)/g,
  // « la bannière partenaire »: the words of banner_partner's own name, in French.
  /\b(?:bannieres?|display|banners?) (?:du |de |des |chez le |chez notre |chez nos )?partenaires?\b/g,
  // "cpa past 7d": the shorthand reads as the last 7 days either way.
  /\b(?:past|last) (?=\d{1,2} ?d\b)/g,
  // « les campagnes dont les produits ne couvrent pas les charges »: the loss-makers (figure-words.ts CUT).
  /\bproduits (?=ne couvr)/g,
  // « quels produits supplémentaires ? » in a simulation: the revenue it answers with.
  /\bproduits supplementaires\b/g,
  // « sur l'exercice en cours »: the fiscal year to date — all the data here.
  /\b(?:sur |pour |de )?l'exercice(?: en cours)?\b/g,
  // "when was our best revenue day?": the day is the object (rank-reading.ts); "what happens when we raise …".
  /\bwhen (?:was|were|is|did) (?:our|the|my)\b(?=(?:\s[a-z]+){0,3}\s(?:best|worst|biggest|top|strongest|weakest)\b(?:\s[a-z]+){0,2}\s(?:day|week)\b)|\bwhat (?:happens|would happen) when\b/g,
  // « ce qu'on a dépensé dessus », « cliquent dessus »: on the campaigns (or the ad) the question is about.
  /\b(?:depense\w*|spent|claque\w*|mis|investi\w*|crame\w*|cliqu\w*|click\w*|argent) dessus\b/g,
  // "actually making money", "did spend blow up": the figure's own words (ROI, a rise), said twice.
  /\b(?:making|earning|make|made|earn) (?:any )?money\b|\bbl(?:ow|ew|own) up\b/g,
  // « c'est normal ? », « pour être sûre », « je comprends pas pourquoi », "this past week": the asker's tone.
  /\bc'est normal\b|\bis (?:that|this|it) normal\b|\bpour etre s[uû]re?s?\b|\bto be sure\b|\bje (?:ne )?comprends pas(?= pourquoi)|\bthis past (?=week)/g,
  // ", so I can compare the two in front of the team", « afin de les présenter »: why it is asked (normalize.ts
  // leaves the clause out of the reading).
  /\bso (?:that )?(?:i|we) (?:can|could)\b[^?.!;]*|\bafin (?:de|que|qu')[^?.!;]*|\bpour que (?:je|nous|on) puisse\w*[^?.!;]*/g,
  // "Good morning", « bonne soirée »: a greeting, not a time of the day asked about.
  /\bgood (?:morning|afternoon|evening)\b|\bbonne (?:soiree|nuit|matinee)\b/g,
  // « à peu près », "more or less": roughly (the figures are what they are).
  /\ba peu pres\b|\bmore or less\b/g,
  // « est-ce qu'il y a des campagnes qui … ? »: are there any.
  /\b(?:est-ce qu'|est ce qu')?il y (?:a|en a|avait)\b/g,
  // "budget is tight", « le budget est serré »: why the question is asked, not a change to simulate.
  /\bbudget(?:s)? (?:is|are|est|sont) (?:tight|short|limited|serre|serres|limite|juste)\b/g,
  // « celle où les gens cliquent le moins souvent quand ils voient la pub »: when the ad is seen, not a date asked.
  /\bquand (?:ils|elles|les gens|on|the|people|we) (?:la |le |les )?(?:voi\w*|cliqu\w*|see\w*|click\w*)\b/g,
  // « sur l'une et sur l'autre », « en même temps », "right now", « pour la suite », « (sam-dim) » beside a weekend.
  /\b(?:sur )?l'une? et (?:sur )?l'autre\b|\ben meme temps\b|\bright now\b|\bpour la suite\b|\bsam(?:edi)?[- ]dim(?:anche)?\b(?=.*\bweek-?end\b)|\bweek-?end\b.*\bsam(?:edi)?[- ]dim(?:anche)?\b/g,
  // « c'est moins bien, non ? », "it's lower, right?": a question tag.
  /\b(?:non|right|no)(?=\s*[?!.]*\s*$)/g,
];

/** The words of `text` (normalized) that sit in a harmless phrase. */
export function harmlessPhraseWords(text: string): Set<string> {
  return new Set(
    HARMLESS_PHRASES.flatMap((phrase) =>
      [...text.matchAll(phrase)].flatMap(([found]) => found.split(/[^\p{L}\p{N}_]+/u)),
    ),
  );
}

/** Negations and exclusions are never harmless: ignored, they turn the question around (« pas dans le social »). */
const NEGATIONS = new Set(words('pas non sans sauf hors excepte not no never without except excluding'));

/** Every word that may sit in a question unused (normalized: lower case, no accents). */
const KNOWN_WORDS: ReadonlySet<string> = new Set(
  [...fra, ...eng, ...CHAT, ...DOMAIN, ...RULES, ...FORMAL, ...PARSED_WORDS, ...Object.keys(ALIASES)]
    .map((word) => normalize(word))
    .filter((word) => !NEGATIONS.has(word)),
);

/** Whether a normalized word may sit in a question unused (a typo the rules correct counts as the word). */
export function isKnownWord(word: string): boolean {
  const corrected = correctWord(word);
  return KNOWN_WORDS.has(corrected) || RULE_STEMS.some((stem) => corrected.startsWith(stem));
}
