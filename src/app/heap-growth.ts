// How far V8 lets the heap grow past what is live before it collects. Measured (BENCHMARKS.md, load suite): after
// 1,500 answers the live heap was ~85 MB but V8 had grown it to ~200 MB (RSS 444 MB) before a full collection,
// because its default growing factor (up to 4× on a fast collector) is tuned for throughput on a machine with room.
// With a 30 % factor the same run stayed at RSS ~355 MB for the same throughput within noise. The flag is one of
// those V8 reads at every collection, so setting it at start works; `--max-old-space-size` would need the start
// command, which belongs to deployment. 0 leaves V8's default.
import { setFlagsFromString } from 'node:v8';

export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`);
}
