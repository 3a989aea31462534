// The Slack adapter in HTTP mode, end to end: the real Bolt app behind express, signed requests to /slack/events,
// the fake Web API recording what the bot sends. The agent is a scripted fake (fast, deterministic).
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { PLACEHOLDER } from '../../adapters/slack/answer-flow.js';
import {
  BOT_TOKEN,
  PNG,
  SIGNING_SECRET,
  type SlackHarness,
  sign,
  startSlackHarness,
} from '../fakes/slack-harness.js';
import { expectEveryPayloadWithinLimits } from '../fakes/slack-limits.js';
import { blocksOf, until } from '../fakes/slack-wait.js';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

const mention = (text: string, ts: string, extra: Record<string, unknown> = {}) => ({
  type: 'app_mention',
  user: 'U1',
  text: `<@UBOT> ${text}`,
  ts,
  channel: 'C1',
  team: 'T1',
  event_ts: ts,
  ...extra,
});

describe('HTTP mode', () => {
  beforeEach(async () => {
    h = await startSlackHarness();
  });

  test('without the assistant status (no assistant:write): placeholder, then the one answer written over it', async () => {
    const response = await h.sendEvent(mention('Top 5 des campagnes par ROI', '1712000000.000001'));
    expect(response.status).toBe(200);
    await until(() => h.agent.questions.length === 1, 5000, 'the agent');
    await h.adapter.whenIdle();

    expect(h.agent.questions).toEqual([
      {
        conversation: 'slack:T1:C1:1712000000.000001',
        text: 'Top 5 des campagnes par ROI',
        surface: 'slack',
        user: { id: 'slack:T1:U1' },
      },
    ]);
    const [placeholder] = h.api.callsTo('chat.postMessage');
    expect(placeholder?.body).toMatchObject({
      channel: 'C1',
      thread_ts: '1712000000.000001',
      text: PLACEHOLDER,
    });
    const [update] = h.api.callsTo('chat.update');
    expect(update?.body).toMatchObject({ channel: 'C1' });
    expect(String(update?.body.text)).toContain('youtube_blogger');
    expect(JSON.stringify(blocksOf(update!.body))).toContain('youtube_blogger');
    // The update replaces the placeholder itself (same ts), so the thread holds one answer, not two messages.
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(update?.body.ts).toBe(placeholder?.response?.ts);

    // files.uploadV2 = getUploadURLExternal + the upload + completeUploadExternal, shared nowhere: the answer's
    // image block shows it, inside the same message.
    expect(h.api.callsTo('files.getUploadURLExternal')[0]?.body).toMatchObject({
      filename: 'c1.png',
      length: String(PNG.length),
    });
    expect(h.api.callsTo('upload')[0]?.bytes).toBeGreaterThan(0);
    const complete = h.api.callsTo('files.completeUploadExternal')[0]?.body;
    expect(complete?.channel_id).toBeUndefined();
    expect(JSON.parse(String(complete?.files))).toEqual([{ id: 'F000001', title: 'ROI par campagne' }]);
    expect(blocksOf(update!.body).find((block) => block.type === 'image')).toMatchObject({
      slack_file: { id: 'F000001' },
    });
    expect(expectEveryPayloadWithinLimits(h.api.calls)).toBe(1);
    // The bot's own token goes in the Authorization header, never in a log line.
    expect(h.api.callsTo('chat.update')[0]?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(h.logs()).not.toContain(BOT_TOKEN);
    expect(h.logs()).not.toContain(SIGNING_SECRET);
  });

  test('a DM is answered in its thread; bot messages, edits and subtypes are ignored', async () => {
    const dm = { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', team: 'T1' };
    await h.sendEvent({ ...dm, text: 'Quel segment a le meilleur ROI ?', ts: '1712000001.000001' });
    await h.sendEvent({ ...dm, text: 'bot', ts: '1712000001.000002', bot_id: 'B2', subtype: 'bot_message' });
    await h.sendEvent({ ...dm, subtype: 'message_changed', ts: '1712000001.000003', message: { text: 'x' } });
    await h.sendEvent({
      ...dm,
      channel_type: 'channel',
      channel: 'C1',
      text: 'hors DM',
      ts: '1712000001.000004',
    });
    await until(() => h.api.callsTo('chat.update').length === 1, 5000, 'the answer');
    await h.adapter.whenIdle();
    expect(h.agent.questions).toEqual([
      {
        conversation: 'slack:T1:D1:1712000001.000001',
        text: 'Quel segment a le meilleur ROI ?',
        surface: 'slack',
        user: { id: 'slack:T1:U1' },
      },
    ]);
    expect(h.api.callsTo('chat.postMessage')[0]?.body).toMatchObject({
      channel: 'D1',
      thread_ts: '1712000001.000001',
    });
  });

  test('a follow-up in the thread reaches the same conversation (the agent’s memory)', async () => {
    await h.sendEvent(mention('Top 5 des campagnes par ROI', '1712000002.000001'));
    await until(() => h.api.callsTo('chat.update').length === 1);
    await h.sendEvent(mention('et par CPA ?', '1712000002.000009', { thread_ts: '1712000002.000001' }));
    await until(() => h.api.callsTo('chat.update').length === 2);
    await h.adapter.whenIdle();
    expect(h.agent.questions.map((q) => q.conversation)).toEqual([
      'slack:T1:C1:1712000002.000001',
      'slack:T1:C1:1712000002.000001',
    ]);
    expect(String(h.api.callsTo('chat.update')[1]?.body.text)).toContain(
      'Suite de « Top 5 des campagnes par ROI »',
    );
    expect(h.api.callsTo('chat.postMessage')[1]?.body.thread_ts).toBe('1712000002.000001');
  });

  test('a reply in the bot’s thread needs no @mention; small talk there, other threads and other bots are left alone', async () => {
    const root = '1712000012.000001';
    await h.sendEvent(mention('Top 5 des campagnes par ROI', root));
    await until(() => h.api.callsTo('chat.update').length === 1);
    const reply = (text: string, ts: string, extra: Record<string, unknown> = {}) => ({
      type: 'message',
      channel_type: 'channel',
      channel: 'C1',
      user: 'U2',
      team: 'T1',
      text,
      ts,
      thread_ts: root,
      ...extra,
    });
    await h.sendEvent(reply('et par CPA ?', '1712000012.000002'));
    await until(() => h.api.callsTo('chat.postMessage').length === 2, 5000, 'the follow-up answer');
    await h.sendEvent(reply('merci, je regarde', '1712000012.000003')); // people talking: no answer
    await h.sendEvent(reply('et par CPL ?', '1712000012.000004', { thread_ts: '1712000099.000001' })); // not ours
    await h.sendEvent(reply('et par ROI ?', '1712000012.000005', { bot_id: 'B9', subtype: 'bot_message' }));
    await h.sendEvent(reply('et pour search ?', '1712000012.000006', { thread_ts: undefined })); // not a reply
    // With a mention, app_mention answers; the message event for the same text must not answer it twice.
    await h.sendEvent(reply('<@UBOT> et par CTR ?', '1712000012.000007'));
    await h.sendEvent(mention('et par CTR ?', '1712000012.000007', { thread_ts: root }));
    await until(() => h.api.callsTo('chat.update').length === 2, 5000, 'the mention in the thread');
    await h.adapter.whenIdle();

    expect(h.agent.questions.map((q) => [q.text, q.addressed])).toEqual([
      ['Top 5 des campagnes par ROI', undefined],
      ['et par CPA ?', false],
      ['merci, je regarde', false],
      ['et par CTR ?', undefined],
    ]);
    const posts = h.api.callsTo('chat.postMessage');
    // Placeholder of the root question, the follow-up's answer posted directly (no placeholder), the mention's
    // placeholder; nothing for the small talk.
    expect(posts.map((call) => call.body.text === PLACEHOLDER)).toEqual([true, false, true]);
    expect(String(posts[1]?.body.text)).toContain('Suite de « Top 5 des campagnes par ROI »');
    expect(posts[1]?.body.thread_ts).toBe(root);
    expect(JSON.stringify(h.api.calls)).not.toContain('pas compris');
  });

  test('a retried delivery (same event_id, X-Slack-Retry-Num) is answered once', async () => {
    const event = mention('Top 5 des campagnes par ROI', '1712000003.000001');
    const first = await h.sendEvent(event, { eventId: 'EvSAME' });
    const retry = await h.sendEvent(event, { eventId: 'EvSAME', retryNum: 1 });
    const again = await h.sendEvent(event, { eventId: 'EvSAME', retryNum: 2 });
    expect([first.status, retry.status, again.status]).toEqual([200, 200, 200]);
    await until(() => h.api.callsTo('chat.update').length === 1);
    await h.adapter.whenIdle();
    expect(h.agent.questions).toHaveLength(1);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.api.callsTo('chat.update')).toHaveLength(1);
  });

  test('a forged or stale signature is refused with 401 and nothing runs', async () => {
    const body = JSON.stringify({ type: 'event_callback', event_id: 'EvF', event: mention('x', '1.1') });
    const now = Math.floor(Date.now() / 1000);
    const forged = await fetch(h.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(now),
        'x-slack-signature': sign(body, now, 'not-the-secret'),
      },
      body,
    });
    const staleAt = now - 10 * 60;
    const stale = await fetch(h.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(staleAt),
        'x-slack-signature': sign(body, staleAt),
      },
      body,
    });
    const unsigned = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect([forged.status, stale.status, unsigned.status]).toEqual([401, 401, 401]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.agent.questions).toHaveLength(0);
    expect(h.api.calls.map((call) => call.method)).toEqual(['auth.test']);
  });

  test('the url_verification challenge is answered', async () => {
    const { signedPost } = await import('../fakes/slack-harness.js');
    const response = await signedPost(
      h.url,
      JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 't' }),
      'application/json',
    );
    expect(await response.json()).toEqual({ challenge: 'abc123' });
  });
});

describe('access control', () => {
  test('a disallowed workspace gets a polite refusal and the agent is never called', async () => {
    h = await startSlackHarness({ settings: { allowedTeamIds: ['T9'] } });
    await h.sendEvent(mention('Top 5 des campagnes par ROI', '1712000004.000001'));
    await until(() => h.api.callsTo('chat.postMessage').length === 1);
    await h.adapter.whenIdle();
    expect(h.agent.questions).toHaveLength(0);
    expect(String(h.api.callsTo('chat.postMessage')[0]?.body.text)).toMatch(
      /pas autorisé.*espace de travail/,
    );
    expect(h.api.callsTo('chat.update')).toHaveLength(0);
  });

  test('a channel outside SLACK_ALLOWED_CHANNEL_IDS is refused; an allowed one is answered', async () => {
    h = await startSlackHarness({ settings: { allowedTeamIds: ['T1'], allowedChannelIds: ['C2'] } });
    await h.sendEvent(mention('Top 5', '1712000005.000001'));
    await h.sendEvent({ ...mention('Top 5', '1712000005.000002'), channel: 'C2' });
    await until(
      () => h.api.callsTo('chat.update').length === 1 && h.api.callsTo('chat.postMessage').length === 2,
    );
    await h.adapter.whenIdle();
    expect(h.agent.questions.map((q) => q.conversation)).toEqual(['slack:T1:C2:1712000005.000002']);
    const refusal = h.api.callsTo('chat.postMessage').find((call) => call.body.channel === 'C1');
    expect(String(refusal?.body.text)).toMatch(/ne réponds pas dans ce canal/);
  });
});
