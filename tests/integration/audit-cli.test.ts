// The audit log through the real app: questions from the web chat (HTTP), the command line (`npm run ask` as a
// process) and a chat surface each leave one entry with the tools and arguments the agent really ran; the per-user
// rate limit of the app refuses the extra question; `npm run audit` prints the entries (JSON lines, table, filters).
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { type App, createApp } from '../../src/app/app.js';
import type { AuditEntry } from '../../src/app/audit.js';
import { type RunningServer, startServer } from '../../src/app/http/server.js';
import { webChatFor } from '../../src/app/platforms.js';
import { loadConfig } from '../../src/config.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
const env = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DUCKDB_PATH: ':memory:',
  STATE_DIR: join(dir, 'state'),
  PORT: '0',
  RATE_LIMIT_PER_MINUTE: '3',
  RATE_LIMIT_BURST: '0',
  OPENAI_API_KEY: 'sk-test-abcdefghijklmnopqrstuvwxyz',
  OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', // nothing listens: the offline planner answers
  LLM_CONFIDENCE_THRESHOLD: '0',
} as const;
const cli = (command: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/app/main.ts', command, ...args], {
    env: { ...process.env, ...env },
    maxBuffer: 8 * 1024 * 1024,
  });

let app: App;
let server: RunningServer;
beforeAll(async () => {
  app = await createApp(loadConfig(env));
  server = await startServer(app, [webChatFor(app).router]);
});
afterAll(async () => {
  await server?.close();
  await app?.close();
});

const jsonLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AuditEntry);

test('each question leaves one entry with the tools and arguments the agent ran; the 4th in a minute is refused', async () => {
  const slack = { id: 'slack:T1:U1' };
  const ask = (text: string) =>
    app.agent.ask({ conversation: 'slack:T1:C1:1.1', text, user: slack, surface: 'slack' });
  const first = await ask('Top 5 des campagnes par ROI');
  expect(first.errorCode).toBeUndefined();
  await ask('météo à Zurich ?');
  await ask('Décris la campagne qui_n_existe_pas');
  const refused = await ask('Top 3 des campagnes par revenu');
  expect(refused.errorCode).toBe('RATE_LIMITED');
  expect(refused.text).toMatch(/^Trop de questions : réessayez dans \d+ s\.$/);
  // Another user is served meanwhile.
  const other = await app.agent.ask({
    conversation: 'slack:T1:C1:1.1',
    text: 'Top 3 des campagnes par revenu',
    user: { id: 'slack:T1:U9' },
    surface: 'slack',
  });
  expect(other.errorCode).toBeUndefined();

  const entries = await app.audit.list({ user: 'slack:T1:U1' });
  expect(entries.map((entry) => entry.outcome)).toEqual(['answered', 'refused', expect.any(String), 'rate_limited']); // biome-ignore format: one line
  expect(entries[0]).toMatchObject({
    surface: 'slack',
    conversation: 'slack:T1:C1:1.1',
    question: 'Top 5 des campagnes par ROI',
    intent: 'kpi_qa',
    tools: [{ tool: 'rank_campaigns', args: expect.objectContaining({ metric: 'roi', limit: 5 }) }],
  });
  expect(entries[0]!.tools[0]!.rowCount).toBe(5);
  expect(entries[0]!.durationMs).toBeGreaterThanOrEqual(0);
  expect(entries[1]).toMatchObject({ intent: 'out_of_scope', tools: [] });
  expect(entries[3]).toMatchObject({ errorCode: 'RATE_LIMITED', tools: [] });
  // The answer's SQL and rows are not in the log; neither is the configured API key.
  const stored = JSON.stringify(await app.audit.list());
  expect(stored).not.toMatch(/SELECT|FROM marketing_kpi/i);
  expect(stored).not.toContain(env.OPENAI_API_KEY);
}, 60_000);

test('the web chat is audited as surface web, its conversation standing for the user', async () => {
  const response = await fetch(`${server.url}api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'Quel segment a le meilleur ROI ?', conversation: 'web:session-42' }),
  });
  expect(response.status).toBe(200);
  const [entry] = await app.audit.list({ user: 'web:session-42' });
  expect(entry).toMatchObject({ surface: 'web', user: 'web:session-42', conversation: 'web:session-42' });
  expect(entry!.tools.length).toBeGreaterThan(0);
}, 60_000);

test('npm run ask is audited as cli:<os user>; npm run audit prints JSON lines, filters and a table', async () => {
  await app.close(); // the CLI processes use the same state directory
  await cli('ask', 'Top 3 des campagnes par revenu');
  let osUser = 'unknown';
  try {
    osUser = userInfo().username || 'unknown';
  } catch {}
  const all = jsonLines((await cli('audit', '--json')).stdout);
  expect(all.length).toBe(7);
  expect(all.at(-1)).toMatchObject({
    surface: 'cli',
    user: `cli:${osUser}`,
    tools: [{ tool: 'rank_campaigns', args: expect.objectContaining({ metric: 'revenue', limit: 3 }) }],
    outcome: 'answered',
  });
  // --user takes the platform's own id; --limit keeps the newest N, oldest first.
  expect(jsonLines((await cli('audit', '--json', '--user', 'U1')).stdout).map((e) => e.outcome)).toHaveLength(
    4,
  );
  const lastTwo = jsonLines((await cli('audit', '--json', '--limit', '2')).stdout);
  expect(lastTwo.map((entry) => entry.surface)).toEqual(['web', 'cli']);
  expect(jsonLines((await cli('audit', '--json', '--since', '2999-01-01')).stdout)).toEqual([]);

  const table = (await cli('audit', '--limit', '3')).stdout.split('\n');
  expect(table[0]).toMatch(/^date \(UTC\)\s+surface\s+utilisateur\s+résultat\s+intention\s+ms\s+outils \(lignes\)\s+question$/); // biome-ignore format: one line
  expect(table).toHaveLength(3 + 3); // header, rule, three rows, final newline
  expect(table.at(-2)).toMatch(/cli\s+cli:\S+\s+answered\s+kpi_qa\s+\d+\s+rank_campaigns\(3\)\s+Top 3 des campagnes par revenu$/); // biome-ignore format: one line

  const bad = await cli('audit', '--since', '24.11.2026').catch(
    (error: { code: number; stderr: string }) => error,
  );
  expect('code' in bad && bad.code).toBe(1);
  expect((bad as { stderr: string }).stderr).toMatch(/npm run audit -- --since 2026-11-01/);
}, 120_000);
