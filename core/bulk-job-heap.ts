import { setFlagsFromString } from 'node:v8';

/**
 * Prepares this process's heap for a one-shot command that streams millions of short-lived rows
 * (a statement import): V8's allocation-site pretenuring is turned off for the rest of the process.
 * Not for the server, whose long-lived objects it serves.
 *
 * Why: V8 moves an allocation site to the old generation once it sees the site's objects survive
 * young collections, and a streaming reader hands over rows in batches, so some always survive one.
 * After that every row and record of the file was allocated in the old generation, where only a
 * full collection frees it: `hub reconcile` of a million rows peaked at 499 MB, 335 MB without,
 * and spent less CPU (the benchmark, `npm run bench -- reconcile`, measures it). Equivalent to
 * `node --no-allocation-site-pretenuring`; call it before the rows are read (a site tenured before
 * stays so).
 */
export function useBulkJobHeap(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
