// The per-user rate limit in front of the agent: the N+1th question of a user within the minute is refused with
// « Trop de questions : réessayez dans N s. » and never reaches the agent, other users are still served, and once
// the window has passed the user is served again. rate-limiter-flexible reads Date.now() and arms timers: jest's
// fake timers move both.
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { createAuditLog } from '../../src/app/audit.js';
import { createGuardedAgent, rateKey, rateLimitedMessage } from '../../src/app/guarded-agent.js';
import { BURST_WINDOW_SECONDS, createRateLimiter } from '../../src/app/rate-limit.js';
import { loadConfig } from '../../src/config.js';
import type { Agent } from '../../src/core/agent.js';
import type { Answer } from '../../src/core/answer.js';
import { ERROR_CODES } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Question } from '../../src/core/question.js';
import { createMemoryBackend } from '../../src/store/backend.js';

const ANSWER: Answer = {
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

function countingAgent(): Agent & { calls: Question[] } {
  const calls: Question[] = [];
  return {
    calls,
    async ask(question) {
      calls.push(question);
      return ANSWER;
    },
  };
}

const from = (user: string, conversation = `conv-${user}`): Question => ({
  conversation,
  text: 'Top 5 des campagnes par ROI',
  user: { id: user },
  surface: 'slack',
});

beforeEach(() => {
  jest.useFakeTimers({ now: Date.parse('2026-11-24T10:00:00Z') });
});
afterEach(() => {
  jest.useRealTimers();
});

describe('guarded agent', () => {
  test('the N+1th question in the minute is refused in French without calling the agent; another user is served', async () => {
    const agent = countingAgent();
    const guarded = createGuardedAgent(agent, {
      limiter: createRateLimiter({ perMinute: 3, burst: 0 }),
      logger: silentLogger(),
    });
    for (let index = 0; index < 3; index++) expect(await guarded.ask(from('slack:T1:U1'))).toBe(ANSWER);
    jest.advanceTimersByTime(20_000);
    const refused = await guarded.ask(from('slack:T1:U1'));
    expect(refused.errorCode).toBe('RATE_LIMITED');
    expect(refused.text).toBe('Trop de questions : réessayez dans 40 s.');
    expect(refused.blocks).toEqual([{ type: 'text', text: refused.text }]);
    expect(refused.provenance).toEqual([]);
    expect(agent.calls).toHaveLength(3);
    // Same user in another conversation: still the same person, still refused.
    expect((await guarded.ask(from('slack:T1:U1', 'elsewhere'))).errorCode).toBe('RATE_LIMITED');
    // Another user, and the same Slack user id in another workspace, are served.
    expect(await guarded.ask(from('slack:T1:U2'))).toBe(ANSWER);
    expect(await guarded.ask(from('slack:T2:U1'))).toBe(ANSWER);
    expect(agent.calls).toHaveLength(5);
  });

  test('once the window has passed the user is served again', async () => {
    const agent = countingAgent();
    const guarded = createGuardedAgent(agent, {
      limiter: createRateLimiter({ perMinute: 2, burst: 0 }),
      logger: silentLogger(),
    });
    await guarded.ask(from('teams:aad-1'));
    await guarded.ask(from('teams:aad-1'));
    expect((await guarded.ask(from('teams:aad-1'))).errorCode).toBe('RATE_LIMITED');
    jest.advanceTimersByTime(59_000);
    expect((await guarded.ask(from('teams:aad-1'))).text).toBe('Trop de questions : réessayez dans 1 s.');
    jest.advanceTimersByTime(1_001);
    expect(await guarded.ask(from('teams:aad-1'))).toBe(ANSWER);
    expect(agent.calls).toHaveLength(3);
  });

  test('the burst allowance: extra questions once per ten minutes, then the minute limit again', async () => {
    const limiter = createRateLimiter({ perMinute: 2, burst: 3 });
    const taken = async (count: number) => {
      const results: boolean[] = [];
      for (let index = 0; index < count; index++) results.push((await limiter.take('u')).allowed);
      return results;
    };
    expect(await taken(6)).toEqual([true, true, true, true, true, false]); // 2 + a burst of 3
    jest.advanceTimersByTime(60_000);
    expect(await taken(3)).toEqual([true, true, false]); // a new minute; the burst is spent for ten minutes
    jest.advanceTimersByTime(BURST_WINDOW_SECONDS * 1000);
    expect(await taken(6)).toEqual([true, true, true, true, true, false]);
  });

  test('without a user the conversation is the key; RATE_LIMIT_PER_MINUTE=0 turns the limit off', async () => {
    expect(rateKey({ conversation: 'c1', text: 'x' })).toBe('conversation:c1');
    expect(rateKey(from('cli:alice'))).toBe('user:cli:alice');
    const off = createRateLimiter({ perMinute: 0, burst: 0 });
    for (let index = 0; index < 1000; index++) expect(await off.take('u')).toEqual({ allowed: true });
  });

  test('a refused question is written to the audit log as rate_limited', async () => {
    const files = new Map<string, string>();
    const audit = createAuditLog(
      '/unused',
      { retentionDays: 90, maxEntries: 100, questionChars: 500 },
      { logger: silentLogger(), backend: createMemoryBackend(files) },
    );
    const guarded = createGuardedAgent(countingAgent(), {
      limiter: createRateLimiter({ perMinute: 1, burst: 0 }),
      audit,
      logger: silentLogger(),
    });
    await guarded.ask(from('web:abc'));
    await guarded.ask(from('web:abc'));
    expect((await audit.list()).map((entry) => [entry.outcome, entry.errorCode ?? null])).toEqual([
      ['answered', null],
      ['rate_limited', 'RATE_LIMITED'],
    ]);
  });

  test('overheard small talk gives its point back; an overheard question does not', async () => {
    const smallTalk = createGuardedAgent(
      {
        async ask(question) {
          return question.text.startsWith('merci') ? { ...ANSWER, intent: 'out_of_scope' } : ANSWER;
        },
      },
      { limiter: createRateLimiter({ perMinute: 2, burst: 0 }), logger: silentLogger() },
    );
    const overheard = (text: string): Question => ({ ...from('U1'), text, addressed: false });
    for (let i = 0; i < 5; i++) await smallTalk.ask(overheard('merci, je regarde'));
    expect((await smallTalk.ask(from('U1'))).errorCode).toBeUndefined(); // 1 of 2
    expect((await smallTalk.ask(overheard('et par CPA ?'))).errorCode).toBeUndefined(); // 2 of 2, kept
    expect((await smallTalk.ask(from('U1'))).errorCode).toBe('RATE_LIMITED');
  });

  test('a failing limiter serves the question (logged), it never takes the bot down', async () => {
    const agent = countingAgent();
    const guarded = createGuardedAgent(agent, {
      limiter: {
        take: async () => {
          throw new Error('limiter bug');
        },
        refund: async () => {},
      },
      logger: silentLogger(),
    });
    expect(await guarded.ask(from('u'))).toBe(ANSWER);
    expect(agent.calls).toHaveLength(1);
  });
});

describe('message and settings', () => {
  test('whole seconds, at least one; the generic French text for RATE_LIMITED', () => {
    expect(rateLimitedMessage(0)).toBe('Trop de questions : réessayez dans 1 s.');
    expect(rateLimitedMessage(1)).toBe('Trop de questions : réessayez dans 1 s.');
    expect(rateLimitedMessage(12_001)).toBe('Trop de questions : réessayez dans 13 s.');
    expect(ERROR_CODES.RATE_LIMITED).toMatch(/^Trop de questions/);
  });

  test('defaults 20 per minute with a burst of 10; both configurable; out-of-range values are refused', () => {
    expect(loadConfig({}).rateLimit).toEqual({ perMinute: 20, burst: 10 });
    expect(loadConfig({}).audit).toEqual({
      retentionDays: 90,
      maxEntries: 20_000,
      questionChars: 500,
      rotateEntries: 5000,
    });
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_BURST: '' }).rateLimit).toEqual({
      perMinute: 0,
      burst: 10,
    });
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '-1' })).toThrow();
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '0' })).toThrow();
  });
});
