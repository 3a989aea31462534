// Posting one digest slot (or one alert) under the ledger's exactly-once rule: claim (pending) → compose →
// deliver with retries and pacing → settle (sent / failed) → keep the rows for the next digest's comparison.
import type { ToolContext } from '../analysis/tools/types.js';
import type { Answer } from '../core/answer.js';
import type { Logger } from '../core/logger.js';
import type { JsonCollection } from '../store/json-collection.js';
import type { Clock } from './clock.js';
import { composeDigest, type DigestContent } from './compose.js';
import type { DeliveryPort } from './delivery.js';
import { digestKey, type Ledger } from './ledger.js';
import type { DigestHistory, DigestRow, LedgerEntry, Subscription } from './model.js';
import { deliverWithRetry, type Pacer, type RetryPolicy } from './pacing.js';

export interface RunnerDeps {
  tools: ToolContext;
  delivery: DeliveryPort;
  ledger: Ledger;
  history: JsonCollection<DigestHistory>;
  clock: Clock;
  pacer: Pacer;
  logger: Logger;
  retry?: RetryPolicy;
  /** Replaces the tool-backed composer (scheduler tests use a synchronous one so only the clock matters). */
  compose?: ComposeDigest;
}

export type ComposeDigest = (
  subscription: Subscription,
  previous: DigestRow[] | undefined,
  now: number,
) => Promise<DigestContent>;

export type PostStatus = 'sent' | 'failed' | 'duplicate' | 'skipped';

export interface DigestRunner {
  previousRows(subscriptionId: string): DigestRow[] | undefined;
  compose(subscription: Subscription): Promise<DigestContent>;
  /** Posts the digest of one scheduled slot at most once, ever. */
  fireSlot(subscription: Subscription, slot: number, note?: string): Promise<PostStatus>;
  /** Posts an already-claimed entry (a retry after restart, or a manual run); settles the ledger. */
  postClaimed(subscription: Subscription, entry: Pick<LedgerEntry, 'key' | 'slot'>): Promise<PostStatus>;
  /** Delivers an answer for a claimed ledger key and settles it: shared with the alerts. */
  deliver(key: string, target: string, answer: Answer): Promise<PostStatus>;
}

const iso = (ms: number) => new Date(ms).toISOString();
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);

export function createDigestRunner(deps: RunnerDeps): DigestRunner {
  const { ledger, logger } = deps;

  async function deliver(key: string, target: string, answer: Answer): Promise<PostStatus> {
    let attempts = 0;
    try {
      const outcome = await deliverWithRetry(deps.delivery, target, answer, key, {
        clock: deps.clock,
        pacer: deps.pacer,
        policy: deps.retry,
        onRetry: (error, waitMs) => {
          attempts += 1;
          logger.warn({ key, target, waitMs, err: messageOf(error) }, 'delivery failed; retrying');
        },
      });
      await ledger.settle(key, 'sent', { attempts: outcome.attempts });
      logger.info({ key, target, attempts: outcome.attempts }, 'posted');
      return 'sent';
    } catch (error) {
      await ledger.settle(key, 'failed', { attempts: attempts + 1, note: messageOf(error) });
      logger.error({ key, target, err: messageOf(error) }, 'delivery failed; giving up on this message');
      return 'failed';
    }
  }

  const runner: DigestRunner = {
    previousRows: (id) => deps.history.all().find((entry) => entry.subscriptionId === id)?.rows,
    compose: (subscription) =>
      deps.compose
        ? deps.compose(subscription, runner.previousRows(subscription.id), deps.clock.now())
        : composeDigest(subscription, runner.previousRows(subscription.id), {
            tools: deps.tools,
            now: deps.clock.now(),
          }),
    async fireSlot(subscription, slot, note) {
      const key = digestKey(subscription.id, iso(slot));
      const claimed = await ledger.claim({
        key,
        kind: 'digest',
        subscriptionId: subscription.id,
        target: subscription.target,
        slot: iso(slot),
        ...(note ? { note } : {}),
      });
      if (!claimed) {
        logger.info({ key }, 'slot already handled; not posting again');
        return 'duplicate';
      }
      return runner.postClaimed(subscription, { key, slot: iso(slot) });
    },
    async postClaimed(subscription, entry) {
      let content: DigestContent;
      try {
        content = await runner.compose(subscription);
      } catch (error) {
        await ledger.settle(entry.key, 'failed', { note: `compose: ${messageOf(error)}` });
        logger.error({ key: entry.key, err: messageOf(error) }, 'digest could not be composed');
        return 'failed';
      }
      const status = await deliver(entry.key, subscription.target, content.answer);
      if (status === 'sent') {
        const record: DigestHistory = {
          subscriptionId: subscription.id,
          slot: entry.slot,
          rows: content.rows,
        };
        await deps.history.update((items) => [
          ...items.filter((item) => item.subscriptionId !== subscription.id),
          record,
        ]);
      }
      return status;
    },
    deliver,
  };
  return runner;
}
