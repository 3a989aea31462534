// The digest and the alerts on the bundled sample (DuckDB in memory, state files on disk): the listed campaigns
// checked against an independent computation, change detection between two digests after a data change, and
// one alert per threshold crossing between two data refreshes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { silentLogger } from '../../src/core/logger.js';
import { manualClock } from '../../src/digests/clock.js';
import { createDigestService } from '../../src/digests/service.js';
import { buildKpiTables } from '../../src/warehouse/kpi.js';
import { createRecordingAdapter } from '../fakes/recording-adapter.js';
import { groupTotals, readSampleRows, roi } from '../fixtures/sample-figures.js';
import { openSampleWarehouse, type SampleWarehouse } from '../fixtures/sample-warehouse.js';

let sample: SampleWarehouse;
beforeEach(async () => {
  sample = await openSampleWarehouse();
});
afterEach(async () => {
  await sample.close();
});

const byCampaign = groupTotals(readSampleRows(), (row) => row.campaign);
const sampleRoi = (campaign: string) => roi(byCampaign.get(campaign)!);

function setUp(dir = mkdtempSync(join(tmpdir(), 'digests-'))) {
  const clock = manualClock('2026-05-04T07:00:00Z');
  const adapter = createRecordingAdapter(clock);
  const service = createDigestService(
    {
      stateDir: dir,
      graceMinutes: 60,
      defaultTimezone: 'Europe/Zurich',
      ledgerRetentionDays: 90,
      pacingMs: 0,
    },
    { tools: sample.context, delivery: adapter, logger: silentLogger(), clock },
  );
  return { dir, clock, adapter, service };
}

/**
 * A data refresh: change the loaded rows (past the guard, as a reload would) and rebuild the KPI tables. On DuckDB
 * marketing_clean is a view over the loader's _marketing_rows table: the updates go to the table.
 */
async function refresh(sql: string) {
  await sample.driver.exec(sql.replaceAll('UPDATE marketing_clean', 'UPDATE _marketing_rows'));
  await buildKpiTables(sample.warehouse);
  sample.context.catalog.invalidate();
}

describe('the digest', () => {
  test('lists exactly the campaigns below the threshold, with a chart, 2–4 recommendations and provenance', async () => {
    const { service } = setUp();
    const subscription = await service.add({ target: 'slack:T1:C1', cron: '0 9 * * 1' });
    const { answer, rows } = await service.preview(subscription.id);
    const expected = [...byCampaign.keys()].filter((name) => sampleRoi(name) < 0);
    expect(rows.map((row) => row.campaign_name).sort()).toEqual(expected.sort());
    for (const row of rows) expect(row.roi).toBeCloseTo(sampleRoi(row.campaign_name), 9);
    expect(answer.charts).toHaveLength(1);
    expect(answer.blocks.some((block) => block.type === 'table')).toBe(true);
    expect(answer.recommendations.length).toBeGreaterThanOrEqual(2);
    expect(answer.recommendations.length).toBeLessThanOrEqual(4);
    expect(answer.provenance[0]).toMatchObject({ tool: 'get_underperforming_campaigns' });
    expect(answer.text).toMatch(/^Digest n° 1 du lundi,? 4 mai 2026/);
    expect(answer.text).toContain('Premier digest pour cet abonnement');
  });

  test('a category and a threshold narrow the list; an unknown category is refused in French', async () => {
    const { service } = setUp();
    const social = await service.add({ target: 'slack:T1:C1', cron: '0 9 * * 1', category: 'SOCIAL', roiThreshold: 0.2 }); // biome-ignore format: table
    expect(social.category).toBe('social');
    const { rows } = await service.preview(social.id);
    const expected = [...byCampaign].filter(([, t]) => roi(t) < 0.2).map(([name]) => name);
    const socialNames = new Set(
      readSampleRows()
        .filter((row) => row.category === 'social')
        .map((row) => row.campaign),
    );
    expect(rows.map((row) => row.campaign_name).sort()).toEqual(
      expected.filter((name) => socialNames.has(name)).sort(),
    );
    await expect(service.add({ target: 'slack:T1:C1', cron: '0 9 * * 1', category: 'radio' })).rejects.toMatchObject({ hint: expect.stringMatching(/Catégorie inconnue/) }); // biome-ignore format: table
  });

  test('the second digest says what changed: new entries, recoveries, ROI moves', async () => {
    const { service, adapter } = setUp();
    const subscription = await service.add({ target: 'slack:T1:C1', cron: '0 9 * * 1' });
    expect(await service.runNow(subscription.id)).toBe('sent');
    const positive = [...byCampaign.keys()].filter((name) => sampleRoi(name) > 0).sort((a, b) => sampleRoi(a) - sampleRoi(b)); // biome-ignore format: table
    const sinking = positive[0]!;
    await refresh(`UPDATE marketing_clean SET revenue = revenue * 3 WHERE campaign_name = 'facebook_tier1';
      UPDATE marketing_clean SET revenue = revenue * 0.1 WHERE campaign_name = '${sinking}';
      UPDATE marketing_clean SET revenue = revenue * 2 WHERE campaign_name = 'facebook_lal'`);
    expect(await service.runNow(subscription.id)).toBe('sent');
    const second = adapter.posts[1]!.answer.text;
    expect(second).toContain(`Nouvelle sous le seuil : ${sinking}`);
    expect(second).toMatch(/Repassée au-dessus du seuil : facebook_tier1 \(ROI \+\d/);
    const lal = byCampaign.get('facebook_lal')!;
    const lalAfter = (2 * lal.revenue - lal.spend) / lal.spend;
    const pct = (value: number) => `${(value * 100).toFixed(1).replace('.', ',').replace('-', '−')}`;
    expect(second).toContain(`facebook_lal : ROI ${pct(sampleRoi('facebook_lal'))}`);
    expect(second).toContain(`→ ${pct(lalAfter)}`);
    // The move is in points, computed by hand: (after − before) × 100, one decimal, never « % pts ».
    expect(second).toContain(`(+${pct(lalAfter - sampleRoi('facebook_lal'))}\u202Fpts)`);
    expect(second).not.toContain('% pts');
    expect(second).not.toMatch(/instagram_tier2 : ROI/); // unchanged: no move reported
  });
});

describe('ROI alerts', () => {
  test('one alert per crossing per subscribed target, either way, never twice', async () => {
    const { service, adapter, dir } = setUp();
    await service.add({ target: 'slack:T1:C1', cron: '0 9 * * 1' });
    await service.add({ target: 'teams:search-team', cron: '0 9 * * 1', category: 'search' });
    await service.add({ target: 'slack:T1:C9', cron: '0 9 * * 1', roiThreshold: 0.5 });
    expect(await service.checkAlerts()).toMatchObject({ baseline: true });
    expect(await service.checkAlerts()).toMatchObject({ baseline: false, crossings: 0 });
    await refresh(`UPDATE marketing_clean SET revenue = revenue * 3 WHERE campaign_name = 'facebook_tier1';
      UPDATE marketing_clean SET revenue = revenue * 2 WHERE campaign_name = 'google_wide'`);
    expect(await service.checkAlerts()).toMatchObject({ crossings: 4, sent: 4 });
    const sent = adapter.posts.map((post) => `${post.target} ${post.answer.text.split(' (')[0]}`).sort();
    expect(sent).toEqual([
      'slack:T1:C1 Alerte ROI : facebook_tier1',
      'slack:T1:C1 Alerte ROI : google_wide',
      'slack:T1:C9 Alerte ROI : facebook_tier1',
      'teams:search-team Alerte ROI : google_wide',
    ]);
    expect(adapter.posts.every((post) => /au-dessus du seuil/.test(post.answer.text))).toBe(true);
    // Same data again, and after a restart: nothing new.
    expect(await service.checkAlerts()).toMatchObject({ crossings: 0 });
    const restarted = createDigestService(
      {
        stateDir: dir,
        graceMinutes: 60,
        defaultTimezone: 'Europe/Zurich',
        ledgerRetentionDays: 90,
        pacingMs: 0,
      },
      {
        tools: sample.context,
        delivery: adapter,
        logger: silentLogger(),
        clock: manualClock('2026-05-04T08:00:00Z'),
      },
    );
    expect(await restarted.checkAlerts()).toMatchObject({ crossings: 0 });
    // Back below: one alert the other way to each subscription whose threshold it crosses.
    await refresh(`UPDATE marketing_clean SET revenue = revenue / 3 WHERE campaign_name = 'facebook_tier1'`);
    expect(await restarted.checkAlerts()).toMatchObject({ crossings: 2, sent: 2 });
    expect(
      adapter.posts
        .slice(4)
        .map((post) => post.target)
        .sort(),
    ).toEqual(['slack:T1:C1', 'slack:T1:C9']);
    expect(adapter.posts.slice(4).every((post) => /passée sous le seuil/.test(post.answer.text))).toBe(true);
    expect(adapter.posts[4]!.answer.recommendations).toHaveLength(2);
  });
});
