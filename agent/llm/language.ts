// Which language to answer in, from the question alone: cheap, deterministic, and no extra model call.
// French is the default (the product's language); English wins only on clear English markers.
import type { Language } from '../../src/core/answer.js';

const ENGLISH = new Set(
  'the what which who how show give list best worst campaigns campaign by is are of for with per can we our expect did does do revenue spend last week month underperforming analyze increase decrease simulate predict about your you please print tell my me this that'.split(
    ' ',
  ),
);
const FRENCH = new Set(
  'le la les des du de un une quel quelle quels quelles qui quoi comment montre donne liste meilleures meilleurs pires campagnes campagne par est sont pour avec peut nous notre chiffre affaires dépenses semaine mois dernière dernier et sur combien augmentation baisse simule prédire'.split(
    ' ',
  ),
);

export function detectLanguage(text: string): Language {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let english = 0;
  let french = /[éèêàâçùûôîœ«»]/.test(text.toLowerCase()) ? 2 : 0;
  for (const word of words) {
    const bare = word.replace(/^[a-z]'/, ''); // l'roi, d'affaires
    if (ENGLISH.has(bare)) english += 1;
    if (FRENCH.has(bare)) french += 1;
  }
  return english > french ? 'en' : 'fr';
}
