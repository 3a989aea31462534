// Rendered chart PNGs kept in memory for a while, served at GET /charts/<id>.png. Ids are 128-bit random
// (unguessable); entries expire and the store is bounded, so memory stays flat however long the bot runs.
import { randomBytes } from 'node:crypto';

/** How long a rendered chart (and its signed URL) lives. */
export const CHART_TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredChart {
  png: Buffer;
  expiresAt: number;
}

export interface ChartStore {
  /** Keeps a PNG and returns its id (32 hex characters). */
  put(png: Buffer): string;
  get(id: string): Buffer | undefined;
  readonly size: number;
}

export function createChartStore(options: {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}): ChartStore {
  const now = options.now ?? Date.now;
  const charts = new Map<string, StoredChart>();
  function evict(): void {
    const time = now();
    for (const [id, chart] of charts) if (chart.expiresAt <= time) charts.delete(id);
    // Map iteration is insertion order: the oldest go first when over the bound.
    for (const id of charts.keys()) {
      if (charts.size <= options.maxEntries) break;
      charts.delete(id);
    }
  }
  return {
    put(png) {
      const id = randomBytes(16).toString('hex');
      charts.set(id, { png, expiresAt: now() + options.ttlMs });
      evict();
      return id;
    },
    get(id) {
      if (!/^[0-9a-f]{32}$/.test(id)) return undefined;
      const chart = charts.get(id);
      if (!chart || chart.expiresAt <= now()) return undefined;
      return chart.png;
    },
    get size() {
      return charts.size;
    },
  };
}
