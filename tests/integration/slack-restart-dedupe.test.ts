// Slack retries an event it thinks unacknowledged; a restart between the first delivery and the retry must not
// answer twice (event ids persist in STATE_DIR/slack-events.json, bounded). And a correctly signed request
// stamped more than 5 minutes in the future is refused (Bolt only refuses old ones).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import {
  createPersistentDedupe,
  type SeenEvent,
  seenEventSchema,
} from '../../adapters/slack/event-dedupe.js';
import { silentLogger } from '../../src/core/logger.js';
import { createMemoryBackend } from '../../src/store/backend.js';
import { createJsonCollection } from '../../src/store/json-collection.js';
import { type SlackHarness, startSlackHarness } from '../fakes/slack-harness.js';
import { until } from '../fakes/slack-wait.js';

const dir = mkdtempSync(join(tmpdir(), 'slack-dedupe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const mention = (text: string, ts: string) => ({
  type: 'app_mention',
  user: 'U1',
  text: `<@UBOT> ${text}`,
  ts,
  channel: 'C1',
  team: 'T1',
  event_ts: ts,
});
const seenEvents = () =>
  createJsonCollection(dir, 'slack-events', seenEventSchema, { logger: silentLogger() });

describe('a restart between two deliveries of one event', () => {
  test('the retry after the restart is not answered again; a new event is', async () => {
    const event = mention('Top 5 des campagnes par ROI', '1712000100.000001');
    h = await startSlackHarness({ deps: { seenEvents: seenEvents() } });
    expect((await h.sendEvent(event, { eventId: 'EvRESTART' })).status).toBe(200);
    await until(() => h!.api.callsTo('chat.update').length === 1);
    await h.adapter.whenIdle();
    expect(h.agent.questions).toHaveLength(1);
    await h.close();

    // A new process: new adapter, new collection object, the same STATE_DIR.
    h = await startSlackHarness({ deps: { seenEvents: seenEvents() } });
    expect((await h.sendEvent(event, { eventId: 'EvRESTART', retryNum: 1 })).status).toBe(200);
    expect((await h.sendEvent(event, { eventId: 'EvRESTART', retryNum: 2 })).status).toBe(200);
    const fresh = mention('Top 5 des campagnes par CPL', '1712000101.000001');
    expect((await h.sendEvent(fresh, { eventId: 'EvNEW' })).status).toBe(200);
    await until(() => h!.api.callsTo('chat.update').length === 1);
    await h.adapter.whenIdle();
    expect(h.agent.questions.map((question) => question.text)).toEqual(['Top 5 des campagnes par CPL']);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    const stored = JSON.parse(readFileSync(join(dir, 'slack-events.json'), 'utf8')) as { items: SeenEvent[] };
    expect(stored.items.map((item) => item.id)).toEqual(['EvRESTART', 'EvNEW']);
  });
});

describe('request timestamps', () => {
  test('a signed request 10 minutes in the future is refused; 4 minutes ahead is accepted', async () => {
    h = await startSlackHarness();
    const now = Math.floor(Date.now() / 1000);
    const future = await h.sendEvent(mention('Top 5 des campagnes par ROI', '1712000200.000001'), {
      timestamp: now + 10 * 60,
    });
    const skewed = await h.sendEvent(mention('Top 3 des campagnes par ROI', '1712000201.000001'), {
      timestamp: now + 4 * 60,
    });
    expect([future.status, skewed.status]).toEqual([401, 200]);
    await until(() => h!.api.callsTo('chat.update').length === 1);
    await h.adapter.whenIdle();
    expect(h.agent.questions.map((question) => question.text)).toEqual(['Top 3 des campagnes par ROI']);
  });
});

describe('the persisted ids stay bounded', () => {
  test('at most `max` ids, none older than maxAgeMs; a write failure still answers', async () => {
    const files = new Map<string, string>();
    let clock = 1_000_000;
    const collection = createJsonCollection('', 'slack-events', seenEventSchema, {
      logger: silentLogger(),
      backend: createMemoryBackend(files),
    });
    const dedupe = createPersistentDedupe({
      collection,
      logger: silentLogger(),
      max: 3,
      maxAgeMs: 60_000,
      now: () => clock,
    });
    const verdicts: boolean[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      verdicts.push(await dedupe.firstTime(id));
      clock += 1000;
    }
    verdicts.push(await dedupe.firstTime('e'));
    expect(verdicts).toEqual([true, true, true, true, true, false]);
    const ids = () =>
      (JSON.parse(files.get('slack-events.json')!) as { items: SeenEvent[] }).items.map((i) => i.id);
    expect(ids()).toEqual(['c', 'd', 'e']);
    clock += 120_000; // everything is older than a minute now
    expect(await dedupe.firstTime('f')).toBe(true);
    expect(ids()).toEqual(['f']);

    const failing = createPersistentDedupe({
      collection: createJsonCollection('', 'slack-events', seenEventSchema, {
        logger: silentLogger(),
        backend: {
          ...createMemoryBackend(),
          write: async () => {
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
        },
      }),
      logger: silentLogger(),
    });
    expect(await failing.firstTime('x')).toBe(true);
    expect(await failing.firstTime('x')).toBe(false);
  });
});
