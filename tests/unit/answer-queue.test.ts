// The line questions wait in: never more than `concurrency` answers at once, served in arrival order, and once
// `maxWaiting` questions wait, the next one is answered « Je reçois beaucoup de questions… » (code BUSY) without
// reaching the agent. Nothing is lost: every question admitted gets its own answer.
import { describe, expect, test } from '@jest/globals';
import { createAnswerQueue } from '../../src/app/answer-queue.js';
import { outcomeOf } from '../../src/app/audit.js';
import { createGuardedAgent } from '../../src/app/guarded-agent.js';
import type { Agent } from '../../src/core/agent.js';
import type { Answer } from '../../src/core/answer.js';
import { ERROR_CODES } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Question } from '../../src/core/question.js';

/** An agent whose answers are released by hand, recording how many run at once. */
function gatedAgent() {
  const started: string[] = [];
  const release: (() => void)[] = [];
  let running = 0;
  let maxRunning = 0;
  const agent: Agent = {
    async ask(question) {
      started.push(question.text);
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise<void>((resolve) => release.push(resolve));
      running--;
      return { text: `réponse à ${question.text}`, language: 'fr', intent: 'kpi_qa' } as Answer;
    },
  };
  return { agent, started, release, maxRunning: () => maxRunning };
}

const question = (n: number): Question => ({ conversation: `c${n}`, text: `q${n}`, surface: 'web' });
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('answer queue', () => {
  test('at most `concurrency` at once, in arrival order; every admitted question gets its own answer', async () => {
    const gated = gatedAgent();
    const queue = createAnswerQueue({ concurrency: 2, maxWaiting: 100 });
    const guarded = createGuardedAgent(gated.agent, { queue, logger: silentLogger() });
    const answers = Array.from({ length: 7 }, (_, n) => guarded.ask(question(n)));
    await tick();
    expect(gated.started).toEqual(['q0', 'q1']);
    expect(queue.stats()).toEqual({ waiting: 5, running: 2, expired: 0 });
    while (gated.started.length < 7 || gated.release.length > 0) {
      gated.release.shift()?.();
      await tick();
    }
    const texts = (await Promise.all(answers)).map((answer) => answer.text);
    expect(texts).toEqual(Array.from({ length: 7 }, (_, n) => `réponse à q${n}`));
    expect(gated.started).toEqual(Array.from({ length: 7 }, (_, n) => `q${n}`));
    expect(gated.maxRunning()).toBe(2);
    expect(queue.stats()).toEqual({ waiting: 0, running: 0, expired: 0 });
  });

  test('a full line answers BUSY in French at once, without calling the agent; it serves again once it drains', async () => {
    const gated = gatedAgent();
    const queue = createAnswerQueue({ concurrency: 1, maxWaiting: 2 });
    const guarded = createGuardedAgent(gated.agent, { queue, logger: silentLogger() });
    const admitted = [0, 1, 2].map((n) => guarded.ask(question(n))); // 1 running + 2 waiting
    await tick();
    const refused = await guarded.ask(question(3));
    expect(refused.errorCode).toBe('BUSY');
    expect(refused.text).toContain(ERROR_CODES.BUSY);
    expect(outcomeOf(refused)).toBe('busy'); // how the audit log records it
    expect(gated.started).not.toContain('q3');
    while (gated.started.length < 3 || gated.release.length > 0) {
      gated.release.shift()?.();
      await tick();
    }
    expect((await Promise.all(admitted)).map((answer) => answer.errorCode)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const later = guarded.ask(question(4));
    await tick();
    gated.release.shift()?.();
    expect((await later).text).toBe('réponse à q4');
  });

  test('maxWaiting 0: answered while a slot is free, BUSY only when all slots are taken', async () => {
    const gated = gatedAgent();
    const queue = createAnswerQueue({ concurrency: 2, maxWaiting: 0 });
    const guarded = createGuardedAgent(gated.agent, { queue, logger: silentLogger() });
    const first = [0, 1].map((n) => guarded.ask(question(n)));
    await tick();
    expect(gated.started).toEqual(['q0', 'q1']);
    expect((await guarded.ask(question(2))).errorCode).toBe('BUSY');
    gated.release.shift()?.();
    await first[0];
    const third = guarded.ask(question(3));
    await tick();
    expect(gated.started).toEqual(['q0', 'q1', 'q3']);
    while (gated.release.length > 0) gated.release.shift()?.();
    expect((await third).errorCode).toBeUndefined();
    await Promise.all(first);
  });

  test('an agent that throws frees its slot', async () => {
    const queue = createAnswerQueue({ concurrency: 1, maxWaiting: 10 });
    let calls = 0;
    const guarded = createGuardedAgent(
      {
        async ask() {
          calls++;
          if (calls === 1) throw new Error('boom');
          return { text: 'ok', language: 'fr', intent: 'kpi_qa' } as Answer;
        },
      },
      { queue, logger: silentLogger() },
    );
    expect((await guarded.ask(question(0))).errorCode).toBe('INTERNAL');
    expect((await guarded.ask(question(1))).text).toBe('ok');
    expect(queue.stats()).toEqual({ waiting: 0, running: 0, expired: 0 });
  });
});
