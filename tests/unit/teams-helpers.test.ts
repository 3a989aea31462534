// The Teams adapter's small pure pieces: mention removal, tenant allow-list, loopback check, reference keys,
// the « Voir la requête SQL » markdown, the bounded stores.
import type { IncomingMessage } from 'node:http';
import { describe, expect, test } from '@jest/globals';
import { tenantAllowed, tenantOf } from '../../adapters/teams/access.js';
import { retryAfterMs } from '../../adapters/teams/connector-http-client.js';
import {
  channelConversationId,
  createMemoryConversationRefStore,
  referenceEntries,
  sameConversation,
} from '../../adapters/teams/conversation-refs.js';
import { isLoopbackRequest } from '../../adapters/teams/loopback.js';
import { neutralizeLinks } from '../../adapters/teams/markdown.js';
import { NO_QUERY, provenanceMarkdown } from '../../adapters/teams/provenance-message.js';
import { createRecentAnswers } from '../../adapters/teams/recent-answers.js';
import { createTeamsAdapter } from '../../adapters/teams/teams-adapter.js';
import { questionText } from '../../adapters/teams/turn-handler.js';
import { createChartPublisher } from '../../src/app/http/signed-urls.js';
import { silentLogger } from '../../src/core/logger.js';
import { answerFixture } from '../fixtures/answers/index.js';

const bot = { id: '28:bot', name: 'MarketingBot' };

describe('questionText', () => {
  test('removes the bot mention and keeps other people’s names', () => {
    const activity = {
      type: 'message',
      text: '<at>MarketingBot</at> compare avec <at>Bob</at>&nbsp;: top 5',
      recipient: bot,
      entities: [{ type: 'mention', mentioned: bot, text: '<at>MarketingBot</at>' }],
    };
    expect(questionText(activity)).toBe('compare avec Bob : top 5');
  });

  test('a personal chat message is kept as typed; no text is an empty question', () => {
    expect(questionText({ type: 'message', text: '  Top 5 des campagnes  ', recipient: bot })).toBe(
      'Top 5 des campagnes',
    );
    expect(questionText({ type: 'message', recipient: bot })).toBe('');
  });
});

describe('tenant allow-list', () => {
  const tenant = 'AAAAAAAA-0000-0000-0000-000000000001';
  test('reads the tenant from the conversation, else from channelData', () => {
    expect(tenantOf({ conversation: { id: 'x', tenantId: tenant } as never })).toBe(tenant);
    expect(tenantOf({ channelData: { tenant: { id: tenant } } })).toBe(tenant);
    expect(tenantOf({})).toBeUndefined();
  });

  test('an empty list allows all; otherwise listed tenants only (case-insensitive), none refused', () => {
    expect(tenantAllowed([], {})).toBe(true);
    expect(tenantAllowed([tenant.toLowerCase()], { channelData: { tenant: { id: tenant } } })).toBe(true);
    expect(tenantAllowed([tenant], { channelData: { tenant: { id: 'other' } } })).toBe(false);
    expect(tenantAllowed([tenant], {})).toBe(false);
  });
});

describe('isLoopbackRequest', () => {
  const request = (address: string | undefined, headers: Record<string, string> = {}) =>
    ({ socket: { remoteAddress: address }, headers }) as unknown as IncomingMessage;
  test.each([
    ['127.0.0.1', {}, true],
    ['::1', {}, true],
    ['::ffff:127.0.0.1', {}, true],
    ['10.0.0.5', {}, false],
    ['::ffff:192.168.1.2', {}, false],
    [undefined, {}, false],
    ['127.0.0.1', { 'x-forwarded-for': '203.0.113.1' }, false],
    ['127.0.0.1', { forwarded: 'for=203.0.113.1' }, false],
  ])('%s %j → %s', (address, headers, expected) => {
    expect(isLoopbackRequest(request(address, headers))).toBe(expected);
  });
});

describe('conversation references', () => {
  const thread = '19:abc@thread.tacv2;messageid=1700000000';
  test('a channel thread is stored under its own key and the channel key, without the activity id', () => {
    const entries = referenceEntries({
      activityId: 'a1',
      serviceUrl: 'https://s/',
      conversation: { id: thread } as never,
    });
    expect(entries.map(([key]) => key)).toEqual([`teams:${thread}`, 'teams:19:abc@thread.tacv2']);
    expect(entries[1]![1].conversation?.id).toBe('19:abc@thread.tacv2');
    expect(entries.every(([, ref]) => ref.activityId === undefined)).toBe(true);
    expect(channelConversationId('a:personal')).toBeUndefined();
  });

  test('a thread and its channel are the same conversation for card buttons', () => {
    expect(sameConversation(`teams:${thread}`, 'teams:19:abc@thread.tacv2')).toBe(true);
    expect(sameConversation('teams:a:1', 'teams:a:2')).toBe(false);
  });

  test('the in-memory store is bounded and returns copies', async () => {
    const store = createMemoryConversationRefStore(2);
    for (const id of ['1', '2', '3']) await store.save(`teams:${id}`, { conversation: { id } as never });
    expect(store.size).toBe(2);
    expect(await store.get('teams:1')).toBeUndefined();
    const ref = await store.get('teams:3');
    ref!.conversation!.id = 'changed';
    expect((await store.get('teams:3'))?.conversation?.id).toBe('3');
  });
});

describe('provenanceMarkdown', () => {
  test('shows each SQL in a fenced block with its parameters', () => {
    const provenance = answerFixture('ranking').provenance;
    const text = provenanceMarkdown(provenance);
    expect(text).toContain('```sql\n');
    expect(text).toContain(provenance[0]!.sql!);
    expect(text.split('```').length % 2).toBe(1); // fences balanced
  });

  test('no provenance: says so; huge SQL: clipped with the fence closed', () => {
    expect(provenanceMarkdown([])).toBe(NO_QUERY);
    const huge = { tool: 't', args: {}, sql: 'SELECT 1\n'.repeat(5000), rows: [], rowCount: 1, ms: 3 };
    const text = provenanceMarkdown([huge]);
    expect(text.length).toBeLessThanOrEqual(20_100);
    expect(text.split('```').length % 2).toBe(1);
  });
});

test('recent answers keep the most recently used within the bound', () => {
  const answers = createRecentAnswers(2);
  const answer = answerFixture('error');
  answers.set('a', { conversation: 'c', answer });
  answers.set('b', { conversation: 'c', answer });
  answers.get('a');
  answers.set('c', { conversation: 'c', answer });
  expect([answers.get('a'), answers.get('b'), answers.get('c')].map(Boolean)).toEqual([true, false, true]);
});

// The adapter links charts through the publisher the app gives it; the publisher holds the secret and checks it.
test('the chart publisher the adapter links with refuses a secret too short to be safe', () => {
  const chartStore = { put: () => 'x' };
  const link = { baseUrl: 'https://bot.example.com', ttlMs: 60_000 };
  expect(() => createChartPublisher({ ...link, secret: 'short' }, { chartStore })).toThrow(/16\+ characters/);
  const deps = {
    agent: { ask: async () => answerFixture('error') },
    renderCharts: async () => [],
    publishChart: createChartPublisher({ ...link, secret: 'x'.repeat(32) }, { chartStore }),
    conversationRefs: createMemoryConversationRefStore(),
    currency: 'CHF',
    logger: silentLogger(),
  };
  const settings = { appType: 'MultiTenant' as const, allowedTenantIds: [] };
  expect(createTeamsAdapter(settings, deps).router).toBeDefined();
});

describe('neutralizeLinks', () => {
  // What a Markdown renderer would turn into a link: inline, image, reference (with its definition) and autolink.
  const LINKISH = /\]\(|!\[|\]\[|^\s*\[[^\]]*\]:|<(https?|mailto):/im;
  test('no link syntax survives, the text reads the same', () => {
    for (const hostile of [
      '[promo](https://evil.example.com)',
      '![x](https://e.example/p.png)',
      '[a][1]\n[1]: https://e.example',
      '<https://e.example>',
      '<mailto:a@e.example>',
    ]) {
      const safe = neutralizeLinks(hostile);
      expect(LINKISH.test(safe)).toBe(false);
      expect(safe.replace(/\u200b/g, '')).toBe(hostile);
    }
  });
  test('ordinary text is left alone', () => {
    expect(neutralizeLinks('facebOOK_tier2 +8,8 %')).toBe('facebOOK_tier2 +8,8 %');
    expect(neutralizeLinks('ROI (brut) [estimé]')).toBe('ROI (brut) [estimé]');
  });
});

describe('retryAfterMs', () => {
  test('seconds or an HTTP date; nothing readable is undefined', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});
