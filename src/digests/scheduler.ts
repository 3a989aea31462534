// The digest scheduler: one timer per subscription on the injectable clock, armed for its next cron slot in its
// own time zone. On start it first settles what a previous process left unfinished, then catches up the
// latest missed slot (within the grace window), then arms the timers.
import type { Logger } from '../core/logger.js';
import type { Clock, Timer } from './clock.js';
import type { DeliveryPort } from './delivery.js';
import { digestKey, type Ledger } from './ledger.js';
import type { LedgerEntry, Subscription } from './model.js';
import type { DigestRunner } from './runner.js';
import { latestSlot, nextSlot } from './schedule.js';
import type { SubscriptionBook } from './subscriptions.js';

export interface SchedulerDeps {
  book: SubscriptionBook;
  ledger: Ledger;
  runner: DigestRunner;
  delivery: DeliveryPort;
  /** Whether `delivery.alreadyPosted` can answer for this target. */
  canCheckPosted(target: string): boolean;
  clock: Clock;
  logger: Logger;
}

export interface Scheduler {
  start(): Promise<void>;
  stop(): void;
  /** (Re)arms a subscription's timer (after add); a no-op before start. */
  schedule(subscription: Subscription): void;
  unschedule(id: string): void;
  /** The next slot armed for a subscription (ms), if any. */
  nextRun(id: string): number | undefined;
  /** Resolves once every digest started so far has finished (tests, shutdown). */
  idle(): Promise<void>;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function createScheduler(settings: { graceMs: number }, deps: SchedulerDeps): Scheduler {
  const { clock, ledger, logger } = deps;
  const timers = new Map<string, { timer: Timer; at: number }>();
  const inflight = new Set<Promise<unknown>>();
  let running = false;

  function track(work: Promise<unknown>): void {
    const settled = work.catch((error: unknown) => logger.error({ err: String(error) }, 'digest run failed'));
    inflight.add(settled);
    void settled.finally(() => inflight.delete(settled));
  }

  async function skip(subscription: Subscription, slot: number, note: string): Promise<void> {
    const key = digestKey(subscription.id, iso(slot));
    const fresh = await ledger.claim({
      key,
      kind: 'digest',
      subscriptionId: subscription.id,
      target: subscription.target,
      slot: iso(slot),
    });
    if (fresh) await ledger.settle(key, 'skipped', { note });
    logger.warn({ subscription: subscription.id, slot: iso(slot), note }, 'digest slot skipped');
  }

  function arm(subscription: Subscription, after: number): void {
    timers.get(subscription.id)?.timer.cancel();
    timers.delete(subscription.id);
    const at = nextSlot(subscription.cron, subscription.timezone, after);
    if (at === undefined) return;
    const timer = clock.setTimer(() => due(subscription.id, at), at - clock.now());
    timers.set(subscription.id, { timer, at });
  }

  function due(id: string, slot: number): void {
    timers.delete(id);
    const subscription = deps.book.get(id);
    if (!running || !subscription) return; // removed meanwhile: the schedule simply ends
    arm(subscription, slot);
    // A timer that fires far too late (the machine slept) is a missed slot like any other.
    if (clock.now() - slot > settings.graceMs)
      track(skip(subscription, slot, 'fired after the grace window'));
    else track(deps.runner.fireSlot(subscription, slot));
  }

  /** A `pending` entry left by a previous process: the post may or may not have reached the platform. */
  async function resolveUnfinished(entry: LedgerEntry): Promise<void> {
    let posted: boolean | undefined;
    if (deps.canCheckPosted(entry.target) && deps.delivery.alreadyPosted) {
      posted = await deps.delivery.alreadyPosted(entry.target, entry.key).catch((error: unknown) => {
        // e.g. Slack without channels:history: the outcome stays unknown and the entry is not re-posted.
        logger.warn({ key: entry.key, err: String(error) }, 'cannot check whether the digest was posted');
        return undefined;
      });
    }
    const subscription = deps.book.get(entry.subscriptionId);
    if (posted === true) {
      await ledger.settle(entry.key, 'sent', { note: 'confirmed by the platform after a restart' });
      return;
    }
    if (
      posted === false &&
      entry.kind === 'digest' &&
      subscription &&
      clock.now() - Date.parse(entry.slot) <= settings.graceMs
    ) {
      logger.info({ key: entry.key }, 'unfinished digest was not posted; posting it now');
      track(deps.runner.postClaimed(subscription, entry));
      return;
    }
    const note =
      posted === false
        ? 'not posted before the restart; too late to post now'
        : 'outcome unknown after a restart; not re-posted to avoid a duplicate';
    await ledger.settle(entry.key, 'skipped', { note });
    logger.warn({ key: entry.key, target: entry.target }, note);
  }

  /** The latest slot missed while the bot was down: posted once if within the grace window, else skipped. */
  async function catchUp(subscription: Subscription): Promise<void> {
    const now = clock.now();
    const slot = latestSlot(subscription.cron, subscription.timezone, now);
    if (slot === undefined || slot < Date.parse(subscription.createdAt)) return;
    if (ledger.get(digestKey(subscription.id, iso(slot)))) return;
    if (now - slot <= settings.graceMs)
      track(deps.runner.fireSlot(subscription, slot, 'catch-up after a restart'));
    else await skip(subscription, slot, 'missed while the bot was down; outside the grace window');
  }

  return {
    async start() {
      if (running) return;
      running = true;
      for (const entry of ledger.unfinished()) await resolveUnfinished(entry);
      for (const subscription of deps.book.list()) {
        await catchUp(subscription);
        arm(subscription, clock.now());
      }
      logger.info({ subscriptions: deps.book.list().length }, 'digest scheduler started');
    },
    stop() {
      running = false;
      for (const { timer } of timers.values()) timer.cancel();
      timers.clear();
    },
    schedule(subscription) {
      if (running) arm(subscription, clock.now());
    },
    unschedule(id) {
      timers.get(id)?.timer.cancel();
      timers.delete(id);
    },
    nextRun: (id) => timers.get(id)?.at,
    async idle() {
      while (inflight.size > 0) await Promise.all([...inflight]);
    },
  };
}
