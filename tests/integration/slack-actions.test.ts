// Buttons (block_actions) and the /marketing slash command against the real Bolt app. The button values come from
// the card the adapter actually posted (renderSlack's buttons), so the whole round trip is exercised.
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { cannedAnswer } from '../fakes/slack-fake-agent.js';
import { type SlackHarness, startSlackHarness } from '../fakes/slack-harness.js';
import { expectEveryPayloadWithinLimits } from '../fakes/slack-limits.js';
import { blocksOf, buttonsOf, until } from '../fakes/slack-wait.js';
import { responseUrl } from '../fakes/slack-web-api.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlackHarness();
});
afterEach(async () => {
  await h.close();
});

const ROOT = '1712000100.000001';

/** Asks one question by mention and returns the posted card's buttons and the answer's message ts. */
async function firstAnswer() {
  await h.sendEvent({
    type: 'app_mention',
    user: 'U1',
    text: '<@UBOT> Top 5',
    ts: ROOT,
    channel: 'C1',
    team: 'T1',
  });
  await until(() => h.api.callsTo('chat.update').length === 1);
  await h.adapter.whenIdle();
  const update = h.api.callsTo('chat.update')[0]!;
  // 👍/👎 are Slack's feedback_buttons in a context_actions block: one button value per side.
  const feedback = blocksOf(update.body).flatMap((block) =>
    block.type === 'context_actions'
      ? (
          block.elements as {
            action_id: string;
            positive_button: { value: string };
            negative_button: { value: string };
          }[]
        ).flatMap((element) => [
          { action_id: element.action_id, value: element.positive_button.value },
          { action_id: element.action_id, value: element.negative_button.value },
        ])
      : [],
  );
  return { buttons: [...buttonsOf(update.body), ...feedback], messageTs: String(update.body.ts) };
}

function click(button: { action_id: string; value: string }, messageTs: string) {
  const type = button.action_id.endsWith('feedback') ? 'feedback_buttons' : 'button';
  return h.sendAction({
    type: 'block_actions',
    api_app_id: 'A1',
    token: 'legacy',
    team: { id: 'T1', domain: 'fake' },
    user: { id: 'U2', team_id: 'T1', username: 'marie' },
    channel: { id: 'C1', name: 'marketing' },
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: 'C1',
      is_ephemeral: false,
      thread_ts: ROOT,
    },
    message: { type: 'message', ts: messageTs, thread_ts: ROOT, text: 'answer' },
    trigger_id: '1.2.3',
    response_url: responseUrl(h.api, 'action'),
    actions: [{ type, block_id: 'b', action_id: button.action_id, value: button.value, action_ts: '1.2' }],
  });
}

const find = (buttons: { action_id: string; value: string }[], kind: string, value?: string) => {
  const button = buttons.find((b) => {
    const payload = JSON.parse(b.value) as { kind: string; value: string };
    return payload.kind === kind && (value === undefined || payload.value === value);
  });
  if (!button) throw new Error(`no ${kind} button in ${JSON.stringify(buttons)}`);
  return button;
};

test('the card carries the ask, show_sql and feedback buttons with the answer id', async () => {
  const { buttons } = await firstAnswer();
  const kinds = buttons.map((b) => (JSON.parse(b.value) as { kind: string }).kind);
  expect(kinds).toEqual(expect.arrayContaining(['ask', 'show_sql', 'feedback']));
  const ids = new Set(buttons.map((b) => (JSON.parse(b.value) as { answerId: string }).answerId));
  expect(ids.size).toBe(1);
});

test('an ask button runs its question in the same thread, with the same memory', async () => {
  const { buttons, messageTs } = await firstAnswer();
  const response = await click(find(buttons, 'ask', 'Top 10 des campagnes par ROI'), messageTs);
  expect(response.status).toBe(200);
  await until(() => h.api.callsTo('chat.update').length === 2);
  await h.adapter.whenIdle();
  expect(h.agent.questions[1]).toEqual({
    conversation: `slack:T1:C1:${ROOT}`,
    text: 'Top 10 des campagnes par ROI',
    surface: 'slack',
    user: { id: 'slack:T1:U2' },
  });
  expect(h.api.callsTo('chat.postMessage')[1]?.body.thread_ts).toBe(ROOT);
  expect(String(h.api.callsTo('chat.update')[1]?.body.text)).toContain('Suite de « Top 5 »');
});

test('show_sql posts the SQL and parameters of that answer in the thread', async () => {
  const { buttons, messageTs } = await firstAnswer();
  await click(find(buttons, 'show_sql'), messageTs);
  await until(() => h.api.callsTo('chat.postMessage').length === 2);
  await h.adapter.whenIdle();
  const post = h.api.callsTo('chat.postMessage')[1]!.body;
  expect(post.thread_ts).toBe(ROOT);
  expect(String(post.blocks)).toContain(
    'SELECT campaign_name, roi FROM marketing_kpi ORDER BY roi DESC LIMIT ?',
  );
  expect(String(post.blocks)).toContain('[5]');
  expect(h.agent.questions).toHaveLength(1);
});

test('a feedback button records the vote and thanks the user privately', async () => {
  const { buttons, messageTs } = await firstAnswer();
  const answerId = (JSON.parse(buttons[0]!.value) as { answerId: string }).answerId;
  await click(find(buttons, 'feedback', 'down'), messageTs);
  await until(() => h.api.callsTo('chat.postEphemeral').length === 1);
  expect(h.feedback).toEqual([{ conversation: `slack:T1:C1:${ROOT}`, answerId, value: 'down', user: 'U2' }]);
  expect(h.api.callsTo('chat.postEphemeral')[0]?.body).toMatchObject({
    channel: 'C1',
    user: 'U2',
    thread_ts: ROOT,
  });
});

test('a button of a forgotten answer says so instead of staying silent', async () => {
  const { messageTs } = await firstAnswer();
  const value = JSON.stringify({ kind: 'show_sql', value: 'sql', answerId: 'gone' });
  await click({ action_id: 'mdb_action_sql', value }, messageTs);
  await until(() => h.api.callsTo('chat.postMessage').length === 2);
  expect(String(h.api.callsTo('chat.postMessage')[1]?.body.text)).toMatch(/plus cette réponse en mémoire/);
});

test('/marketing acks at once, posts the question as a thread root and answers in that thread', async () => {
  const response = await h.sendCommand({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'fake',
    channel_id: 'C1',
    channel_name: 'marketing',
    user_id: 'U1',
    user_name: 'paul',
    command: '/marketing',
    text: 'Top 5 des campagnes par ROI',
    api_app_id: 'A1',
    response_url: responseUrl(h.api),
    trigger_id: '1.2.3',
  });
  expect(response.status).toBe(200);
  // The ack's latency against Slack's 3 s limit is measured in npm run bench (slack ack p99), not bounded here.
  await until(() => h.api.callsTo('chat.update').length === 1);
  await h.adapter.whenIdle();
  const [root, placeholder] = h.api.callsTo('chat.postMessage');
  expect(root?.body).toMatchObject({
    channel: 'C1',
    text: '<@U1> demande : « Top 5 des campagnes par ROI »',
  });
  expect(root?.body.thread_ts).toBeUndefined();
  expect(placeholder?.body.thread_ts).toBe(root?.response?.ts);
  expect(h.agent.questions).toEqual([
    {
      conversation: `slack:T1:C1:${String(root?.response?.ts)}`,
      text: 'Top 5 des campagnes par ROI',
      surface: 'slack',
      user: { id: 'slack:T1:U1' },
    },
  ]);
});

test('a digest posted with a delivery key can be found again (message metadata), in a channel or a thread', async () => {
  const key = 'digest:3:2026-11-23T08:00:00.000Z';
  expect(await h.adapter.alreadyPosted('slack:T1:C9', key)).toBe(false);
  await h.adapter.post('slack:T1:C9', cannedAnswer('Digest hebdomadaire'), { deliveryKey: key });
  expect(JSON.parse(String(h.api.callsTo('chat.postMessage')[0]?.body.metadata))).toEqual({
    event_type: 'marketing_bot_delivery',
    event_payload: { key },
  });
  expect(await h.adapter.alreadyPosted('slack:T1:C9', key)).toBe(true);
  expect(await h.adapter.alreadyPosted('slack:T1:C9', 'digest:3:2026-11-30T08:00:00.000Z')).toBe(false);
  expect(await h.adapter.alreadyPosted('slack:T1:C10', key)).toBe(false); // another channel

  await h.adapter.post('slack:T1:C9:1712000999.000001', cannedAnswer('Alerte ROI'), {
    deliveryKey: 'alert:1',
  });
  expect(await h.adapter.alreadyPosted('slack:T1:C9:1712000999.000001', 'alert:1')).toBe(true);
  expect(await h.adapter.alreadyPosted('slack:T1:C9', 'alert:1')).toBe(false); // not a channel-level message

  // Without channels:history the bot cannot tell: it says so by throwing (the scheduler then does not re-post).
  h.api.historyError = 'missing_scope';
  await expect(h.adapter.alreadyPosted('slack:T1:C9', key)).rejects.toThrow(/missing_scope/);
  h.api.historyError = undefined;
});

test('post() puts an Answer (a digest) in a channel as one message, its chart inside; failures are thrown', async () => {
  await h.adapter.post('slack:T1:C7', cannedAnswer('Digest hebdomadaire'));
  const [message] = h.api.callsTo('chat.postMessage');
  expect(message?.body.channel).toBe('C7');
  expect(message?.body.thread_ts).toBeUndefined();
  expect(String(message?.body.blocks)).toContain('youtube_blogger');
  // Uploaded privately, shown by the message's image block: no second message for the chart.
  expect(h.api.callsTo('files.completeUploadExternal')[0]?.body.channel_id).toBeUndefined();
  expect(String(message?.body.blocks)).toContain('"slack_file":{"id":"F000001"}');
  expect(expectEveryPayloadWithinLimits(h.api.calls)).toBe(1);

  await h.adapter.post('slack:T1:C7:1712000999.000001', cannedAnswer('Alerte ROI'));
  expect(h.api.callsTo('chat.postMessage')[1]?.body.thread_ts).toBe('1712000999.000001');

  h.api.failNext('chat.postMessage', { error: 'is_archived' });
  await expect(h.adapter.post('slack:T1:C8', cannedAnswer('x'))).rejects.toMatchObject({
    hint: expect.stringContaining('archivé'),
  });
  await expect(h.adapter.post('nowhere', cannedAnswer('x'))).rejects.toMatchObject({
    code: 'INVALID_ARGUMENTS',
  });
  expect(h.agent.questions).toHaveLength(0);
});
