// POST /api/ask as a script or the page uses it: the Answer JSON with its cards and signed chart URLs, follow-ups
// in the same web conversation, and refusals for bodies or conversation ids that are not the web chat's.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { ChartRenderPool } from '../../charts/render-pool.js';
import { type App, createApp } from '../../src/app/app.js';
import { type RunningServer, startServer } from '../../src/app/http/server.js';
import { webChatFor } from '../../src/app/platforms.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';

let app: App;
let server: RunningServer;
beforeAll(async () => {
  app = await createApp(
    loadConfig({
      DUCKDB_PATH: ':memory:',
      STATE_DIR: mkdtempSync(join(tmpdir(), 'webapi-')),
      PORT: '0',
      CHART_WORKER_IDLE_MS: '1234',
    }),
    { logger: silentLogger() },
  );
  server = await startServer(app, [webChatFor(app).router]);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await app?.close();
});

const ask = (body: unknown) =>
  fetch(`${server.url}api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

test('the chart worker pool gets its idle timeout from the settings (CHART_WORKER_IDLE_MS)', () => {
  expect((app.charts as ChartRenderPool).idleTimeoutMs).toBe(1234);
});

test('an answer, then a follow-up in the same web conversation', async () => {
  const first = (await (await ask({ text: 'Quelles campagnes sont sous-performantes ?' })).json()) as Record<
    string,
    unknown
  >;
  expect(first.conversation).toMatch(/^web:/);
  expect(first.intent).toBe('diagnostic');
  expect((first.cards as { teams: { type: string } }).teams.type).toBe('AdaptiveCard');
  const chartUrl = Object.values(first.chartUrls as Record<string, { url: string }>)[0]!.url;
  expect((await fetch(new URL(chartUrl, server.url))).headers.get('content-type')).toBe('image/png');
  const second = (await (
    await ask({ text: 'et pour search ?', conversation: first.conversation })
  ).json()) as { provenance: { args: { category?: string } }[] };
  expect(second.provenance[0]?.args.category).toBe('search');
});

test('bodies and conversation ids that are not the web chat’s are refused', async () => {
  expect((await ask({ text: 'Top 5', conversation: 'slack:T1:C1:1712.0001' })).status).toBe(400);
  expect((await ask({ conversation: 'web:x' })).status).toBe(400);
  expect((await ask('{not json')).status).toBe(400);
  const health = (await (await fetch(`${server.url}healthz`)).json()) as {
    ready: boolean;
    campaigns: number;
  };
  expect(health).toMatchObject({ ready: true, campaigns: 11 });
});

test('a digest asked from the web chat is refused in French, pointing to Slack, Teams or npm run digest; nothing stored', async () => {
  const answer = (await (await ask({ text: 'digest chaque lundi à 9h' })).json()) as {
    intent: string;
    text: string;
    errorCode?: string;
  };
  expect(answer.intent).toBe('digest_admin');
  expect(answer.errorCode).toBe('INVALID_ARGUMENTS');
  expect(answer.text).toMatch(/^Le chat web ne peut pas recevoir de digest/);
  expect(answer.text).toContain('Demandez-le depuis Slack ou Teams');
  expect(answer.text).toContain('npm run digest -- add --target slack:');
  expect(await app.digests.list()).toEqual([]);
});
