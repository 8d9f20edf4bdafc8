import { Counter, type Registry } from 'prom-client';
import { MARKETPLACES } from '../catalogue/marketplace.js';

/** How one run of a job ended: published or updated (done), given up (failed), or waiting (a review, a rate limit). */
export type RunOutcome = 'done' | 'failed' | 'wait';

export interface SyncRunMetrics {
  record(marketplace: string, outcome: RunOutcome, calls: number, retries: number): void;
}

/**
 * What this worker process did, as counters (the outbox gauges of sync-metrics.ts show the queue,
 * these its work): job runs by outcome, marketplace calls, and retries: tries of a job's step
 * beyond the first within one run, after a timeout, a 5xx or a 429. Counted by the process that made them,
 * so Prometheus sums them over workers with `sum(rate(...))`. Labels: the registry's marketplace
 * codes (anything else is `other`) and the three outcomes.
 */
export function createSyncRunMetrics(registry: Registry): SyncRunMetrics {
  const runs = new Counter({ name: 'hub_sync_job_runs_total', help: 'Sync job runs by marketplace and outcome (done, failed after its retries, wait for a review or a rate limit)', labelNames: ['marketplace', 'outcome'] as const, registers: [registry] });
  const calls = new Counter({ name: 'hub_sync_marketplace_calls_total', help: 'Calls this worker made to a marketplace for sync jobs', labelNames: ['marketplace'] as const, registers: [registry] });
  const retried = new Counter({ name: 'hub_sync_retries_total', help: 'Retries within job runs: tries beyond the first after a timeout, 5xx or 429', labelNames: ['marketplace'] as const, registers: [registry] });
  return {
    record(marketplace, outcome, made, retries) {
      const label = (MARKETPLACES as readonly string[]).includes(marketplace) ? marketplace : 'other';
      runs.inc({ marketplace: label, outcome });
      if (made > 0) calls.inc({ marketplace: label }, made);
      if (retries > 0) retried.inc({ marketplace: label }, retries);
    },
  };
}
