// Failures never leave silence: rate limits are retried after Retry-After, not_in_channel is repaired by joining,
// and what cannot be repaired (missing scope, private channel, warehouse outage) becomes a French sentence.
import { afterEach, expect, test } from '@jest/globals';
import { createSlackAdapter } from '../../adapters/slack/slack-adapter.js';
import { AppError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { createFakeAgent } from '../fakes/slack-fake-agent.js';
import { type SlackHarness, startSlackHarness } from '../fakes/slack-harness.js';
import { blocksOf, until } from '../fakes/slack-wait.js';
import { responseUrl, startFakeSlackWebApi } from '../fakes/slack-web-api.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const mention = (ts: string) => ({
  type: 'app_mention',
  user: 'U1',
  text: '<@UBOT> Top 5 des campagnes par ROI',
  ts,
  channel: 'C1',
  team: 'T1',
});

test('a 429 is retried after Retry-After, then the answer goes out', async () => {
  h = await startSlackHarness();
  h.api.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
  await h.sendEvent(mention('1712000200.000001'));
  await until(() => h!.api.callsTo('chat.update').length === 1, 10_000, 'the answer after the rate limit');
  const [limited, retried] = h.api.callsTo('chat.postMessage');
  expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(950);
  expect(retried?.body).toMatchObject({ channel: 'C1', thread_ts: '1712000200.000001' });
  expect(h.agent.questions).toHaveLength(1);
});

test('a 500 from Slack is retried with backoff: the placeholder and the answer each go out once', async () => {
  h = await startSlackHarness();
  h.api.failNext('chat.postMessage', { status: 500 });
  h.api.failNext('chat.update', { status: 503 }, 2);
  await h.sendEvent(mention('1712000200.000101'));
  await until(() => h!.api.callsTo('chat.update').length === 3, 15_000, 'the answer after two 503s');
  await h.adapter.whenIdle();
  const posts = h.api.callsTo('chat.postMessage');
  expect(posts).toHaveLength(2); // the 500, then the placeholder
  const placeholderTs = posts[1]!.response?.ts;
  const updates = h.api.callsTo('chat.update');
  // Every attempt targets the same placeholder: chat.update is idempotent, so a retry cannot duplicate the answer.
  expect(new Set(updates.map((call) => call.body.ts))).toEqual(new Set([placeholderTs]));
  expect(String(updates[2]!.body.text)).toContain('youtube_blogger');
  expect(h.agent.questions).toHaveLength(1);
});

test('a Slack call that never answers is abandoned after the timeout and retried; the answer is written once', async () => {
  h = await startSlackHarness({ settings: { apiTimeoutMs: 300 } });
  h.api.failNext('chat.update', { hangMs: 2_000 });
  await h.sendEvent(mention('1712000200.000102'));
  await until(() => h!.api.callsTo('chat.update').length === 2, 15_000, 'the retried update');
  await h.adapter.whenIdle();
  const [hung, retried] = h.api.callsTo('chat.update');
  expect(retried!.at - hung!.at).toBeGreaterThanOrEqual(300);
  expect(retried!.body.ts).toBe(hung!.body.ts);
  expect(h.api.callsTo('chat.postMessage')).toHaveLength(1); // no second message in the thread
  expect(h.agent.questions).toHaveLength(1);
});

test('Slack down for longer than the retries: the process stays up, the failure is logged, the next question is answered', async () => {
  h = await startSlackHarness();
  h.api.failNext('chat.postMessage', { status: 502 }, 4); // the first try and its 3 retries
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const ack = await h.sendEvent(mention('1712000200.000103'));
    expect(ack.status).toBe(200);
    await until(() => h!.api.callsTo('chat.postMessage').length === 4, 20_000, 'four failed tries');
    await h.adapter.whenIdle();
    // Nobody can be told in Slack while it is down: the log says which thread went unanswered and why.
    const errors = h
      .logs()
      .split('\n')
      .filter((line) => line.includes('"level":50'));
    expect(
      errors.some((line) => line.includes('slack_webapi_http_error') && line.includes('1712000200.000103')),
    ).toBe(true);
    // Slack is back: the next mention gets its placeholder and its answer.
    await h.sendEvent(mention('1712000200.000104'));
    await until(() => h!.api.callsTo('chat.update').length === 1, 10_000, 'the answer once Slack is back');
    expect(String(h.api.callsTo('chat.update')[0]!.body.text)).toContain('youtube_blogger');
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
}, 30_000);

test('not_in_channel: the bot joins the channel and retries', async () => {
  h = await startSlackHarness();
  h.api.failNext('chat.postMessage', { error: 'not_in_channel' });
  await h.sendEvent(mention('1712000201.000001'));
  await until(() => h!.api.callsTo('chat.update').length === 1);
  await h.adapter.whenIdle();
  const sends = h.api.calls.filter((call) => /^(chat|conversations)\./.test(call.method));
  expect(sends.map((call) => call.method)).toEqual([
    'chat.postMessage',
    'conversations.join',
    'chat.postMessage',
    'chat.update',
  ]);
  expect(h.api.callsTo('conversations.join')[0]?.body).toMatchObject({ channel: 'C1' });
});

test('not_in_channel where joining is impossible: /marketing explains it through response_url', async () => {
  h = await startSlackHarness();
  h.api.failNext('chat.postMessage', { error: 'not_in_channel' });
  h.api.failNext('conversations.join', { error: 'method_not_supported_for_channel_type' });
  await h.sendCommand({
    team_id: 'T1',
    channel_id: 'G1',
    user_id: 'U1',
    command: '/marketing',
    text: 'Top 5',
    response_url: responseUrl(h.api),
    trigger_id: '1',
    api_app_id: 'A1',
    token: 't',
  });
  await until(() => h!.api.callsTo('response_url').length === 1);
  expect(h.api.callsTo('response_url')[0]?.body).toMatchObject({ response_type: 'ephemeral' });
  expect(String(h.api.callsTo('response_url')[0]?.body.text)).toContain('/invite <@UBOT>');
  expect(h.agent.questions).toHaveLength(0);
});

test('a missing scope for the chart upload is named in the thread', async () => {
  h = await startSlackHarness();
  // Both attempts: inside the message (a private upload), then as a file in the thread.
  h.api.failNext('files.getUploadURLExternal', { error: 'missing_scope', needed: 'files:write' }, 2);
  await h.sendEvent(mention('1712000202.000001'));
  await until(() => h!.api.callsTo('chat.postMessage').length === 2);
  await h.adapter.whenIdle();
  const note = h.api.callsTo('chat.postMessage')[1]!.body;
  expect(note.thread_ts).toBe('1712000202.000001');
  expect(String(note.text)).toContain('« files:write »');
  // The answer itself was delivered before the chart failed.
  expect(h.api.callsTo('chat.update')).toHaveLength(1);
});

test('a warehouse outage (an error Answer) is a short French message in the thread', async () => {
  h = await startSlackHarness();
  h.agent.failWith = {
    code: 'WAREHOUSE_UNAVAILABLE',
    text: "L'entrepôt de données ne répond pas pour le moment. Réessayez dans quelques minutes.",
  };
  await h.sendEvent(mention('1712000203.000001'));
  await until(() => h!.api.callsTo('chat.update').length === 1);
  await h.adapter.whenIdle();
  expect(String(h.api.callsTo('chat.update')[0]?.body.text)).toContain("L'entrepôt de données ne répond pas");
  expect(h.api.callsTo('files.getUploadURLExternal')).toHaveLength(0);
});

test('blocks Slack rejects: simpler blocks (monospace table, chart as a file), then the text alone', async () => {
  h = await startSlackHarness();
  h.api.failNext('chat.update', { error: 'invalid_blocks' });
  await h.sendEvent(mention('1712000204.000001'));
  await until(() => h!.api.callsTo('chat.update').length === 2);
  await h.adapter.whenIdle();
  const simpler = blocksOf(h.api.callsTo('chat.update')[1]!.body);
  expect(simpler.some((block) => block.type === 'table' || block.type === 'image')).toBe(false);
  expect(JSON.stringify(simpler)).toContain('youtube_blogger');
  // The chart then goes into the thread as a file.
  expect(h.api.callsTo('files.completeUploadExternal').at(-1)?.body).toMatchObject({
    channel_id: 'C1',
    thread_ts: '1712000204.000001',
  });
  await h.close();

  h = await startSlackHarness();
  h.api.failNext('chat.update', { error: 'invalid_blocks' }, 2);
  await h.sendEvent(mention('1712000205.000001'));
  await until(() => h!.api.callsTo('chat.update').length === 3);
  const retry = h.api.callsTo('chat.update')[2]!.body;
  expect(String(retry.text)).toContain('youtube_blogger');
  expect(retry.blocks).toBe('[]');
});

test('a refused bot token fails createSlackAdapter with a clear AppError (no unhandled rejection)', async () => {
  const api = await startFakeSlackWebApi();
  api.authError = 'invalid_auth';
  try {
    const creating = createSlackAdapter(
      {
        botToken: 'xoxb-bad',
        signingSecret: 's',
        apiUrl: api.apiUrl,
        allowedTeamIds: [],
        allowedChannelIds: [],
      },
      { agent: createFakeAgent(), renderCharts: async () => [], currency: 'CHF', logger: silentLogger() },
    );
    await expect(creating).rejects.toBeInstanceOf(AppError);
    await expect(creating).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      hint: expect.stringContaining('invalid_auth'),
    });
  } finally {
    await api.close();
  }
});
