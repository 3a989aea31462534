// The questions the offline planner asks back when an argument is missing, in the user's language.
import type { Language } from '../../src/core/answer.js';

const TEXTS = {
  campaign: {
    fr: (list: string) => `Quelle campagne ?${list ? ` Par exemple : ${list}.` : ''}`,
    en: (list: string) => `Which campaign?${list ? ` For example: ${list}.` : ''}`,
  },
  percent: {
    fr: () => 'De combien voulez-vous faire varier le budget (par exemple « +20 % » ou « baisse de 10 % ») ?',
    en: () => 'By how much should the budget change (for example "+20%" or "cut by 10%")?',
  },
  percentRange: {
    fr: (range: string) =>
      `La variation de budget doit être comprise entre ${range}. Quelle valeur voulez-vous ?`,
    en: (range: string) => `The budget change must be between ${range}. Which value do you want?`,
  },
  whichOnes: {
    fr: () =>
      "Lesquelles ? Rien n'a encore été montré dans cette conversation : nommez les campagnes ou la catégorie (par exemple « dépenses des campagnes à ROI négatif »).",
    en: () =>
      'Which ones? Nothing has been shown in this conversation yet: name the campaigns or the category (for example "spend of the campaigns with a negative ROI").',
  },
  compareWhat: {
    fr: () =>
      'Comparer quoi ? Nommez deux campagnes, catégories ou périodes (par exemple « google_hot vs google_wide en CPA »).',
    en: () =>
      'Compare what? Name two campaigns, categories or periods (for example "google_hot vs google_wide on CPA").',
  },
  budget: {
    fr: () => 'Pour quel budget journalier par campagne (par exemple « 5000 CHF par jour sur search ») ?',
    en: () => 'For which daily budget per campaign (for example "5000 CHF per day on search")?',
  },
  forecast: {
    fr: () =>
      'Je ne prévois pas le chiffre d’affaires d’une période à venir : j’estime celui d’un budget journalier (modèle entraîné sur vos données). Pour quel budget par jour (par exemple « 5000 CHF par jour sur search ») ?',
    en: () =>
      'I do not forecast the revenue of a coming period: I estimate the revenue of a daily budget (a model trained on your data). For which budget per day (for example "5000 CHF per day on search")?',
  },
  digestSchedule: {
    fr: () => 'À quel moment envoyer le digest (par exemple « chaque lundi à 9h ») ?',
    en: () => 'When should the digest be sent (for example "every Monday at 9am")?',
  },
  digestId: {
    fr: () => 'Quel digest faut-il arrêter ? Demandez « mes digests » pour voir leurs numéros.',
    en: () => 'Which digest should be stopped? Ask "my digests" to see their numbers.',
  },
} as const;

export type ClarificationKind = keyof typeof TEXTS;

export function clarificationText(kind: ClarificationKind, language: Language, detail = ''): string {
  return TEXTS[kind][language](detail);
}
