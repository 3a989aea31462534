// State on an unlucky disk: a backend that throws ENOSPC (as a full STATE_DIR does) for a while, then recovers.
// Every write reports its failure upward, audit entries wait in a bounded memory queue and are all written once
// space returns, temp files never outlive a failed write and orphans are swept at start, and /healthz says
// `degraded` with the reason while STATE_DIR cannot be written.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { z } from 'zod';
import { FileCheckpointSaver, threadFileName } from '../../agent/memory/file-checkpointer.js';
import { createApp } from '../../src/app/app.js';
import { type AuditEntry, auditEntrySchema, createAuditLog } from '../../src/app/audit.js';
import { createGuardedAgent } from '../../src/app/guarded-agent.js';
import { startServer } from '../../src/app/http/server.js';
import { webChatFor } from '../../src/app/platforms.js';
import { loadConfig } from '../../src/config.js';
import type { Answer } from '../../src/core/answer.js';
import { silentLogger } from '../../src/core/logger.js';
import { createDiskBackend, createMemoryBackend, type StoreBackend } from '../../src/store/backend.js';
import { createJsonCollection } from '../../src/store/json-collection.js';
import { sweepTempFiles } from '../../src/store/sweep.js';

const root = mkdtempSync(join(tmpdir(), 'disk-full-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A memory "disk" that refuses every write while `full` is set, like a full tmpfs. */
function fullableBackend() {
  const memory = createMemoryBackend();
  const state = { full: false, refused: 0 };
  const backend: StoreBackend = {
    ...memory,
    async write(file, text) {
      if (state.full) {
        state.refused++;
        throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), {
          code: 'ENOSPC',
        });
      }
      await memory.write(file, text);
    },
    async append(file, text) {
      if (state.full) {
        state.refused++;
        throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), {
          code: 'ENOSPC',
        });
      }
      await memory.append(file, text);
    },
  };
  return { backend, state, files: memory.files };
}

const answer: Answer = {
  language: 'fr',
  intent: 'kpi_qa',
  text: 'ok',
  recommendations: [],
  blocks: [],
  charts: [],
  provenance: [],
  followUps: [],
  planner: 'offline',
};
const settings = { retentionDays: 90, maxEntries: 20_000, questionChars: 500 };

describe('audit on a full disk', () => {
  test('120 questions answered while the disk is full, all 120 entries written once space returns', async () => {
    const disk = fullableBackend();
    const audit = createAuditLog('', settings, { logger: silentLogger(), backend: disk.backend, retryMs: 0 });
    const agent = createGuardedAgent({ ask: async () => answer }, { audit, logger: silentLogger() });
    disk.state.full = true;
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        agent.ask({ conversation: `web:c${i}`, text: `question ${i}`, user: { id: `web:u${i}` } }),
      ),
    );
    expect(answers.filter((a) => a.text === 'ok')).toHaveLength(120);
    expect(disk.state.refused).toBeGreaterThan(0);
    expect(audit.health()).toMatchObject({
      unwritten: 120,
      dropped: 0,
      lastError: expect.stringContaining('ENOSPC'),
    });
    expect(await audit.list()).toEqual([]); // memory never runs ahead of the disk

    disk.state.full = false;
    await audit.flush();
    const stored = await audit.list();
    expect(stored).toHaveLength(120);
    expect(new Set(stored.map((entry) => entry.question))).toEqual(
      new Set(Array.from({ length: 120 }, (_, i) => `question ${i}`)),
    );
    expect(audit.health()).toEqual({ unwritten: 0, dropped: 0 });
    audit.close();
  });

  test('a failed append rejects (reported upward) and its entry is written with the next one', async () => {
    const disk = fullableBackend();
    const audit = createAuditLog('', settings, { logger: silentLogger(), backend: disk.backend, retryMs: 0 });
    const entry = (i: number): AuditEntry =>
      auditEntrySchema.parse({
        at: new Date(Date.now() - 60_000 + i * 1000).toISOString(), // within the 90-day retention
        surface: 'web',
        conversation: `web:${i}`,
        questionChars: 1,
        intent: 'kpi_qa',
        language: 'fr',
        planner: 'offline',
        tools: [],
        durationMs: 1,
        outcome: 'answered',
      });
    disk.state.full = true;
    await expect(audit.append(entry(1))).rejects.toThrow(/ENOSPC/);
    await expect(audit.append(entry(2))).rejects.toThrow(/ENOSPC/);
    disk.state.full = false;
    await audit.append(entry(3));
    expect((await audit.list()).map((e) => e.conversation)).toEqual(['web:1', 'web:2', 'web:3']);
    audit.close();
  });

  test('the memory queue is bounded: the oldest are dropped and counted', async () => {
    const disk = fullableBackend();
    const audit = createAuditLog('', settings, {
      logger: silentLogger(),
      backend: disk.backend,
      retryMs: 0,
      maxUnwritten: 10,
    });
    const agent = createGuardedAgent({ ask: async () => answer }, { audit, logger: silentLogger() });
    disk.state.full = true;
    for (let i = 0; i < 25; i++)
      await agent.ask({ conversation: `web:c${i}`, text: `q${i}`, user: { id: 'web:u' } });
    expect(audit.health()).toMatchObject({ unwritten: 10, dropped: 15 });
    disk.state.full = false;
    await audit.flush();
    expect((await audit.list()).map((e) => e.question)).toEqual(
      Array.from({ length: 10 }, (_, i) => `q${i + 15}`),
    );
    audit.close();
  });
});

describe('collections and memory files report failures and leave no temp file', () => {
  test('a collection write on a full disk rejects and changes nothing in memory', async () => {
    const disk = fullableBackend();
    const collection = createJsonCollection('', 'subs', z.object({ id: z.string() }), {
      logger: silentLogger(),
      backend: disk.backend,
    });
    await collection.update(() => [{ id: 'a' }]);
    disk.state.full = true;
    await expect(collection.update((items) => [...items, { id: 'b' }])).rejects.toThrow(/ENOSPC/);
    expect(collection.all()).toEqual([{ id: 'a' }]);
    disk.state.full = false;
    await collection.update((items) => [...items, { id: 'b' }]);
    expect(collection.all()).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  test('the disk backend removes its temp file when the write fails', async () => {
    const dir = join(root, 'backend');
    mkdirSync(join(dir, 'blocked.json'), { recursive: true }); // a directory where the file should go: rename fails
    await expect(createDiskBackend(dir).write('blocked.json', '{}')).rejects.toThrow();
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('the conversation memory reports a failed write, removes its temp file, and writes it once it can', async () => {
    const dir = join(root, 'conversations');
    const errors: unknown[] = [];
    const saver = new FileCheckpointSaver({ directory: dir, onWriteError: (error) => errors.push(error) });
    const checkpoint = (id: string) => ({
      v: 1,
      id,
      ts: new Date(0).toISOString(),
      channel_values: {},
      channel_versions: {},
      versions_seen: {},
    });
    const put = (thread: string, id: string) =>
      saver.put({ configurable: { thread_id: thread, checkpoint_ns: '' } }, checkpoint(id), {
        source: 'input',
        step: 0,
        parents: {},
      });
    // A directory where t1's file should go: its write fails, as on a full disk.
    const blocked = join(dir, threadFileName('t1'));
    mkdirSync(blocked, { recursive: true });
    await put('t1', '1ef00000-0000-6000-8000-000000000001');
    expect(errors).toHaveLength(1);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    // Space returns; the next write that succeeds (another conversation) brings t1 to disk too.
    rmSync(blocked, { recursive: true });
    await put('t2', '1ef00000-0000-6000-8000-000000000002');
    await saver.flush();
    const reloaded = new FileCheckpointSaver({ directory: dir });
    expect(reloaded.threadIds().sort()).toEqual(['t1', 't2']);
    const tuple = await reloaded.getTuple({ configurable: { thread_id: 't1', checkpoint_ns: '' } });
    expect(tuple?.checkpoint.id).toBe('1ef00000-0000-6000-8000-000000000001');
  });
});

describe('temp files swept at start', () => {
  test('orphans of dead processes and old pid-less ones go; a live process’s stay', async () => {
    const dir = join(root, 'sweep');
    mkdirSync(dir, { recursive: true });
    const names = [
      'audit.json.4000001.ab12.tmp',
      'x.json.4000002.tmp',
      'old.json.tmp',
      'fresh.json.tmp',
      `live.json.${process.pid}.cd34.tmp`,
      'audit.json',
    ];
    for (const name of names) writeFileSync(join(dir, name), 'x');
    utimesSync(join(dir, 'old.json.tmp'), new Date(0), new Date(0));
    const removed = await sweepTempFiles([dir], { isAlive: (pid) => pid === process.pid });
    expect(removed.sort()).toEqual(['audit.json.4000001.ab12.tmp', 'old.json.tmp', 'x.json.4000002.tmp']);
    expect(readdirSync(dir).sort()).toEqual([
      'audit.json',
      'fresh.json.tmp',
      `live.json.${process.pid}.cd34.tmp`,
    ]);
  });

  test('createApp sweeps STATE_DIR and its conversations folder', async () => {
    const stateDir = join(root, 'app-state');
    mkdirSync(join(stateDir, 'conversations'), { recursive: true });
    // pid 4 000 001 is above Linux's pid_max (4 194 304 is the largest allowed; the default is far lower)... or dead.
    writeFileSync(join(stateDir, 'audit.json.4000001.ab12.tmp'), 'x'.repeat(1000));
    writeFileSync(join(stateDir, 'conversations', 'abc.json.4000001.tmp'), 'x'.repeat(1000));
    const app = await createApp(loadConfig({ DUCKDB_PATH: ':memory:', STATE_DIR: stateDir, PORT: '0' }), {
      logger: silentLogger(),
    });
    await app.close();
    expect(existsSync(join(stateDir, 'audit.json.4000001.ab12.tmp'))).toBe(false);
    expect(existsSync(join(stateDir, 'conversations', 'abc.json.4000001.tmp'))).toBe(false);
  }, 60_000);
});

describe('/healthz', () => {
  test('degraded with the reason when STATE_DIR cannot be written; ok when it can', async () => {
    const stateDir = join(root, 'health-state');
    const app = await createApp(loadConfig({ DUCKDB_PATH: ':memory:', STATE_DIR: stateDir, PORT: '0' }), {
      logger: silentLogger(),
    });
    const server = await startServer(app, [webChatFor(app).router]);
    try {
      const healthy = (await (await fetch(`${server.url}healthz`)).json()) as { status: string };
      expect(healthy.status).toBe('ok');

      const other = await createApp(
        loadConfig({ DUCKDB_PATH: ':memory:', STATE_DIR: join(root, 'health-broken'), PORT: '0' }),
        { logger: silentLogger() },
      );
      const otherServer = await startServer(other, [webChatFor(other).router]);
      // The state directory disappears and a file takes its place: nothing can be written there any more.
      renameSync(join(root, 'health-broken'), join(root, 'health-broken-moved'));
      writeFileSync(join(root, 'health-broken'), 'not a directory');
      const response = await fetch(`${otherServer.url}healthz`);
      const body = (await response.json()) as { status: string; reasons: string[]; live: boolean };
      await otherServer.close();
      await other.close();
      expect(response.status).toBe(200);
      expect(body.status).toBe('degraded');
      expect(body.live).toBe(true);
      expect(body.reasons.join(' ')).toMatch(/STATE_DIR not writable \((ENOTDIR|ENOENT)/);
    } finally {
      await server.close();
      await app.close();
    }
  }, 60_000);
});
