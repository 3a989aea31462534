// Faults: the real bot process (`src/app/main.ts serve`, Slack on against the fake Web API in this process) killed
// with SIGKILL in the middle of posting a digest — no chance to clean up, the ledger entry left `pending` — then
// started again. Two cases: the post had reached Slack (only the reply was lost) and the post never got there.
// Expected on restart: the bot asks Slack (message metadata in the channel's history) and either confirms the first
// or posts the second now. Either way the channel holds the digest exactly once.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { createApp } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../fakes/slack-harness.js';
import { type FakeSlackWebApi, startFakeSlackWebApi } from '../fakes/slack-web-api.js';

let api: FakeSlackWebApi;
let root: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  api = await startFakeSlackWebApi();
  root = mkdtempSync(join(tmpdir(), 'digest-kill-'));
  console.log(
    'digest kill faults: SIGKILL during a digest post that reached Slack, and during one that did not',
  );
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(async () => {
  await api.close();
  rmSync(root, { recursive: true, force: true });
});

function env(stateDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: root,
    NODE_ENV: 'test',
    DUCKDB_PATH: ':memory:',
    STATE_DIR: stateDir,
    PORT: '0',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    LOG_LEVEL: 'info',
  };
}

/** A daily digest whose slot was two minutes ago (UTC), created hours before it: due now, within the grace window. */
async function subscribeDueDigest(stateDir: string, channel: string): Promise<string> {
  const slot = new Date(Date.now() - 2 * 60_000);
  const app = await createApp(loadConfig(env(stateDir)), { logger: silentLogger() });
  try {
    await app.digests.add({
      target: `slack:T1:${channel}`,
      cron: `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`,
      timezone: 'UTC',
    });
  } finally {
    await app.close();
  }
  const file = join(stateDir, 'digest-subscriptions.json');
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { items: { createdAt: string }[] };
  for (const item of stored.items) item.createdAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
  writeFileSync(file, JSON.stringify(stored));
  slot.setUTCSeconds(0, 0);
  return `digest:1:${slot.toISOString()}`;
}

function serve(stateDir: string): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts', 'serve'], {
    env: env(stateDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

async function until(condition: () => boolean, what: string, output: () => string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

function ledgerEntry(stateDir: string, key: string): { status: string; note?: string } | undefined {
  try {
    const stored = JSON.parse(readFileSync(join(stateDir, 'digest-ledger.json'), 'utf8')) as {
      items: { key: string; status: string; note?: string }[];
    };
    return stored.items.find((item) => item.key === key);
  } catch {
    return undefined; // not written yet, or being replaced
  }
}

const postsWithKey = (channel: string, key: string) =>
  api
    .callsTo('chat.postMessage')
    .filter((call) => String(call.body.metadata ?? '').includes(key) && call.body.channel === channel);
const messagesWithKey = (channel: string, key: string) =>
  api.messagesIn(channel).filter((message) => JSON.stringify(message.metadata ?? {}).includes(key));

test.each([
  ['the post had reached Slack (only its reply was lost)', true, 'confirmed by the platform'],
  ['the post never reached Slack', false, undefined],
] as const)(
  'killed mid-post, %s: after the restart the channel holds the digest exactly once',
  async (_label, reached, note) => {
    const stateDir = join(root, reached ? 'reached' : 'lost');
    const channel = reached ? 'CREACHED' : 'CLOST';
    const key = await subscribeDueDigest(stateDir, channel);
    api.failNext('chat.postMessage', { hangMs: 120_000, reached });

    // First life: the catch-up of the due slot starts posting; Slack hangs; the process dies.
    const first = serve(stateDir);
    await until(() => postsWithKey(channel, key).length === 1, 'the digest post', first.output);
    expect(ledgerEntry(stateDir, key)?.status).toBe('pending');
    await kill(first.child);
    expect(messagesWithKey(channel, key)).toHaveLength(reached ? 1 : 0);

    // Second life: the unfinished entry is settled by asking Slack.
    const second = serve(stateDir);
    await until(() => ledgerEntry(stateDir, key)?.status === 'sent', 'the ledger to say sent', second.output);
    if (note) expect(ledgerEntry(stateDir, key)?.note).toContain(note);
    expect(api.callsTo('conversations.history').filter((call) => call.body.channel === channel)).toHaveLength(
      1,
    );
    // Give a duplicate every chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await kill(second.child);
    expect(messagesWithKey(channel, key)).toHaveLength(1);
    expect(postsWithKey(channel, key)).toHaveLength(reached ? 1 : 2); // the lost attempt, then the real one
  },
  60_000,
);
