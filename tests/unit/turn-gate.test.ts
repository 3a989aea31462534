// The turn gate (src/app/turn-gate.ts) and its use by the guarded agent: answers finished together are handed back
// one per turn of the event loop, in order, none lost. Turns are counted with setImmediate, never with a clock.
import { describe, expect, test } from '@jest/globals';
import { createAnswerQueue } from '../../src/app/answer-queue.js';
import { createGuardedAgent } from '../../src/app/guarded-agent.js';
import { createTurnGate } from '../../src/app/turn-gate.js';
import type { Answer } from '../../src/core/answer.js';
import { textAnswer } from '../../src/core/error-answer.js';
import { silentLogger } from '../../src/core/logger.js';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('turn gate', () => {
  test('lets one waiter through per turn, in arrival order', async () => {
    const gate = createTurnGate();
    const passed: number[] = [];
    for (let i = 0; i < 5; i++) void gate.pass().then(() => passed.push(i));
    expect(gate.waiting()).toBe(5);
    const perTurn: number[] = [];
    for (let t = 0; t < 8; t++) {
      const before = passed.length;
      await turn();
      perTurn.push(passed.length - before);
    }
    expect(passed).toEqual([0, 1, 2, 3, 4]);
    expect(Math.max(...perTurn)).toBe(1);
    expect(gate.waiting()).toBe(0);
  });

  test('the guarded agent hands « busy » answers back one per turn', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const agent = {
      ask: async () => {
        await blocked;
        return textAnswer('ok');
      },
    };
    const guarded = createGuardedAgent(agent, {
      queue: createAnswerQueue({ concurrency: 1, maxWaiting: 0 }),
      logger: silentLogger(),
      turns: createTurnGate(),
    });
    const answers: Answer[] = [];
    const asked = Array.from({ length: 6 }, (_, i) =>
      guarded.ask({ conversation: `web:t${i}`, text: 'Top 5 des campagnes par ROI' }).then((answer) => {
        answers.push(answer);
        return answer;
      }),
    );
    const perTurn: number[] = [];
    for (let t = 0; t < 8; t++) {
      const before = answers.length;
      await turn();
      perTurn.push(answers.length - before);
    }
    expect(answers.map((answer) => answer.errorCode)).toEqual(Array(5).fill('BUSY'));
    expect(Math.max(...perTurn)).toBe(1);
    release();
    const all = await Promise.all(asked);
    expect(all[0]?.text).toBe('ok');
  });
});
