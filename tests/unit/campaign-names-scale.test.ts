// Campaign names in questions at 100,000 campaigns (the offline planner's entity finder): found through an index
// built once per catalog — exact, typo, unique prefix — with the small-catalog rules unchanged. How fast is measured
// in `npm run bench -- names` (against a pass over every name, same run), never here.
import { describe, expect, test } from '@jest/globals';
import { findCampaign } from '../../agent/nlu/entities.js';
import type { Catalog } from '../../src/warehouse/catalog.js';

const campaigns = Array.from({ length: 100_000 }, (_, i) => ({
  campaignName: `${['youtube', 'facebook', 'google'][i % 3]}_tier${i % 2}_${String(i).padStart(6, '0')}`,
  category: 'social',
}));
campaigns.push({ campaignName: 'spring_brand_launch', category: 'search' });
const catalog: Catalog = { campaigns, categories: ['search', 'social'], firstDay: null, lastDay: null };

describe('findCampaign at 100k campaigns', () => {
  test('an exact name (case and separators ignored)', () => {
    expect(findCampaign('tell me about youtube_tier1_000003', catalog).name).toBe('youtube_tier1_000003');
    expect(findCampaign('parle-moi de google tier0 000002', catalog).name).toBe('google_tier0_000002');
  });

  test('a typo and a unique prefix', () => {
    expect(findCampaign('tell me about youtbe_tier1_000003', catalog)).toMatchObject({
      name: 'youtube_tier1_000003',
      score: 0.9,
    });
    expect(findCampaign('how is spring doing', catalog)).toMatchObject({
      name: 'spring_brand_launch',
      score: 0.85,
    });
    const ambiguous = findCampaign('how is facebook doing', catalog);
    expect(ambiguous.name).toBeUndefined();
    expect(ambiguous.candidates.length).toBeGreaterThan(1);
  });
});
