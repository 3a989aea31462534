// Per-user rate limiting of questions, with rate-limiter-flexible's in-memory limiters: `perMinute` questions in a
// fixed one-minute window per key, and, once those are spent, up to `burst` more per ten minutes (a user catching
// up after a meeting is not cut off at once; a script looping on the bot is). One process, so memory is the right
// store; each key's counter expires with its window (bounded memory). The library reads Date.now(): tests move
// time with jest's fake timers.
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  /** Spends one question for `key`: allowed, or refused with the time until the next one is allowed. */
  take(key: string): Promise<RateDecision>;
  /** Gives one question back (overheard small talk was no question); returned to the per-minute allowance. */
  refund(key: string): Promise<void>;
}

export interface RateLimitSettings {
  /** Questions per user per minute; 0 turns the limit off. */
  perMinute: number;
  /** Extra questions per user per ten minutes once the minute's are spent; 0 = none. */
  burst: number;
}

export const BURST_WINDOW_SECONDS = 600;

interface Consumer {
  consume(key: string | number, points?: number): Promise<RateLimiterRes>;
}

export function createRateLimiter(settings: RateLimitSettings): RateLimiter {
  if (settings.perMinute <= 0) return { take: async () => ({ allowed: true }), refund: async () => {} };
  const steady = new RateLimiterMemory({ keyPrefix: 'questions', points: settings.perMinute, duration: 60 });
  const limiter: Consumer =
    settings.burst > 0
      ? new BurstyRateLimiter(
          steady,
          new RateLimiterMemory({
            keyPrefix: 'questions-burst',
            points: settings.burst,
            duration: BURST_WINDOW_SECONDS,
          }),
        )
      : steady;
  return {
    async take(key) {
      try {
        await limiter.consume(key, 1);
        return { allowed: true };
      } catch (rejection) {
        // The library rejects with a RateLimiterRes when points are spent; anything else is a bug of ours.
        if (rejection instanceof RateLimiterRes)
          return { allowed: false, retryAfterMs: Math.max(0, rejection.msBeforeNext) };
        throw rejection;
      }
    },
    async refund(key) {
      await steady.reward(key, 1);
    },
  };
}
