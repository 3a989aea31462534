// `digest add --target` checks the platform's id format (a Slack target without a workspace, a made-up Teams id
// would fail at every slot) and warns « Aucune plateforme » only when the target's platform is not configured.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { type App, createApp } from '../../src/app/app.js';
import { digestCommand } from '../../src/app/cli/digest.js';
import { loadConfig } from '../../src/config.js';
import { targetProblem } from '../../src/digests/targets.js';

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

describe('with Slack configured (but not connected by `digest add`)', () => {
  let app: App;
  beforeAll(async () => {
    app = await newApp({
      SLACK_BOT_TOKEN: 'xoxb-test-token-123456',
      SLACK_SIGNING_SECRET: 'test-signing-secret-abcdef',
    });
  });
  afterAll(async () => {
    await app.close();
  });

  test('no « Aucune plateforme » warning for a Slack target; still one for Teams', async () => {
    const slack = await run(app, 'add', '--target', 'slack:T0123ABCD:C0456EFGH', '--cron', '0 9 * * 1');
    expect(slack.out).toMatch(/^Digest ajouté/);
    expect(slack.err).toBe('');
    const teams = await run(app, 'add', '--target', 'teams:a:personal-1', '--cron', '0 9 * * 1');
    expect(teams.err).toMatch(/Aucune plateforme/);
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
  // Conversations the bot saw itself are trusted: only a person's Teams input is checked strictly.
  expect(targetProblem('teams:aad-1')).toBeUndefined();
});
