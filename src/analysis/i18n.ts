// The composer writes French by default and English when the question was English.
import type { Language } from '../core/answer.js';

export const tr = (language: Language, fr: string, en: string): string => (language === 'en' ? en : fr);

/** « : » in French (a space before), ":" in English. */
export const colon = (language: Language): string => (language === 'en' ? ':' : ' :');

/** Example questions shown in help, out-of-scope answers and follow-ups. */
export function exampleQuestions(language: Language): string[] {
  return language === 'en'
    ? [
        'Which campaigns are underperforming?',
        'Top 5 campaigns by ROI',
        'Analyse performance by category',
        'Simulate +20% budget on social campaigns',
        'Which segment has the highest ROI?',
      ]
    : [
        'Quelles campagnes sont sous-performantes ?',
        'Top 5 des campagnes par ROI',
        'Analyse la performance par catégorie',
        'Simule +20 % de budget sur les campagnes social',
        'Quel segment a le meilleur ROI ?',
      ];
}
