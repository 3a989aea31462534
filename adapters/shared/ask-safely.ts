// The last guard of every adapter: the agent is built never to throw, but if it does anyway the user still gets
// the generic French message (code INTERNAL) instead of silence, and the failure is logged.
import type { Answer } from '../../src/core/answer.js';
import { errorAnswer } from '../../src/core/error-answer.js';
import type { Logger } from '../../src/core/logger.js';
import type { Question } from '../../src/core/question.js';

export async function askSafely(
  agent: { ask(question: Question): Promise<Answer> },
  question: Question,
  logger: Logger,
): Promise<Answer> {
  try {
    return await agent.ask(question);
  } catch (error) {
    logger.error({ err: error instanceof Error ? error.message : String(error) }, 'agent failed');
    return errorAnswer(error);
  }
}
