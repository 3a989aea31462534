// Direct tool calls as an Agent, so they go through the same question pipeline (rate limit → line → audit) as
// questions: `question.call` is answered by the analysis layer; a question without a call is refused.
import { answerToolCall } from '../analysis/answer-tool-call.js';
import type { ToolContext } from '../analysis/tools/types.js';
import type { Agent } from '../core/agent.js';
import { errorAnswer } from '../core/error-answer.js';
import { AppError } from '../core/errors.js';

export function createToolCallAgent(tools: ToolContext): Agent {
  return {
    async ask(question) {
      if (!question.call)
        return errorAnswer(
          new AppError('INVALID_ARGUMENTS', 'no tool call in the question'),
          'INVALID_ARGUMENTS',
        );
      return answerToolCall(question.call, 'fr', tools);
    },
  };
}
