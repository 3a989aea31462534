// Segmentation at portfolio scale: off the event loop (a worker thread), the silhouette on a sample above 1,000
// campaigns, and computed once per KPI build (the ML service caches it per catalog).
import { describe, expect, test } from '@jest/globals';
import { type CampaignKpis, sampleIndexes, segmentCampaigns } from '../../src/ml/segmentation.js';
import { createInProcessSegmenter, createWorkerSegmenter } from '../../src/ml/segmenter.js';
import { createMlService } from '../../src/ml/service.js';
import { openSampleWarehouse } from '../fixtures/sample-warehouse.js';

function portfolio(n: number): CampaignKpis[] {
  return Array.from({ length: n }, (_, i) => {
    const u = ((i * 2654435761) % 1000) / 1000;
    const v = ((i * 40503) % 997) / 997;
    const impressions = 10_000 + Math.round(u * 500_000);
    const clicks = Math.round(impressions * (0.002 + 0.02 * v));
    const leads = Math.round(clicks * (0.01 + 0.05 * u));
    const orders = Math.round(leads * (0.05 + 0.3 * v));
    const mark_spent = 50 + impressions * (0.005 + 0.01 * v);
    return {
      campaign_name: `c_${i}`,
      category: 'x',
      impressions,
      clicks,
      leads,
      orders,
      mark_spent,
      revenue: orders * (40 + 200 * u),
    };
  });
}

describe('segmentation at scale', () => {
  test('sample indexes: all under the cap, evenly spread above it', () => {
    expect(sampleIndexes(5, 1000)).toEqual([0, 1, 2, 3, 4]);
    const sample = sampleIndexes(10_000, 1000);
    expect(sample).toHaveLength(1000);
    expect(sample[1]).toBe(10);
    expect(sample.at(-1)).toBe(9990);
  });

  test('10,000 campaigns in a worker: the same segmentation as in-process, and the event loop keeps turning', async () => {
    const campaigns = portfolio(10_000);
    const expected = segmentCampaigns(campaigns, { seed: 42 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const segmentation = await createWorkerSegmenter({
      onFallback: (error) => {
        throw error;
      },
    }).segment(campaigns, { seed: 42 });
    const ms = performance.now() - started;
    clearInterval(timer);
    expect(segmentation.k).toBe(expected.k);
    expect(segmentation.rows.map((row) => row.segment_id)).toEqual(
      expected.rows.map((row) => row.segment_id),
    );
    // The main thread was free: timers kept firing during the whole segmentation.
    expect(ticks).toBeGreaterThan(ms / 5 / 4);
  }, 60_000);

  test('the ML service segments once per KPI build (cached per catalog)', async () => {
    const sample = await openSampleWarehouse();
    try {
      let runs = 0;
      const inner = createInProcessSegmenter();
      const ml = createMlService(
        { maxTrainingRows: 10_000, currency: 'CHF' },
        {
          warehouse: sample.warehouse,
          catalog: sample.context.catalog,
          segmenter: {
            kind: 'in-process',
            segment: (campaigns, options) => {
              runs++;
              return inner.segment(campaigns, options);
            },
          },
        },
      );
      const first = await ml.segmentCampaigns();
      const second = await ml.segmentCampaigns();
      expect(runs).toBe(1);
      expect(second.segmentation).toBe(first.segmentation);
      sample.context.catalog.invalidate(); // a new KPI build: a new catalog
      await ml.segmentCampaigns();
      expect(runs).toBe(2);
    } finally {
      await sample.close();
    }
  });
});
