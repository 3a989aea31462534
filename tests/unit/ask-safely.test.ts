// The adapters' last guard: an agent that throws (it should not) still yields the generic French answer, code
// INTERNAL, without the error's text (which may hold paths or SQL); the failure goes to the log.

import { Writable } from 'node:stream';
import { expect, test } from '@jest/globals';
import { askSafely } from '../../adapters/shared/ask-safely.js';
import type { Answer } from '../../src/core/answer.js';
import { ERROR_CODES } from '../../src/core/errors.js';
import { createLogger } from '../../src/core/logger.js';

test('a throwing agent → the INTERNAL French message, the cause only in the log', async () => {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  const agent = {
    async ask(): Promise<Answer> {
      throw new Error('SELECT * FROM secret_table at /srv/bot/agent.ts:12');
    },
  };
  const answer = await askSafely(agent, { conversation: 'c', text: 'Top 5' }, logger);
  expect(answer.errorCode).toBe('INTERNAL');
  expect(answer.text).toBe(ERROR_CODES.INTERNAL);
  expect(answer.text).not.toContain('secret_table');
  expect(lines.join('')).toContain('agent failed');
});

test('an agent that answers is passed through untouched', async () => {
  const expected = { text: 'ok', intent: 'kpi_qa', language: 'fr' } as Answer;
  const answer = await askSafely(
    { ask: async () => expected },
    { conversation: 'c', text: 'x' },
    createLogger({ level: 'silent' }),
  );
  expect(answer).toBe(expected);
});
