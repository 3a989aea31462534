// Garbage collections on this thread while a measurement runs (perf_hooks 'gc' entries): how many, the longest, and
// their total, split into scavenges (young generation) and the rest (mark-compact and friends). The load bench
// reads them around the burst: a /healthz check that arrives during a long pause waits for it.
import { constants, PerformanceObserver } from 'node:perf_hooks';

export interface GcPauses {
  minor: { count: number; maxMs: number; totalMs: number };
  major: { count: number; maxMs: number; totalMs: number };
}

export function watchGcPauses(): { stop(): GcPauses } {
  const pauses: GcPauses = {
    minor: { count: 0, maxMs: 0, totalMs: 0 },
    major: { count: 0, maxMs: 0, totalMs: 0 },
  };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      const bucket = kind === constants.NODE_PERFORMANCE_GC_MINOR ? pauses.minor : pauses.major;
      bucket.count += 1;
      bucket.maxMs = Math.max(bucket.maxMs, entry.duration);
      bucket.totalMs += entry.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      observer.disconnect();
      const rounded = (bucket: GcPauses['minor']) => ({
        count: bucket.count,
        maxMs: Math.round(bucket.maxMs * 10) / 10,
        totalMs: Math.round(bucket.totalMs),
      });
      return { minor: rounded(pauses.minor), major: rounded(pauses.major) };
    },
  };
}
