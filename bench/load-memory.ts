// Issue 18's figures for `npm run bench -- load`: memory after 5,000 web questions in 5,000 conversations (the
// conversation memory, the chart store, the audit log and the rate limiter all see a new key per question), and
// answer throughput with a full audit log (AUDIT_MAX_ENTRIES = 20,000 entries) against a fresh one. The clients are
// separate processes (bench/steady-client.mjs) so the server's RSS is the server's. Throughput is compared within
// one run, rounds alternating between the two apps, because this machine's load from other work moves absolute
// rates by 2× from one minute to the next.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type App, createApp } from '../src/app/app.js';
import { buildAuditEntry } from '../src/app/audit.js';
import { type RunningServer, startServer } from '../src/app/http/server.js';
import { webChatFor } from '../src/app/platforms.js';
import { loadConfig } from '../src/config.js';
import type { Answer } from '../src/core/answer.js';
import { silentLogger } from '../src/core/logger.js';
import { mb, round, sampleRss } from '../tests/load/load-harness.js';

export const MEMORY_TARGETS = { rssAfterConversationsMb: 400, fullAuditThroughputRatio: 0.95 };

const QUESTIONS = [
  'Top 5 des campagnes par ROI',
  'Quelles campagnes sont sous-performantes ?',
  'Analyse la performance par catégorie',
  'Quel segment a le meilleur ROI ?',
  'Quel revenu si le budget augmente de 20 % ?',
  'Compare le CTR par catégorie',
];

/** Runs the steady client against `url`: `count` questions, `inFlight` at a time, one conversation each. */
export async function steadyClient(url: string, count: number, inFlight: number, prefix: string) {
  const client = spawn(
    process.execPath,
    [
      fileURLToPath(new URL('./steady-client.mjs', import.meta.url)),
      url,
      String(count),
      String(inFlight),
      prefix,
      ...QUESTIONS,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  client.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  await once(client, 'close');
  return JSON.parse(output) as { durationMs: number; statuses: Record<string, number>; busy: number };
}

/** 5,000 web questions, 5,000 conversations, 8 in flight: peak RSS during, RSS once they are answered. */
export async function runConversations(app: App, server: RunningServer, count = 5000) {
  const rss = sampleRss(100);
  const result = await steadyClient(server.url, count, 8, 'conv');
  const peak = rss.stop();
  // What stays once the work is done: 10 s, past V8's memory reducer delay (8 s), which gives back the heap pages
  // the finished work no longer needs. The peak during the run is reported beside it.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const memory = process.memoryUsage();
  const after = memory.rss;
  const ok = result.statuses['200'] ?? 0;
  return {
    questions: count,
    answered: ok - result.busy,
    busy: result.busy,
    durationS: round(result.durationMs / 1000),
    answersPerSecond: round(ok / (result.durationMs / 1000)),
    peakRssMb: mb(peak),
    rssAfterMb: mb(after),
    /** Where RSS is: V8's heap (used / reserved), memory V8 knows of outside it, the rest is native (DuckDB, malloc). */
    heapUsedMb: mb(memory.heapUsed),
    heapTotalMb: mb(memory.heapTotal),
    externalMb: mb(memory.external),
    conversationsInMemory: app.config.conversations.inMemory,
    chartStoreMb: round(app.chartStore.bytes / 1024 / 1024),
    target: MEMORY_TARGETS.rssAfterConversationsMb,
    pass: mb(after) <= MEMORY_TARGETS.rssAfterConversationsMb && result.busy === 0 && ok === count,
  };
}

const fakeAnswer: Answer = {
  language: 'fr',
  intent: 'kpi_qa',
  text: 'ok',
  recommendations: [],
  blocks: [],
  charts: [],
  provenance: [{ tool: 'rank_campaigns', args: { metric: 'roi', limit: 5 }, rows: [], rowCount: 5, ms: 3 }],
  followUps: [],
  planner: 'offline',
};

async function webApp(label: string, auditEntries: number) {
  const app = await createApp(
    loadConfig({
      DUCKDB_PATH: ':memory:',
      STATE_DIR: mkdtempSync(join(tmpdir(), `bench-audit-${label}-`)),
      PORT: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      WEB_RATE_LIMIT_PER_ADDRESS: '0',
      WEB_RATE_LIMIT_GLOBAL: '0',
    }),
    { logger: silentLogger() },
  );
  // A log already at its cap, written the way the app writes it (batches of appends).
  const at = new Date();
  for (let i = 0; i < auditEntries; i += 500)
    await Promise.all(
      Array.from({ length: Math.min(500, auditEntries - i) }, (_, j) =>
        app.audit.append(
          buildAuditEntry(
            {
              question: { conversation: `web:old-${i + j}`, text: QUESTIONS[(i + j) % QUESTIONS.length]!, surface: 'web', user: { id: `web:old-${i + j}` } }, // biome-ignore format: one entry
              answer: fakeAnswer,
              at,
              durationMs: 12,
            },
            { questionChars: 500 },
          ),
        ),
      ),
    );
  const server = await startServer(app, [webChatFor(app).router]);
  await steadyClient(server.url, 40, 4, `${label}-warm`);
  return { app, server };
}

/**
 * Answers/s with a full audit log over a fresh one. Both apps are served at the same time, each by its own client
 * (4 questions in flight each), for `rounds` rounds of `perRound` questions: they share the machine's load moment by
 * moment, which alternating rounds did not cancel (pair ratios swung 0.7–1.4 on a busy machine); the ratio is the
 * median of the rounds' ratios.
 */
export async function runAuditThroughput(rounds = 5, perRound = 300) {
  const fresh = await webApp('fresh', 0);
  const full = await webApp('full', 20_000);
  const time = { fresh: 0, full: 0 };
  const ratios: number[] = [];
  try {
    const fullEntries = (await full.app.audit.list()).length;
    for (let round = 0; round < rounds; round++) {
      const [freshRun, fullRun] = await Promise.all([
        steadyClient(fresh.server.url, perRound, 4, `fresh-${round}`),
        steadyClient(full.server.url, perRound, 4, `full-${round}`),
      ]);
      time.fresh += freshRun.durationMs;
      time.full += fullRun.durationMs;
      ratios.push(freshRun.durationMs / fullRun.durationMs);
    }
    const questions = rounds * perRound;
    const sorted = [...ratios].sort((a, b) => a - b);
    const median = (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
    const ratio = Math.round(median * 1000) / 1000;
    return {
      rounds,
      perRound,
      fullEntries,
      freshAnswersPerSecond: round(questions / (time.fresh / 1000)),
      fullAnswersPerSecond: round(questions / (time.full / 1000)),
      pairRatios: ratios.map((value) => Math.round(value * 100) / 100),
      ratio,
      target: MEMORY_TARGETS.fullAuditThroughputRatio,
      pass: ratio >= MEMORY_TARGETS.fullAuditThroughputRatio,
    };
  } finally {
    for (const system of [fresh, full]) {
      await system.server.close();
      await system.app.close();
    }
  }
}
