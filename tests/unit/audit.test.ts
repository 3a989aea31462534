// The audit log: one entry per question through the guarded agent (who, where, which tools with which arguments,
// how long, how it ended), append-only, bounded by retention and a hard cap on an injectable clock, and never a
// secret from the configuration in it, even when a user pastes one into a question.
import { describe, expect, test } from '@jest/globals';
import { configSecrets } from '../../src/app/app.js';
import { type AuditEntry, buildAuditEntry, createAuditLog, outcomeOf } from '../../src/app/audit.js';
import { createGuardedAgent } from '../../src/app/guarded-agent.js';
import { loadConfig } from '../../src/config.js';
import type { Agent } from '../../src/core/agent.js';
import type { Answer } from '../../src/core/answer.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Question } from '../../src/core/question.js';
import { createMemoryBackend } from '../../src/store/backend.js';

const DAY = 86_400_000;

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    language: 'fr',
    intent: 'kpi_qa',
    text: 'Top 5…',
    recommendations: [],
    blocks: [],
    charts: [],
    provenance: [],
    followUps: [],
    planner: 'offline',
    ...overrides,
  };
}

const ranking = answer({
  provenance: [
    {
      tool: 'rank_campaigns',
      args: { metric: 'roi', limit: 5, order: 'desc' },
      sql: 'SELECT campaign_name, roi FROM marketing_kpi ORDER BY roi DESC LIMIT ?',
      params: [5],
      rows: [{ campaign_name: 'youtube_blogger', roi: 2.7 }],
      rowCount: 1,
      ms: 12.4,
    },
  ],
});

/** An agent that answers from a script and counts its calls. */
function scriptedAgent(
  reply: (question: Question) => Answer | Promise<Answer>,
): Agent & { calls: Question[] } {
  const calls: Question[] = [];
  return {
    calls,
    async ask(question) {
      calls.push(question);
      return reply(question);
    },
  };
}

function setup(options: { now?: () => Date; maxEntries?: number; retentionDays?: number } = {}) {
  const files = new Map<string, string>();
  const backend = createMemoryBackend(files);
  let clock = Date.parse('2026-11-24T10:00:00Z');
  const now = options.now ?? (() => new Date(clock));
  const settings = {
    retentionDays: options.retentionDays ?? 90,
    maxEntries: options.maxEntries ?? 20_000,
    questionChars: 500,
  };
  const audit = createAuditLog('/unused', settings, { logger: silentLogger(), backend, now });
  return {
    files,
    audit,
    settings,
    advance: (ms: number) => {
      clock += ms;
    },
    at: () => clock,
    reopen: () => createAuditLog('/unused', settings, { logger: silentLogger(), backend, now }),
  };
}

const q = (text: string, user = 'slack:T1:U1', conversation = 'slack:T1:C1:1.1'): Question => ({
  conversation,
  text,
  user: { id: user },
  surface: 'slack',
});

describe('entries', () => {
  test('one entry per question: who, where, tools with their arguments, rows, durations, outcome', async () => {
    const { audit, at, advance } = setup();
    let clock = Date.parse('2026-11-24T10:00:00Z');
    const agent = createGuardedAgent(
      scriptedAgent((question) => {
        clock += 37; // the agent takes 37 ms
        return question.text === 'météo ?' ? answer({ intent: 'out_of_scope' }) : ranking;
      }),
      { audit, logger: silentLogger(), now: () => clock },
    );
    expect(at()).toBe(clock);
    await agent.ask(q('Top 5 des campagnes par ROI'));
    advance(1000);
    await agent.ask({ conversation: 'teams:a:1', text: 'météo ?', user: { id: 'teams:aad-1', name: 'Ana' }, surface: 'teams' }); // biome-ignore format: one question
    const entries = await audit.list();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual({
      at: '2026-11-24T10:00:00.000Z',
      surface: 'slack',
      user: 'slack:T1:U1',
      conversation: 'slack:T1:C1:1.1',
      question: 'Top 5 des campagnes par ROI',
      questionChars: 27,
      intent: 'kpi_qa',
      language: 'fr',
      planner: 'offline',
      tools: [
        { tool: 'rank_campaigns', args: { metric: 'roi', limit: 5, order: 'desc' }, rowCount: 1, ms: 12 },
      ],
      durationMs: 37,
      outcome: 'answered',
    });
    // No SQL text, no parameters, no rows: the arguments say what was asked for.
    expect(JSON.stringify(entries)).not.toContain('SELECT');
    expect(JSON.stringify(entries)).not.toContain('youtube_blogger');
    expect(entries[1]).toMatchObject({
      surface: 'teams',
      user: 'teams:aad-1',
      userName: 'Ana',
      intent: 'out_of_scope',
      tools: [],
      outcome: 'refused',
    });
  });

  test('outcomes: answered, refused (out of scope, a question the bot cannot take), error, rate_limited', () => {
    expect(outcomeOf(ranking)).toBe('answered');
    expect(outcomeOf(answer({ intent: 'help' }))).toBe('answered');
    expect(outcomeOf(answer({ intent: 'out_of_scope' }))).toBe('refused');
    expect(outcomeOf(answer({ errorCode: 'QUESTION_TOO_LONG' }))).toBe('refused');
    expect(outcomeOf(answer({ errorCode: 'CAMPAIGN_NOT_FOUND' }))).toBe('refused');
    expect(outcomeOf(answer({ errorCode: 'WAREHOUSE_TIMEOUT' }))).toBe('error');
    expect(outcomeOf(answer({ errorCode: 'INTERNAL' }))).toBe('error');
    expect(outcomeOf(answer({ errorCode: 'RATE_LIMITED' }))).toBe('rate_limited');
  });

  test('overheard small talk (not addressed, out of scope) is not audited; an overheard question is', async () => {
    const { audit } = setup();
    const agent = createGuardedAgent(
      scriptedAgent((question) =>
        question.text.startsWith('merci') ? answer({ intent: 'out_of_scope' }) : ranking,
      ),
      { audit, logger: silentLogger() },
    );
    await agent.ask({ ...q('merci, je regarde ça'), addressed: false });
    await agent.ask({ ...q('et par CPA ?'), addressed: false });
    await agent.ask(q('merci')); // addressed to the bot: audited as refused, as before
    const entries = await audit.list();
    expect(entries.map((entry) => [entry.question, entry.outcome])).toEqual([
      ['et par CPA ?', 'answered'],
      ['merci', 'refused'],
    ]);
  });

  test('an agent that throws is still audited (error) and the caller gets the French message', async () => {
    const { audit } = setup();
    const agent = createGuardedAgent(
      scriptedAgent(() => {
        throw new Error('boom at /srv/app.ts:12');
      }),
      { audit, logger: silentLogger() },
    );
    const reply = await agent.ask(q('Top 5'));
    expect(reply.errorCode).toBe('INTERNAL');
    expect(reply.text).toMatch(/^Une erreur inattendue/);
    expect(reply.text).not.toContain('boom');
    expect(await audit.list()).toMatchObject([{ outcome: 'error', errorCode: 'INTERNAL' }]);
  });

  test('an audit write failure is logged and never breaks the answer', async () => {
    const failing = createAuditLog(
      '/unused',
      { retentionDays: 90, maxEntries: 100, questionChars: 500 },
      {
        logger: silentLogger(),
        backend: {
          ...createMemoryBackend(),
          append: async () => {
            throw new Error('EROFS: read-only file system');
          },
        },
      },
    );
    const lines: unknown[] = [];
    const logger = silentLogger();
    logger.error = ((object: unknown) => {
      lines.push(object);
    }) as typeof logger.error;
    const agent = createGuardedAgent(
      scriptedAgent(() => ranking),
      { audit: failing, logger },
    );
    await expect(agent.ask(q('Top 5'))).resolves.toBe(ranking);
    expect(lines).toEqual([{ err: 'EROFS: read-only file system' }]);
  });

  test('concurrent questions are all kept (appends arriving together share one write)', async () => {
    const { audit, files } = setup();
    const agent = createGuardedAgent(
      scriptedAgent(() => ranking),
      { audit, logger: silentLogger() },
    );
    await Promise.all(Array.from({ length: 60 }, (_, index) => agent.ask(q(`question ${index}`, `slack:T1:U${index}`)))); // biome-ignore format: one line
    const entries = await audit.list();
    expect(entries).toHaveLength(60);
    expect(new Set(entries.map((entry) => entry.question))).toEqual(new Set(Array.from({ length: 60 }, (_, i) => `question ${i}`))); // biome-ignore format: one line
    // One JSON line per entry, nothing else in the file.
    expect(
      files
        .get('audit.jsonl')!
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).question),
    ).toHaveLength(60);
  });

  test('appends arriving while a write is on disk all share the next write (one fsync, not one each)', async () => {
    const backend = createMemoryBackend();
    let appends = 0;
    let release!: () => void;
    const firstWrite = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = {
      ...backend,
      async append(file: string, text: string) {
        appends++;
        if (appends === 1) await firstWrite; // the disk is slow on the first write
        await backend.append(file, text);
      },
    };
    const audit = createAuditLog('/unused', { retentionDays: 90, maxEntries: 1000, questionChars: 500 }, { logger: silentLogger(), backend: slow }); // biome-ignore format: one line
    const agent = createGuardedAgent(
      scriptedAgent(() => ranking),
      { audit, logger: silentLogger() },
    );
    const first = agent.ask(q('first'));
    await new Promise((resolve) => setImmediate(resolve));
    const burst = Array.from({ length: 200 }, (_, i) => agent.ask(q(`q${i}`, `slack:T1:U${i}`)));
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await Promise.all([first, ...burst]);
    expect(appends).toBe(2);
    expect(await audit.list()).toHaveLength(201);
    audit.close();
  });

  test('the question is cut to AUDIT_QUESTION_CHARS; with 0 only its length is kept', () => {
    const long = 'é'.repeat(2000);
    const at = new Date('2026-11-24T10:00:00Z');
    const kept = buildAuditEntry(
      { question: q(long), answer: ranking, at, durationMs: 1 },
      { questionChars: 500 },
    );
    expect(kept.question).toBe(`${'é'.repeat(500)}…`);
    expect(kept.questionChars).toBe(2000);
    const none = buildAuditEntry(
      { question: q(long), answer: ranking, at, durationMs: 1 },
      { questionChars: 0 },
    );
    expect(none.question).toBeUndefined();
    expect(none.questionChars).toBe(2000);
  });
});

describe('append-only and retention', () => {
  test('earlier entries are never modified by later appends, and survive a restart', async () => {
    const { audit, advance, reopen } = setup();
    const agent = createGuardedAgent(
      scriptedAgent(() => ranking),
      { audit, logger: silentLogger() },
    );
    await agent.ask(q('première'));
    const before = structuredClone(await audit.list());
    for (let index = 0; index < 5; index++) {
      advance(60_000);
      await agent.ask(q(`suivante ${index}`));
    }
    const after = await audit.list();
    expect(after).toHaveLength(6);
    expect(after.slice(0, 1)).toEqual(before);
    expect(await reopen().list()).toEqual(after);
    // The interface offers no way to change or delete an entry (flush writes waiting ones, health counts them).
    expect(Object.keys(audit).sort()).toEqual(['append', 'close', 'flush', 'health', 'list']);
  });

  test('entries older than the retention are dropped at the next write; the cap keeps the newest', async () => {
    const { audit, advance } = setup({ retentionDays: 90, maxEntries: 100 });
    const agent = createGuardedAgent(
      scriptedAgent(() => ranking),
      { audit, logger: silentLogger(), now: () => Date.now() },
    );
    const entryAt = (offsetDays: number, text: string): AuditEntry =>
      buildAuditEntry(
        { question: q(text), answer: ranking, at: new Date(Date.parse('2026-11-24T10:00:00Z') + offsetDays * DAY), durationMs: 1 }, // biome-ignore format: one entry
        { questionChars: 500 },
      );
    await audit.append(entryAt(-100, 'trop vieille'));
    await audit.append(entryAt(-89, 'récente'));
    expect((await audit.list()).map((entry) => entry.question)).toEqual(['récente']);
    advance(2 * DAY); // now the « récente » entry is 91 days old
    await audit.append(entryAt(2, 'nouvelle'));
    expect((await audit.list()).map((entry) => entry.question)).toEqual(['nouvelle']);
    for (let index = 0; index < 150; index++) await audit.append(entryAt(2, `n${index}`));
    const kept = await audit.list();
    expect(kept).toHaveLength(100);
    expect(kept.at(0)?.question).toBe('n50');
    expect(kept.at(-1)?.question).toBe('n149');
    expect(agent).toBeDefined();
  });

  test('list filters by date, by user (full id or platform id) and keeps the newest N', async () => {
    const { audit } = setup();
    const base = Date.parse('2026-11-20T08:00:00Z');
    for (let index = 0; index < 6; index++) {
      await audit.append(
        buildAuditEntry(
          { question: q(`q${index}`, index % 2 ? 'slack:T1:U1' : 'teams:aad-2'), answer: ranking, at: new Date(base + index * DAY), durationMs: 1 }, // biome-ignore format: one entry
          { questionChars: 500 },
        ),
      );
    }
    const texts = (entries: AuditEntry[]) => entries.map((entry) => entry.question);
    expect(texts(await audit.list({ since: new Date('2026-11-23T00:00:00Z') }))).toEqual(['q3', 'q4', 'q5']);
    expect(texts(await audit.list({ user: 'U1' }))).toEqual(['q1', 'q3', 'q5']);
    expect(texts(await audit.list({ user: 'teams:aad-2' }))).toEqual(['q0', 'q2', 'q4']);
    expect(texts(await audit.list({ user: 'U', limit: 2 }))).toEqual([]);
    expect(texts(await audit.list({ limit: 2 }))).toEqual(['q4', 'q5']);
  });
});

describe('no secrets', () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    OPENAI_API_KEY: 'sk-live-abcdefghijklmnopqrstuvwxyz0123',
    SLACK_BOT_TOKEN: 'xoxb-111-222-secretsecretsecret',
    SLACK_SIGNING_SECRET: 'signing-secret-0123456789abcdef',
    MICROSOFT_APP_ID: 'app-id',
    MICROSOFT_APP_PASSWORD: 'teams-password-0123456789',
  });
  const secrets = configSecrets(config).filter((value): value is string => value !== undefined);

  test('the configured secrets never reach an entry, even pasted into a question or an argument', async () => {
    const { audit, files } = setup();
    const pasted = `mon token est ${config.slack.botToken} et la clé ${config.llm?.apiKey}, mot de passe ${config.teams.appPassword} signing ${config.slack.signingSecret}`; // biome-ignore format: one line
    const agent = createGuardedAgent(
      scriptedAgent(() =>
        answer({
          errorCode: 'CAMPAIGN_NOT_FOUND',
          provenance: [
            {
              tool: 'describe_campaign',
              args: { campaign: config.slack.botToken },
              rows: [],
              rowCount: 0,
              ms: 1,
            },
          ],
        }),
      ),
      { audit, logger: silentLogger(), auditSettings: { questionChars: 500, secrets } },
    );
    await agent.ask(q(pasted));
    const stored = files.get('audit.jsonl')!;
    expect(secrets).toHaveLength(4);
    for (const secret of secrets) expect(stored).not.toContain(secret);
    const [entry] = await audit.list();
    expect(entry?.question).toBe(
      'mon token est [redacted] et la clé [redacted], mot de passe [redacted] signing [redacted]',
    );
    expect(entry?.tools[0]?.args).toEqual({ campaign: '[redacted]' });
  });

  test('token-shaped strings are scrubbed even when they are not the configured ones', () => {
    const entry = buildAuditEntry(
      {
        question: q('xoxb-999-888-abcdefghijkl xapp-1-A0-12345678 sk-proj-abcdefghijklmnop1234 Bearer abc.def.ghijklmn dapi0123456789abcdef0123456789abcdef rest'), // biome-ignore format: one line
        answer: ranking,
        at: new Date(),
        durationMs: 1,
      },
      { questionChars: 500 },
    );
    expect(entry.question).toBe('[redacted] [redacted] [redacted] [redacted] [redacted] rest');
  });
});
