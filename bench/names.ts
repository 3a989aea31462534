// Campaign names in questions at 100,000 campaigns (the offline planner's entity finder), timed against the plain
// baseline it must beat: comparing the question's word with every name. Both run here, so the ratio holds on a
// slow or busy machine; the unit tests check what is found, never how fast.
import { distance } from 'fastest-levenshtein';
import { findCampaign } from '../agent/nlu/entities.js';
import type { Catalog } from '../src/warehouse/catalog.js';
import { median } from './stats.js';

export const NAME_TARGETS = { campaigns: 100_000, maxRatio: 1 };

export function benchNames() {
  const campaigns = Array.from({ length: NAME_TARGETS.campaigns }, (_, i) => ({
    campaignName: `${['youtube', 'facebook', 'google'][i % 3]}_tier${i % 2}_${String(i).padStart(6, '0')}`,
    category: 'social',
  }));
  const catalog: Catalog = { campaigns, categories: ['social'], firstDay: null, lastDay: null };
  findCampaign('warm up youtube_tier1_000003', catalog); // the index is built once per catalog
  const lookups: number[] = [];
  const passes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const word = `youtub_tier1_${String(i * 3 + 3).padStart(6, '0')}`;
    let started = performance.now();
    findCampaign(`what about ${word}`, catalog);
    lookups.push(performance.now() - started);
    started = performance.now();
    for (const { campaignName } of campaigns) distance(word, campaignName);
    passes.push(performance.now() - started);
  }
  const lookupMs = median(lookups);
  const passMs = median(passes);
  return { lookupMs, passMs, ratio: lookupMs / passMs, pass: lookupMs / passMs <= NAME_TARGETS.maxRatio };
}

export function printNames(result: ReturnType<typeof benchNames>): void {
  const round = (value: number) => Math.round(value * 100) / 100;
  console.log(
    `names at ${NAME_TARGETS.campaigns} campaigns: a question with a typo ${round(result.lookupMs)} ms (median) vs one pass over every name ${round(result.passMs)} ms → ratio ${round(result.ratio)} (target ≤ ${NAME_TARGETS.maxRatio}) ${result.pass ? 'PASS' : 'FAIL'}`,
  );
}
