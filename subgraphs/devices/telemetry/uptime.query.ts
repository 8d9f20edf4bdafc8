import { isPostgres, rawTableName } from '../../../core/db/raw-sql.js';
import type { EntityManager } from '@mikro-orm/core';
import type { UptimeWindow } from './uptime.rules.js';

/**
 * Online milliseconds of one device within `window`, computed in the database: a year of
 * minute heartbeats is half a million rows, too many to load. Same rule as `onlineMilliseconds`
 * (uptime.rules.ts), with LEAD() giving each heartbeat its successor:
 *   Σ max(0, min(next, t + threshold, window.end) − max(t, window.start))
 * SQLite stores instants as epoch milliseconds (MikroORM's convention there); PostgreSQL as
 * timestamptz, converted to milliseconds with extract(epoch).
 */
export async function onlineMillisecondsInDatabase(em: EntityManager, deviceId: string, thresholdMs: number, window: UptimeWindow): Promise<number> {
  if (window.end <= window.start) return 0;
  const sqlite = !isPostgres(em);
  const table = rawTableName(em, 'device_heartbeat');
  const ms = (column: string) => (sqlite ? column : `(extract(epoch from ${column}) * 1000)`);
  const [greatest, least] = sqlite ? ['max', 'min'] : ['greatest', 'least'];
  const instant = (epochMs: number) => (sqlite ? epochMs : new Date(epochMs));
  const sql = `
    with beats as (
      select ${ms('received_at')} as t, lead(${ms('received_at')}) over (order by received_at) as next
      from ${table}
      where device_id = ? and received_at >= ? and received_at < ?
    )
    select coalesce(sum(${greatest}(0, ${least}(coalesce(next, t + ?), t + ?, ?) - ${greatest}(t, ?))), 0) as online
    from beats`;
  const params = [deviceId, instant(window.start - thresholdMs), instant(window.end), thresholdMs, thresholdMs, window.end, window.start];
  const rows = (await em.getConnection().execute(sql, params, 'all', em.getTransactionContext())) as { online: number | string }[];
  return Math.round(Number(rows[0]?.online ?? 0));
}
