// Counts, percentages, amounts and thresholds, in digits or words, French and English.
import { describe, expect, test } from '@jest/globals';
import { prepare } from '../../agent/nlu/normalize.js';
import {
  findCount,
  findMoney,
  findPercentChange,
  findRoiThreshold,
  findSegmentCount,
  findVolume,
} from '../../agent/nlu/numbers.js';

describe('counts', () => {
  test.each([
    ['top 10 des campagnes', 10],
    ['les cinq meilleures campagnes', 5],
    ['top three campaigns', 3],
    ['the 7 best campaigns', 7],
    ['show the bottom 3', 3],
    ['top 500', 50],
    ['top 0', 1],
    ['top3 par ROI', 3],
    ['quelle campagne a le meilleur ROI', 1],
    ['which campaign has the most clicks', 1],
    ['la campagne n°1 en ROAS', 1],
  ])('« %s » → %d', (text, count) => {
    expect(findCount(prepare(text))).toBe(count);
  });

  test.each([
    'les 14 derniers jours',
    'les deux premières semaines',
    'sur les 3 derniers jours',
    'budget +20 %',
    'le 10 février',
    'digest à 9h',
    '5000 CHF',
    'meilleures campagnes',
    'which campaigns have the most clicks',
  ])('« %s » has no count', (text) => {
    expect(findCount(prepare(text))).toBeUndefined();
  });
});

describe('percentage changes', () => {
  test.each([
    ['simule +20 % de budget', 20],
    ['augmente le budget de 20 pour cent', 20],
    ['budget 20%', 20],
    ['baisse de 10 % du budget', -10],
    ['cut budget by 10%', -10],
    ['reduce spend by 15 percent', -15],
    ['budget -25 %', -25],
    ['double le budget', 100],
    ['triple the budget', 200],
    ['divise le budget par deux', -50],
    ['+12,5 % de budget', 12.5],
  ])('« %s » → %d', (text, pct) => {
    expect(findPercentChange(prepare(text))).toBe(pct);
  });

  test('no percentage, no change', () => {
    expect(findPercentChange(prepare('simule le budget'))).toBeUndefined();
  });
});

describe('ROI thresholds', () => {
  test.each([
    ['campagnes avec un ROI sous 20 %', 0.2],
    ['ROI below 50%', 0.5],
    ['ROI inférieur à 10 %', 0.1],
    ['ROI sous -10 %', -0.1],
    ['ROI négatif', 0],
    ['negative ROI', 0],
    ['ROI sous -500 %', -1],
  ])('« %s » → %d', (text, threshold) => {
    expect(findRoiThreshold(prepare(text))).toBe(threshold);
  });

  test('a plain ROI question has no threshold', () => {
    expect(findRoiThreshold(prepare('top 5 par ROI'))).toBeUndefined();
  });
});

describe('amounts and volumes', () => {
  test.each([
    ['un budget de 5000 CHF par jour', 5000],
    ["CHF 3'000 par jour", 3000],
    ['5 000 CHF', 5000],
    ['5k CHF', 5000],
    ['2,000 francs', 2000],
    ['budget of 1500', 1500],
    ['1500.50 EUR', 1500.5],
  ])('« %s » → %d', (text, amount) => {
    expect(findMoney(prepare(text))).toBe(amount);
  });

  test.each(['-5000 CHF', 'budget de −5000 CHF', '1e308 CHF', 'x5000 CHF', '+5000 CHF'])(
    'no amount in « %s » (a sign or an exponent is not dropped silently: the bot asks for the budget)',
    (text) => {
      expect(findMoney(prepare(text))).toBeUndefined();
    },
  );

  test('percentages are not amounts', () => {
    expect(findMoney(prepare('budget de 20 %'))).toBeUndefined();
  });

  test('impressions and clicks', () => {
    const text = prepare('5000 CHF avec 100 000 impressions et 2k clics');
    expect(findVolume(text, 'impressions')).toBe(100000);
    expect(findVolume(text, 'clicks')).toBe(2000);
  });
});

describe('segment counts', () => {
  test.each([
    ['fais 3 clusters', 3],
    ['en quatre groupes', 4],
    ['k=2', 2],
    ['10 segments', 5],
  ])('« %s » → %d', (text, k) => {
    expect(findSegmentCount(prepare(text))).toBe(k);
  });
});
