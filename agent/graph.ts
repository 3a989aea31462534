// The agent: a LangGraph StateGraph route_intent → plan_tools → execute_tools | manage_digests → compose_answer,
// checkpointed per conversation (one Slack thread, one Teams conversation, one web-chat session = one thread_id).
import { type BaseCheckpointSaver, END, MemorySaver, START, StateGraph } from '@langchain/langgraph';
import type { Agent } from '../src/core/agent.js';
import type { Answer } from '../src/core/answer.js';
import { errorAnswer } from '../src/core/error-answer.js';
import { toAppError } from '../src/core/errors.js';
import type { Question } from '../src/core/question.js';
import { composeAnswerNode } from './nodes/compose-answer.js';
import type { AgentDeps } from './nodes/deps.js';
import { executeToolsNode } from './nodes/execute-tools.js';
import { isDigestRequest, manageDigestsNode } from './nodes/manage-digests.js';
import { planToolsNode } from './nodes/plan-tools.js';
import { routeIntentNode } from './nodes/route-intent.js';
import { AgentState } from './state.js';

/**
 * conversation + text drive the graph; `user` and `surface` (who asked, from where) are for the audit log and the
 * rate limit around the agent (src/guarded-agent.ts): the graph ignores them.
 */
export type AgentQuestion = Question;
export type { Agent } from '../src/core/agent.js';

export function buildGraph(deps: AgentDeps, checkpointer: BaseCheckpointSaver) {
  return (
    new StateGraph(AgentState)
      .addNode('route_intent', routeIntentNode(deps))
      .addNode('plan_tools', planToolsNode(deps))
      .addNode('execute_tools', executeToolsNode(deps))
      .addNode('manage_digests', manageDigestsNode(deps))
      .addNode('compose_answer', composeAnswerNode(deps))
      .addEdge(START, 'route_intent')
      .addEdge('route_intent', 'plan_tools')
      // A digest request changes subscriptions in its own node; every other plan runs its tools.
      .addConditionalEdges(
        'plan_tools',
        (state) => (isDigestRequest(state, deps) ? 'manage_digests' : 'execute_tools'),
        ['manage_digests', 'execute_tools'],
      )
      .addEdge('execute_tools', 'compose_answer')
      .addEdge('manage_digests', 'compose_answer')
      .addEdge('compose_answer', END)
      .compile({ checkpointer })
  );
}

export function createAgent(deps: AgentDeps & { checkpointer?: BaseCheckpointSaver }): Agent {
  const checkpointer = deps.checkpointer ?? new MemorySaver();
  const graph = buildGraph(deps, checkpointer);
  const run = async (question: AgentQuestion): Promise<Answer> => {
    const state = await graph.invoke(
      { question: question.text, conversation: question.conversation },
      // Memory is written once, when the answer is done (not after every node): a question cut short is asked
      // again from the start anyway, and one write per answer instead of five was the biggest share of the
      // event loop's time under a burst (file-checkpointer.ts scrubs and writes the thread on every put).
      { configurable: { thread_id: question.conversation }, durability: 'exit' },
    );
    if (state.answer) return state.answer;
    throw new Error('the graph ended without an answer');
  };
  const persisted = checkpointer as BaseCheckpointSaver & {
    flush?: () => Promise<void>;
    threadIds?: () => string[];
  };
  return {
    close: async () => {
      await persisted.flush?.();
    },
    conversations: () => persisted.threadIds?.() ?? [],
    async ask(question) {
      try {
        return await run(question);
      } catch (first) {
        // Nodes turn their own failures into answers, so a throw here usually means this thread's saved memory
        // cannot be read back (damaged file, changed format): forget that one conversation and answer afresh.
        deps.logger.warn(
          { err: first instanceof Error ? first.message : String(first) },
          'question failed; retrying with this conversation’s memory reset',
        );
        try {
          await checkpointer.deleteThread(question.conversation);
          return await run(question);
        } catch (error) {
          const appError = toAppError(error);
          deps.logger.error({ code: appError.code, err: appError.message }, 'question failed');
          return errorAnswer(appError, appError.code);
        }
      }
    },
  };
}
