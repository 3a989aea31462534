// The scheduler on a manual clock with a recording adapter: cron in each subscription's time zone across DST,
// removal, restarts mid-slot, missed slots inside and outside the grace window, exactly-once keys.
import { describe, expect, test } from '@jest/globals';
import { latestSlot, nextSlot, validateSchedule } from '../../src/digests/schedule.js';
import { createRecordingAdapter, harness, iso } from '../fakes/recording-adapter.js';

const at = (text: string) => Date.parse(text);

describe('cron slots in their own time zone', () => {
  test('a daily 09:00 Europe/Zurich digest fires at 08:00Z, then 07:00Z after the last Sunday of March', async () => {
    const { clock, adapter, service } = harness('2026-03-27T12:00:00Z');
    await service.start();
    await service.add({ target: 'slack:T1:C1', cron: '0 9 * * *' });
    await clock.advanceTo(at('2026-03-31T12:00:00Z'));
    expect(adapter.posts.map((post) => iso(post.at))).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
    ]);
  });

  test('and back to 08:00Z after the last Sunday of October', async () => {
    const { clock, adapter, service } = harness('2026-10-24T00:00:00Z');
    await service.start();
    await service.add({ target: 'teams:abc', cron: '0 9 * * *' });
    await clock.advanceTo(at('2026-10-26T12:00:00Z'));
    expect(adapter.posts.map((post) => iso(post.at))).toEqual([
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ]);
  });

  test('times in the spring gap run once after it; a repeated autumn time runs once', () => {
    expect(iso(nextSlot('30 2 * * *', 'Europe/Zurich', at('2026-03-28T12:00:00Z'))!)).toBe('2026-03-29T01:00:00.000Z'); // biome-ignore format: table
    const autumn = nextSlot('30 2 * * *', 'Europe/Zurich', at('2026-10-24T12:00:00Z'))!;
    expect(iso(autumn)).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(nextSlot('30 2 * * *', 'Europe/Zurich', autumn)!)).toBe('2026-10-26T01:30:00.000Z');
  });

  test('each subscription uses its own zone; latestSlot is inclusive', () => {
    expect(iso(nextSlot('0 9 * * 1', 'America/New_York', at('2026-03-02T00:00:00Z'))!)).toBe('2026-03-02T14:00:00.000Z'); // biome-ignore format: table
    expect(iso(nextSlot('0 9 * * 1', 'America/New_York', at('2026-03-09T00:00:00Z'))!)).toBe('2026-03-09T13:00:00.000Z'); // biome-ignore format: table
    expect(iso(latestSlot('0 9 * * *', 'Europe/Zurich', at('2026-03-29T07:00:00Z'))!)).toBe('2026-03-29T07:00:00.000Z'); // biome-ignore format: table
  });

  test('bad cron expressions and time zones are refused with a French hint', () => {
    expect(() => validateSchedule('0 9 * *', 'Europe/Zurich')).toThrow(/cron/);
    expect(() => validateSchedule('0 0 9 * * 1', 'Europe/Zurich')).toThrow(/cron/);
    expect(() => validateSchedule('0 9 * * 1', 'Mars/Olympus')).toThrow(/time zone/);
  });
});

describe('subscriptions and the schedule', () => {
  test('removal stops the schedule; ids are never reused', async () => {
    const { clock, adapter, service } = harness('2026-05-04T06:00:00Z'); // a Monday
    await service.start();
    const first = await service.add({ target: 'slack:T1:C1', cron: '0 9 * * 1' });
    expect(service.nextRun(first.id)).toBe(at('2026-05-04T07:00:00Z'));
    await clock.advanceTo(at('2026-05-05T00:00:00Z'));
    expect(adapter.posts).toHaveLength(1);
    expect(adapter.posts[0]!.key).toBe(`digest:${first.id}:2026-05-04T07:00:00.000Z`);
    await service.remove(first.id);
    expect(service.nextRun(first.id)).toBeUndefined();
    await clock.advanceTo(at('2026-05-20T00:00:00Z'));
    expect(adapter.posts).toHaveLength(1);
    const second = await service.add({ target: 'slack:T1:C1', cron: '0 9 * * 1' });
    expect(second.id).toBe('2');
    await expect(service.remove('1')).rejects.toMatchObject({
      hint: expect.stringMatching(/Aucun digest n° 1/),
    });
  });

  test('subscriptions survive a restart and keep firing', async () => {
    const first = harness('2026-05-04T06:00:00Z');
    await first.service.add({ target: 'slack:T1:C1', cron: '0 9 * * *', roiThreshold: 0.5 });
    const second = harness('2026-05-04T06:30:00Z', { files: first.files });
    await second.service.start();
    expect(await second.service.list()).toMatchObject([{ id: '1', roiThreshold: 0.5, timezone: 'Europe/Zurich' }]); // biome-ignore format: table
    await second.clock.advanceTo(at('2026-05-04T08:00:00Z'));
    expect(second.adapter.posts.map((post) => iso(post.at))).toEqual(['2026-05-04T07:00:00.000Z']);
  });
});

describe('exactly once across restarts', () => {
  async function crashMidPost(options: { canCheckPosted: boolean }) {
    const a = harness('2026-05-04T06:00:00Z', options);
    await a.service.start();
    await a.service.add({ target: 'slack:T1:C1', cron: '0 9 * * *' });
    a.adapter.hang(); // the post reaches the platform, then the process dies before recording "sent"
    await a.clock.advanceTo(at('2026-05-04T07:00:30Z'));
    expect(a.adapter.posts).toHaveLength(1);
    a.service.stop();
    // Same state files, same channel history (the platform kept the message), a new process 5 minutes later.
    const adapter = createRecordingAdapter({ now: () => at('2026-05-04T07:05:00Z') }, { ...options, posts: a.adapter.posts }); // biome-ignore format: set-up
    const b = harness('2026-05-04T07:05:00Z', { files: a.files, adapter });
    await b.service.start();
    await b.clock.advanceTo(at('2026-05-04T08:00:00Z'));
    return { posts: adapter.posts, b };
  }

  test('pending without sent + alreadyPosted → confirmed, not re-posted', async () => {
    const { posts, b } = await crashMidPost({ canCheckPosted: true });
    expect(posts).toHaveLength(1);
    expect(b.service.ledger().get('digest:1:2026-05-04T07:00:00.000Z')).toMatchObject({ status: 'sent' });
  });

  test('pending without sent and no way to check → skipped with a warning, never posted twice', async () => {
    const { posts, b } = await crashMidPost({ canCheckPosted: false });
    expect(posts).toHaveLength(1);
    expect(b.service.ledger().get('digest:1:2026-05-04T07:00:00.000Z')).toMatchObject({ status: 'skipped' });
    expect(b.lines.some((line) => line.level === 40 && /outcome unknown/.test(String(line.msg)))).toBe(true);
  });

  test('a claimed slot that never reached the platform is posted once after the restart (within grace)', async () => {
    const never = () => new Promise<never>(() => undefined);
    const a = harness('2026-05-04T06:00:00Z', { canCheckPosted: true, compose: never });
    await a.service.start();
    await a.service.add({ target: 'slack:T1:C1', cron: '0 9 * * *' });
    await a.clock.advanceTo(at('2026-05-04T07:01:00Z'));
    a.service.stop();
    const b = harness('2026-05-04T07:10:00Z', { files: a.files, canCheckPosted: true });
    await b.service.start();
    await b.service.idle();
    const c = harness('2026-05-04T07:20:00Z', { files: b.files, adapter: b.adapter });
    await c.service.start();
    await c.service.idle();
    expect(b.adapter.posts.map((post) => post.key)).toEqual(['digest:1:2026-05-04T07:00:00.000Z']);
  });

  test('a slot missed while down is posted once on start within the grace window', async () => {
    const a = harness('2026-05-04T06:00:00Z');
    await a.service.add({ target: 'slack:T1:C1', cron: '0 9 * * *' });
    const b = harness('2026-05-04T07:20:00Z', { files: a.files });
    await b.service.start();
    await b.service.idle();
    expect(b.adapter.posts.map((post) => [post.key, iso(post.at)])).toEqual([['digest:1:2026-05-04T07:00:00.000Z', '2026-05-04T07:20:00.000Z']]); // biome-ignore format: table
    const c = harness('2026-05-04T07:25:00Z', { files: b.files, adapter: b.adapter });
    await c.service.start();
    await c.service.idle();
    expect(b.adapter.posts).toHaveLength(1);
  });

  test('a slot missed outside the grace window is skipped with a log line', async () => {
    const a = harness('2026-05-04T06:00:00Z');
    await a.service.add({ target: 'slack:T1:C1', cron: '0 9 * * *' });
    const b = harness('2026-05-04T08:00:00Z', { files: a.files, graceMinutes: 30 });
    await b.service.start();
    await b.service.idle();
    expect(b.adapter.posts).toHaveLength(0);
    expect(b.service.ledger().get('digest:1:2026-05-04T07:00:00.000Z')).toMatchObject({ status: 'skipped' });
    expect(b.lines.some((line) => line.msg === 'digest slot skipped')).toBe(true);
    await b.clock.advanceTo(at('2026-05-05T08:00:00Z'));
    expect(b.adapter.posts.map((post) => iso(post.at))).toEqual(['2026-05-05T07:00:00.000Z']);
  });

  test('a slot before the subscription existed is not caught up', async () => {
    const b = harness('2026-05-04T07:10:00Z');
    await b.service.start();
    await b.service.add({ target: 'slack:T1:C1', cron: '0 9 * * *' });
    const c = harness('2026-05-04T07:15:00Z', { files: b.files });
    await c.service.start();
    await c.service.idle();
    expect(c.adapter.posts).toHaveLength(0);
  });
});

test('a corrupt state file is set aside and the scheduler starts anyway', async () => {
  const files = new Map([['digest-subscriptions.json', '{"version":1,"items":[{"id":"1"']]);
  const h = harness('2026-05-04T06:00:00Z', { files });
  await h.service.start();
  expect(await h.service.list()).toEqual([]);
  expect([...files.keys()].some((name) => name.startsWith('digest-subscriptions.json.corrupt-'))).toBe(true);
  expect(h.lines.some((line) => line.level === 50 && line.collection === 'digest-subscriptions')).toBe(true);
  await h.service.add({ target: 'slack:T1:C1', cron: '0 9 * * *' });
  await h.clock.advanceTo(Date.parse('2026-05-04T08:00:00Z'));
  expect(h.adapter.posts).toHaveLength(1);
});
