import type { MikroORM } from '@mikro-orm/core';
import { isPostgres, rawTableName } from '../../../core/db/raw-sql.js';
import { SyncJob, SyncJobStatus } from './sync-job.entity.js';
import { SyncWorkerLease } from './worker-lease.entity.js';

export interface ClaimedJob {
  id: number;
  listingId: string;
  marketplace: string;
  /** Why it was queued (PUBLISH, UPDATE, ...). */
  reason?: string;
  /** The trace of the change that queued it (sync-job.entity.ts). */
  traceParent?: string | null;
}

/**
 * Claims and settles outbox jobs with plain SQL, the same on both dialects except the lock clause.
 * A job is claimable when it is PENDING, due, the oldest pending job of its listing, and no job of
 * its listing is RUNNING: so one listing is never worked on by two workers at once, and an older
 * change can never land after a newer one. On PostgreSQL the candidate rows are locked with
 * `for update skip locked`, so concurrent workers take disjoint jobs without waiting on each other.
 * SQLite has no row locks: there one worker per database runs, enforced by a lease row.
 */
export class JobQueue {
  readonly postgres: boolean;
  private readonly jobs: string;
  private readonly leases: string;

  constructor(private readonly orm: MikroORM) {
    this.postgres = isPostgres(orm);
    const table = (entity: string) => rawTableName(orm, orm.getMetadata().get(entity).tableName);
    this.jobs = table(SyncJob.name);
    this.leases = table(SyncWorkerLease.name);
  }

  private execute<T = Record<string, unknown>[]>(sql: string, params: unknown[], method: 'all' | 'run' = 'all'): Promise<T> {
    return this.orm.em.getConnection().execute<T & object>(sql, params, method) as Promise<T>;
  }

  async claim(workerId: string, limit: number, leaseMs: number, now = Date.now()): Promise<ClaimedJob[]> {
    const lock = this.postgres ? 'for update skip locked' : '';
    const rows = await this.execute<{ id: number | string; listing_id: string; marketplace: string; reason: string; trace_parent: string | null }[]>(
      `update ${this.jobs} set status = ?, locked_by = ?, locked_until = ?, claims = claims + 1
       where id in (
         select j.id from ${this.jobs} j
         where j.status = ? and j.run_after <= ?
           and j.id = (select min(p.id) from ${this.jobs} p where p.listing_id = j.listing_id and p.status = ?)
           and not exists (select 1 from ${this.jobs} r where r.listing_id = j.listing_id and r.status = ?)
         order by j.run_after, j.id
         limit ? ${lock})
       returning id, listing_id, marketplace, reason, trace_parent`,
      [SyncJobStatus.RUNNING, workerId, now + leaseMs, SyncJobStatus.PENDING, now, SyncJobStatus.PENDING, SyncJobStatus.RUNNING, limit],
    );
    return rows
      .map((r) => ({ id: Number(r.id), listingId: r.listing_id, marketplace: r.marketplace, reason: r.reason, traceParent: r.trace_parent ?? null }))
      .sort((a, b) => a.id - b.id);
  }

  /** Extends the claims this worker still holds; returns their ids (a claim another worker took over is not among them). */
  async renew(workerId: string, ids: number[], leaseMs: number, now = Date.now()): Promise<number[]> {
    if (!ids.length) return [];
    const rows = await this.execute<{ id: number | string }[]>(
      `update ${this.jobs} set locked_until = ? where locked_by = ? and status = ? and id in (${ids.map(() => '?').join(', ')}) returning id`,
      [now + leaseMs, workerId, SyncJobStatus.RUNNING, ...ids],
    );
    return rows.map((r) => Number(r.id));
  }

  /** Jobs whose worker died (claim expired) become claimable again. `all`: every RUNNING job (the sole SQLite worker at start). */
  async releaseExpired(now = Date.now(), all = false): Promise<number> {
    const result = await this.execute<{ affectedRows?: number }>(
      `update ${this.jobs} set status = ?, locked_by = null, locked_until = null, run_after = ? where status = ?${all ? '' : ' and locked_until < ?'}`,
      [SyncJobStatus.PENDING, now, SyncJobStatus.RUNNING, ...(all ? [] : [now])],
      'run',
    );
    return result?.affectedRows ?? 0;
  }

  /** Ends a run: DONE/FAILED, or back to PENDING after `delayMs` (a listing under review). Only the claim holder can settle. */
  async settle(workerId: string, id: number, outcome: { status: SyncJobStatus; attempts: number; error?: string | null; delayMs?: number }, now = Date.now()): Promise<void> {
    const finished = outcome.status === SyncJobStatus.DONE || outcome.status === SyncJobStatus.FAILED;
    await this.execute(
      `update ${this.jobs} set status = ?, attempts = attempts + ?, last_error = ?, locked_by = null, locked_until = null, run_after = ?, finished_at = ?
       where id = ? and locked_by = ? and status = ?`,
      [
        outcome.status,
        outcome.attempts,
        outcome.error ?? null,
        now + (outcome.delayMs ?? 0),
        finished ? (this.postgres ? new Date(now) : now) : null,
        id,
        workerId,
        SyncJobStatus.RUNNING,
      ],
      'run',
    );
  }

  /**
   * SQLite only: takes or renews the single-worker lease. False while another live worker holds it.
   */
  async holdSingleWorkerLease(workerId: string, leaseMs: number, now = Date.now()): Promise<boolean> {
    await this.execute(
      `insert into ${this.leases} (name, holder, expires_at) values ('sync', ?, ?)
       on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
       where ${this.leases}.holder = excluded.holder or ${this.leases}.expires_at < ?`,
      [workerId, now + leaseMs, now],
      'run',
    );
    const rows = await this.execute<{ holder: string }[]>(`select holder from ${this.leases} where name = 'sync'`, []);
    return rows[0]?.holder === workerId;
  }

  async releaseSingleWorkerLease(workerId: string): Promise<void> {
    await this.execute(`delete from ${this.leases} where name = 'sync' and holder = ?`, [workerId], 'run');
  }
}
