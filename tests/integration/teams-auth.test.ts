// With MICROSOFT_APP_ID set, the Agents SDK's CloudAdapter verifies each request's JWT: against a local JWKS endpoint
// here (the SDK's `authorityEndpoint`), so both the rejections and a valid token are exercised.
import { afterAll, beforeAll, expect, jest, test } from '@jest/globals';
import {
  cardOf,
  type Harness,
  personalMessage,
  replies,
  send,
  startHarness,
} from '../fakes/teams-harness.js';
import { type FakeOpenId, startFakeOpenId } from '../fakes/teams-openid.js';
import { answerFixture } from '../fixtures/answers/index.js';

const APP_ID = '00000000-1111-2222-3333-444444444444';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
let openid: FakeOpenId;
let harness: Harness;

beforeAll(async () => {
  // CloudAdapter prints every rejected token with console.error (its own logging, not ours): keep the output readable.
  jest.spyOn(console, 'error').mockImplementation(() => {});
  openid = await startFakeOpenId();
  harness = await startHarness({
    answer: () => answerFixture('ranking'),
    settings: {
      appId: APP_ID,
      appPassword: 'not-a-real-password',
      appType: 'MultiTenant',
      authOverrides: { authorityEndpoint: openid.authority },
    },
  });
});
afterAll(async () => {
  jest.restoreAllMocks();
  await harness.close();
  await openid.close();
});

const question = () =>
  personalMessage(SERVICE_URL, 'Top 5 des campagnes par ROI', { deliveryMode: 'expectReplies' });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const valid = { aud: APP_ID, serviceurl: SERVICE_URL };

test('no Authorization header: 401 and the agent is not called', async () => {
  const response = await send(harness.url, question());
  expect(response.status).toBe(401);
  expect(harness.agent.calls).toHaveLength(0);
});

test.each([
  ['not a JWT', () => 'garbage'],
  ['signed with a key that is not published', () => openid.token(valid, { key: openid.strangerKey })],
  ['for another bot (audience)', () => openid.token({ ...valid, aud: 'another-app' })],
  ['expired', () => openid.token({ ...valid, exp: Math.floor(Date.now() / 1000) - 3600 })],
  ['for another serviceUrl', () => openid.token({ ...valid, serviceurl: 'https://evil.example.com/' })],
  ['from another issuer', () => openid.token({ ...valid, iss: 'https://sts.example.com/' })],
])('a bad JWT (%s): 401', async (_name, token) => {
  const response = await send(harness.url, question(), bearer(token()));
  expect(response.status).toBe(401);
  // A generic body: nothing of the verifier's reasoning goes back to the caller.
  expect(response.body).toEqual({ error: 'unauthorized' });
  expect(harness.agent.calls).toHaveLength(0);
});

test('a valid Bot Connector JWT is answered with the card', async () => {
  const response = await send(harness.url, question(), bearer(openid.token(valid)));
  expect(response.status).toBe(200);
  expect(cardOf(replies(response.body).at(-1)!)?.type).toBe('AdaptiveCard');
  expect(harness.agent.calls).toHaveLength(1);
});

test('with an app id, callers from any address are served (the JWT is the check), still 401 without one', async () => {
  const response = await send(harness.url, question(), { 'x-forwarded-for': '203.0.113.9' });
  expect(response.status).toBe(401);
  const proxied = await send(harness.url, question(), {
    'x-forwarded-for': '203.0.113.9',
    ...bearer(openid.token(valid)),
  });
  expect(proxied.status).toBe(200);
});
