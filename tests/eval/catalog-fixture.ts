// The catalog of the bundled sample (data/marketing.csv), written out by hand so the eval does not depend on
// the warehouse: 11 campaigns in 4 categories, February 2021.
import type { Catalog } from '../../src/warehouse/catalog.js';

const CAMPAIGNS: [string, string][] = [
  ['banner_partner', 'media'],
  ['facebOOK_tier2', 'social'],
  ['facebook_lal', 'social'],
  ['facebook_retargeting', 'social'],
  ['facebook_tier1', 'social'],
  ['google_hot', 'search'],
  ['google_wide', 'search'],
  ['instagram_blogger', 'influencer'],
  ['instagram_tier1', 'social'],
  ['instagram_tier2', 'social'],
  ['youtube_blogger', 'influencer'],
];

export const SAMPLE_CATALOG: Catalog = {
  campaigns: CAMPAIGNS.map(([campaignName, category]) => ({ campaignName, category })),
  categories: ['influencer', 'media', 'search', 'social'],
  firstDay: '2021-02-01',
  lastDay: '2021-02-28',
};
