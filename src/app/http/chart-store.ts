// Rendered chart PNGs kept in memory for a while, served at GET /charts/<id>.png. Ids are 128-bit random
// (unguessable). The store is bounded in bytes (CHART_STORE_MAX_MB, 64 MB by default), not in entries: a chart
// weighs 20 to 200 KB, so an entry count let memory swing tenfold with the kind of charts asked for. lru-cache
// evicts the least recently used chart first and drops expired ones; an evicted chart's URL answers 410 (the
// server tells it apart from an unknown one by its valid signature).
// A chart can also be stored as a way to draw it (`putLazy`): the web chat's charts are drawn when the page asks
// for them, so a burst of questions whose pictures nobody looks at costs no rendering.
import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { ChartRequest } from '../../core/answer.js';

/** How long a rendered chart (and its signed URL) lives. */
export const CHART_TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredChart {
  png?: Buffer;
  /** Draws the PNG on first request (then kept as `png`). */
  render?: () => Promise<Buffer>;
  onError?: (error: unknown) => void;
  rendering?: Promise<Buffer | undefined>;
}

export interface ChartStore {
  /** Keeps a PNG and returns its id (32 hex characters). */
  put(png: Buffer): string;
  /**
   * Keeps a way to draw the PNG, drawn at the first `load` (`onError` hears a failed drawing); returns its id.
   * `weight` is what the entry holds until then (the chart's rows), counted against the byte bound.
   */
  putLazy(render: () => Promise<Buffer>, onError?: (error: unknown) => void, weight?: number): string;
  /** A PNG already drawn. */
  get(id: string): Buffer | undefined;
  /** The PNG, drawn now if it was stored lazily; undefined if unknown, expired, evicted or its drawing failed. */
  load(id: string): Promise<Buffer | undefined>;
  /** Charts kept. */
  readonly size: number;
  /** Bytes counted against the bound (PNGs, and the weight of charts not drawn yet). */
  readonly bytes: number;
}

export interface ChartStoreOptions {
  ttlMs: number;
  /** The byte bound: the least recently used charts go first beyond it. */
  maxBytes: number;
  /** Milliseconds (injectable for tests; lru-cache reads it for expiry). */
  now?: () => number;
}

/** A lazy entry's bookkeeping (the closure, the id, the map slot) besides its rows. */
const LAZY_OVERHEAD_BYTES = 512;

/** What a chart request holds in memory, roughly: its rows as JSON (two bytes a character in V8's worst case). */
export function chartRequestWeight(request: Pick<ChartRequest, 'rows'>): number {
  return LAZY_OVERHEAD_BYTES + 2 * JSON.stringify(request.rows).length;
}

const CHART_ID = /^[0-9a-f]{32}$/;

export function createChartStore(options: ChartStoreOptions): ChartStore {
  const weights = new WeakMap<StoredChart, number>();
  const charts = new LRUCache<string, StoredChart>({
    maxSize: options.maxBytes,
    // One chart larger than the whole bound is refused (not stored) rather than emptying the store.
    maxEntrySize: options.maxBytes,
    sizeCalculation: (chart) => chart.png?.length ?? weights.get(chart) ?? LAZY_OVERHEAD_BYTES,
    ttl: options.ttlMs,
    // Expired charts are dropped as they are met and when space is needed, without a timer per entry.
    ttlAutopurge: false,
    ...(options.now ? { perf: { now: options.now } } : {}),
  });
  const store = (chart: StoredChart, weight?: number) => {
    const id = randomBytes(16).toString('hex');
    if (weight !== undefined) weights.set(chart, weight);
    charts.set(id, chart);
    return id;
  };
  const live = (id: string) => (CHART_ID.test(id) ? charts.get(id) : undefined);
  return {
    put: (png) => store({ png }),
    putLazy: (render, onError, weight) => store({ render, ...(onError ? { onError } : {}) }, weight),
    get: (id) => live(id)?.png,
    async load(id) {
      const chart = live(id);
      if (!chart) return undefined;
      if (chart.png) return chart.png;
      const render = chart.render;
      if (!render) return undefined;
      chart.rendering ??= render().then(
        (png) => {
          chart.png = png;
          chart.render = undefined;
          // Counted again at its drawn size (the TTL keeps running from the first put).
          if (charts.has(id)) charts.set(id, chart, { noUpdateTTL: true });
          return png;
        },
        (error: unknown) => {
          chart.rendering = undefined; // a later request may try again
          chart.onError?.(error);
          return undefined;
        },
      );
      return chart.rendering;
    },
    get size() {
      return charts.size;
    },
    get bytes() {
      return charts.calculatedSize;
    },
  };
}
