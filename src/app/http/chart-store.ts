// Rendered chart PNGs kept in memory for a while, served at GET /charts/<id>.png. Ids are 128-bit random
// (unguessable); entries expire and the store is bounded, so memory stays flat however long the bot runs.
// A chart can also be stored as a promise to render (`putLazy`): the web chat's charts are drawn when the page
// asks for them, so a burst of questions whose pictures nobody looks at costs no rendering.
import { randomBytes } from 'node:crypto';

/** How long a rendered chart (and its signed URL) lives. */
export const CHART_TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredChart {
  png?: Buffer;
  /** Draws the PNG on first request (then kept as `png`). */
  render?: () => Promise<Buffer>;
  onError?: (error: unknown) => void;
  rendering?: Promise<Buffer | undefined>;
  expiresAt: number;
}

export interface ChartStore {
  /** Keeps a PNG and returns its id (32 hex characters). */
  put(png: Buffer): string;
  /** Keeps a way to draw the PNG, drawn at the first `load` (`onError` hears a failed drawing); returns its id. */
  putLazy(render: () => Promise<Buffer>, onError?: (error: unknown) => void): string;
  /** A PNG already drawn. */
  get(id: string): Buffer | undefined;
  /** The PNG, drawn now if it was stored lazily; undefined if unknown, expired or its drawing failed. */
  load(id: string): Promise<Buffer | undefined>;
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
  const store = (chart: Omit<StoredChart, 'expiresAt'>) => {
    const id = randomBytes(16).toString('hex');
    charts.set(id, { ...chart, expiresAt: now() + options.ttlMs });
    evict();
    return id;
  };
  const live = (id: string) => {
    if (!/^[0-9a-f]{32}$/.test(id)) return undefined;
    const chart = charts.get(id);
    return chart && chart.expiresAt > now() ? chart : undefined;
  };
  return {
    put: (png) => store({ png }),
    putLazy: (render, onError) => store({ render, ...(onError ? { onError } : {}) }),
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
  };
}
