import { Gauge } from 'prom-client';
import { rawTableName } from '../../../core/db/raw-sql.js';
import type { SubgraphRuntime } from '../../../core/subgraph.js';
import { MARKETPLACES } from '../catalogue/marketplace.js';
import { SyncJobStatus } from './sync-job.entity.js';

/** Datetimes come back as epoch ms from SQLite and as Date or text from PostgreSQL. */
const epochMs = (value: unknown): number | null => (value === null || value === undefined ? null : typeof value === 'number' ? value : new Date(String(value instanceof Date ? value.toISOString() : value)).getTime());

/**
 * The sync outbox seen from the database at each scrape, so every replica reports the same queue
 * whichever process runs the worker (`hub worker` has no HTTP port): jobs by marketplace and
 * status, the age of the oldest job waiting, the attempts made, listings FAILED. Labels are the
 * registry's marketplace codes and the job statuses: bounded.
 */
export function registerSyncMetrics(runtime: SubgraphRuntime): void {
  const { orm, metrics: registry } = runtime;
  let refresh: Promise<void> | null = null;
  // One query set per scrape, shared by the four gauges (prom-client collects them concurrently).
  const collect = async () => {
    refresh ??= update().finally(() => (refresh = null));
    await refresh;
  };
  const jobs = new Gauge({ name: 'hub_sync_jobs', help: 'Sync outbox jobs by marketplace and status (queue depth: PENDING + RUNNING)', labelNames: ['marketplace', 'status'] as const, registers: [registry], collect });
  const age = new Gauge({
    name: 'hub_sync_oldest_job_age_seconds',
    help: 'Age of the oldest PENDING or RUNNING job per marketplace (sync lag: how far the marketplace is behind the hub); 0 when none waits',
    labelNames: ['marketplace'] as const,
    registers: [registry],
    collect,
  });
  const attempts = new Gauge({ name: 'hub_sync_job_attempts', help: 'Marketplace calls made by the jobs in the outbox, by marketplace and status (retries are attempts beyond one per job)', labelNames: ['marketplace', 'status'] as const, registers: [registry], collect });
  const failed = new Gauge({ name: 'hub_sync_failed_listings', help: 'Listings FAILED after their retries, waiting for retryListing', labelNames: ['marketplace'] as const, registers: [registry], collect });

  const update = async () => {
    const connection = orm.em.getConnection();
    const rows = (await connection.execute(
      `select marketplace, status, count(*) as n, min(created_at) as oldest, sum(attempts) as attempts from ${rawTableName(orm, 'sync_job')} group by marketplace, status`,
    )) as { marketplace: string; status: string; n: number | string; oldest: unknown; attempts: number | string | null }[];
    const listings = (await connection.execute(`select marketplace, count(*) as n from ${rawTableName(orm, 'listing')} where status = 'FAILED' group by marketplace`)) as { marketplace: string; n: number | string }[];
    const now = Date.now();
    for (const marketplace of MARKETPLACES) {
      let oldest: number | null = null;
      for (const status of Object.values(SyncJobStatus)) {
        const row = rows.find((r) => r.marketplace === marketplace && r.status === status);
        jobs.set({ marketplace, status }, Number(row?.n ?? 0));
        attempts.set({ marketplace, status }, Number(row?.attempts ?? 0));
        const at = epochMs(row?.oldest);
        if ((status === SyncJobStatus.PENDING || status === SyncJobStatus.RUNNING) && at !== null) oldest = oldest === null ? at : Math.min(oldest, at);
      }
      age.set({ marketplace }, oldest === null ? 0 : Math.max(0, (now - oldest) / 1000));
      failed.set({ marketplace }, Number(listings.find((r) => r.marketplace === marketplace)?.n ?? 0));
    }
  };
}
