// Categories (French and English names, only the catalog's) and campaign names (case, separators, typos,
// unique prefixes, ambiguity).
import { describe, expect, test } from '@jest/globals';
import { findCampaign, findCategories, findCategory } from '../../agent/nlu/entities.js';
import { prepare } from '../../agent/nlu/normalize.js';
import type { Catalog } from '../../src/warehouse/catalog.js';
import { SAMPLE_CATALOG } from '../eval/catalog-fixture.js';

describe('categories', () => {
  test.each([
    ['les réseaux sociaux', 'social'],
    ['social', 'social'],
    ["campagnes d'influence", 'influencer'],
    ['les influenceurs', 'influencer'],
    ['la recherche', 'search'],
    ['search', 'search'],
    ['le SEA', 'search'],
    ['les médias', 'media'],
    ['display', 'media'],
    ['les bannières', 'media'],
    ['social media', 'social'],
  ])('« %s » → %s', (text, category) => {
    expect(findCategory(prepare(text), SAMPLE_CATALOG)).toBe(category);
  });

  test('several categories: all are listed, none is chosen as the filter', () => {
    expect(findCategories(prepare('compare social and search'), SAMPLE_CATALOG)).toEqual([
      'social',
      'search',
    ]);
    expect(findCategory(prepare('compare social and search'), SAMPLE_CATALOG)).toBeUndefined();
    expect(findCategories(prepare('social media'), SAMPLE_CATALOG)).toEqual(['social']);
  });

  test('only categories present in the catalog', () => {
    const noMedia: Catalog = { ...SAMPLE_CATALOG, categories: ['search', 'social'] };
    expect(findCategory(prepare('les bannières'), noMedia)).toBeUndefined();
    expect(findCategory(prepare('la télévision'), SAMPLE_CATALOG)).toBeUndefined();
  });

  test('a category of the catalog is found by its own name, in its own spelling', () => {
    const withVideo: Catalog = { ...SAMPLE_CATALOG, categories: [...SAMPLE_CATALOG.categories, 'Video'] };
    expect(findCategory(prepare('campagnes video'), withVideo)).toBe('Video');
  });
});

describe('campaign names', () => {
  const find = (text: string) => findCampaign(prepare(text), SAMPLE_CATALOG);

  test.each([
    ['google_hot', 'google_hot'],
    ['GOOGLE_HOT', 'google_hot'],
    ['google hot', 'google_hot'],
    ['facebook tier 2', 'facebOOK_tier2'],
    ['facebook_tier2', 'facebOOK_tier2'],
    ['facebok tier1', 'facebook_tier1'],
    ['instagram-tier-1', 'instagram_tier1'],
    ['youtube', 'youtube_blogger'],
    ['facebook retargetting', 'facebook_retargeting'],
  ])('« %s » → %s', (text, name) => {
    expect(find(text).name).toBe(name);
  });

  test('an ambiguous prefix lists the candidates and names none', () => {
    const match = find('comment va google ?');
    expect(match.name).toBeUndefined();
    expect(match.candidates).toEqual(['google_hot', 'google_wide']);
  });

  test('ordinary words are not campaigns', () => {
    expect(find('top 5 des campagnes par ROI').name).toBeUndefined();
    expect(find('les influenceurs').name).toBeUndefined();
  });
});
