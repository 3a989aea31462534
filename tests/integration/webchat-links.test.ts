// The web chat end to end with a data file whose campaign name is a markdown link: the card the page renders
// (cards.teams of POST /api/ask) shows the name and its URL as text, never as a link.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { type App, createApp } from '../../src/app/app.js';
import { type RunningServer, startServer } from '../../src/app/http/server.js';
import { webChatFor } from '../../src/app/platforms.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';

const LINK = '[login](https://evil.example)';
const MARKDOWN_LINK = /!?\[[^\]]*\]\(/;
let dir: string;
let app: App;
let server: RunningServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'weblinks-'));
  // youtube_blogger has the highest ROI of the sample: it heads « Top 5 des campagnes par ROI ».
  const csv = readFileSync('data/marketing.csv', 'utf8').replaceAll(',youtube_blogger,', `,${LINK},`);
  writeFileSync(join(dir, 'links.csv'), csv);
  app = await createApp(
    loadConfig({
      DUCKDB_PATH: ':memory:',
      DATA_PATH: join(dir, 'links.csv'),
      STATE_DIR: join(dir, 'state'),
      PORT: '0',
    }),
    { logger: silentLogger() },
  );
  server = await startServer(app, [webChatFor(app).router]);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

test('a campaign named like a link and a question holding one are shown as text', async () => {
  const response = await fetch(`${server.url}api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: `Top 5 des campagnes par ROI ${LINK}` }),
  });
  const body = (await response.json()) as {
    cards: { teams: { body: unknown } };
    provenance: { rows: unknown[] }[];
  };
  expect(JSON.stringify(body.provenance[0]?.rows[0])).toContain(LINK);
  const texts = strings(body.cards.teams.body);
  expect(texts.some((text) => text.includes('https://evil.example'))).toBe(true);
  expect(texts.filter((text) => MARKDOWN_LINK.test(text))).toEqual([]);
});
