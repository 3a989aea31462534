// The HTTP client every Bot Connector call goes through. The Agents SDK's own client is a bare `fetch`: no timeout
// and no retry. This one adds both, around the SDK's client (which still builds the URL, headers and token):
// - a deadline per attempt: a connector that accepts the request and never answers would otherwise hold the turn
//   (and, for a digest, the scheduler) forever. Past it the call fails with AppError PLATFORM_TIMEOUT and is not
//   retried: a card the connector received but did not acknowledge would be posted twice.
// - retries of throttling and server errors (429 and 503 after Retry-After, exponential backoff on other 5xx),
//   3 at most, as the Bot Framework SDK's pipeline did (teams-resilience.test.ts pins it).
// The inner client is obtained lazily: its token is only fetched when a request is really sent (an expectReplies
// turn sends nothing through the connector and so never asks Entra for a token).
import { HttpClient, HttpError, type HttpRequestConfig, type HttpResponse } from '@microsoft/agents-hosting';
import { AppError } from '../../src/core/errors.js';

export interface ConnectorPolicy {
  /** How long one attempt may take, body included. */
  timeoutMs: number;
  /** Retries after a 429/5xx (default 3). */
  retries?: number;
  /** The first backoff for a 5xx without Retry-After (default 800 ms, doubled each time). */
  backoffMs?: number;
  /** The longest wait a Retry-After may impose (default 60 s). */
  maxRetryAfterMs?: number;
}

const RETRIED = (status: number) => status === 429 || status >= 500;

/** Milliseconds from a Retry-After header (seconds or an HTTP date), undefined when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A path without its query (the conversation id only; the Authorization header never goes into a message). */
const pathOf = (url: string) => url.split('?')[0] ?? url;

export class ConnectorHttpClient extends HttpClient {
  readonly #inner: () => Promise<HttpClient>;
  readonly #policy: Required<ConnectorPolicy>;

  constructor(inner: () => Promise<HttpClient>, policy: ConnectorPolicy) {
    super();
    this.#inner = inner;
    this.#policy = { retries: 3, backoffMs: 800, maxRetryAfterMs: 60_000, ...policy };
  }

  override async request<T = unknown>(config: HttpRequestConfig): Promise<HttpResponse<T>> {
    const inner = await this.#inner();
    const { timeoutMs, retries, backoffMs, maxRetryAfterMs } = this.#policy;
    for (let attempt = 0; ; attempt += 1) {
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      const abortIfCallerDoes = () => controller.abort();
      config.signal?.addEventListener('abort', abortIfCallerDoes);
      try {
        return await inner.request<T>({ ...config, signal: controller.signal });
      } catch (error) {
        if (timedOut) {
          throw new AppError(
            'PLATFORM_TIMEOUT',
            `Bot Framework connector did not answer within ${timeoutMs} ms (${config.method.toUpperCase()} ${pathOf(config.url)})`,
            { cause: error },
          );
        }
        if (!(error instanceof HttpError) || !RETRIED(error.status) || attempt >= retries) throw error;
        const told = retryAfterMs(error.response.headers?.get?.('retry-after'));
        const wait =
          told !== undefined
            ? Math.min(told, maxRetryAfterMs)
            : backoffMs * 2 ** attempt * (0.8 + Math.random() * 0.4);
        await sleep(wait);
      } finally {
        clearTimeout(timer);
        config.signal?.removeEventListener('abort', abortIfCallerDoes);
      }
    }
  }
}
