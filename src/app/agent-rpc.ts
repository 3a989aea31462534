// The messages between the bot's thread and an agent worker (src/app/agent-host.ts, src/app/agent-worker.ts). The
// worker asks questions of the agent it holds; everything the agent reaches outside itself — warehouse queries, the
// ML simulators, digest subscriptions — is a call back to the bot's thread, which owns DuckDB, the ML workers and
// the state store. Errors cross as {code, message, hint} and are AppErrors again on the other side.
import type { Answer } from '../core/answer.js';
import { AppError, type ErrorCode, isAppError } from '../core/errors.js';
import type { Question } from '../core/question.js';

/** What the worker may call on the bot's thread. */
export const HOST_METHODS = [
  'warehouse.select',
  'ml.predictRevenue',
  'ml.simulateBudget',
  'ml.segmentCampaigns',
  'digests.add',
  'digests.list',
  'digests.remove',
] as const;
export type HostMethod = (typeof HOST_METHODS)[number];

export interface WireError {
  code: ErrorCode;
  message: string;
  hint?: string;
}

/** Bot's thread → worker. */
export type ToWorker =
  | { type: 'ask'; id: number; question: Question }
  /** The data was reloaded: the worker's catalog cache is stale. */
  | { type: 'invalidate' }
  /** Write the conversation memory out, then say `closed`. */
  | { type: 'close' }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: WireError };

/** Worker → bot's thread. */
export type FromWorker =
  | { type: 'answer'; id: number; answer: Answer }
  | { type: 'closed' }
  | { type: 'call'; id: number; method: HostMethod; args: unknown[] };

export function toWire(error: unknown): WireError {
  if (isAppError(error))
    return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

export function fromWire(error: WireError): AppError {
  return new AppError(error.code, error.message, error.hint ? { hint: error.hint } : {});
}
