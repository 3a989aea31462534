// Delivery: retries after 429 (honouring Retry-After) and 5xx with backoff, permanent errors, pacing at ≤ 1
// message per second per channel, and one failing target never holding up the others.
import { describe, expect, test } from '@jest/globals';
import { channelOf, DeliveryError, routeDelivery } from '../../src/digests/delivery.js';
import { retryDelay } from '../../src/digests/pacing.js';
import { harness, iso, rateLimited, serverError } from '../fakes/recording-adapter.js';

const at = (text: string) => Date.parse(text);
const SLOT = '2026-05-04T07:00:00.000Z';

async function oneSlot(configure: (h: ReturnType<typeof harness>) => Promise<void> | void) {
  const h = harness('2026-05-04T06:00:00Z');
  await h.service.start();
  await configure(h);
  await h.clock.advanceTo(at('2026-05-04T07:10:00Z'));
  await h.service.idle();
  return h;
}

describe('retries', () => {
  test('429 with Retry-After: waits exactly what the platform asked, then posts once', async () => {
    const h = await oneSlot(async ({ service, adapter }) => {
      await service.add({ target: 'slack:T1:C1', cron: '0 9 * * *' });
      adapter.failNext('*', 2, rateLimited(5_000));
    });
    expect(h.adapter.attempts.map((attempt) => [iso(attempt.at), attempt.failed])).toEqual([
      [SLOT, true],
      ['2026-05-04T07:00:05.000Z', true],
      ['2026-05-04T07:00:10.000Z', false],
    ]);
    expect(h.adapter.posts).toHaveLength(1);
    expect(h.service.ledger().get(`digest:1:${SLOT}`)).toMatchObject({ status: 'sent', attempts: 3 });
  });

  test('5xx: exponential backoff (1 s, 2 s with the test jitter), then success', async () => {
    const h = await oneSlot(async ({ service, adapter }) => {
      await service.add({ target: 'teams:conv-1', cron: '0 9 * * *' });
      adapter.failNext('*', 2, serverError(502));
    });
    expect(h.adapter.attempts.map((attempt) => iso(attempt.at))).toEqual([
      SLOT,
      '2026-05-04T07:00:01.000Z',
      '2026-05-04T07:00:03.000Z',
    ]);
    expect(h.adapter.posts).toHaveLength(1);
  });

  test('gives up after the attempts run out, and on a permanent 4xx at once; the ledger says failed', async () => {
    const h = await oneSlot(async ({ service, adapter }) => {
      await service.add({ target: 'slack:T1:C1', cron: '0 9 * * *' });
      await service.add({ target: 'slack:T1:C2', cron: '0 9 * * *' });
      adapter.failNext('slack:T1:C1', 10, serverError(500));
      adapter.failNext('slack:T1:C2', 10, new DeliveryError('channel_not_found', { status: 404 }));
    });
    const attemptsTo = (target: string) => h.adapter.attempts.filter((attempt) => attempt.target === target);
    expect(attemptsTo('slack:T1:C1')).toHaveLength(4);
    expect(attemptsTo('slack:T1:C2')).toHaveLength(1);
    expect(h.service.ledger().get(`digest:1:${SLOT}`)).toMatchObject({ status: 'failed' });
    expect(h.service.ledger().get(`digest:2:${SLOT}`)).toMatchObject({ status: 'failed' });
  });

  test('retryDelay: Retry-After wins, else capped exponential with jitter', () => {
    const policy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 8_000, random: () => 0.5 };
    expect(retryDelay(rateLimited(30_000), 1, policy)).toBe(30_000);
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelay(serverError(), attempt, policy))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]); // biome-ignore format: table
  });
});

describe('pacing and isolation', () => {
  test('≤ 1 message per second per channel; another channel is not held up by a failing one', async () => {
    const h = await oneSlot(async ({ service, adapter }) => {
      await service.add({ target: 'slack:T1:C1', cron: '0 9 * * *' });
      await service.add({ target: 'slack:T1:C1:1712.0001', cron: '0 9 * * *' }); // a thread of the same channel
      await service.add({ target: 'slack:T1:C1', cron: '0 9 * * *', roiThreshold: 0.5 });
      await service.add({ target: 'teams:failing', cron: '0 9 * * *' });
      await service.add({ target: 'teams:healthy', cron: '0 9 * * *' });
      adapter.failNext('teams:failing', 10, serverError(503));
    });
    const sent = (target: string) => h.adapter.posts.filter((post) => channelOf(post.target) === target).map((post) => iso(post.at)); // biome-ignore format: table
    expect(sent('slack:T1:C1')).toEqual([SLOT, '2026-05-04T07:00:01.000Z', '2026-05-04T07:00:02.000Z']);
    expect(sent('teams:healthy')).toEqual([SLOT]);
    expect(sent('teams:failing')).toEqual([]);
  });

  test('a target without a platform adapter fails at once, clearly', async () => {
    const delivery = routeDelivery({});
    const answer = { text: 'x' } as never;
    await expect(delivery.post('slack:T1:C1', answer, { idempotencyKey: 'k' })).rejects.toMatchObject({
      permanent: true,
      message: expect.stringMatching(/no platform adapter configured for slack/),
    });
    expect(delivery.supports('slack:T1:C1')).toBe(false);
  });
});
