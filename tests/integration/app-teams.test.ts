// The whole bot as `npm start` wires it, Teams side, with no app id (TEAMS_EMULATOR, the Bot Framework Emulator setup): a
// personal-chat question on loopback is answered with the real agent's Adaptive Card and its real chart; a chart
// too big to inline is linked through a signed URL that the server serves, and a tampered link is refused.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { type App, createApp } from '../../src/app/app.js';
import { type RunningServer, startServer } from '../../src/app/http/server.js';
import { connectPlatforms, type Platforms } from '../../src/app/platforms.js';
import { loadConfig } from '../../src/config.js';
import { createLogger, silentLogger } from '../../src/core/logger.js';
import { personalMessage } from '../fakes/teams-harness.js';

let app: App;
let platforms: Platforms;
let server: RunningServer;

beforeAll(async () => {
  const config = loadConfig({
    DUCKDB_PATH: ':memory:',
    STATE_DIR: mkdtempSync(join(tmpdir(), 'app-teams-')),
    PORT: '0',
    TEAMS_EMULATOR: 'true',
    // Where Teams fetches linked charts from; the test fetches the same path from the local server.
    PUBLIC_BASE_URL: 'https://bot.example.com',
    // A small chart store, so that the test can push a chart out of it.
    CHART_STORE_MAX_MB: '1',
  });
  app = await createApp(config, { logger: silentLogger() });
  platforms = await connectPlatforms(app);
  server = await startServer(app, platforms.routers);
}, 60_000);

afterAll(async () => {
  await platforms?.stop();
  await server?.close();
  await app?.close();
});

interface Card {
  type: string;
  body: { type: string; url?: string; text?: string }[];
}

test('a personal-chat question gets the Adaptive Card with a signed, working chart link', async () => {
  const activity = personalMessage('http://127.0.0.1:9/', 'Quelles campagnes sont sous-performantes ?', {
    deliveryMode: 'expectReplies',
  });
  const response = await fetch(`${server.url}api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  expect(response.status).toBe(200);
  const replies = (
    (await response.json()) as { activities: { type: string; attachments?: { content: Card }[] }[] }
  ).activities;
  const card = replies.find((reply) => reply.attachments?.length)?.attachments?.[0]?.content;
  expect(card?.type).toBe('AdaptiveCard');
  expect(JSON.stringify(card)).toContain('facebook_lal');
  const image = card!.body.find((element) => element.type === 'Image');
  expect(image?.url).toBeDefined();
  // Real charts are 80–150 KB: too big to inline in an 80 KB card, so they are linked with a signature.
  expect(image!.url).toMatch(/^https:\/\/bot\.example\.com\/charts\/[0-9a-f]{32}\.png\?expires=\d+&sig=/);
  const path = image!.url!.slice(image!.url!.indexOf('/charts/'));
  const chart = await fetch(new URL(path, server.url));
  expect(chart.status).toBe(200);
  expect(chart.headers.get('content-type')).toBe('image/png');
  // One character of the signature changed (whichever it was).
  const tamperedPath = path.slice(0, -1) + (path.endsWith('A') ? 'B' : 'A');
  const tampered = await fetch(new URL(tamperedPath, server.url));
  expect(tampered.status).toBe(404);
  const unsigned = await fetch(new URL(path.split('?')[0]!, server.url));
  expect(unsigned.status).toBe(404);

  // Later charts push it out of the 1 MB store: its still-signed link answers 410 with a French message.
  for (let i = 0; i < 4; i++) app.chartStore.put(Buffer.alloc(300 * 1024, i));
  expect(app.chartStore.bytes).toBeLessThanOrEqual(1024 * 1024);
  const evicted = await fetch(new URL(path, server.url));
  expect(evicted.status).toBe(410);
  expect(await evicted.json()).toEqual({
    error: 'chart_gone',
    message: 'Ce graphique n’est plus disponible : reposez la question pour le revoir.',
  });
});

test('without an app id nor TEAMS_EMULATOR, Teams is not mounted, is reported off, and logs no warning', async () => {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  const plain = await createApp(
    loadConfig({
      DUCKDB_PATH: ':memory:',
      STATE_DIR: mkdtempSync(join(tmpdir(), 'app-noteams-')),
      PORT: '0',
    }),
    { logger },
  );
  const wired = await connectPlatforms(plain);
  const running = await startServer(plain, wired.routers);
  try {
    expect(wired.adapters.map((adapter) => adapter.platform)).not.toContain('teams');
    const response = await fetch(`${running.url}api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(personalMessage('http://127.0.0.1:9/', 'Bonjour')),
    });
    expect(response.status).toBe(404);
    expect(lines.filter((line) => /MICROSOFT_APP_ID|teams/i.test(line))).toEqual([]);
  } finally {
    await wired.stop();
    await running.close();
    await plain.close();
  }
}, 60_000);
