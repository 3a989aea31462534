// Slack's Web API down when a question arrives: the placeholder cannot be posted, so nobody can be told. The
// question is kept in the state store (slack-unanswered.json), asked again when Slack is back, answered once; it
// survives a restart; after the retry window it is dropped with a warning; a permanent refusal is never kept.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from '@jest/globals';
import { unansweredSchema } from '../../adapters/slack/retry-later.js';
import { silentLogger } from '../../src/core/logger.js';
import { createJsonCollection } from '../../src/store/json-collection.js';
import { type SlackHarness, startSlackHarness } from '../fakes/slack-harness.js';
import { until } from '../fakes/slack-wait.js';

const harnesses: SlackHarness[] = [];
afterEach(async () => {
  for (const harness of harnesses.splice(0)) await harness.close();
});

const mention = (ts: string) => ({
  type: 'app_mention',
  user: 'U1',
  text: '<@UBOT> Top 5 des campagnes par ROI',
  ts,
  channel: 'C1',
  team: 'T1',
});

const itemsOnDisk = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'slack-unanswered.json'), 'utf8')) as { items: unknown[] }).items;

const storeIn = (dir: string) =>
  createJsonCollection(dir, 'slack-unanswered', unansweredSchema, { logger: silentLogger() });

async function harness(dir: string, retryMaxAgeMs?: number): Promise<SlackHarness> {
  const started = await startSlackHarness({
    deps: { unanswered: storeIn(dir), ...(retryMaxAgeMs === undefined ? {} : { retryMaxAgeMs }) },
  });
  harnesses.push(started);
  return started;
}

/** A mention that arrives while chat.postMessage fails for the first try and the client's 3 retries. */
async function mentionWhileDown(h: SlackHarness, ts: string): Promise<void> {
  const before = h.api.callsTo('chat.postMessage').length;
  h.api.failNext('chat.postMessage', { status: 503 }, 4);
  expect((await h.sendEvent(mention(ts))).status).toBe(200);
  await until(
    () => h.api.callsTo('chat.postMessage').length === before + 4,
    20_000,
    'four refused placeholders',
  );
  await h.adapter.whenIdle();
}

test('kept while Slack is down, asked again once it is back, answered once, then forgotten', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'slack-outage-'));
  const h = await harness(dir);
  await mentionWhileDown(h, '1712000300.000001');
  expect(h.agent.questions).toHaveLength(0); // never asked: there was nowhere to answer
  const [kept] = await h.adapter.unanswered.pending();
  expect(kept).toMatchObject({ channel: 'C1', threadTs: '1712000300.000001', user: 'U1', attempts: 1 });
  expect(kept!.text).toBe('Top 5 des campagnes par ROI');
  expect(h.logs()).toContain('the question is kept and will be asked again when Slack answers');

  await h.adapter.unanswered.retry(); // Slack answers again
  const placeholders = h.api.callsTo('chat.postMessage').slice(4);
  expect(placeholders).toHaveLength(1);
  expect(placeholders[0]!.body).toMatchObject({ channel: 'C1', thread_ts: '1712000300.000001' });
  const updates = h.api.callsTo('chat.update');
  expect(updates).toHaveLength(1);
  expect(String(updates[0]!.body.text)).toContain('youtube_blogger');
  expect(h.agent.questions).toHaveLength(1);
  expect(await h.adapter.unanswered.pending()).toEqual([]);
  expect(itemsOnDisk(dir)).toEqual([]);

  await h.adapter.unanswered.retry(); // nothing left: nothing posted again
  expect(h.api.callsTo('chat.postMessage')).toHaveLength(5);
}, 40_000);

test('still down at the retry: kept (attempts counted, nothing asked); a restart answers it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'slack-outage-'));
  const first = await harness(dir);
  await mentionWhileDown(first, '1712000300.000002');
  first.api.failNext('chat.postMessage', { status: 503 }, 4);
  await first.adapter.unanswered.retry();
  expect(first.agent.questions).toHaveLength(0);
  expect(await first.adapter.unanswered.pending()).toMatchObject([{ attempts: 2 }]);
  expect(itemsOnDisk(dir)).toMatchObject([{ threadTs: '1712000300.000002', attempts: 2 }]);
  await first.close();
  harnesses.splice(harnesses.indexOf(first), 1);

  // The serving process restarts; Slack is back. start() retries what the previous run left, at once.
  const second = await harness(dir);
  await second.adapter.start();
  await until(() => second.api.callsTo('chat.update').length === 1, 20_000, 'the answer after the restart');
  await second.adapter.whenIdle();
  expect(second.api.callsTo('chat.postMessage')).toHaveLength(1);
  expect(second.agent.questions).toHaveLength(1);
  expect(await second.adapter.unanswered.pending()).toEqual([]);
  expect(itemsOnDisk(dir)).toEqual([]);
}, 60_000);

test('past the retry window: dropped with a warning, nothing posted', async () => {
  const h = await harness(mkdtempSync(join(tmpdir(), 'slack-outage-')), -1);
  await mentionWhileDown(h, '1712000300.000003');
  expect(await h.adapter.unanswered.pending()).toHaveLength(1);
  await h.adapter.unanswered.retry();
  expect(await h.adapter.unanswered.pending()).toEqual([]);
  expect(h.api.callsTo('chat.postMessage')).toHaveLength(4);
  expect(h.agent.questions).toHaveLength(0);
  expect(h.logs()).toContain('slack question dropped: Slack did not take it within the retry window');
}, 40_000);

test('a permanent refusal (channel_not_found) is not kept: retrying cannot help', async () => {
  const h = await harness(mkdtempSync(join(tmpdir(), 'slack-outage-')));
  h.api.failNext('chat.postMessage', { error: 'channel_not_found' });
  await h.sendEvent(mention('1712000300.000004'));
  await until(() => h.api.callsTo('chat.postMessage').length === 1);
  await h.adapter.whenIdle();
  expect(await h.adapter.unanswered.pending()).toEqual([]);
  expect(h.agent.questions).toHaveLength(0);
});

test('the same question delivered twice while Slack is down is kept once', async () => {
  const h = await harness(mkdtempSync(join(tmpdir(), 'slack-outage-')));
  await mentionWhileDown(h, '1712000300.000005');
  // A second event for the same message (a new event id: Slack's own retry is deduplicated before this).
  await mentionWhileDown(h, '1712000300.000005');
  expect(await h.adapter.unanswered.pending()).toHaveLength(1);
}, 60_000);
