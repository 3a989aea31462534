// One model call under a hard deadline. The client has its own timeout and retries, but only this deadline
// bounds the whole call (retries and back-off included), so a slow provider costs at most `timeoutMs` before
// the offline planner answers.
import type { BaseMessage } from '@langchain/core/messages';
import { LlmUnavailableError } from './errors.js';

/** What `model.bindTools(...)` returns, reduced to the one method used here. */
export interface Invokable<Output> {
  invoke(input: BaseMessage[], options?: { signal?: AbortSignal }): Promise<Output>;
}

export async function invokeWithDeadline<Output>(
  runnable: Invokable<Output>,
  messages: BaseMessage[],
  timeoutMs: number,
  what: string,
): Promise<Output> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(); // cancels the HTTP request, so no socket stays open after we gave up
      reject(new LlmUnavailableError('timeout', `${what}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([runnable.invoke(messages, { signal: controller.signal }), deadline]);
  } catch (error) {
    if (error instanceof LlmUnavailableError) throw error;
    if (controller.signal.aborted) {
      throw new LlmUnavailableError('timeout', `${what}: no answer within ${timeoutMs} ms`, { cause: error });
    }
    const status = statusOf(error);
    const message = error instanceof Error ? error.message : String(error);
    throw new LlmUnavailableError(
      status === undefined ? 'request_failed' : 'http_error',
      `${what}: ${message.slice(0, 300)}`,
      { cause: error, status },
    );
  } finally {
    clearTimeout(timer);
  }
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  return typeof error.status === 'number' ? error.status : undefined;
}
