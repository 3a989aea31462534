// The whole bot as `npm start` wires it, with Slack switched on by its settings: a signed mention goes through
// the real Bolt app, the real agent and the real chart renderer, and the answer lands in the thread with its PNG;
// a digest is delivered through the same adapter. The Slack Web API is the local fake.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { type App, createApp } from '../../src/app/app.js';
import { type RunningServer, startServer } from '../../src/app/http/server.js';
import { connectPlatforms, type Platforms } from '../../src/app/platforms.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { BOT_TOKEN, eventEnvelope, SIGNING_SECRET, signedPost } from '../fakes/slack-harness.js';
import { until } from '../fakes/slack-wait.js';
import { type FakeSlackWebApi, startFakeSlackWebApi } from '../fakes/slack-web-api.js';

let slackApi: FakeSlackWebApi;
let app: App;
let platforms: Platforms;
let server: RunningServer;
let config: ReturnType<typeof loadConfig>;

beforeAll(async () => {
  slackApi = await startFakeSlackWebApi();
  config = loadConfig({
    DUCKDB_PATH: ':memory:',
    STATE_DIR: mkdtempSync(join(tmpdir(), 'app-slack-')),
    PORT: '0',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApi.apiUrl,
  });
  app = await createApp(config, { logger: silentLogger() });
  platforms = await connectPlatforms(app);
  server = await startServer(app, platforms.routers);
}, 60_000);

afterAll(async () => {
  await platforms?.stop();
  await server?.close();
  await app?.close();
  await slackApi?.close();
});

test('a mention is answered in its thread: the live status, then one message with the table and the chart PNG', async () => {
  const event = {
    type: 'app_mention',
    user: 'U1',
    channel: 'C1',
    ts: '1712.0001',
    text: '<@UBOT> Quelles campagnes sont sous-performantes ?',
  };
  const response = await signedPost(
    `${server.url}slack/events`,
    JSON.stringify(eventEnvelope(event)),
    'application/json',
  );
  expect(response.status).toBe(200);
  await until(() => slackApi.callsTo('chat.postMessage').length > 0, 20_000, 'the answer');
  expect(slackApi.callsTo('assistant.threads.setStatus')[0]?.body).toMatchObject({ thread_ts: '1712.0001' });
  const answer = slackApi.callsTo('chat.postMessage').at(-1)!;
  expect(answer.body.thread_ts).toBe('1712.0001');
  expect(String(answer.body.blocks)).toContain('facebook_lal');
  expect(String(answer.body.blocks)).toContain('"type":"table"');
  const upload = slackApi.callsTo('files.getUploadURLExternal')[0]!;
  expect(Number(upload.body.length)).toBeGreaterThan(10_000); // a real PNG, not a placeholder
  // Uploaded privately and shown inside the answer.
  const file = (
    JSON.parse(String(slackApi.callsTo('files.completeUploadExternal')[0]!.body.files)) as { id: string }[]
  )[0]!;
  expect(String(answer.body.blocks)).toContain(`"slack_file":{"id":"${file.id}"}`);
  expect(slackApi.callsTo('chat.update')).toHaveLength(0);
});

test('a digest runs through the Slack adapter registered at start', async () => {
  const subscription = await app.digests.add({
    target: 'slack:T1:C9',
    cron: '0 9 * * 1',
    timezone: 'Europe/Zurich',
    roiThreshold: 0,
  });
  const before = slackApi.callsTo('chat.postMessage').length;
  await app.digests.runNow(subscription.id);
  await until(() => slackApi.callsTo('chat.postMessage').length > before, 20_000, 'the digest post');
  const post = slackApi.callsTo('chat.postMessage').at(-1)!;
  expect(post.body.channel).toBe('C9');
  expect(String(post.body.blocks)).toContain('facebook_lal');
});

test('after a restart, a reply without a mention in a thread answered before is still a follow-up', async () => {
  // The thread of the first test ('1712.0001', a diagnostic) is remembered on disk; the process restarts.
  await platforms.stop();
  await server.close();
  await app.close();
  app = await createApp(config, { logger: silentLogger() });
  platforms = await connectPlatforms(app);
  server = await startServer(app, platforms.routers);
  const before = slackApi.callsTo('chat.postMessage').length;
  const reply = {
    type: 'message',
    channel_type: 'channel',
    user: 'U2',
    channel: 'C1',
    ts: '1712.0005',
    thread_ts: '1712.0001',
    text: 'et pour search ?',
  };
  const response = await signedPost(
    `${server.url}slack/events`,
    JSON.stringify(eventEnvelope(reply)),
    'application/json',
  );
  expect(response.status).toBe(200);
  await until(() => slackApi.callsTo('chat.postMessage').length > before, 20_000, 'the follow-up answer');
  const answer = slackApi.callsTo('chat.postMessage').at(-1)!;
  expect(answer.body.thread_ts).toBe('1712.0001');
  // The follow-up kept the diagnostic (memory) and applied the category: it speaks of search campaigns.
  expect(String(answer.body.text)).toMatch(/search/i);
  expect(String(answer.body.text)).not.toMatch(/pas compris/);
});
