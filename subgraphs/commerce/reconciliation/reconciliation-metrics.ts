import { Gauge } from 'prom-client';
import { rawTableName } from '../../../core/db/raw-sql.js';
import type { SubgraphRuntime } from '../../../core/subgraph.js';
import { ReconciliationOutcome } from './outcomes.js';

/**
 * Reconciliation seen from the database at each scrape: runs recorded, and items still open (not
 * MATCHED and not resolved by finance) by outcome — the work waiting for a person.
 */
export function registerReconciliationMetrics(runtime: SubgraphRuntime): void {
  const { orm, metrics: registry } = runtime;
  let refresh: Promise<void> | null = null;
  // One query set per scrape, shared by both gauges.
  const collect = async () => {
    refresh ??= update().finally(() => (refresh = null));
    await refresh;
  };
  const runs = new Gauge({ name: 'hub_reconciliation_runs', help: 'Reconciliation runs recorded (hub reconcile), all time', registers: [registry], collect });
  const open = new Gauge({ name: 'hub_reconciliation_open_items', help: 'Reconciliation items not MATCHED and not yet resolved, by outcome', labelNames: ['outcome'] as const, registers: [registry], collect });
  const update = async () => {
    const connection = orm.em.getConnection();
    const [counted] = (await connection.execute(`select count(*) as n from ${rawTableName(orm, 'reconciliation_run')}`)) as { n: number | string }[];
    runs.set(Number(counted?.n ?? 0));
    const rows = (await connection.execute(
      `select outcome, count(*) as n from ${rawTableName(orm, 'reconciliation_item')} where outcome <> 'MATCHED' and resolved_at is null group by outcome`,
    )) as { outcome: string; n: number | string }[];
    for (const outcome of Object.values(ReconciliationOutcome)) {
      if (outcome === ReconciliationOutcome.MATCHED) continue;
      open.set({ outcome }, Number(rows.find((r) => r.outcome === outcome)?.n ?? 0));
    }
  };
}
