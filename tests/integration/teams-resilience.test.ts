// Failures around the Teams adapter: connector throttling (429 + Retry-After) and server errors (5xx) are retried,
// a connector that hangs on one conversation does not hold up the others,
// a failed turn ends with a short French message, and without an app id only loopback callers are served.
import { networkInterfaces } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { captureLogger } from '../fakes/recording-adapter.js';
import { type FakeConnector, startFakeConnector } from '../fakes/teams-connector.js';
import {
  cardOf,
  type Harness,
  personalMessage,
  replies,
  send,
  startHarness,
  TENANT,
} from '../fakes/teams-harness.js';
import { answerFixture } from '../fixtures/answers/index.js';

let connector: FakeConnector;
let harness: Harness;

beforeAll(async () => {
  connector = await startFakeConnector();
  harness = await startHarness({ answer: () => answerFixture('ranking') });
});
afterEach(() => connector.reset());
afterAll(async () => {
  await harness.close();
  await connector.close();
});

describe('connector failures are retried', () => {
  test('429 with Retry-After: the answer arrives after waiting as told', async () => {
    // The typing indicator is the first request: throttle it and the card after it.
    connector.failNext(2, { status: 429, headers: { 'retry-after': '1' } });
    const started = Date.now();
    expect((await send(harness.url, personalMessage(connector.url, 'Top 5'))).status).toBe(200);
    const messages = await connector.waitFor(1, 'message');
    expect(cardOf(messages[0]!.activity)?.type).toBe('AdaptiveCard');
    expect(connector.attempts.filter((attempt) => attempt.status === 429)).toHaveLength(2);
    // Two Retry-After: 1 waits (the SDK honours the header rather than its own shorter backoff).
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });

  test('a connector that hangs on one conversation does not hold up another; the slow card still arrives, once', async () => {
    // Typing then the card of the first conversation: the card request hangs for 3 s.
    connector.failNext(1, { status: 200, conversationId: 'a:personal-chat-1' });
    connector.failNext(1, { status: 200, hangMs: 3000, conversationId: 'a:personal-chat-1' });
    await send(harness.url, personalMessage(connector.url, 'Top 5'));
    const other = personalMessage(connector.url, 'Top 5', {
      conversation: { id: 'a:personal-chat-2', conversationType: 'personal', tenantId: TENANT },
    });
    await send(harness.url, other);
    const first = await connector.waitFor(1, 'message');
    expect(first[0]!.conversationId).toBe('a:personal-chat-2');
    // The first conversation's card was still held when the second one's arrived.
    expect(connector.hanging).toBe(1);
    const both = await connector.waitFor(2, 'message');
    expect(both.map((item) => item.conversationId)).toEqual(['a:personal-chat-2', 'a:personal-chat-1']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connector.activities.filter((item) => item.activity.type === 'message')).toHaveLength(2);
  });

  test('500 then success: the card is still delivered', async () => {
    connector.failNext(2, { status: 500 });
    expect((await send(harness.url, personalMessage(connector.url, 'Top 5'))).status).toBe(200);
    const messages = await connector.waitFor(1, 'message');
    expect(cardOf(messages[0]!.activity)?.type).toBe('AdaptiveCard');
    expect(connector.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 200, 200]);
  });
});

describe('a connector that accepts the request and never answers', () => {
  const TIMEOUT_MS = 300;
  const CHAT = 'a:personal-chat-1';
  let timed: Harness;
  let logs: ReturnType<typeof captureLogger>;

  beforeAll(async () => {
    logs = captureLogger();
    timed = await startHarness({
      answer: () => answerFixture('ranking'),
      settings: { connectorTimeoutMs: TIMEOUT_MS },
      logger: logs.logger,
    });
  });
  afterAll(() => timed.close());
  afterEach(async () => {
    // Let the held request finish on the fake's side before the next test counts anything.
    for (let tries = 0; connector.hanging > 0 && tries < 200; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
  });

  test('a question: the card is abandoned at the deadline, not retried, and the user is told to check', async () => {
    connector.failNext(1, { status: 200, conversationId: CHAT }); // typing
    connector.failNext(1, { status: 200, hangMs: 1500, conversationId: CHAT }); // the card
    expect((await send(timed.url, personalMessage(connector.url, 'Top 5'))).status).toBe(200);
    await timed.adapter.idle(); // the turn ends although the connector never answered the card
    expect(connector.hanging).toBe(1); // ended by the deadline, not by the connector
    expect(connector.hangsStarted).toBe(1); // abandoned once, never sent again
    // No text fallback (the card may have arrived); the notice says so.
    const [notice] = await connector.waitFor(1, 'message');
    expect(notice!.activity.text).toMatch(/Teams n'a pas confirmé l'envoi à temps/);
    expect(logs.lines.some((line) => line.msg === 'teams card rejected, sending the text alone')).toBe(false);
    const failed = logs.lines.find((line) => line.msg === 'teams turn failed');
    expect(JSON.stringify(failed)).toMatch(new RegExp(`did not answer within ${TIMEOUT_MS} ms`));
    expect(JSON.stringify(logs.lines)).not.toMatch(/authorization|Bearer/i);
  });

  test('a proactive post (a digest): rejected with PLATFORM_TIMEOUT after one attempt', async () => {
    await send(timed.url, personalMessage(connector.url, 'Top 5', { deliveryMode: 'expectReplies' }));
    connector.reset();
    connector.failNext(1, { status: 200, hangMs: 1500, conversationId: CHAT });
    await expect(timed.adapter.post(`teams:${CHAT}`, answerFixture('ranking'))).rejects.toMatchObject({
      code: 'PLATFORM_TIMEOUT',
    });
    expect(connector.hanging).toBe(1);
    expect(connector.hangsStarted).toBe(1);
    expect(connector.activities).toHaveLength(0); // no error message posted in the channel either
  });
});

async function brokenHarness() {
  // A chart too large to inline and a chart store that fails: the turn throws after the agent answered.
  return startHarness({
    answer: () => answerFixture('ranking'),
    chartPng: Buffer.alloc(90 * 1024, 1),
    settings: { publicBaseUrl: 'https://bot.example.com' },
    chartStore: {
      put() {
        throw new Error('chart store unavailable at /secret/path');
      },
    },
  });
}

test('a failing turn ends with a short French message and no stack trace', async () => {
  const broken = await brokenHarness();
  try {
    const response = await send(
      broken.url,
      personalMessage(connector.url, 'Top 5', { deliveryMode: 'expectReplies' }),
    );
    expect(response.status).toBe(200);
    const last = replies(response.body).at(-1)!;
    expect(String(last.text)).toMatch(/Une erreur inattendue s'est produite/);
    expect(String(last.text)).not.toMatch(/secret|at \w+ \(|Error:/);
  } finally {
    await broken.close();
  }
});

test('a failing deferred answer also ends with the French message, through the connector', async () => {
  const broken = await brokenHarness();
  try {
    expect((await send(broken.url, personalMessage(connector.url, 'Top 5'))).status).toBe(200);
    await broken.adapter.idle();
    const [message] = await connector.waitFor(1, 'message');
    expect(message!.activity.text).toMatch(/Une erreur inattendue s'est produite/);
  } finally {
    await broken.close();
  }
});

describe('no app id: loopback callers only', () => {
  test('a request relayed by a proxy (forwarding headers) is refused', async () => {
    const before = harness.agent.calls.length;
    const response = await send(harness.url, personalMessage(connector.url, 'Top 5'), {
      'x-forwarded-for': '203.0.113.9',
    });
    expect(response.status).toBe(401);
    expect(harness.agent.calls).toHaveLength(before);
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((item) => item && item.family === 'IPv4' && !item.internal)?.address;

  (external ? test : test.skip)('a caller from another address is refused', async () => {
    const exposed = await startHarness({ answer: () => answerFixture('ranking'), host: '0.0.0.0' });
    try {
      const url = exposed.url.replace('0.0.0.0', external!);
      const response = await send(url, personalMessage(connector.url, 'Top 5'));
      expect(response.status).toBe(401);
      expect(exposed.agent.calls).toHaveLength(0);
      // The same server still answers this machine.
      const local = await send(
        exposed.url.replace('0.0.0.0', '127.0.0.1'),
        personalMessage(connector.url, 'Top 5'),
      );
      expect(local.status).toBe(200);
    } finally {
      await exposed.close();
    }
  });
});
