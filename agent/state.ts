// The graph's state: one question's journey through route → plan → execute → compose. Its plan is checkpointed per
// conversation, so the next question in the same thread sees this turn's plan as `previous`; the rows and the
// answer are not (they belong to this turn only).
import { Annotation } from '@langchain/langgraph';
import { UntrackedValueChannel } from '@langchain/langgraph/channels';
import type { Leader, Plan, PreviousTurn } from '../src/analysis/plan.js';
import type { ToolOutput } from '../src/analysis/tools/types.js';
import type { Answer } from '../src/core/answer.js';
import type { ErrorCode } from '../src/core/errors.js';

/** A failed tool call, kept as plain data (checkpoints hold JSON, not class instances). */
export interface ToolFailure {
  tool: string;
  code: ErrorCode;
  hint?: string;
}

const replace = <T>(initial: () => T) =>
  Annotation<T>({ reducer: (_previous: T, next: T) => next, default: initial });
/** Lives for one question only, never written to the checkpoint: the rows and the answer can be large (tables,
 * chart data, SQL) and the next turn needs only the plan. Conversation memory stays ~2 KB per thread. */
const thisTurnOnly = <T>(initial: () => T) =>
  new UntrackedValueChannel<T>({ guard: false, initialValueFactory: initial });

export const AgentState = Annotation.Root({
  question: replace<string>(() => ''),
  /** The ConversationRef asking (digest_admin subscribes this conversation). */
  conversation: replace<string>(() => ''),
  plan: replace<Plan | undefined>(() => undefined),
  previous: replace<PreviousTurn | undefined>(() => undefined),
  /** The first member this turn's answer shows, kept with its plan so the next turn can say « dans ce canal ». */
  leader: replace<Leader | undefined>(() => undefined),
  planner: replace<Answer['planner']>(() => 'offline'),
  outputs: thisTurnOnly<ToolOutput[]>(() => []),
  failures: thisTurnOnly<ToolFailure[]>(() => []),
  answer: thisTurnOnly<Answer | undefined>(() => undefined),
});

export type AgentStateType = typeof AgentState.State;
export type AgentUpdate = typeof AgentState.Update;
