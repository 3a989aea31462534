// The exactly-once ledger. Each (subscription, slot) — or alert crossing — gets an entry written *before* the
// first attempt (pending) and updated *after* (sent / failed). A slot with any entry is never started again,
// so a restart cannot post it twice; the only uncertain case, pending without an outcome (the process died
// mid-post), is resolved by `alreadyPosted` when the platform adapter can answer it, else skipped with a warning
// (at-most-once beats a duplicate in a team channel: the next slot brings the news anyway).
import type { JsonCollection } from '../store/json-collection.js';
import type { LedgerEntry } from './model.js';

export const digestKey = (subscriptionId: string, slotIso: string) => `digest:${subscriptionId}:${slotIso}`;

export interface Ledger {
  get(key: string): LedgerEntry | undefined;
  /** Records `pending` unless the key already has an entry; returns false when it had one (do not post). */
  claim(entry: Omit<LedgerEntry, 'status' | 'updatedAt'>): Promise<boolean>;
  settle(
    key: string,
    status: LedgerEntry['status'],
    extra?: { attempts?: number; note?: string },
  ): Promise<void>;
  /** Entries left `pending` by a previous process. */
  unfinished(): LedgerEntry[];
  entries(): LedgerEntry[];
}

export function createLedger(collection: JsonCollection<LedgerEntry>, now: () => number): Ledger {
  const stamp = () => new Date(now()).toISOString();
  const find = (key: string) => collection.all().find((entry) => entry.key === key);
  return {
    get: find,
    async claim(entry) {
      const claimed = await collection.update((items) => {
        if (items.some((item) => item.key === entry.key)) return { items, result: false };
        return {
          items: [...items, { ...entry, status: 'pending' as const, updatedAt: stamp() }],
          result: true,
        };
      });
      return claimed === true;
    },
    async settle(key, status, extra = {}) {
      await collection.update((items) =>
        items.map((item) => (item.key === key ? { ...item, ...extra, status, updatedAt: stamp() } : item)),
      );
    },
    unfinished: () => collection.all().filter((entry) => entry.status === 'pending'),
    entries: () => collection.all(),
  };
}

/** Keeps the ledger bounded: entries older than the retention go, but a pending one is always kept. */
export function ledgerRetention(retentionDays: number, now: () => number) {
  return (items: LedgerEntry[]): LedgerEntry[] => {
    const cutoff = now() - retentionDays * 86_400_000;
    return items.filter((item) => item.status === 'pending' || Date.parse(item.updatedAt) >= cutoff);
  };
}
