// The one error the LLM layer throws. It is deliberately not an AppError: it never reaches a user. The graph
// catches it and answers with the offline planner (or the template composer) instead.

/** Why the LLM could not be used: the graph logs it; the user only sees a discreet "offline" notice. */
export type LlmFailure = 'timeout' | 'http_error' | 'request_failed' | 'invalid_response' | 'unsupported';

export class LlmUnavailableError extends Error {
  readonly reason: LlmFailure;
  /** The HTTP status when the server answered with an error (429, 500…). */
  readonly status?: number;

  constructor(reason: LlmFailure, message: string, options: { cause?: unknown; status?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LlmUnavailableError';
    this.reason = reason;
    this.status = options.status;
  }
}

export function isLlmUnavailable(error: unknown): error is LlmUnavailableError {
  return error instanceof LlmUnavailableError;
}
