// Change detection between two digests and threshold crossings between two refreshes, on plain rows.
import { expect, test } from '@jest/globals';
import { findCrossings } from '../../src/digests/alerts.js';
import { detectChanges, hasChanges } from '../../src/digests/changes.js';
import type { Subscription } from '../../src/digests/model.js';

const row = (campaign_name: string, roi: number | null, category = 'social') => ({
  campaign_name,
  category,
  roi,
});

test('first digest: nothing to compare', () => {
  const changes = detectChanges(undefined, [row('a', -0.2)]);
  expect(changes.compared).toBe(false);
  expect(hasChanges(changes)).toBe(false);
});

test('new entries, recoveries with their current ROI, and moves of at least one point, largest first', () => {
  const previous = [row('a', -0.2), row('b', -0.5), row('c', -0.1), row('gone', -0.3)];
  const current = [row('a', -0.205), row('b', -0.3), row('c', -0.4), row('new', -0.05)];
  const changes = detectChanges(previous, current, (name) => (name === 'gone' ? 0.12 : null));
  expect(changes.newEntries.map((entry) => entry.campaign_name)).toEqual(['new']);
  expect(changes.recoveries).toEqual([row('gone', 0.12)]);
  expect(changes.moves.map((move) => [move.row.campaign_name, Number(move.delta.toFixed(3))])).toEqual([['c', -0.3], ['b', 0.2]]); // biome-ignore format: table
});

test('crossings: either way, per subscription threshold and category; NULL ROI never crosses', () => {
  const subscription = (id: string, roiThreshold: number, category?: string): Subscription => ({
    id,
    target: `slack:T:${id}`,
    cron: '0 9 * * 1',
    timezone: 'Europe/Zurich',
    roiThreshold,
    createdAt: '2026-01-01T00:00:00Z',
    ...(category ? { category } : {}),
  });
  const before = [
    row('up', -0.1),
    row('down', 0.3),
    row('flat', 0.5),
    row('s', -0.2, 'search'),
    row('n', null),
  ];
  const after = [row('up', 0.1), row('down', -0.1), row('flat', 0.6), row('s', 0.2, 'search'), row('n', 0.4)];
  const crossings = findCrossings(before, after, [subscription('1', 0), subscription('2', 0.55), subscription('3', 0, 'search')]); // biome-ignore format: table
  expect(crossings.map((c) => `${c.subscription.id}:${c.campaign.campaign_name}:${c.direction}`)).toEqual([
    '1:up:above',
    '1:down:below',
    '1:s:above',
    '2:flat:above',
    '3:s:above',
  ]);
});
