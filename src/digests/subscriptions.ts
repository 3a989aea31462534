// Subscriptions: who gets which digest, when. Stored in the state store; ids are small numbers so people can
// say « arrête le digest 2 ». Every input problem is an INVALID_ARGUMENTS with a short French hint.
import { AppError } from '../core/errors.js';
import type { JsonCollection } from '../store/json-collection.js';
import type { Subscription } from './model.js';
import { DEFAULT_TIMEZONE, validateSchedule } from './schedule.js';
import { targetProblem } from './targets.js';

export interface NewSubscription {
  target: string;
  cron: string;
  timezone?: string;
  roiThreshold?: number;
  category?: string;
  /** A target typed by a person (`digest add --target`): Teams ids are checked too (src/digests/targets.ts). */
  strictTarget?: boolean;
}

function invalid(message: string, hint: string): AppError {
  return new AppError('INVALID_ARGUMENTS', message, { hint });
}

export function unknownDigest(id: string): AppError {
  return new AppError('INVALID_ARGUMENTS', `unknown digest ${id}`, {
    hint: `Aucun digest n° ${id}. Listez les digests avec « mes digests » (ou « npm run digest -- list »).`,
  });
}

export interface SubscriptionBook {
  list(target?: string): Subscription[];
  get(id: string): Subscription | undefined;
  add(input: NewSubscription): Promise<Subscription>;
  /** Removes a subscription; with `target`, only one of that conversation (a chat cannot remove another's). */
  remove(id: string, options?: { target?: string }): Promise<Subscription>;
}

export function createSubscriptionBook(
  collection: JsonCollection<Subscription>,
  settings: { defaultTimezone?: string; now: () => number; knownCategories?: () => Promise<string[]> },
): SubscriptionBook {
  // Removed subscriptions stay as tombstones (removedAt): ids are never reused, so « le digest 2 » keeps
  // meaning the same one, and the ledger's entries keep pointing at a known subscription.
  const active = () => collection.all().filter((subscription) => !subscription.removedAt);
  return {
    list: (target) =>
      active().filter((subscription) => target === undefined || subscription.target === target),
    get: (id) => active().find((subscription) => subscription.id === id),
    async add(input) {
      const target = input.target.trim();
      const problem = targetProblem(target, { strictTeams: input.strictTarget === true });
      if (problem) throw invalid(`bad target ${target}`, problem);
      const cron = input.cron.trim().replace(/\s+/g, ' ');
      const timezone = input.timezone?.trim() || settings.defaultTimezone || DEFAULT_TIMEZONE;
      validateSchedule(cron, timezone);
      const roiThreshold = input.roiThreshold ?? 0;
      if (!Number.isFinite(roiThreshold) || roiThreshold < -1 || roiThreshold > 100)
        throw invalid(
          `bad threshold ${roiThreshold}`,
          'Seuil de ROI invalide : une fraction entre −1 et 100 (0 = rentabilité, 0.2 = +20 %).',
        );
      let category = input.category?.trim() || undefined;
      if (category && settings.knownCategories) {
        const known = await settings.knownCategories();
        const match = known.find((name) => name.toLowerCase() === category!.toLowerCase());
        if (!match)
          throw invalid(
            `unknown category ${category}`,
            `Catégorie inconnue : « ${category} » (connues : ${known.join(', ')}).`,
          );
        category = match;
      }
      const created = await collection.update((items) => {
        const next = items.reduce((max, item) => Math.max(max, Number(item.id)), 0) + 1;
        const subscription: Subscription = {
          id: String(next),
          target,
          cron,
          timezone,
          roiThreshold,
          ...(category ? { category } : {}),
          createdAt: new Date(settings.now()).toISOString(),
        };
        return { items: [...items, subscription], result: subscription };
      });
      return created!;
    },
    async remove(id, options = {}) {
      const wanted = id.trim().replace(/^#/, '');
      const found = active().find((item) => item.id === wanted);
      if (!found || (options.target !== undefined && found.target !== options.target))
        throw unknownDigest(wanted);
      const removedAt = new Date(settings.now()).toISOString();
      await collection.update((items) =>
        items.map((item) => (item.id === wanted ? { ...item, removedAt } : item)),
      );
      return found;
    },
  };
}
