// The built server, as `npm start` runs it: `node dist/server/main.js serve` (tsc's output bundled by esbuild), no
// tsx anywhere. It finds the files it reads beside its modules (the web chat's page and script, the fonts for
// charts), answers a question with a real PNG chart (the agent on a worker thread, AGENT_WORKERS=1), runs the ML training and segmentation in worker threads started
// from the bundled worker entries (a worker that failed to start would fall back in-process with a warning: there
// must be none), the health probe on HEALTH_PORT runs from its bundled worker entry, and the parts loaded on demand from chunks or node_modules work: MCP over HTTP, Teams (Emulator
// mode), the LLM planner against a local OpenAI-compatible server. dist/ is built first when missing or stale
// (`scripts/build.mjs --if-stale`, the step `npm start` takes).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { type FakeOpenAi, startFakeOpenAi } from '../fakes/openai-server.js';
import { personalMessage } from '../fakes/teams-harness.js';
import { freePort } from '../fixtures/free-port.js';

const run = promisify(execFile);
const MCP_TOKEN = 'dist-test-token-0123456789abcdef';
let openai: FakeOpenAi;
let child: ChildProcess;
let url: string;
let stderr = '';
let healthPort = 0;

beforeAll(async () => {
  await run(process.execPath, ['scripts/build.mjs', '--if-stale']);
  openai = await startFakeOpenAi();
  healthPort = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'dist-server-'));
  child = spawn(process.execPath, ['dist/server/main.js', 'serve'], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      DUCKDB_PATH: join(dir, 'bot.duckdb'),
      STATE_DIR: join(dir, 'state'),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      MCP_TOKENS: `alice=${MCP_TOKEN}`,
      TEAMS_EMULATOR: 'true',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: openai.url,
      RATE_LIMIT_PER_MINUTE: '0',
      // The agent on a worker thread started from its bundled entry (agent-worker.js beside main.js).
      AGENT_WORKERS: '1',
      // The health probe's thread started from its bundled entry (health-worker.js).
      HEALTH_PORT: String(healthPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += String(chunk);
  });
  // The start-up line names the address the server listens on (PORT=0: a free port).
  url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += String(chunk);
      const ready = /prêt : (http:\/\/\S+\/) /.exec(stdout);
      if (ready) resolve(ready[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${stderr}`)));
  });
}, 240_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await openai?.close();
});

const ask = async (text: string) =>
  (await (
    await fetch(`${url}api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    })
  ).json()) as { intent: string; planner: string; text: string; chartUrls: Record<string, { url: string }> };

test('the compiled server serves the web chat page and its script', async () => {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toMatch(/<html/i);
  const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  const js = await fetch(new URL(script!, url));
  expect(js.status).toBe(200);
  expect((await js.text()).length).toBeGreaterThan(100);
});

test('the health probe answers on HEALTH_PORT from its compiled worker entry', async () => {
  let response = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
  for (let attempt = 0; attempt < 100 && response.status !== 200; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    response = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
  }
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', live: true, ready: true });
});

test('a question gets a chart rendered to PNG by the compiled chart module', async () => {
  const answer = await ask('Quelles campagnes sont sous-performantes ?');
  expect(answer.intent).toBe('diagnostic');
  const chart = Object.values(answer.chartUrls)[0]!.url;
  const png = await fetch(new URL(chart, url));
  expect(png.headers.get('content-type')).toBe('image/png');
  const bytes = Buffer.from(await png.arrayBuffer());
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.length).toBeGreaterThan(10_000);
});

test('training and segmentation run in workers started from the compiled modules', async () => {
  expect((await ask('Quel chiffre d’affaires peut-on attendre si le budget augmente de 20 % ?')).intent).toBe(
    'budget_simulation',
  );
  expect((await ask('Quel segment a le meilleur ROI ?')).intent).toBe('segmentation');
  const events = stderr
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { level: number; msg: string });
  expect(events.filter((event) => /worker unavailable/.test(event.msg))).toEqual([]);
  expect(events.some((event) => event.msg === 'ready')).toBe(true);
});

test('MCP over HTTP (a lazily loaded chunk) lists the tools and answers a call', async () => {
  const client = new Client({ name: 'dist-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL('mcp', url), {
      requestInit: { headers: { Authorization: `Bearer ${MCP_TOKEN}` } },
    }),
  );
  try {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('rank_campaigns');
    const result = (await client.callTool({
      name: 'rank_campaigns',
      arguments: { metric: 'roi', limit: 3 },
    })) as {
      isError?: boolean;
      content: { type: string; text?: string }[];
    };
    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(result.content)).toContain('facebook');
  } finally {
    await client.close();
  }
});

test('Teams in Emulator mode (its SDK loaded from node_modules) answers with an Adaptive Card', async () => {
  const activity = personalMessage('http://127.0.0.1:9/', 'Top 5 des campagnes par ROI', {
    deliveryMode: 'expectReplies',
  });
  const response = await fetch(`${url}api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  expect(response.status).toBe(200);
  const replies = (await response.json()) as { activities: { attachments?: { contentType: string }[] }[] };
  expect(replies.activities.flatMap((reply) => reply.attachments ?? []).map((a) => a.contentType)).toContain(
    'application/vnd.microsoft.card.adaptive',
  );
});

test('the LLM planner and composer (the OpenAI client, loaded on first use) answer a vague question', async () => {
  openai.enqueue(
    {
      toolCalls: [{ name: 'get_underperforming_campaigns', arguments: JSON.stringify({ roi_threshold: 0 }) }],
    },
    {
      toolCalls: [
        {
          name: 'write_answer',
          arguments: JSON.stringify({
            text: 'facebook_lal perd le plus : ROI −88,6 % pour CHF 2 641 939 de dépenses.',
            recommendations: [
              'Mettre facebook_lal en pause.',
              'Revoir le ciblage de instagram_tier2 (ROI −37,1 %).',
            ],
          }),
        },
      ],
    },
  );
  const answer = await ask(
    'Hmm, lesquelles de nos pubs coûtent trop cher pour ce qu’elles rapportent selon toi ?',
  );
  expect(openai.requests).toHaveLength(2);
  expect(answer.planner).toBe('llm');
  expect(answer.text).toContain('facebook_lal perd le plus');
});
