// The CLI beside a running bot (issue 18). The real `serve` process holds a DuckDB file (a copy of the sample data,
// a temp STATE_DIR, a free port); DuckDB then refuses that file to any other process, even read-only. `ask`,
// `kpi show`, `digest list` and `audit` must still answer, through the server's local API, with the same output as
// in-process (--json stays parseable JSON on stdout), each question audited once as `cli:<os user>`. The local
// API itself opens only with the token of STATE_DIR/local-api.json (0600), which goes away when the server stops.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { groupTotals, readSampleRows, roi } from '../fixtures/sample-figures.js';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'cli-server-'));
const stateDir = join(root, 'state');
const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: root,
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  DATA_PATH: join(root, 'marketing.csv'),
  DUCKDB_PATH: join(root, 'marketing.duckdb'),
  STATE_DIR: stateDir,
  PORT: '0',
};
const apiFile = join(stateDir, 'local-api.json');
let server: ChildProcess;
let serverOutput = '';

const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/app/main.ts', ...args], { env, maxBuffer: 8 * 1024 * 1024 });

beforeAll(async () => {
  copyFileSync('data/marketing.csv', env.DATA_PATH!);
  server = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts', 'serve'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => {
    serverOutput += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    serverOutput += chunk.toString();
  });
  // Published once the server listens (after the warehouse is loaded and locked).
  const deadline = Date.now() + 90_000;
  while (!existsSync(apiFile)) {
    if (Date.now() > deadline || server.exitCode !== null)
      throw new Error(`the server did not start\n${serverOutput.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 120_000);

afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
  }
  rmSync(root, { recursive: true, force: true });
});

const localApi = () =>
  JSON.parse(readFileSync(apiFile, 'utf8')) as { url: string; token: string; pid: number };

test('the DuckDB file is the server’s: the CLI could not open it itself', async () => {
  expect(localApi().pid).toBe(server.pid);
  // `data inspect` never goes through the server; an in-memory DuckDB reads the CSV. The bot's own file, though,
  // is locked: a second DuckDB on it fails (what `ask` hit before the local API existed).
  const script = `import('@duckdb/node-api').then(({ DuckDBInstance }) => DuckDBInstance.create(${JSON.stringify(env.DUCKDB_PATH)}))`;
  const opened = await run(process.execPath, ['-e', script], { env }).catch((error: unknown) => error);
  expect(String((opened as { stderr?: string }).stderr)).toMatch(
    /Could not set lock on file|Conflicting lock/,
  );
}, 60_000);

test('ask answers through the server, as text and as clean JSON on stdout', async () => {
  const byCampaign = groupTotals(readSampleRows(), (row) => row.campaign);
  const best = [...byCampaign].sort((a, b) => roi(b[1]) - roi(a[1]))[0]!;

  const text = await cli('ask', 'Top 5 des campagnes par ROI');
  expect(text.stdout).toContain(best[0]);
  expect(text.stdout).toContain((roi(best[1]) * 100).toFixed(1).replace('.', ','));

  const json = await cli('ask', '--json', 'Top 3 campaigns by revenue');
  // The whole of stdout is the Answer: nothing before or after it.
  const answer = JSON.parse(json.stdout) as {
    language: string;
    provenance: { tool: string; rows: unknown[] }[];
  };
  expect(answer.language).toBe('en');
  expect(answer.provenance[0]?.tool).toBe('rank_campaigns');
  expect(answer.provenance[0]?.rows).toHaveLength(3);
}, 60_000);

test('kpi show --json and digest list answer through the server', async () => {
  const kpi = await cli('kpi', 'show', '--json');
  const rows = kpi.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { campaign_name: string; roi: number });
  const expected = groupTotals(readSampleRows(), (row) => row.campaign);
  expect(rows.map((row) => row.campaign_name).sort()).toEqual([...expected.keys()].sort());
  for (const row of rows) expect(row.roi).toBeCloseTo(roi(expected.get(row.campaign_name)!), 9);

  expect((await cli('digest', 'list')).stdout.trim()).toBe('Aucun digest programmé.');
  // A change made through the server is the server's at once (no restart): its scheduler has it.
  const added = await cli('digest', 'add', '--target', 'teams:19:abc@thread.tacv2', '--cron', '0 9 * * 1');
  expect(added.stdout).toMatch(/^Digest ajouté : n° 1 /);
  const listed = JSON.parse((await cli('digest', 'list', '--json')).stdout) as {
    id: string;
    nextRun: string;
  }[];
  expect(listed.map((item) => item.id)).toEqual(['1']);
  expect(listed[0]?.nextRun).toMatch(/^\d{4}-/);
}, 60_000);

test('each CLI question is audited once, as cli:<os user>, by the server', async () => {
  const before = (await cli('audit', '--json')).stdout.trim().split('\n').filter(Boolean).length;
  await cli('ask', 'CA total');
  const entries = (await cli('audit', '--json')).stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { user: string; surface: string; question: string });
  expect(entries).toHaveLength(before + 1);
  expect(entries.filter((entry) => entry.question === 'CA total')).toEqual([
    expect.objectContaining({ user: `cli:${userInfo().username}`, surface: 'cli' }),
  ]);
}, 60_000);

test('the local API wants the token, and the token file is for this account only', async () => {
  expect(statSync(apiFile).mode & 0o777).toBe(0o600);
  const { url, token } = localApi();
  const call = (headers: Record<string, string>) =>
    fetch(`${url}local/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ command: 'kpi', argv: ['show'], asker: 'cli:someone' }),
    });
  expect((await call({})).status).toBe(401);
  expect(
    (await call({ authorization: `Bearer ${token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))}` })).status,
  ).toBe(401);
  // Through a proxy (even on this machine), never.
  expect((await call({ authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.9' })).status).toBe(
    403,
  );
  const ok = await call({ authorization: `Bearer ${token}` });
  expect(ok.status).toBe(200);
  expect(((await ok.json()) as { stdout: string }).stdout).toContain('youtube_blogger');
}, 60_000);

test('a command the server does not run for the CLI (mcp on stdio) says the bot holds the file and what to do', async () => {
  const failed = (await cli('mcp').catch((error: unknown) => error)) as { code?: number; stderr: string };
  expect(failed.code).toBe(1);
  expect(failed.stderr).toContain(
    `Le bot lancé par « npm start » (PID ${server.pid}) utilise ce fichier, et « mcp » ne passe pas par lui : lancez-la avec DUCKDB_PATH=:memory:`,
  );
}, 60_000);

test('stopping the server removes the token file; the CLI then opens the warehouse itself', async () => {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  expect(existsSync(apiFile)).toBe(false);
  const { stdout } = await cli('kpi', 'show', '--json');
  expect(stdout.trim().split('\n')).toHaveLength(groupTotals(readSampleRows(), (row) => row.campaign).size);
}, 60_000);
