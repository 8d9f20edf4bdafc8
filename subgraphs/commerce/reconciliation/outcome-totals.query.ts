import type { EntityManager } from '@mikro-orm/core';
import { rawTableName } from '../../../core/db/raw-sql.js';
import { ReconciliationOutcome } from './outcomes.js';
import { ReconciliationItemPack } from './reconciliation-item-pack.entity.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';

export interface OutcomeTotal {
  count: number;
  /** Σ (paid − reversed) of the items. */
  paidVnd: number;
  /** Σ expected of the items. */
  expectedVnd: number;
}

/** Zero of every outcome: where totals are summed. */
export function emptyOutcomeTotals(): Record<ReconciliationOutcome, OutcomeTotal> {
  return Object.fromEntries(Object.values(ReconciliationOutcome).map((o) => [o, { count: 0, paidVnd: 0, expectedVnd: 0 }])) as Record<ReconciliationOutcome, OutcomeTotal>;
}

/** Count and VND per outcome of one run, summed by the database (a GROUP BY over its rows, a sum over its packs; no items loaded). */
export async function outcomeTotals(em: EntityManager, runId: string): Promise<Record<ReconciliationOutcome, OutcomeTotal>> {
  const table = rawTableName(em, em.getMetadata().get(ReconciliationItem.name).tableName);
  const rows = (await em
    .getConnection()
    .execute(
      `select "outcome", count(*) as n, sum("paid_vnd" - "reversed_vnd") as paid, sum("expected_vnd") as expected from ${table} where "run_id" = ? group by "outcome"`,
      [runId],
      'all',
    )) as { outcome: ReconciliationOutcome; n: number | string; paid: number | string | null; expected: number | string | null }[];
  const totals = emptyOutcomeTotals();
  for (const row of rows) totals[row.outcome] = { count: Number(row.n), paidVnd: Number(row.paid ?? 0), expectedVnd: Number(row.expected ?? 0) };
  // Packed items are MATCHED, each paid exactly what was expected.
  const packs = rawTableName(em, em.getMetadata().get(ReconciliationItemPack.name).tableName);
  const [packed] = (await em
    .getConnection()
    .execute(`select sum("item_count") as n, sum("paid_vnd") as paid from ${packs} where "run_id" = ?`, [runId], 'all')) as { n: number | string | null; paid: number | string | null }[];
  const matched = totals[ReconciliationOutcome.MATCHED];
  matched.count += Number(packed?.n ?? 0);
  matched.paidVnd += Number(packed?.paid ?? 0);
  matched.expectedVnd += Number(packed?.paid ?? 0);
  return totals;
}
