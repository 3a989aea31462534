// Socket Mode: apps.connections.open on the fake Web API returns the URL of a local fake WebSocket server; an
// events_api envelope is acked over the socket and answered through the Web API, once even when redelivered.
import { afterEach, expect, test } from '@jest/globals';
import { eventEnvelope, type SlackHarness, startSlackHarness } from '../fakes/slack-harness.js';
import { type FakeSocketServer, startFakeSocketServer } from '../fakes/slack-socket-server.js';
import { until } from '../fakes/slack-wait.js';
import { startFakeSlackWebApi } from '../fakes/slack-web-api.js';

let h: SlackHarness | undefined;
let socket: FakeSocketServer | undefined;
afterEach(async () => {
  await h?.close();
  await socket?.close();
});

const APP_TOKEN = 'xapp-1-A1-SECRETAPPTOKEN';

test('Socket Mode: connect, ack the envelope, answer in the thread, once per event', async () => {
  socket = await startFakeSocketServer();
  const api = await startFakeSlackWebApi();
  api.socketUrl = socket.url;
  h = await startSlackHarness({ api, settings: { appToken: APP_TOKEN, signingSecret: undefined } });
  expect(h.adapter.router).toBeUndefined();
  await h.adapter.start();
  expect(socket.connections).toBe(1);
  expect(api.callsTo('apps.connections.open')[0]?.authorization).toBe(`Bearer ${APP_TOKEN}`);

  const payload = eventEnvelope(
    {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> Top 5',
      ts: '1712000300.000001',
      channel: 'C1',
      team: 'T1',
    },
    { eventId: 'EvSOCKET' },
  );
  const envelope = { type: 'events_api', accepts_response_payload: false, payload };
  socket.push({ ...envelope, envelope_id: 'env-1', retry_attempt: 0, retry_reason: '' });
  await until(() => socket!.acks.some((ack) => ack.envelope_id === 'env-1'), 5000, 'the ack');
  socket.push({ ...envelope, envelope_id: 'env-2', retry_attempt: 1, retry_reason: 'timeout' });
  await until(() => socket!.acks.some((ack) => ack.envelope_id === 'env-2'), 5000, 'the second ack');
  await until(() => api.callsTo('chat.postMessage').length === 1, 5000, 'the answer');
  await h.adapter.whenIdle();

  expect(h.agent.questions).toEqual([
    {
      conversation: 'slack:T1:C1:1712000300.000001',
      text: 'Top 5',
      surface: 'slack',
      user: { id: 'slack:T1:U1' },
    },
  ]);
  // The live status, then one message in the thread with the chart inside.
  expect(api.callsTo('assistant.threads.setStatus')[0]?.body).toMatchObject({
    thread_ts: '1712000300.000001',
  });
  expect(api.callsTo('chat.postMessage')).toHaveLength(1);
  expect(api.callsTo('chat.postMessage')[0]?.body).toMatchObject({ thread_ts: '1712000300.000001' });
  expect(String(api.callsTo('chat.postMessage')[0]?.body.blocks)).toContain('"slack_file":{"id":"F000001"}');
  expect(h.logs()).not.toContain(APP_TOKEN);
  expect(h.logs()).not.toContain('fake-ticket');
  await h.close();
  h = undefined;
  await api.close();
});

test('Socket Mode with a refused app token: start() rejects with a clear AppError', async () => {
  const api = await startFakeSlackWebApi(); // no socketUrl: apps.connections.open answers invalid_auth
  try {
    h = await startSlackHarness({ api, settings: { appToken: APP_TOKEN, signingSecret: undefined } });
    await expect(h.adapter.start()).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  } finally {
    await h?.close();
    h = undefined;
    await api.close();
  }
});
