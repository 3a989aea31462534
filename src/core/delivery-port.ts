// The delivery port: how a digest or an alert reaches a conversation. Platform-neutral on purpose, and low in the
// layers so that platform adapters can implement it without importing the digests: the Slack and Teams adapters
// build theirs with `deliveryPortOf` (Teams posts a proactive message); tests use a recording fake.
import type { Answer } from './answer.js';
import { isAppError, userMessage } from './errors.js';

export interface DeliveryOptions {
  /** Stable per (subscription, slot) or per alert crossing: an adapter may pass it to the platform to dedupe. */
  idempotencyKey: string;
}

export interface DeliveryPort {
  post(target: string, answer: Answer, options: DeliveryOptions): Promise<void>;
  /**
   * Optional: whether a message with this key already reached the target (e.g. by reading the channel's recent
   * messages for the key in metadata). Used after a crash between "pending" and "sent" in the ledger.
   */
  alreadyPosted?(target: string, idempotencyKey: string): Promise<boolean>;
}

/** A failed post. `status` 429/5xx (or none: network) is retried; other 4xx and `permanent` are not. */
export class DeliveryError extends Error {
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly permanent: boolean;

  constructor(
    message: string,
    options: { status?: number; retryAfterMs?: number; permanent?: boolean } = {},
  ) {
    super(message);
    this.name = 'DeliveryError';
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.permanent = options.permanent ?? false;
  }
}

/**
 * A platform's post (and, where the platform can tell, its alreadyPosted) as the digests' delivery port. Bad
 * references are permanent; so is a post the platform never confirmed (PLATFORM_TIMEOUT), which may have arrived:
 * retrying it could post the digest twice. Anything else is retried.
 */
export function deliveryPortOf(
  post: (target: string, answer: Answer, key: string) => Promise<void>,
  alreadyPosted?: (target: string, key: string) => Promise<boolean>,
): DeliveryPort {
  return {
    ...(alreadyPosted ? { alreadyPosted } : {}),
    async post(target, answer, options) {
      try {
        await post(target, answer, options.idempotencyKey);
      } catch (error) {
        const permanent =
          isAppError(error) &&
          ['INVALID_ARGUMENTS', 'CONFIG_INVALID', 'PLATFORM_TIMEOUT'].includes(error.code);
        throw new DeliveryError(isAppError(error) ? `${error.code}: ${userMessage(error)}` : String(error), {
          permanent,
        });
      }
    },
  };
}
