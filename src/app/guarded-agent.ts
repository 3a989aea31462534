// The agent every surface talks to: the per-user rate limit first (a refused question never reaches the agent),
// then the line of waiting questions (src/answer-queue.ts), then the agent, then one audit entry per question. Same `Agent` interface, and like the agent it never throws:
// a limiter or audit failure is logged and the user still gets an answer.

import type { Agent } from '../core/agent.js';
import type { Answer } from '../core/answer.js';
import { errorAnswer, textAnswer } from '../core/error-answer.js';
import { ERROR_CODES } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { Question } from '../core/question.js';
import type { AnswerQueue } from './answer-queue.js';
import { type AuditLog, buildAuditEntry } from './audit.js';
import type { RateLimiter } from './rate-limit.js';
import type { TurnGate } from './turn-gate.js';

export interface GuardDeps {
  limiter?: RateLimiter;
  /** Bounds how many questions are answered at once; a full line gets a polite « réessayez » (code BUSY). */
  queue?: AnswerQueue;
  audit?: AuditLog;
  /** How entries are built: characters of the question kept, secrets to scrub (see src/app/audit.ts). */
  auditSettings?: { questionChars: number; secrets?: readonly (string | undefined)[] };
  logger: Logger;
  /**
   * Answers are handed back one per turn of the event loop (src/app/turn-gate.ts): answers finished together (a
   * burst turned away « busy », one audit write for all) do not render and send their replies in one long run.
   */
  turns?: TurnGate;
  /** Milliseconds since the epoch (injectable for tests). */
  now?: () => number;
}

/** « Trop de questions : réessayez dans N s. » (whole seconds, at least 1). */
export function rateLimitedMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `Trop de questions : réessayez dans ${seconds} s.`;
}

/** The rate-limit key: the user, else the conversation (a caller that does not say who asks). */
export function rateKey(question: Question): string {
  return question.user?.id ? `user:${question.user.id}` : `conversation:${question.conversation}`;
}

export function createGuardedAgent(agent: Agent, deps: GuardDeps): Agent {
  const now = deps.now ?? Date.now;
  const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
  return {
    async ask(question) {
      const started = now();
      let answer: Answer | undefined;
      if (deps.limiter) {
        try {
          const decision = await deps.limiter.take(rateKey(question));
          if (!decision.allowed) {
            answer = textAnswer(rateLimitedMessage(decision.retryAfterMs), { errorCode: 'RATE_LIMITED' });
            deps.logger.warn(
              { user: question.user?.id, surface: question.surface, retryAfterMs: decision.retryAfterMs },
              'question refused by the rate limit',
            );
          }
        } catch (error) {
          // A broken limiter must not take the bot down: the question is served.
          deps.logger.error({ err: describe(error) }, 'rate limiter failed; question served');
        }
      }
      if (!answer) {
        try {
          answer = deps.queue ? await deps.queue.run(() => agent.ask(question)) : await agent.ask(question);
          if (!answer) {
            answer = textAnswer(ERROR_CODES.BUSY, { errorCode: 'BUSY' });
            deps.logger.warn(
              { surface: question.surface, ...deps.queue?.stats() },
              'question turned away: line full',
            );
          }
        } catch (error) {
          deps.logger.error({ err: describe(error) }, 'agent failed');
          answer = errorAnswer(error);
        }
      }
      // Overheard chatter (not addressed, not a question for the bot) is nobody's question: not audited, and the
      // rate limit gets its point back.
      const overheard = question.addressed === false && answer.intent === 'out_of_scope' && !answer.errorCode;
      if (overheard && deps.limiter)
        await deps.limiter.refund(rateKey(question)).catch((error: unknown) => {
          deps.logger.warn({ err: describe(error) }, 'rate limit refund failed');
        });
      if (deps.audit && !overheard) {
        try {
          const entry = buildAuditEntry(
            { question, answer, at: new Date(started), durationMs: now() - started },
            deps.auditSettings ?? { questionChars: 500 },
          );
          await deps.audit.append(entry);
        } catch (error) {
          deps.logger.error({ err: describe(error) }, 'audit entry not written');
        }
      }
      if (deps.turns) await deps.turns.pass();
      return answer;
    },
  };
}
