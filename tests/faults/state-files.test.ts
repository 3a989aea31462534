// Faults: corrupt or missing state files on restart, for the collections not covered elsewhere — conversation
// memory (one file per conversation), feedback, audit and Teams conversation references — and feedback exactly-once.
// Injected: garbage / truncated JSON / wrong-shape JSON written into STATE_DIR files before a (simulated) restart,
// a missing STATE_DIR, and the same feedback button pressed twice. Expected: the bad file is set aside (kept for a
// human), the collection starts empty, new writes land, the bot still answers, and whatever was written before a
// clean restart is still there after it, once.
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createRetryLater, unansweredSchema } from '../../adapters/slack/retry-later.js';
import { createBotAgent } from '../../agent/create-bot-agent.js';
import { FileCheckpointSaver, threadFileName } from '../../agent/memory/file-checkpointer.js';
import { type AuditEntry, createAuditLog } from '../../src/app/audit.js';
import { silentLogger } from '../../src/core/logger.js';
import { createStoredConversationRefs } from '../../src/store/conversation-refs.js';
import { createFeedbackLog } from '../../src/store/feedback.js';
import { createJsonCollection } from '../../src/store/json-collection.js';
import { openSampleWarehouse, type SampleWarehouse } from '../fixtures/sample-warehouse.js';

const GARBAGE = [
  '\u0000\u0001not json at all',
  '{"version":1,"items":[{"at":',
  '{"version":1,"items":[{"x":1}]}',
];

let root: string;
let sample: SampleWarehouse;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'faults-state-'));
  sample = await openSampleWarehouse();
  console.log(
    `state-file faults: ${GARBAGE.length} kinds of garbage into conversations/feedback/audit/teams-conversations/slack-unanswered .json, a missing STATE_DIR, duplicate feedback presses`,
  );
});
afterAll(async () => {
  await sample.close();
  rmSync(root, { recursive: true, force: true });
});

let dirs = 0;
const freshDir = () => join(root, `state-${++dirs}`);
const setAside = (dir: string, file: string) =>
  readdirSync(dir).filter((name) => name.startsWith(`${file}.corrupt-`));

function botAgent(stateDir: string, corrupt: unknown[]) {
  const logger = silentLogger();
  const errorLog = logger.error.bind(logger);
  logger.error = ((...args: Parameters<typeof logger.error>) => {
    corrupt.push(args[0]);
    return errorLog(...args);
  }) as typeof logger.error;
  return createBotAgent({ maxQuestionChars: 2000, stateDir }, { tools: sample.context, logger });
}

describe('conversation memory (conversations/<hash>.json, one file per conversation)', () => {
  const memoryDir = (dir: string) => join(dir, 'conversations');
  const threadFile = (dir: string, thread: string) => join(memoryDir(dir), threadFileName(thread));
  const saverFor = (dir: string) => new FileCheckpointSaver({ directory: memoryDir(dir) });
  const TOP5 = 'Top 5 des campagnes par ROI';

  test.each(GARBAGE.map((text, index) => [index, text] as [number, string]))(
    'garbage #%s in one conversation file: that file set aside, only that conversation starts over',
    async (_index, garbage) => {
      const dir = freshDir();
      // First life: two conversations remembered on disk.
      const first = botAgent(dir, []);
      expect((await first.ask({ conversation: 'c-damaged', text: TOP5 })).errorCode).toBe(undefined);
      expect((await first.ask({ conversation: 'c-kept', text: TOP5 })).errorCode).toBe(undefined);
      const damaged = threadFile(dir, 'c-damaged');
      expect(readFileSync(damaged, 'utf8')).toContain('c-damaged');
      // One file is damaged while the bot is down.
      writeFileSync(damaged, garbage);
      const corrupt: unknown[] = [];
      const second = botAgent(dir, corrupt);
      const answer = await second.ask({ conversation: 'c-after', text: TOP5 });
      expect(answer.errorCode).toBeUndefined();
      expect(answer.provenance.length).toBeGreaterThan(0);
      expect(corrupt).toHaveLength(1); // said once, in the log
      const aside = setAside(memoryDir(dir), threadFileName('c-damaged'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(memoryDir(dir), aside[0]!), 'utf8')).toBe(garbage); // kept for a human, untouched
      const saver = saverFor(dir);
      expect(await saver.getTuple({ configurable: { thread_id: 'c-after' } })).toBeDefined();
      expect(await saver.getTuple({ configurable: { thread_id: 'c-kept' } })).toBeDefined(); // not lost
      expect(await saver.getTuple({ configurable: { thread_id: 'c-damaged' } })).toBeUndefined(); // starts over
    },
  );

  test('a clean restart keeps the conversation (nothing lost), a missing STATE_DIR starts empty', async () => {
    const dir = freshDir();
    expect(existsSync(dir)).toBe(false);
    const first = botAgent(dir, []);
    expect((await first.ask({ conversation: 'keep', text: TOP5 })).errorCode).toBe(undefined);
    const corrupt: unknown[] = [];
    const second = botAgent(dir, corrupt);
    expect(corrupt).toHaveLength(0);
    expect(await saverFor(dir).getTuple({ configurable: { thread_id: 'keep' } })).toBeDefined();
    expect((await second.ask({ conversation: 'keep', text: 'et par revenu ?' })).text.length).toBeGreaterThan(
      0,
    );
    expect(readdirSync(memoryDir(dir)).filter((name) => !name.endsWith('.json'))).toEqual([]); // no .tmp left
  });

  test('a write the process did not finish (a .tmp file) is removed; the previous state of that conversation loads', async () => {
    const dir = freshDir();
    await botAgent(dir, []).ask({ conversation: 'interrupted', text: TOP5 });
    const file = threadFile(dir, 'interrupted');
    writeFileSync(`${file}.tmp`, '{"version":2,"thread":"interr'); // killed mid-write
    const corrupt: unknown[] = [];
    const saver = new FileCheckpointSaver({
      directory: memoryDir(dir),
      onCorrupt: (error) => corrupt.push(error),
    });
    expect(await saver.getTuple({ configurable: { thread_id: 'interrupted' } })).toBeDefined();
    expect(corrupt).toEqual([]);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  test('the single file of earlier versions (conversations.json) is imported once, then renamed; a bad one is set aside', async () => {
    const dir = freshDir();
    await botAgent(dir, []).ask({ conversation: 'legacy-thread', text: TOP5 });
    // Rebuild the version-1 layout from what was written: { version 1, recent, storage by thread, writes }.
    const stored = JSON.parse(readFileSync(threadFile(dir, 'legacy-thread'), 'utf8')) as {
      storage: unknown;
      writes: unknown;
    };
    rmSync(memoryDir(dir), { recursive: true });
    const legacyFile = join(dir, 'conversations.json');
    writeFileSync(
      legacyFile,
      JSON.stringify({
        version: 1,
        recent: ['legacy-thread'],
        storage: { 'legacy-thread': stored.storage },
        writes: stored.writes,
      }),
    );
    const saver = new FileCheckpointSaver({ directory: memoryDir(dir), legacyFile });
    expect(await saver.getTuple({ configurable: { thread_id: 'legacy-thread' } })).toBeDefined();
    await saver.flush();
    // The rename follows the flush, asynchronously: wait for it (up to 10 s) rather than for a fixed time.
    for (let tries = 0; existsSync(legacyFile) && tries < 500; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(existsSync(legacyFile)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.startsWith('conversations.json.imported-'))).toHaveLength(
      1,
    );
    expect(await saverFor(dir).getTuple({ configurable: { thread_id: 'legacy-thread' } })).toBeDefined();

    const badDir = freshDir();
    const badLegacy = join(badDir, 'conversations.json');
    mkdirSync(badDir, { recursive: true });
    writeFileSync(badLegacy, GARBAGE[1]!);
    const corrupt: unknown[] = [];
    new FileCheckpointSaver({
      directory: memoryDir(badDir),
      legacyFile: badLegacy,
      onCorrupt: (e) => corrupt.push(e),
    });
    expect(corrupt).toHaveLength(1);
    expect(setAside(badDir, 'conversations.json')).toHaveLength(1);
  });

  // Found by this suite: an undecodable checkpoint used to break its conversation for good; the agent now resets
  // that one conversation's memory and answers (agent/graph.ts).
  test('a checkpoint that no longer decodes breaks only its memory, not the conversation', async () => {
    const dir = freshDir();
    await botAgent(dir, []).ask({ conversation: 'damaged', text: TOP5 });
    const file = threadFile(dir, 'damaged');
    const data = JSON.parse(readFileSync(file, 'utf8')) as {
      storage: Record<string, Record<string, [string, string, string | null]>>;
    };
    for (const checkpoints of Object.values(data.storage))
      for (const stored of Object.values(checkpoints)) stored[0] = Buffer.from('{"trunc').toString('base64');
    writeFileSync(file, JSON.stringify(data));
    const restarted = botAgent(dir, []);
    expect((await restarted.ask({ conversation: 'other', text: TOP5 })).errorCode).toBe(undefined);
    const answer = await restarted.ask({ conversation: 'damaged', text: TOP5 });
    expect(answer.errorCode).toBeUndefined(); // was 'INTERNAL' on every turn of that conversation
  });
});

const feedback = (answerId: string, user: string, value: 'up' | 'down' = 'up') => ({
  surface: 'slack' as const,
  conversation: 'slack:C1',
  answerId,
  value,
  user,
});

describe('feedback (feedback.json)', () => {
  test('the same button twice → one record (last value wins); two users → two records; both survive a restart', async () => {
    const dir = freshDir();
    const log = createFeedbackLog(dir, { logger: silentLogger() });
    await log.record(feedback('a1', 'slack:T:U1', 'up'));
    await log.record(feedback('a1', 'slack:T:U1', 'up'));
    await log.record(feedback('a1', 'slack:T:U1', 'down'));
    await log.record(feedback('a1', 'slack:T:U2', 'up'));
    // Pressed twice at once (double click): still one record.
    await Promise.all([log.record(feedback('a2', 'slack:T:U1')), log.record(feedback('a2', 'slack:T:U1'))]);
    const expected = [
      { answerId: 'a1', user: 'slack:T:U1', value: 'down' },
      { answerId: 'a1', user: 'slack:T:U2', value: 'up' },
      { answerId: 'a2', user: 'slack:T:U1', value: 'up' },
    ];
    const summary = (items: { answerId: string; user?: string; value: string }[]) =>
      items
        .map(({ answerId, user, value }) => ({ answerId, user, value }))
        .sort((a, b) => `${a.answerId}${a.user}`.localeCompare(`${b.answerId}${b.user}`));
    expect(summary(await log.all())).toEqual(expected);
    const restarted = createFeedbackLog(dir, { logger: silentLogger() });
    expect(summary(await restarted.all())).toEqual(expected);
    // A press after the restart still dedupes against what was on disk.
    await restarted.record(feedback('a2', 'slack:T:U1'));
    expect(await restarted.all()).toHaveLength(3);
  });

  test.each(GARBAGE.map((text, index) => [index, text] as [number, string]))(
    'garbage #%s: set aside, new feedback is recorded and survives a clean restart',
    async (_index, garbage) => {
      const dir = freshDir();
      await createFeedbackLog(dir, { logger: silentLogger() }).record(feedback('old', 'slack:T:U1'));
      writeFileSync(join(dir, 'feedback.json'), garbage);
      const log = createFeedbackLog(dir, { logger: silentLogger() });
      expect(await log.all()).toEqual([]);
      expect(setAside(dir, 'feedback.json')).toHaveLength(1);
      await log.record(feedback('new', 'slack:T:U1'));
      const restarted = createFeedbackLog(dir, { logger: silentLogger() });
      expect((await restarted.all()).map((item) => item.answerId)).toEqual(['new']);
      expect(setAside(dir, 'feedback.json')).toHaveLength(1);
    },
  );
});

const settings = { retentionDays: 3650, maxEntries: 1000, questionChars: 500 };
const entry = (conversation: string): AuditEntry => ({
  at: new Date().toISOString(),
  surface: 'web',
  user: `web:${conversation}`,
  conversation,
  question: 'Top 5 des campagnes par ROI',
  questionChars: 27,
  intent: 'ranking',
  language: 'fr',
  planner: 'offline',
  tools: [],
  durationMs: 12,
  outcome: 'answered',
});

describe('audit log (audit.jsonl, and an old audit.json)', () => {
  test.each(GARBAGE.map((text, index) => [index, text] as [number, string]))(
    'garbage #%s as the old audit.json: set aside, not migrated; the JSON-lines log keeps its entries',
    async (_index, garbage) => {
      const dir = freshDir();
      await createAuditLog(dir, settings, { logger: silentLogger() }).append(entry('old'));
      writeFileSync(join(dir, 'audit.json'), garbage);
      const log = createAuditLog(dir, settings, { logger: silentLogger() });
      expect((await log.list()).map((item) => item.conversation)).toEqual(['old']);
      expect(setAside(dir, 'audit.json')).toHaveLength(1);
      await Promise.all([log.append(entry('n1')), log.append(entry('n2'))]);
      const restarted = createAuditLog(dir, settings, { logger: silentLogger() });
      expect((await restarted.list()).map((item) => item.conversation)).toEqual(['old', 'n1', 'n2']);
    },
  );

  test.each(GARBAGE.map((text, index) => [index, text] as [number, string]))(
    'garbage #%s appended to audit.jsonl (a torn last line): skipped, entries around it and after it kept',
    async (_index, garbage) => {
      const dir = freshDir();
      await createAuditLog(dir, settings, { logger: silentLogger() }).append(entry('before'));
      appendFileSync(join(dir, 'audit.jsonl'), garbage);
      const log = createAuditLog(dir, settings, { logger: silentLogger() });
      await log.append(entry('after'));
      const restarted = createAuditLog(dir, settings, { logger: silentLogger() });
      expect((await restarted.list()).map((item) => item.conversation)).toEqual(['before', 'after']);
    },
  );
});

describe('Teams conversation references (teams-conversations.json)', () => {
  const ref = (id: string) => ({
    conversation: { id, name: `chat ${id}`, isGroup: false, conversationType: 'personal' },
    serviceUrl: 'https://smba.example.test/',
    channelId: 'msteams',
  });

  test.each(GARBAGE.map((text, index) => [index, text] as [number, string]))(
    'garbage #%s: set aside, new references are saved and survive a clean restart',
    async (_index, garbage) => {
      const dir = freshDir();
      await createStoredConversationRefs(dir, { logger: silentLogger() }).save('teams:old', ref('old'));
      writeFileSync(join(dir, 'teams-conversations.json'), garbage);
      const store = createStoredConversationRefs(dir, { logger: silentLogger() });
      expect(await store.get('teams:old')).toBeUndefined();
      expect(setAside(dir, 'teams-conversations.json')).toHaveLength(1);
      await store.save('teams:new', ref('new'));
      const restarted = createStoredConversationRefs(dir, { logger: silentLogger() });
      expect(await restarted.get('teams:new')).toEqual(ref('new'));
    },
  );

  test('a reference saved before a clean restart is still there after it, once', async () => {
    const dir = freshDir();
    const store = createStoredConversationRefs(dir, { logger: silentLogger() });
    await store.save('teams:a', ref('a'));
    await store.save('teams:a', ref('a'));
    await store.save('teams:b', ref('b'));
    const restarted = createStoredConversationRefs(dir, { logger: silentLogger() });
    expect(await restarted.get('teams:a')).toEqual(ref('a'));
    expect(await restarted.get('teams:b')).toEqual(ref('b'));
    const file = JSON.parse(readFileSync(join(dir, 'teams-conversations.json'), 'utf8')) as {
      items: { key: string }[];
    };
    expect(file.items.map((item) => item.key).sort()).toEqual(['teams:a', 'teams:b']);
  });
});

describe('Slack questions kept during an outage (slack-unanswered.json)', () => {
  const question = (threadTs: string) => ({ team: 'T1', channel: 'C1', threadTs, user: 'U1', text: 'Top 5' });
  const retryList = (dir: string, asked: string[] = []) =>
    createRetryLater({
      collection: createJsonCollection(dir, 'slack-unanswered', unansweredSchema, { logger: silentLogger() }),
      ask: async (kept, options) => {
        await options.onPlaceholderPosted?.();
        asked.push(kept.threadTs);
        return 'done';
      },
      logger: silentLogger(),
    });

  test.each(GARBAGE.map((text, index) => [index, text] as [number, string]))(
    'garbage #%s: set aside, a new question is kept, asked once after a clean restart',
    async (_index, garbage) => {
      const dir = freshDir();
      await retryList(dir).add(question('1.1'));
      writeFileSync(join(dir, 'slack-unanswered.json'), garbage);
      const list = retryList(dir);
      expect(await list.pending()).toEqual([]);
      expect(setAside(dir, 'slack-unanswered.json')).toHaveLength(1);
      await list.add(question('2.2'));
      const asked: string[] = [];
      const restarted = retryList(dir, asked);
      await restarted.retry();
      await restarted.retry();
      expect(asked).toEqual(['2.2']);
      expect(await restarted.pending()).toEqual([]);
    },
  );
});
