// The delivery port: how a digest or an alert reaches a conversation. Platform-neutral on purpose: the Slack
// and Teams adapters implement `post` (Teams as a proactive message); tests use a recording fake.
import type { Answer } from '../core/answer.js';

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

export function isRetryable(error: unknown): boolean {
  if (!(error instanceof DeliveryError)) return true; // a network error or a thrown bug: worth another try
  if (error.permanent) return false;
  if (error.status === undefined) return true;
  return error.status === 429 || error.status === 408 || error.status >= 500;
}

/** The platform of a conversation reference: `slack:T1:C1:…` → slack. */
export const platformOf = (target: string): string => target.split(':', 1)[0] ?? '';

/**
 * The channel a reference posts into, for pacing: Slack threads of one channel share its rate limit
 * (`slack:T:C:thread` → `slack:T:C`); other references are their own channel.
 */
export function channelOf(target: string): string {
  const parts = target.split(':');
  return parts[0] === 'slack' && parts.length > 3 ? parts.slice(0, 3).join(':') : target;
}

/**
 * Routes each target to the adapter of its platform. A target whose platform has no adapter fails at once,
 * permanently (retrying cannot help), with a message saying so.
 */
export function routeDelivery(ports: Partial<Record<string, DeliveryPort>>): DeliveryPort & {
  supports(target: string): boolean;
} {
  const portOf = (target: string) => ports[platformOf(target)];
  return {
    supports: (target) => portOf(target) !== undefined,
    async post(target, answer, options) {
      const port = portOf(target);
      if (!port)
        throw new DeliveryError(`no platform adapter configured for ${platformOf(target) || target}`, {
          permanent: true,
        });
      await port.post(target, answer, options);
    },
    async alreadyPosted(target, key) {
      const port = portOf(target);
      if (!port?.alreadyPosted) throw new DeliveryError('alreadyPosted not supported', { permanent: true });
      return port.alreadyPosted(target, key);
    },
  };
}

/** Whether the routed port can answer `alreadyPosted` for this target. */
export function canCheckPosted(ports: Partial<Record<string, DeliveryPort>>, target: string): boolean {
  return typeof ports[platformOf(target)]?.alreadyPosted === 'function';
}
