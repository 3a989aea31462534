// The digests feature as one service: subscriptions, scheduler, alerts, over the state store. The app builds
// it once; the CLI, the agent (digest_admin) and the scheduler all go through it.
import type { ToolContext } from '../analysis/tools/types.js';
import type { Logger } from '../core/logger.js';
import type { StoreBackend } from '../store/backend.js';
import { createJsonCollection } from '../store/json-collection.js';
import { type AlertReport, createAlertWatcher } from './alerts.js';
import { type Clock, systemClock } from './clock.js';
import type { DigestContent } from './compose.js';
import type { DeliveryPort } from './delivery.js';
import { createLedger, type Ledger, ledgerRetention } from './ledger.js';
import {
  type DigestHistory,
  digestHistorySchema,
  type LedgerEntry,
  ledgerEntrySchema,
  type RoiSnapshotRow,
  roiSnapshotSchema,
  type Subscription,
  subscriptionSchema,
} from './model.js';
import { createPacer, type RetryPolicy } from './pacing.js';
import { type ComposeDigest, createDigestRunner, type PostStatus } from './runner.js';
import { nextSlot } from './schedule.js';
import { createScheduler } from './scheduler.js';
import { createSubscriptionBook, type NewSubscription, unknownDigest } from './subscriptions.js';

export interface DigestSettings {
  stateDir: string;
  graceMinutes: number;
  defaultTimezone: string;
  /** Ledger entries older than this are dropped (pending ones are kept). */
  ledgerRetentionDays: number;
  /** Minimum gap between two posts to one channel. */
  pacingMs?: number;
}

export interface DigestDeps {
  tools: ToolContext;
  /** The platform adapters behind one port (see routeDelivery); without one, posts fail with a clear note. */
  delivery: DeliveryPort;
  /** Whether a target has a platform adapter (default: every target). */
  supports?(target: string): boolean;
  /** Whether `delivery.alreadyPosted` can answer for a target (default: when the port has the method). */
  canCheckPosted?(target: string): boolean;
  logger: Logger;
  clock?: Clock;
  backend?: StoreBackend;
  retry?: RetryPolicy;
  compose?: ComposeDigest;
}

export interface DigestService {
  /** Loads the state files; every other method calls it first. */
  load(): Promise<void>;
  /** Starts the scheduler (recovery, catch-up, timers) and records the first ROI snapshot if none. */
  start(): Promise<void>;
  stop(): void;
  idle(): Promise<void>;
  add(input: NewSubscription): Promise<Subscription>;
  list(target?: string): Promise<Subscription[]>;
  remove(id: string, options?: { target?: string }): Promise<Subscription>;
  get(id: string): Promise<Subscription>;
  /** The digest a subscription would receive now, posting nothing and recording nothing. */
  preview(id: string): Promise<DigestContent>;
  /** Posts a subscription's digest now (outside its schedule), once, through the ledger. */
  runNow(id: string): Promise<PostStatus>;
  /** Call after each data refresh: one alert per threshold crossing per subscription. */
  checkAlerts(): Promise<AlertReport>;
  nextRun(id: string): number | undefined;
  canDeliver(target: string): boolean;
  ledger(): Ledger;
}

export function createDigestService(settings: DigestSettings, deps: DigestDeps): DigestService {
  const clock = deps.clock ?? systemClock();
  const now = () => clock.now();
  const options = { logger: deps.logger, backend: deps.backend, now };
  const subscriptions = createJsonCollection<Subscription>(
    settings.stateDir,
    'digest-subscriptions',
    subscriptionSchema,
    options,
  );
  const ledgerFile = createJsonCollection<LedgerEntry>(
    settings.stateDir,
    'digest-ledger',
    ledgerEntrySchema,
    { ...options, prune: ledgerRetention(settings.ledgerRetentionDays, now) },
  );
  const history = createJsonCollection<DigestHistory>(
    settings.stateDir,
    'digest-history',
    digestHistorySchema,
    options,
  );
  const snapshots = createJsonCollection<RoiSnapshotRow>(
    settings.stateDir,
    'roi-snapshot',
    roiSnapshotSchema,
    options,
  );
  const book = createSubscriptionBook(subscriptions, {
    defaultTimezone: settings.defaultTimezone,
    now,
    knownCategories: async () => (await deps.tools.catalog.get()).categories,
  });
  const ledger = createLedger(ledgerFile, now);
  const runner = createDigestRunner({
    tools: deps.tools,
    delivery: deps.delivery,
    ledger,
    history,
    clock,
    pacer: createPacer(clock, settings.pacingMs ?? 1_000),
    logger: deps.logger,
    retry: deps.retry,
    compose: deps.compose,
  });
  const scheduler = createScheduler(
    { graceMs: settings.graceMinutes * 60_000 },
    {
      book,
      ledger,
      runner,
      delivery: deps.delivery,
      canCheckPosted: deps.canCheckPosted ?? (() => typeof deps.delivery.alreadyPosted === 'function'),
      clock,
      logger: deps.logger,
    },
  );
  const alerts = createAlertWatcher({
    warehouse: deps.tools.warehouse,
    snapshots,
    subscriptions: () => book.list(),
    ledger,
    deliver: runner.deliver,
    now,
    currency: deps.tools.currency,
    logger: deps.logger,
  });
  let loaded: Promise<void> | undefined;
  const load = () => {
    loaded ??= Promise.all([subscriptions.load(), ledgerFile.load(), history.load(), snapshots.load()]).then(
      () => undefined,
    );
    return loaded;
  };
  const get = async (id: string) => {
    await load();
    const found = book.get(id.trim().replace(/^#/, ''));
    if (!found) throw unknownDigest(id);
    return found;
  };

  return {
    load,
    async start() {
      await load();
      for (const subscription of book.list())
        if (deps.supports && !deps.supports(subscription.target))
          deps.logger.warn(
            { subscription: subscription.id, target: subscription.target },
            'no platform adapter for this digest target: its posts will fail until one is configured',
          );
      await scheduler.start();
      // The first check records the baseline snapshot; later ones compare the data refreshed since.
      await alerts
        .checkAlerts()
        .catch((error: unknown) => deps.logger.error({ err: String(error) }, 'ROI alert check failed'));
    },
    stop: () => scheduler.stop(),
    idle: () => scheduler.idle(),
    async add(input) {
      await load();
      const subscription = await book.add(input);
      scheduler.schedule(subscription);
      return subscription;
    },
    async list(target) {
      await load();
      return book.list(target);
    },
    async remove(id, removeOptions) {
      await load();
      const removed = await book.remove(id, removeOptions);
      scheduler.unschedule(removed.id);
      return removed;
    },
    get,
    async preview(id) {
      return runner.compose(await get(id));
    },
    async runNow(id) {
      const subscription = await get(id);
      const slot = new Date(now()).toISOString();
      const key = `manual:${subscription.id}:${slot}`;
      await ledger.claim({
        key,
        kind: 'digest',
        subscriptionId: subscription.id,
        target: subscription.target,
        slot,
        note: 'manual run',
      });
      return runner.postClaimed(subscription, { key, slot });
    },
    async checkAlerts() {
      await load();
      return alerts.checkAlerts();
    },
    nextRun(id) {
      // Armed by a running scheduler, else computed (the CLI and a chat answer show it before any start).
      const subscription = book.get(id);
      return (
        scheduler.nextRun(id) ?? (subscription && nextSlot(subscription.cron, subscription.timezone, now()))
      );
    },
    canDeliver: (target) => deps.supports?.(target) ?? true,
    ledger: () => ledger,
  };
}
