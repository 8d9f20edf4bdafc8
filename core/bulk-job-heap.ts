import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * New space (both semi-spaces) of this thread at which it stops growing, bytes. V8 grows it to 32
 * MB under a bulk job's allocation rate; at 16 MB a million-row `hub reconcile` on PostgreSQL
 * peaked at 252–272 MB instead of 291–301 MB, in the same time, measured in alternation (8 MB
 * promoted more and peaked higher). The same as starting node with --max-semi-space-size=8.
 */
const YOUNG_GENERATION_CAP_BYTES = 16 * 1024 * 1024;

/**
 * Prepares this process's heap for a one-shot command that streams millions of short-lived rows
 * (a statement import). Not for the server, whose long-lived objects it serves. Both settings are
 * V8 flags, for the whole process and the rest of its life; call it before the rows are read.
 *
 * - Allocation-site pretenuring off. V8 moves an allocation site to the old generation once it sees
 *   the site's objects survive young collections, and a streaming reader hands over rows in
 *   batches, so some always survive one. After that every row and record of the file was allocated
 *   in the old generation, where only a full collection frees it: `hub reconcile` of a million rows
 *   peaked at 499 MB, 335 MB without, and spent less CPU. Equivalent to
 *   `node --no-allocation-site-pretenuring` (a site tenured before stays so).
 * - The young generation capped at YOUNG_GENERATION_CAP_BYTES: the command runs as `node hub.js`,
 *   where no heap flag can be given, and a semi-space's maximum is fixed when the heap is made.
 *   What can change later is the factor it grows by: set to 1 after the collection that finds the
 *   new space at the cap, it grows no more.
 */
export function useBulkJobHeap(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
  capYoungGeneration();
}

function capYoungGeneration(): void {
  const atCap = () => (getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0) >= YOUNG_GENERATION_CAP_BYTES;
  const freeze = () => setFlagsFromString('--semi-space-growth-factor=1');
  if (atCap()) {
    freeze();
    return;
  }
  const observer = new PerformanceObserver(() => {
    if (!atCap()) return;
    freeze();
    observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
}
