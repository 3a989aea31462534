// How an answer says what it is about: a list reads « a, b et c » (not « a et b et c »), several categories are
// « catégories ».
import { expect, test } from '@jest/globals';
import { scopeText } from '../../src/analysis/tools/query_metrics/view.js';

test('several categories and campaigns are listed the way people write them', () => {
  expect(scopeText({ categories: ['influencer', 'media', 'social'] }, 'fr')).toMatch(
    /^catégories influencer, media et social,/,
  );
  expect(scopeText({ categories: ['social'] }, 'fr')).toMatch(/^catégorie social,/);
  expect(scopeText({ campaigns: ['google_hot', 'google_wide', 'youtube_blogger'] }, 'en')).toMatch(
    /^google_hot, google_wide and youtube_blogger,/,
  );
});
