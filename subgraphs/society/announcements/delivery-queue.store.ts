import type { MikroORM } from '@mikro-orm/core';
import { isPostgres, rawTableName } from '../../../core/db/raw-sql.js';
import { AnnouncementDelivery } from './announcement-delivery.entity.js';
import { DeliveryStatus, RadioRelayStatus } from './announcement-enums.js';
import { Announcement } from './announcement.entity.js';

export interface ClaimedDelivery {
  id: string;
  /** SENDING: (re)send it; SENT: look up its delivery report. */
  status: DeliveryStatus.SENDING | DeliveryStatus.SENT;
}

/**
 * The durable queue over the delivery rows themselves, in plain SQL alike on both dialects (times are
 * epoch ms). A claim is one UPDATE … RETURNING, so two workers never take the same row: on PostgreSQL
 * the candidates are locked `for update skip locked`; SQLite runs one write at a time. A claim lasts
 * `leaseMs`: a SENDING row whose worker died becomes claimable again and is sent again with the same
 * client message id (the channel returns the first message). Settling is only for the claim holder.
 */
export class DeliveryQueue {
  private readonly postgres: boolean;
  private readonly deliveries: string;
  private readonly announcements: string;

  constructor(private readonly orm: MikroORM) {
    this.postgres = isPostgres(orm);
    this.deliveries = rawTableName(orm, orm.getMetadata().get(AnnouncementDelivery.name).tableName);
    this.announcements = rawTableName(orm, orm.getMetadata().get(Announcement.name).tableName);
  }

  private execute<T>(sql: string, params: unknown[], method: 'all' | 'run' = 'all'): Promise<T> {
    return this.orm.em.getConnection().execute<T & object>(sql, params, method) as Promise<T>;
  }

  async claimDeliveries(workerId: string, limit: number, leaseMs: number, now = Date.now()): Promise<ClaimedDelivery[]> {
    const lock = this.postgres ? 'for update skip locked' : '';
    const rows = await this.execute<{ id: string; status: DeliveryStatus }[]>(
      `update ${this.deliveries} set locked_by = ?, locked_until = ?, status = case when status = ? then ? else status end
       where id in (
         select d.id from ${this.deliveries} d
         where (d.status in (?, ?, ?) and d.run_after <= ?) and (d.locked_until is null or d.locked_until < ?)
         order by d.run_after, d.id
         limit ? ${lock})
       returning id, status`,
      [workerId, now + leaseMs, DeliveryStatus.QUEUED, DeliveryStatus.SENDING, DeliveryStatus.QUEUED, DeliveryStatus.SENDING, DeliveryStatus.SENT, now, now, limit],
    );
    return rows.map((r) => ({ id: r.id, status: r.status as ClaimedDelivery['status'] }));
  }

  /** Ends a claim: the new status and fields, only if this worker still holds it. False when it lost the claim. */
  async settleDelivery(
    workerId: string,
    id: string,
    outcome: { status: DeliveryStatus; runAfter: number; attempts?: number; reportChecks?: number; lastError?: string | null; providerMessageId?: string | null; sentAt?: Date | null; deliveredAt?: Date | null },
    now = Date.now(),
  ): Promise<boolean> {
    const sets: string[] = ['status = ?', 'run_after = ?', 'locked_by = null', 'locked_until = null', 'updated_at = ?'];
    const params: unknown[] = [outcome.status, outcome.runAfter, this.time(now)];
    const optional: [string, unknown][] = [
      ['attempts', outcome.attempts],
      ['report_checks', outcome.reportChecks],
      ['last_error', outcome.lastError],
      ['provider_message_id', outcome.providerMessageId],
      ['sent_at', outcome.sentAt === undefined || outcome.sentAt === null ? outcome.sentAt : this.time(outcome.sentAt.getTime())],
      ['delivered_at', outcome.deliveredAt === undefined || outcome.deliveredAt === null ? outcome.deliveredAt : this.time(outcome.deliveredAt.getTime())],
    ];
    for (const [column, value] of optional) {
      if (value === undefined) continue;
      sets.push(`${column} = ?`);
      params.push(value);
    }
    const rows = await this.execute<{ id: string }[]>(`update ${this.deliveries} set ${sets.join(', ')} where id = ? and locked_by = ? returning id`, [...params, id, workerId]);
    return rows.length === 1;
  }

  /** Radio jobs of emergency announcements: QUEUED, due, not claimed by a live worker. */
  async claimRadio(limit: number, leaseMs: number, now = Date.now()): Promise<string[]> {
    const lock = this.postgres ? 'for update skip locked' : '';
    const rows = await this.execute<{ id: string }[]>(
      `update ${this.announcements} set radio_locked_until = ?
       where id in (
         select a.id from ${this.announcements} a
         where a.radio_status = ? and a.radio_run_after <= ? and (a.radio_locked_until is null or a.radio_locked_until < ?)
         order by a.radio_run_after, a.id
         limit ? ${lock})
       returning id`,
      [now + leaseMs, RadioRelayStatus.QUEUED, now, now, limit],
    );
    return rows.map((r) => r.id);
  }

  async settleRadio(id: string, outcome: { status: RadioRelayStatus; attempts: number; runAfter: number | null; broadcastId?: string | null; lastError?: string | null }): Promise<void> {
    await this.execute(
      `update ${this.announcements} set radio_status = ?, radio_attempts = ?, radio_run_after = ?, radio_locked_until = null, radio_broadcast_id = ?, radio_last_error = ? where id = ?`,
      [outcome.status, outcome.attempts, outcome.runAfter, outcome.broadcastId ?? null, outcome.lastError ?? null, id],
      'run',
    );
  }

  /** A Date as the dialect stores datetimes in raw SQL (SQLite: epoch ms, as MikroORM writes them). */
  private time(ms: number): Date | number {
    return this.postgres ? new Date(ms) : ms;
  }
}
