// A secret pasted into a question never reaches the conversation memory on disk (STATE_DIR/conversations/),
// neither in clear nor inside the base64 checkpoints: the configured values (a Slack signing secret has no
// recognisable shape) and secret-shaped tokens are masked with the logs' mask. The masked memory still reads
// back after a restart: a follow-up builds on it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { createApp } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';

const SIGNING_SECRET = '8f14e45fceea167a5a36dedd4bea2543';
const SHAPED_TOKEN = 'xoxb-1234567890-abcdefghijklmnop';
const dir = mkdtempSync(join(tmpdir(), 'memsecrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = () =>
  loadConfig({
    DUCKDB_PATH: ':memory:',
    STATE_DIR: join(dir, 'state'),
    PORT: '0',
    SLACK_BOT_TOKEN: 'xoxb-configured-bot-token-000',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
  });

/** Every text a conversation file holds: the file itself and each base64 field decoded. */
function storedTexts(): string[] {
  const folder = join(dir, 'state', 'conversations');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .flatMap((name) => {
      const raw = readFileSync(join(folder, name), 'utf8');
      const decoded = [...raw.matchAll(/"([A-Za-z0-9+/]{16,}={0,2})"/g)].map((match) =>
        Buffer.from(match[1]!, 'base64').toString('utf8'),
      );
      return [raw, ...decoded];
    });
}

test('a pasted signing secret and token are masked in memory files, and the memory still works', async () => {
  const first = await createApp(config(), { logger: silentLogger() });
  const answer = await first.agent.ask({
    conversation: 'web:memory-secrets',
    text: `Quelles campagnes sont sous-performantes ? ${SIGNING_SECRET} ${SHAPED_TOKEN}`,
    user: { id: 'web:memory-secrets' },
  });
  expect(answer.provenance[0]?.tool).toBe('get_underperforming_campaigns');
  await first.close();

  const texts = storedTexts();
  expect(texts.length).toBeGreaterThan(1);
  expect(texts.some((text) => text.includes('sous-performantes'))).toBe(true);
  expect(texts.some((text) => text.includes('[redacted]'))).toBe(true);
  for (const text of texts) {
    expect(text).not.toContain(SIGNING_SECRET);
    expect(text).not.toContain(SHAPED_TOKEN);
    expect(text).not.toContain(Buffer.from(SIGNING_SECRET).toString('base64').slice(0, 20));
  }

  const second = await createApp(config(), { logger: silentLogger() });
  const followUp = await second.agent.ask({
    conversation: 'web:memory-secrets',
    text: 'et pour search ?',
    user: { id: 'web:memory-secrets' },
  });
  await second.close();
  expect(followUp.provenance[0]?.tool).toBe('get_underperforming_campaigns');
  expect(followUp.provenance[0]?.args).toMatchObject({ category: 'search' });
}, 60_000);
