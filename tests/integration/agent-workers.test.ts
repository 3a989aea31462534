// The agent on worker threads (AGENT_WORKERS, src/app/agent-host.ts + agent-worker.ts): the same answers as the
// agent on the bot's thread (figures, tools, follow-ups that need the conversation's memory), and a worker that
// dies mid-question becomes a short French error answer while the bot keeps answering.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createWorkerAgent, workerFor } from '../../src/app/agent-host.js';
import { type App, createApp } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import type { Answer } from '../../src/core/answer.js';
import { silentLogger } from '../../src/core/logger.js';

async function appWith(workers: number): Promise<App> {
  return createApp(
    loadConfig({
      DUCKDB_PATH: ':memory:',
      STATE_DIR: mkdtempSync(join(tmpdir(), `agent-workers-${workers}-`)),
      RATE_LIMIT_PER_MINUTE: '0',
      AGENT_WORKERS: String(workers),
    }),
    { logger: silentLogger() },
  );
}

/** What must not depend on where the agent runs. */
const essence = (answer: Answer) => ({
  intent: answer.intent,
  language: answer.language,
  text: answer.text,
  errorCode: answer.errorCode,
  recommendations: answer.recommendations,
  tools: answer.provenance.map((entry) => ({ tool: entry.tool, args: entry.args, rows: entry.rows })),
});

describe('agent on worker threads', () => {
  let inProcess: App;
  let onWorkers: App;
  beforeAll(async () => {
    inProcess = await appWith(0);
    onWorkers = await appWith(2);
  });
  afterAll(async () => {
    await inProcess?.close();
    await onWorkers?.close();
  });

  test.each([
    'Top 5 des campagnes par ROI',
    'Quelles campagnes sont sous-performantes ?',
    'Analyse la performance par catégorie',
    'Quel revenu si le budget augmente de 20 % ?',
    'Which segment has the highest ROI?',
  ])('« %s » is answered the same as on the bot thread', async (text) => {
    const here = await inProcess.agent.ask({ conversation: `web:same-${text}`, text });
    const there = await onWorkers.agent.ask({ conversation: `web:same-${text}`, text });
    expect(there.errorCode).toBeUndefined();
    expect(essence(there)).toEqual(essence(here));
  });

  test('a follow-up uses the conversation memory kept in its worker', async () => {
    const conversation = 'web:follow-up';
    await onWorkers.agent.ask({ conversation, text: 'Top 5 des campagnes par ROI' });
    const followUp = await onWorkers.agent.ask({ conversation, text: 'et le top 3 ?' });
    await inProcess.agent.ask({ conversation, text: 'Top 5 des campagnes par ROI' });
    const reference = await inProcess.agent.ask({ conversation, text: 'et le top 3 ?' });
    expect(essence(followUp)).toEqual(essence(reference));
    expect(followUp.provenance[0]?.rows).toBeDefined();
  });

  test('a conversation always goes to the same worker', () => {
    expect(workerFor('web:abc', 3)).toBe(workerFor('web:abc', 3));
    const used = new Set(Array.from({ length: 50 }, (_, i) => workerFor(`web:${i}`, 3)));
    expect(used).toEqual(new Set([0, 1, 2]));
  });
});

describe('a worker that dies', () => {
  test('its question gets a short French error answer and the next question is answered', async () => {
    const app = await appWith(0);
    const errors: unknown[] = [];
    const logger = silentLogger();
    logger.error = ((...args: unknown[]) => errors.push(args)) as typeof logger.error;
    const agent = createWorkerAgent(
      {
        workers: 1,
        workerData: { settings: { maxQuestionChars: 2000 }, log: { level: 'silent' }, secrets: [] },
        entry: new URL('../fixtures/crashing-agent-worker.mjs', import.meta.url),
      },
      { tools: app.tools, logger },
    );
    try {
      const crashed = await agent.ask({ conversation: 'web:x', text: 'crash' });
      expect(crashed.errorCode).toBe('INTERNAL');
      expect(crashed.text).toMatch(/[éèàù]|erreur|réessayez/i);
      expect(crashed.text).not.toMatch(/at .*\.ts:\d+|worker exited/);
      expect(errors.length).toBeGreaterThan(0);
      const next = await agent.ask({ conversation: 'web:x', text: 'ping' });
      expect(next.text).toBe('pong');
    } finally {
      await agent.close?.();
      await app.close();
    }
  });
});
