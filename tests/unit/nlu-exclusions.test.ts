// Exclusions (« hors search », "excluding Facebook", « sauf facebook_lal »): the query filters keep members, so an
// exclusion is the catalog's other members. Expected lists by hand from the sample's catalog (4 categories; 11
// campaigns, 4 of them facebook_*).
import { describe, expect, test } from '@jest/globals';
import { calls, plan } from '../fixtures/offline-plans.js';

const NOT_FACEBOOK = [
  'banner_partner', 'google_hot', 'google_wide', 'instagram_blogger', 'instagram_tier1', 'instagram_tier2',
  'youtube_blogger',
]; // biome-ignore format: a list

describe('exclusions', () => {
  test.each(['coût par acquisition par catégorie, hors search', 'CPA by category excluding search'])(
    '« %s »: the other three categories, by category',
    (text) => {
      expect(calls(text)[0]).toMatchObject({
        metrics: ['cpa'],
        group_by: ['category'],
        categories: ['influencer', 'media', 'social'],
      });
    },
  );
  test('« total des leads hors facebook »: one figure over the seven other campaigns', () => {
    const [call] = calls('total des leads hors facebook en février');
    expect(call).toMatchObject({ metrics: ['leads'], campaigns: NOT_FACEBOOK });
    expect(call).not.toHaveProperty('group_by');
  });
  test('« Quel est le CPA moyen hors campagnes facebook ? »: one figure (the object words are the exclusion’s)', () => {
    expect(calls('Quel est le CPA moyen hors campagnes facebook ?')[0]).not.toHaveProperty('group_by');
  });
  test('"Excluding Facebook, which campaign had the best ROAS?": the first of the others', () => {
    expect(calls('Excluding Facebook, which campaign had the best ROAS?')[0]).toMatchObject({
      group_by: ['campaign_name'],
      order_by: 'roas',
      order: 'desc',
      limit: 1,
      campaigns: NOT_FACEBOOK,
    });
  });
  test('« CA par campagne hors social »: campaigns of the three other categories', () => {
    expect(calls('CA par campagne hors social')[0]).toMatchObject({
      group_by: ['campaign_name'],
      categories: ['influencer', 'media', 'search'],
    });
  });
  test('two exclusions: « hors social et hors search »', () => {
    expect(calls('ROAS des campagnes hors social et hors search')[0]).toMatchObject({
      categories: ['influencer', 'media'],
    });
  });
  test('a negation that is not an exclusion of a member is still asked back', () => {
    expect(plan('campagnes pas dans le social').calls).toHaveLength(0);
  });
});
