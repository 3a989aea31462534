// Retries with backoff and per-channel pacing. Platforms rate-limit per channel (Slack ≈ 1 message/s), so
// posts to one channel queue behind each other at least `intervalMs` apart, while other channels go on: one
// slow or failing target never holds up the rest.
import type { Answer } from '../core/answer.js';
import type { Clock } from './clock.js';
import { channelOf, DeliveryError, type DeliveryPort, isRetryable } from './delivery.js';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** 0..1; injectable so tests are deterministic. */
  random?: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 2_000, maxDelayMs: 120_000 };

/** The wait before attempt `attempt + 1`: the platform's Retry-After when given, else capped exponential + jitter. */
export function retryDelay(error: unknown, attempt: number, policy: RetryPolicy): number {
  if (error instanceof DeliveryError && error.retryAfterMs !== undefined)
    return Math.min(Math.max(0, error.retryAfterMs), policy.maxDelayMs * 5);
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(exponential * (0.8 + 0.4 * (policy.random ?? Math.random)()));
}

export interface Pacer {
  /** Runs `send` when the channel's turn comes (≥ intervalMs after its previous send started). */
  paced<T>(target: string, send: () => Promise<T>): Promise<T>;
}

export function createPacer(clock: Clock, intervalMs = 1_000): Pacer {
  const lastStart = new Map<string, number>();
  const tails = new Map<string, Promise<unknown>>();
  return {
    paced(target, send) {
      const channel = channelOf(target);
      const turn = async () => {
        const wait = (lastStart.get(channel) ?? Number.NEGATIVE_INFINITY) + intervalMs - clock.now();
        if (wait > 0) await clock.sleep(wait);
        lastStart.set(channel, clock.now());
        return send();
      };
      const result = (tails.get(channel) ?? Promise.resolve()).then(turn, turn);
      const tail = result.catch(() => undefined);
      tails.set(channel, tail);
      // Forget idle channels so the map does not grow with every target ever posted to.
      void tail.then(() => {
        if (tails.get(channel) === tail) tails.delete(channel);
      });
      return result;
    },
  };
}

export interface DeliveryOutcome {
  attempts: number;
}

/**
 * Posts with retries. Every attempt (the first and each retry) takes its turn on the channel's pacer, so
 * retries also respect ≤ 1 message/s. Throws the last error when attempts run out or the error is permanent.
 */
export async function deliverWithRetry(
  port: DeliveryPort,
  target: string,
  answer: Answer,
  idempotencyKey: string,
  deps: {
    clock: Clock;
    pacer: Pacer;
    policy?: RetryPolicy;
    onRetry?: (error: unknown, waitMs: number) => void;
  },
): Promise<DeliveryOutcome> {
  const policy = deps.policy ?? DEFAULT_RETRY;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await deps.pacer.paced(target, () => port.post(target, answer, { idempotencyKey }));
      return { attempts: attempt };
    } catch (error) {
      if (attempt >= policy.maxAttempts || !isRetryable(error)) throw error;
      const wait = retryDelay(error, attempt, policy);
      deps.onRetry?.(error, wait);
      await deps.clock.sleep(wait);
    }
  }
}
