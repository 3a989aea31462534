// Slack as an AI assistant, end to end against the fake Web API (real Bolt app, signed requests): the assistant
// panel (suggested prompts, title, live status, the answer in one message with a native table, the chart as an image
// block and feedback buttons), a mention in a channel, the links-only privacy mode, per-user feedback from two
// people, the chart by signed URL, and the LLM's text streamed. Every Block Kit payload is checked against Slack's
// limits.
import { afterEach, expect, test } from '@jest/globals';
import { SLACK_FEEDBACK_ACTION } from '../../adapters/slack/render.js';
import type { Answer } from '../../src/core/answer.js';
import { cannedAnswer } from '../fakes/slack-fake-agent.js';
import { type SlackHarness, startSlackHarness } from '../fakes/slack-harness.js';
import { expectEveryPayloadWithinLimits } from '../fakes/slack-limits.js';
import { blocksOf, until } from '../fakes/slack-wait.js';
import { responseUrl } from '../fakes/slack-web-api.js';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

const THREAD = '1712000500.000001';

const assistantMessage = (text: string, ts: string) => ({
  type: 'message',
  channel: 'D1',
  channel_type: 'im',
  user: 'U1',
  team: 'T1',
  text,
  ts,
  thread_ts: THREAD,
  event_ts: ts,
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

type Block = Record<string, unknown>;
const ofType = (blocks: Block[], type: string) => blocks.filter((block) => block.type === type);

/** The one answer message: a table block, the chart inside as an image block, the feedback buttons. */
function expectOneRichMessage(blocks: Block[]) {
  expect(ofType(blocks, 'table')).toHaveLength(1);
  expect(ofType(blocks, 'image')).toHaveLength(1);
  const feedback = ofType(blocks, 'context_actions')[0] as {
    elements: { type: string; action_id: string }[];
  };
  expect(feedback.elements[0]).toMatchObject({ type: 'feedback_buttons', action_id: SLACK_FEEDBACK_ACTION });
}

test('assistant thread: suggested prompts in FR/EN, a title, live status, one answer message', async () => {
  h = await startSlackHarness({ status: 'shown' });
  await h.sendEvent({
    type: 'assistant_thread_started',
    assistant_thread: {
      user_id: 'U1',
      channel_id: 'D1',
      thread_ts: THREAD,
      context: { channel_id: 'C1', team_id: 'T1' },
    },
    event_ts: THREAD,
  });
  await until(
    () => h.api.callsTo('assistant.threads.setSuggestedPrompts').length === 1,
    20_000,
    'the prompts',
  );
  const prompts = h.api.callsTo('assistant.threads.setSuggestedPrompts')[0]!.body;
  expect(prompts).toMatchObject({ channel_id: 'D1', thread_ts: THREAD });
  const messages = (JSON.parse(String(prompts.prompts)) as { message: string }[]).map((item) => item.message);
  expect(messages).toContain('Top 5 des campagnes par ROI'); // French
  expect(messages).toContain('Which segment has the highest ROI?'); // English
  expect(messages.length).toBeLessThanOrEqual(4);

  await h.sendEvent(assistantMessage('Top 5 des campagnes par ROI', '1712000500.000002'));
  await until(() => h.api.callsTo('assistant.threads.setStatus').length >= 1, 20_000, 'the status');
  await until(() => h.agent.questions.length === 1, 20_000, 'the agent');
  await h.adapter.whenIdle();

  expect(h.agent.questions[0]).toMatchObject({
    conversation: `slack:T1:D1:${THREAD}`,
    text: 'Top 5 des campagnes par ROI',
  });
  expect(h.api.callsTo('assistant.threads.setTitle')[0]?.body).toMatchObject({
    channel_id: 'D1',
    thread_ts: THREAD,
    title: 'Top 5 des campagnes par ROI',
  });
  // The status names each step in French (Slack rotates the loading messages), then the chart step.
  const statuses = h.api.callsTo('assistant.threads.setStatus').map((call) => call.body);
  expect(statuses[0]).toMatchObject({
    channel_id: 'D1',
    thread_ts: THREAD,
    status: 'analyse votre question…',
  });
  expect(JSON.parse(String(statuses[0]!.loading_messages))).toEqual([
    'Je comprends la question…',
    'J’interroge les données…',
    'Je calcule les indicateurs…',
  ]);
  expect(statuses.at(-1)).toMatchObject({ status: 'prépare le graphique…' });
  // The status comes before the answer (its latency is measured in npm run bench, not bounded here).
  expect(h.api.callsTo('assistant.threads.setStatus')[0]!.at).toBeLessThanOrEqual(
    h.api.callsTo('chat.postMessage')[0]!.at,
  );
  // One message: no placeholder, no edit, no second message for the chart.
  expect(h.api.callsTo('chat.update')).toHaveLength(0);
  const posts = h.api.callsTo('chat.postMessage');
  expect(posts).toHaveLength(1);
  expect(posts[0]!.body).toMatchObject({ channel: 'D1', thread_ts: THREAD });
  expectOneRichMessage(blocksOf(posts[0]!.body));
  expect(h.api.callsTo('files.completeUploadExternal')[0]?.body.channel_id).toBeUndefined();
  expect(expectEveryPayloadWithinLimits(h.api.calls)).toBe(1);
});

test('a mention in a channel: status in the thread, then one message with table, chart and feedback', async () => {
  h = await startSlackHarness({ status: 'shown' });
  await h.sendEvent(mention('Top 5 des campagnes par ROI', '1712000600.000001'));
  await until(() => h.agent.questions.length === 1, 20_000, 'the agent');
  await h.adapter.whenIdle();
  expect(h.api.callsTo('assistant.threads.setStatus')[0]?.body).toMatchObject({
    channel_id: 'C1',
    thread_ts: '1712000600.000001',
  });
  const posts = h.api.callsTo('chat.postMessage');
  expect(posts).toHaveLength(1);
  expect(posts[0]!.body).toMatchObject({ channel: 'C1', thread_ts: '1712000600.000001' });
  const blocks = blocksOf(posts[0]!.body);
  expectOneRichMessage(blocks);
  expect(ofType(blocks, 'image')[0]).toMatchObject({ slack_file: { id: 'F000001' } });
  expect(expectEveryPayloadWithinLimits(h.api.calls)).toBe(1);
});

test('SLACK_CHANNEL_REPLY=links: the answer goes to the asker by DM, the channel gets a pointer only', async () => {
  h = await startSlackHarness({ status: 'shown', settings: { channelReply: 'links' } });
  await h.sendEvent(mention('Top 5 des campagnes par ROI', '1712000700.000001'));
  await until(() => h.agent.questions.length === 1, 20_000, 'the agent');
  await h.adapter.whenIdle();
  expect(h.api.callsTo('conversations.open')[0]?.body).toMatchObject({ users: 'U1' });
  const posts = h.api.callsTo('chat.postMessage');
  expect(posts.map((call) => call.body.channel)).toEqual(['D1', 'C1']);
  const [dm, pointer] = posts as [(typeof posts)[0], (typeof posts)[0]];
  expectOneRichMessage(blocksOf(dm.body));
  expect(pointer.body).toMatchObject({ thread_ts: '1712000700.000001' });
  expect(String(pointer.body.text)).toMatch(/<@U1> je vous ai répondu en message privé/);
  // Nothing of the answer in the channel: no figure, no block.
  expect(String(pointer.body.text)).not.toContain('youtube_blogger');
  expect(blocksOf(pointer.body)).toEqual([]);
  // A question in a DM is not affected by the channel setting.
  await h.sendEvent({ type: 'message', channel_type: 'im', channel: 'D9', user: 'U1', team: 'T1', text: 'Top 5', ts: '1712000701.000001' }); // biome-ignore format: one event
  await until(() => h.agent.questions.length === 2, 20_000, 'the DM question');
  await h.adapter.whenIdle();
  expect(h.api.callsTo('conversations.open')).toHaveLength(1);
  expect(expectEveryPayloadWithinLimits(h.api.calls)).toBe(2);
});

test('SLACK_CHANNEL_REPLY=summary: text, recommendations and buttons in the channel; no table, no chart', async () => {
  h = await startSlackHarness({ status: 'shown', settings: { channelReply: 'summary' } });
  await h.sendEvent(mention('Top 5 des campagnes par ROI', '1712000750.000001'));
  await until(() => h.agent.questions.length === 1, 20_000, 'the agent');
  await h.adapter.whenIdle();
  const blocks = blocksOf(h.api.callsTo('chat.postMessage')[0]!.body);
  expect(ofType(blocks, 'table')).toHaveLength(0);
  expect(ofType(blocks, 'image')).toHaveLength(0);
  expect(JSON.stringify(blocks)).toContain('youtube_blogger');
  expect(h.api.callsTo('files.getUploadURLExternal')).toHaveLength(0);
});

test('feedback buttons: two people vote on the same answer, each vote recorded for its author', async () => {
  h = await startSlackHarness({ status: 'shown' });
  await h.sendEvent(mention('Top 5', '1712000800.000001'));
  await until(() => h.agent.questions.length === 1, 20_000, 'the agent');
  await h.adapter.whenIdle();
  const post = h.api.callsTo('chat.postMessage')[0]!;
  const messageTs = String(post.response?.ts);
  const feedback = ofType(blocksOf(post.body), 'context_actions')[0] as {
    elements: { positive_button: { value: string }; negative_button: { value: string } }[];
  };
  const buttons = feedback.elements[0]!;
  const vote = (user: string, value: string) =>
    h.sendAction({
      type: 'block_actions',
      api_app_id: 'A1',
      token: 'legacy',
      team: { id: 'T1', domain: 'fake' },
      user: { id: user, team_id: 'T1', username: user.toLowerCase() },
      channel: { id: 'C1', name: 'marketing' },
      container: { type: 'message', message_ts: messageTs, channel_id: 'C1', thread_ts: '1712000800.000001' },
      message: { type: 'message', ts: messageTs, thread_ts: '1712000800.000001', text: 'answer' },
      trigger_id: '1.2.3',
      response_url: responseUrl(h.api, 'action'),
      actions: [
        {
          type: 'feedback_buttons',
          block_id: 'f',
          action_id: SLACK_FEEDBACK_ACTION,
          value,
          action_ts: '1.2',
        },
      ],
    });
  expect((await vote('U2', buttons.positive_button.value)).status).toBe(200);
  expect((await vote('U3', buttons.negative_button.value)).status).toBe(200);
  await until(() => h.feedback.length === 2, 20_000, 'both votes');
  await h.adapter.whenIdle();
  const answerId = JSON.parse(buttons.positive_button.value).answerId as string;
  expect(h.feedback).toEqual([
    { conversation: 'slack:T1:C1:1712000800.000001', answerId, value: 'up', user: 'U2' },
    { conversation: 'slack:T1:C1:1712000800.000001', answerId, value: 'down', user: 'U3' },
  ]);
});

test('with PUBLIC_BASE_URL the image block points at the signed chart URL; nothing is uploaded', async () => {
  h = await startSlackHarness({
    status: 'shown',
    deps: { publishChart: () => 'https://bot.example.com/charts/abc.png?expires=1&sig=x' },
  });
  await h.sendEvent(mention('Top 5', '1712000900.000001'));
  await until(() => h.agent.questions.length === 1, 20_000, 'the agent');
  await h.adapter.whenIdle();
  const blocks = blocksOf(h.api.callsTo('chat.postMessage')[0]!.body);
  expect(ofType(blocks, 'image')[0]).toMatchObject({
    image_url: 'https://bot.example.com/charts/abc.png?expires=1&sig=x',
  });
  expect(h.api.callsTo('files.getUploadURLExternal')).toHaveLength(0);
});

test('LLM composer on: its text is streamed (chatStream), the blocks close the same message', async () => {
  const llm = (text: string): Answer => ({
    ...cannedAnswer(text),
    planner: 'llm',
    text: 'youtube_blogger mène avec +277,3 %. google_hot suit. Réduisez [promo](https://evil.example.com).',
  });
  h = await startSlackHarness({ status: 'shown', deps: { streamText: true }, ask: async (q) => llm(q.text) });
  await h.sendEvent(mention('Top 5', '1712001000.000001'));
  await until(() => h.api.callsTo('chat.stopStream').length === 1, 20_000, 'the end of the stream');
  await h.adapter.whenIdle();
  const start = h.api.callsTo('chat.startStream')[0]!.body;
  expect(start).toMatchObject({
    channel: 'C1',
    thread_ts: '1712001000.000001',
    recipient_team_id: 'T1',
    recipient_user_id: 'U1',
  });
  const text = [start, ...h.api.callsTo('chat.appendStream').map((call) => call.body)]
    .flatMap((body) => JSON.parse(String(body.chunks ?? '[]')) as { text: string }[])
    .map((chunk) => chunk.text)
    .join('');
  expect(text).toContain('youtube_blogger mène avec +277,3 %.');
  // Link syntax from the text stays text.
  expect(text).toContain(String.raw`\[promo\](https://evil.example.com)`);
  expect(h.api.callsTo('chat.appendStream').length).toBeGreaterThanOrEqual(1);
  const stop = h.api.callsTo('chat.stopStream')[0]!.body;
  expect(stop.ts).toBe(h.api.callsTo('chat.startStream')[0]!.response?.ts);
  expectOneRichMessage(blocksOf(stop));
  // The text is not repeated in the closing blocks, and no other message carries the answer.
  expect(JSON.stringify(blocksOf(stop))).not.toContain('mène avec');
  expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
  expect(expectEveryPayloadWithinLimits(h.api.calls)).toBe(1);
});
