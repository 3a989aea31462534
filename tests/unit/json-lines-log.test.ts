// The JSON-lines log under the audit log: each append writes only its own lines, files rotate by count and only
// `maxFiles` are kept (the oldest go, and any past the age retention), an old single-file audit.json is migrated
// once, and a torn last line never swallows the next append.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { z } from 'zod';
import { createAuditLog } from '../../src/app/audit.js';
import { silentLogger } from '../../src/core/logger.js';
import { createMemoryBackend } from '../../src/store/backend.js';
import { createJsonLinesLog } from '../../src/store/json-lines-log.js';

const item = z.object({ n: z.number(), at: z.number().optional() });

function memoryLog(options: {
  linesPerFile: number;
  maxFiles: number;
  expired?: (newest: { n: number; at?: number }) => boolean;
}) {
  const backend = createMemoryBackend();
  const log = createJsonLinesLog('', 'log', item, { logger: silentLogger(), backend, ...options });
  return { log, files: backend.files, backend };
}

const lineCount = (text: string | undefined) => (text ?? '').split('\n').filter(Boolean).length;

describe('appends and rotation', () => {
  test('each append adds its own lines and rewrites nothing: earlier bytes stay as they were', async () => {
    const { log, files } = memoryLog({ linesPerFile: 100, maxFiles: 3 });
    await log.append([{ n: 1 }, { n: 2 }]);
    const before = files.get('log.jsonl')!;
    await log.append([{ n: 3 }]);
    const after = files.get('log.jsonl')!;
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe('{"n":3}\n');
  });

  test('rotates every linesPerFile lines and keeps maxFiles files: the oldest lines go, the newest stay', async () => {
    const { log, files } = memoryLog({ linesPerFile: 10, maxFiles: 3 });
    for (let n = 0; n < 95; n++) await log.append([{ n }]);
    expect([...files.keys()].sort()).toEqual(['log.8.jsonl', 'log.9.jsonl', 'log.jsonl']);
    expect(lineCount(files.get('log.jsonl'))).toBe(5);
    const kept = (await log.readAll()).map((entry) => entry.n);
    expect(kept).toEqual(Array.from({ length: 25 }, (_, i) => 70 + i));
  });

  test('a rotated file whose newest line is past the age retention is removed at the next rotation', async () => {
    let cutoff = 0;
    const { log, files } = memoryLog({
      linesPerFile: 5,
      maxFiles: 10,
      expired: (newest) => (newest.at ?? 0) < cutoff,
    });
    for (let n = 0; n < 15; n++) await log.append([{ n, at: n }]);
    expect(files.has('log.1.jsonl')).toBe(true);
    cutoff = 7; // the first file's newest is 4, the second's 9
    for (let n = 15; n < 21; n++) await log.append([{ n, at: n }]);
    expect(files.has('log.1.jsonl')).toBe(false);
    expect(files.has('log.2.jsonl')).toBe(true);
  });

  test('a torn last line (a crash mid-append) is skipped and the next append starts on its own line', async () => {
    const { log, files } = memoryLog({ linesPerFile: 100, maxFiles: 3 });
    await log.append([{ n: 1 }]);
    files.set('log.jsonl', `${files.get('log.jsonl')}{"n":2,"at`);
    const reopened = createJsonLinesLog('', 'log', item, {
      logger: silentLogger(),
      backend: { ...createMemoryBackend(files) },
      linesPerFile: 100,
      maxFiles: 3,
    });
    await reopened.append([{ n: 3 }]);
    expect((await reopened.readAll()).map((entry) => entry.n)).toEqual([1, 3]);
  });

  test('appends arriving together are written in call order', async () => {
    const { log } = memoryLog({ linesPerFile: 7, maxFiles: 100 });
    await Promise.all(Array.from({ length: 50 }, (_, n) => log.append([{ n }])));
    expect((await log.readAll()).map((entry) => entry.n)).toEqual(Array.from({ length: 50 }, (_, n) => n));
  });
});

describe('the audit log on it', () => {
  const settings = { retentionDays: 90, maxEntries: 20, questionChars: 500, rotateEntries: 10 };
  const entry = (n: number) => ({
    at: new Date().toISOString(),
    surface: 'web' as const,
    conversation: `web:${n}`,
    questionChars: 1,
    intent: 'kpi_qa',
    planner: 'offline',
    tools: [],
    durationMs: 1,
    outcome: 'answered' as const,
  });

  test('bounded on disk (maxEntries + one file) while list() shows exactly the newest maxEntries', async () => {
    const backend = createMemoryBackend();
    const audit = createAuditLog('', settings, { logger: silentLogger(), backend, retryMs: 0 });
    for (let n = 0; n < 100; n++) await audit.append(entry(n));
    const lines = [...backend.files.values()].reduce((sum, text) => sum + lineCount(text), 0);
    expect(lines).toBeLessThanOrEqual(30);
    const listed = await audit.list();
    expect(listed.map((e) => e.conversation)).toEqual(Array.from({ length: 20 }, (_, i) => `web:${80 + i}`));
    audit.close();
  });

  test('an existing audit.json is migrated once: same entries, then renamed; later appends go to audit.jsonl', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-migrate-'));
    const old = [entry(1), entry(2), entry(3)];
    writeFileSync(join(dir, 'audit.json'), JSON.stringify({ version: 1, items: old }, null, 1));
    const audit = createAuditLog(dir, settings, { logger: silentLogger(), retryMs: 0 });
    expect(await audit.list()).toEqual(old);
    await audit.append(entry(4));
    const names = readdirSync(dir);
    expect(names).not.toContain('audit.json');
    expect(names.filter((name) => name.startsWith('audit.json.migrated-'))).toHaveLength(1);
    const reopened = createAuditLog(dir, settings, { logger: silentLogger(), retryMs: 0 });
    expect((await reopened.list()).map((e) => e.conversation)).toEqual(['web:1', 'web:2', 'web:3', 'web:4']);
    expect(lineCount(readFileSync(join(dir, 'audit.jsonl'), 'utf8'))).toBe(4);
    audit.close();
    reopened.close();
  });
});
