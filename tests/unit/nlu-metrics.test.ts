// Metric synonyms and ranking directions (cost metrics are better when low).
import { describe, expect, test } from '@jest/globals';
import { directionFor, findDirectionWord, findMetrics } from '../../agent/nlu/metrics.js';
import { prepare } from '../../agent/nlu/normalize.js';

describe('metric synonyms', () => {
  test.each([
    ['la rentabilité', 'roi'],
    ['le retour sur investissement', 'roi'],
    ['return on investment', 'roi'],
    ['most profitable', 'roi'],
    ['retour sur dépenses publicitaires', 'roas'],
    ['le taux de clic', 'ctr'],
    ['click-through rate', 'ctr'],
    ['le taux de conversion', 'cvr'],
    ['conversion rate', 'cvr'],
    ['coût par lead', 'cpl'],
    ['cost per lead', 'cpl'],
    ['coût par acquisition', 'cpa'],
    ['coût par commande', 'cpa'],
    ['cost per order', 'cpa'],
    ["chiffre d'affaires", 'revenue'],
    ['revenu', 'revenue'],
    ['les ventes', 'revenue'],
    ['sales', 'revenue'],
    ['dépenses', 'mark_spent'],
    ['budget', 'mark_spent'],
    ['coût', 'mark_spent'],
    ['spend', 'mark_spent'],
    ['clics', 'clicks'],
    ['commandes', 'orders'],
    ['leads', 'leads'],
    ['impressions', 'impressions'],
    ['combien on paie un clic', 'cpc'],
    ['what do we pay for a lead', 'cpl'],
    ['on paie combien une commande', 'cpa'],
    ['combien on paie les 1000 impressions', 'cpm'],
    ['combien nous a coûté un lead', 'cpl'],
    ['les moins chères par commande', 'cpa'],
    ['click rate', 'ctr'],
    ['prix du clic', 'cpc'],
    ["chiffre d'aff.", 'revenue'],
    ['impr.', 'impressions'],
  ])('« %s » → %s', (text, metric) => {
    expect(findMetrics(prepare(text))).toEqual([metric]);
  });

  test('longer phrases win and metrics come in reading order', () => {
    expect(findMetrics(prepare('coût par lead et taux de clic'))).toEqual(['cpl', 'ctr']);
  });

  test('« CA » is revenue only in capitals (« ça » is not)', () => {
    expect(findMetrics(prepare('le CA par catégorie'), 'le CA par catégorie')).toEqual(['revenue']);
    expect(findMetrics(prepare('comment ça va'), 'comment ça va')).toEqual([]);
  });
});

describe('directions', () => {
  const direction = (text: string, metric: 'roi' | 'cpl' | 'cpa') =>
    directionFor(findDirectionWord(prepare(text)), metric);

  test.each([
    ['meilleures campagnes', 'roi', 'top'],
    ['top 5', 'roi', 'top'],
    ['pires campagnes', 'roi', 'bottom'],
    ['worst campaigns', 'roi', 'bottom'],
    ['les moins chères', 'cpl', 'bottom'],
    ['cheapest', 'cpa', 'bottom'],
    ['meilleur CPL', 'cpl', 'bottom'],
    ['best cost per order', 'cpa', 'bottom'],
    ['worst CPL', 'cpl', 'top'],
    ['pire CPA', 'cpa', 'top'],
    ['le CPL le plus élevé', 'cpl', 'top'],
    ['lowest ROI', 'roi', 'bottom'],
    ['les plus chères', 'cpl', 'top'],
    ['classement', 'roi', 'top'],
    ['classement', 'cpl', 'bottom'],
  ] as const)('« %s » with %s → %s', (text, metric, expected) => {
    expect(direction(text, metric)).toBe(expected);
  });
});
