// French or English: a count of common words of each language. French is the default (ties, unknown text).
import type { Language } from '../../src/core/answer.js';

// Words that are frequent in questions and belong to one language only (once accents are removed).
const ENGLISH = new Set(
  `the what which who how is are was were by of in for with show give my our your we you i it this that
  campaigns campaign best worst if can could would should will expect increase increases increased cut reduce
  week weeks days day last first about and per spend spent spending cost lowest highest cheapest rate help
  please print ignore previous instructions tell joke weather simulate predict forecast underperforming losing
  money group groups since from to until between do does did each every monday tuesday wednesday thursday
  friday saturday sunday january february march april june july august september october november december
  bottom where when why all much many most least than below under above over negative trend revenue sales
  category breakdown analyze overall doing has have performing profitable expected new create send
  add delete remove list show stop please thanks thank thx hey yesterday today clicks orders channel channels
  numbers results returns paid pay cheaper higher lower better worse`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

const FRENCH = new Set(
  `le la les des de du un une quel quelle quels quelles est sont et ou pour par sur avec dans en au aux mes mon
  ma tes ton moi je tu nous vous campagne campagnes meilleures meilleur meilleurs pires pire combien comment
  semaine jours dernier derniere derniers depuis janvier fevrier mars avril mai juin juillet aout septembre
  octobre novembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche aide quoi qui que sous chaque
  arrete simule affiche montre donne categorie depenses revenu chiffre affaires taux cout baisse hausse
  augmente segmente groupes perdent argent rentabilite moins plus cheres fais faire peux sais va si ce cette
  evolution ventes reseaux sociaux recherche influenceurs prevision quelle quel votre notre`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/** Whether the text has a marker word of either language (« only social » has none of French). */
export function languageMarkers(normalized: string): { english: number; french: number } {
  let english = 0;
  let french = 0;
  for (const word of normalized.split(/[^a-z']+/))
    for (const part of word.split("'")) {
      if (ENGLISH.has(part)) english += 1;
      if (FRENCH.has(part)) french += 1;
    }
  return { english, french };
}

/** 'en' when the text has more English than French marker words, 'fr' otherwise. */
export function detectLanguage(normalized: string): Language {
  let english = 0;
  let french = 0;
  for (const word of normalized.split(/[^a-z']+/)) {
    for (const part of word.split("'")) {
      if (ENGLISH.has(part)) english += 1;
      if (FRENCH.has(part)) french += 1;
    }
  }
  return english > french ? 'en' : 'fr';
}
