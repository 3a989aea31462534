// `digest add --target` checks the platform's id format (a Slack target without a workspace, a made-up Teams id
// would fail at every slot), then, when the platform is configured, the platform itself: the bot must be in the
// Slack channel (asked to the local fake Web API: no network), a Teams conversation must be one the bot has seen.
// « Aucune plateforme » is said only when the target's platform is not configured.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { type App, createApp } from '../../src/app/app.js';
import { digestCommand } from '../../src/app/cli/digest.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { targetProblem } from '../../src/digests/targets.js';
import { createStoredConversationRefs } from '../../src/store/conversation-refs.js';
import { type FakeSlackWebApi, startFakeSlackWebApi } from '../fakes/slack-web-api.js';

async function run(app: App, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  jest.spyOn(console, 'log').mockImplementation((text: unknown) => void out.push(String(text)));
  jest.spyOn(console, 'error').mockImplementation((text: unknown) => void err.push(String(text)));
  try {
    await digestCommand(app, argv);
  } finally {
    jest.restoreAllMocks();
  }
  const code = process.exitCode;
  process.exitCode = undefined;
  return { out: out.join('\n'), err: err.join('\n'), code };
}

const newApp = (extra: Record<string, string> = {}) =>
  createApp(
    loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DUCKDB_PATH: ':memory:',
      STATE_DIR: mkdtempSync(join(tmpdir(), 'digest-targets-')),
      ...extra,
    }),
  );

describe('without any platform configured', () => {
  let app: App;
  beforeAll(async () => {
    app = await newApp();
  });
  afterAll(async () => {
    await app.close();
  });

  test.each([
    ['slack:C1', /^Cible Slack invalide : « slack:C1 »\. Écrivez slack:<équipe>:<canal>/],
    ['slack:T1:X1', /^Cible Slack invalide/],
    ['slack:t1:c1', /^Cible Slack invalide/],
    ['slack:T1:C1:yesterday', /^Cible Slack invalide/],
    ['teams:general', /^Cible Teams invalide : « teams:general »/],
    ['teams:19:abc', /^Cible Teams invalide/],
    ['nowhere', /^Cible invalide/],
  ])('%s is refused with a French message, exit 2, nothing stored', async (target, message) => {
    const result = await run(app, 'add', '--target', target, '--cron', '0 9 * * 1');
    expect(result.err).toMatch(message);
    expect(result.code).toBe(2);
    expect(await app.digests.list()).toEqual([]);
  });

  test('a well-formed target is kept, and the warning is true: no platform is configured', async () => {
    const result = await run(app, 'add', '--target', 'teams:19:abc@thread.tacv2', '--cron', '0 9 * * 1');
    expect(result.code).toBeUndefined();
    expect(result.out).toMatch(/^Digest ajouté/);
    expect(result.err).toMatch(/Aucune plateforme n'est configurée pour la cible teams:19:abc@thread.tacv2/);
  });
});

describe('with Slack configured: the target is checked against Slack (the local fake Web API)', () => {
  let app: App;
  let api: FakeSlackWebApi;
  beforeAll(async () => {
    api = await startFakeSlackWebApi();
    api.identity.team_id = 'T0123ABCD';
    api.channels = {
      C0456EFGH: { is_member: true },
      CPRIVATE1: { is_member: false, is_private: true },
      CPUBLIC1: { is_member: false },
      CARCHIVED: { is_member: true, is_archived: true },
    };
    app = await newApp({
      SLACK_BOT_TOKEN: 'xoxb-test-token-123456',
      SLACK_SIGNING_SECRET: 'test-signing-secret-abcdef',
      SLACK_API_URL: api.apiUrl,
    });
  });
  afterAll(async () => {
    await app.close();
    await api.close();
  });
  const add = (target: string) => run(app, 'add', '--target', target, '--cron', '0 9 * * 1');
  const stored = async () => (await app.digests.list()).map((item) => item.target);

  test('a channel the bot is in: added, no « Aucune plateforme » warning, nothing else said', async () => {
    const slack = await add('slack:T0123ABCD:C0456EFGH');
    expect(slack.out).toMatch(/^Digest ajouté/);
    expect(slack.err).toBe('');
    expect(api.callsTo('conversations.info').at(-1)?.body.channel).toBe('C0456EFGH');
    // Teams is not configured: that warning is still true for a Teams target.
    const teams = await add('teams:a:personal-1');
    expect(teams.err).toMatch(/Aucune plateforme/);
  });

  test('a private channel without the bot: refused in French with the /invite to type, nothing stored', async () => {
    const result = await add('slack:T0123ABCD:CPRIVATE1');
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      "Le bot n'est pas membre du canal privé CPRIVATE1 : invitez le bot dans le canal avec « /invite @marketing-bot », puis relancez la commande.",
    );
    expect(await stored()).not.toContain('slack:T0123ABCD:CPRIVATE1');
  });

  test('a public channel without the bot: it joins now (as at a first post) and says so', async () => {
    const result = await add('slack:T0123ABCD:CPUBLIC1');
    expect(result.code).toBeUndefined();
    expect(result.err).toBe('Le bot a rejoint le canal public CPUBLIC1 pour y poster le digest.');
    expect(api.callsTo('conversations.join').map((call) => call.body.channel)).toEqual(['CPUBLIC1']);
    expect(await stored()).toContain('slack:T0123ABCD:CPUBLIC1');
  });

  test.each([
    ['slack:T0123ABCD:CNOSUCH1', /^Slack ne montre pas le canal CNOSUCH1 au bot/],
    ['slack:T0123ABCD:CARCHIVED', /^Le canal CARCHIVED est archivé/],
    ['slack:T9999:C0456EFGH', /^Le bot est installé dans l'espace Slack T0123ABCD, pas dans T9999/],
  ])('%s is refused', async (target, message) => {
    const result = await add(target);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(await stored()).not.toContain(target);
  });

  test('a malformed target is refused on its format, before Slack is asked', async () => {
    const calls = api.calls.length;
    const result = await add('slack:C1');
    expect(result.err).toMatch(/^Cible Slack invalide/);
    expect(api.calls.length).toBe(calls);
  });

  test('Slack down: the digest is added with a warning (the first post will tell)', async () => {
    api.failNext('auth.test', { status: 503 }, 2);
    const result = await add('slack:T0123ABCD:C0456EFGH:1712.0001');
    expect(result.code).toBeUndefined();
    expect(result.err).toMatch(
      /^Slack ne répond pas : impossible de vérifier que le bot est membre de C0456EFGH/,
    );
  });
});

describe('with Teams configured: only a conversation the bot has seen', () => {
  let app: App;
  let stateDir: string;
  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'digest-targets-teams-'));
    app = await newApp({
      MICROSOFT_APP_ID: 'app-id-1',
      MICROSOFT_APP_PASSWORD: 'secret-1',
      STATE_DIR: stateDir,
    });
  });
  afterAll(async () => {
    await app.close();
  });

  test('unknown conversation refused with what to do; a known one added, without a false warning', async () => {
    const unknown = await run(app, 'add', '--target', 'teams:19:new@thread.tacv2', '--cron', '0 9 * * 1');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(
      /^Le bot ne connaît pas encore la conversation Teams teams:19:new@thread.tacv2 : ajoutez-le/,
    );

    const refs = createStoredConversationRefs(stateDir, { logger: silentLogger() });
    await refs.save('teams:19:known@thread.tacv2', {
      conversation: { id: '19:known@thread.tacv2' },
      serviceUrl: 'https://smba.example/',
    });
    const known = await run(app, 'add', '--target', 'teams:19:known@thread.tacv2', '--cron', '0 9 * * 1');
    expect(known.code).toBeUndefined();
    expect(known.out).toMatch(/^Digest ajouté/);
    expect(known.err).toBe('');
  });
});

test('the formats', () => {
  for (const ok of [
    'slack:T1:C1',
    'slack:E12:G34:1712.0001',
    'slack:T1:D9',
    'teams:a:1',
    'teams:19:x@thread.tacv2;messageid=1712',
    'teams:19:x@thread.v2',
  ])
    expect([ok, targetProblem(ok, { strictTeams: true })]).toEqual([ok, undefined]);
  // Surfaces nothing can be posted to later are never targets, whoever asks (the chat's « digest chaque lundi »).
  for (const surface of ['web:abc', 'terminal:1-2', 'cli:5f0c', 'mcp:alice'])
    expect(targetProblem(surface)).toMatch(/ne peut pas recevoir de digest : .*depuis Slack ou Teams/);
  // Conversations the bot saw itself are trusted: only a person's Teams input is checked strictly.
  expect(targetProblem('teams:aad-1')).toBeUndefined();
});
