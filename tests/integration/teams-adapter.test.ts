// The Teams adapter over real HTTP: the Agents SDK's CloudAdapter behind a local express server, no app id (loopback
// only), answers read from the HTTP response (deliveryMode expectReplies) or from a fake connector at serviceUrl.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { verifyChartSignature } from '../../src/app/http/signed-urls.js';
import { type FakeConnector, startFakeConnector } from '../fakes/teams-connector.js';
import {
  BOT,
  CHANNEL_ID,
  cardOf,
  channelMention,
  type Harness,
  personalMessage,
  replies,
  SECRET,
  send,
  startHarness,
  TENANT,
} from '../fakes/teams-harness.js';
import { answerFixture } from '../fixtures/answers/index.js';

const QUESTION = 'Top 5 des campagnes par ROI';
/** Who asks in these activities (USER of the harness), as the agent receives it. */
const ALICE = { surface: 'teams', user: { id: 'teams:aad-alice', name: 'Alice' } };
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

describe('questions answered with an Adaptive Card that includes the chart', () => {
  test('personal chat, replies in the HTTP response (expectReplies)', async () => {
    const activity = personalMessage(connector.url, QUESTION, { deliveryMode: 'expectReplies' });
    const response = await send(harness.url, activity);
    expect(response.status).toBe(200);
    const sent = replies(response.body);
    expect(sent.map((item) => item.type)).toEqual(['typing', 'message']);
    const card = cardOf(sent[1]!);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const image = card!.body.find((element) => element.type === 'Image');
    expect(image?.url).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(80 * 1024);
    expect(harness.agent.calls.at(-1)).toEqual({
      conversation: 'teams:a:personal-chat-1',
      text: QUESTION,
      ...ALICE,
    });
    expect(connector.activities).toHaveLength(0); // nothing went through the connector
  });

  test('channel @mention: the mention is removed before the agent sees the text', async () => {
    const activity = channelMention(connector.url, QUESTION, { deliveryMode: 'expectReplies' });
    const response = await send(harness.url, activity);
    expect(response.status).toBe(200);
    const card = cardOf(replies(response.body).at(-1)!);
    expect(card?.body.some((element) => element.type === 'Image')).toBe(true);
    const call = harness.agent.calls.at(-1)!;
    expect(call.text).toBe(QUESTION);
    expect(call.conversation).toBe(`teams:${(activity.conversation as { id: string }).id}`);
  });

  test('personal chat through the connector at serviceUrl: typing, then the card as a reply', async () => {
    const activity = personalMessage(connector.url, QUESTION);
    const response = await send(harness.url, activity);
    expect(response.status).toBe(200);
    // The request is acknowledged at once; the answer follows in a new turn.
    await harness.adapter.idle();
    expect(connector.activities.map((item) => item.activity.type)).toEqual(['typing', 'message']);
    const reply = connector.activities[1]!;
    expect(reply.conversationId).toBe('a:personal-chat-1');
    expect(reply.replyToId).toBe(activity.id);
    expect(reply.activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardOf(reply.activity)?.body.some((element) => element.type === 'Image')).toBe(true);
  });

  test('channel mention through the connector: the answer goes into the thread', async () => {
    const activity = channelMention(connector.url, QUESTION);
    expect((await send(harness.url, activity)).status).toBe(200);
    const [answer] = await connector.waitFor(1, 'message');
    expect(answer!.conversationId).toBe(`${CHANNEL_ID};messageid=${activity.id}`);
    expect(answer!.replyToId).toBe(activity.id);
    expect(cardOf(answer!.activity)?.body.some((element) => element.type === 'Image')).toBe(true);
  });

  test('an empty mention gets examples, not an agent call', async () => {
    const before = harness.agent.calls.length;
    const response = await send(
      harness.url,
      channelMention(connector.url, '', { deliveryMode: 'expectReplies' }),
    );
    expect(String(replies(response.body)[0]?.text)).toMatch(/Posez-moi une question/);
    expect(harness.agent.calls).toHaveLength(before);
  });
});

describe('card actions (Action.Submit)', () => {
  async function firstCard() {
    const response = await send(
      harness.url,
      personalMessage(connector.url, QUESTION, { deliveryMode: 'expectReplies' }),
    );
    const card = cardOf(replies(response.body).at(-1)!)!;
    const action = (kind: string) => card.actions!.find((item) => item.data.kind === kind)!.data;
    return { action };
  }
  const press = (data: unknown) =>
    send(
      harness.url,
      personalMessage(connector.url, '', { value: data, text: undefined, deliveryMode: 'expectReplies' }),
    );

  test('show_sql sends the SQL of that answer', async () => {
    const { action } = await firstCard();
    const sent = replies((await press(action('show_sql'))).body);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.textFormat).toBe('markdown');
    expect(String(sent[0]!.text)).toContain(answerFixture('ranking').provenance[0]!.sql!.slice(0, 60));
  });

  test('ask runs the follow-up question in the same conversation', async () => {
    const { action } = await firstCard();
    const ask = action('ask');
    const sent = replies((await press(ask)).body);
    expect(harness.agent.calls.at(-1)).toEqual({ conversation: 'teams:a:personal-chat-1', text: ask.value, ...ALICE }); // biome-ignore format: one call
    expect(cardOf(sent.at(-1)!)?.type).toBe('AdaptiveCard');
  });

  test('feedback is recorded and thanked', async () => {
    const { action } = await firstCard();
    const down = { ...action('feedback'), value: 'down' };
    const sent = replies((await press(down)).body);
    expect(String(sent[0]!.text)).toMatch(/Merci/);
    expect(harness.feedback.at(-1)).toEqual({
      conversation: 'teams:a:personal-chat-1',
      answerId: down.answerId,
      value: 'down',
      user: 'aad-alice',
    });
  });

  test('an unknown answerId gets a polite « trop ancienne »', async () => {
    const sent = replies((await press({ kind: 'show_sql', value: 'sql', answerId: 'nope' })).body);
    expect(String(sent[0]!.text)).toMatch(/plus cette réponse en mémoire/);
  });
});

test('a tenant outside TEAMS_ALLOWED_TENANT_IDS is refused and nothing is queried', async () => {
  const guarded = await startHarness({
    answer: () => answerFixture('ranking'),
    settings: { allowedTenantIds: ['99999999-0000-0000-0000-000000000000'] },
  });
  try {
    const response = await send(
      guarded.url,
      personalMessage(connector.url, QUESTION, { deliveryMode: 'expectReplies' }),
    );
    expect(response.status).toBe(200);
    const sent = replies(response.body);
    expect(sent).toHaveLength(1);
    expect(String(sent[0]!.text)).toMatch(/pas disponible pour votre organisation/);
    expect(guarded.agent.calls).toHaveLength(0);
    expect(await guarded.refs.get('teams:a:personal-chat-1')).toBeUndefined();
  } finally {
    await guarded.close();
  }
});

test('a chart too large to inline is linked with a signed, expiring URL on PUBLIC_BASE_URL', async () => {
  const big = await startHarness({
    answer: () => answerFixture('ranking'),
    chartPng: Buffer.alloc(90 * 1024, 7),
    settings: { publicBaseUrl: 'https://bot.example.com/', chartUrlTtlMs: 60_000 },
  });
  try {
    const response = await send(
      big.url,
      personalMessage(connector.url, QUESTION, { deliveryMode: 'expectReplies' }),
    );
    const card = cardOf(replies(response.body).at(-1)!)!;
    const url = new URL(card.body.find((element) => element.type === 'Image')!.url!);
    expect(url.origin).toBe('https://bot.example.com');
    const id = /^\/charts\/([0-9]+)\.png$/.exec(url.pathname)![1]!;
    expect(big.storedCharts).toHaveLength(1);
    const [expires, sig] = [url.searchParams.get('expires') ?? '', url.searchParams.get('sig') ?? ''];
    expect(verifyChartSignature(id, expires, sig, SECRET, Date.now())).toBe(true);
    expect(verifyChartSignature(id, expires, sig, SECRET, Date.now() + 61_000)).toBe(false);
    expect(verifyChartSignature(id, expires, sig, 'another-secret', Date.now())).toBe(false);
  } finally {
    await big.close();
  }
});

describe('proactive posts (digests)', () => {
  test('installation stores the reference; post() sends the card into that conversation', async () => {
    const update = {
      type: 'conversationUpdate',
      id: 'upd-1',
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: '29:admin' },
      recipient: BOT,
      conversation: { id: CHANNEL_ID, conversationType: 'channel', isGroup: true, tenantId: TENANT },
      channelData: { tenant: { id: TENANT }, team: { id: '19:team@thread.tacv2' } },
      membersAdded: [{ id: BOT.id }],
    };
    expect((await send(harness.url, update)).status).toBe(200);
    const [welcome] = await connector.waitFor(1, 'message');
    expect(welcome!.activity.text).toMatch(/Bonjour/);
    const key = `teams:${CHANNEL_ID}`;
    expect((await harness.refs.get(key))?.serviceUrl).toBe(connector.url);

    connector.reset();
    await harness.adapter.post(key, answerFixture('underperformers'));
    const [posted] = await connector.waitFor(1, 'message');
    expect(posted!.conversationId).toBe(CHANNEL_ID);
    expect(posted!.replyToId).toBeUndefined();
    expect(cardOf(posted!.activity)?.type).toBe('AdaptiveCard');
  });

  test('a message in a channel thread also stores the channel reference', async () => {
    await send(harness.url, channelMention(connector.url, QUESTION, { deliveryMode: 'expectReplies' }));
    expect((await harness.refs.get(`teams:${CHANNEL_ID}`))?.conversation?.id).toBe(CHANNEL_ID);
  });

  test('post() rejects when the connector refuses, without posting an error message there', async () => {
    await send(harness.url, channelMention(connector.url, QUESTION, { deliveryMode: 'expectReplies' }));
    connector.failNext(1, { status: 403 });
    await expect(harness.adapter.post(`teams:${CHANNEL_ID}`, answerFixture('ranking'))).rejects.toThrow();
    expect(connector.activities).toHaveLength(0);
  });

  test('post() to a conversation never seen is a clear error', async () => {
    await expect(
      harness.adapter.post('teams:19:unknown@thread.tacv2', answerFixture('ranking')),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENTS', // permanent for the digest ledger: no retry until the bot is added there
      message: expect.stringMatching(/no Teams conversation reference/),
    });
  });
});
