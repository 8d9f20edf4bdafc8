import type { EntityManager } from '@mikro-orm/core';
import type { PaymentRecord } from '../../../connectors/statements/payment-record.js';
import { rawTableName } from '../../../core/db/raw-sql.js';
import { MatchRule, ReconciliationOutcome } from './outcomes.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { ReconciliationRun } from './reconciliation-run.entity.js';

/**
 * Carry-over between runs. An expected payment nobody paid stays open on the item of the run that
 * reported it MISSING_IN_STATEMENT (current version, not resolved by hand, not yet settled). A later
 * run of the same provider loads these expectations beside its own period's, so a payment that
 * arrives late is matched there; the two items are then linked both ways
 * (`carriedFromItemId` on the new one, `settledByItemId`/`settledByRunId` on the open one).
 * The same holds the other way round: a payment no expectation claimed (MISSING_IN_LEDGER) is
 * loaded into later runs, so an expected payment entered afterwards matches it there.
 */

// Both reads say `outcome <> 'MATCHED'` beside the outcome they want: the exceptions index is
// partial, and SQLite does not infer that term from `outcome = ?` (without it, it scans every item).

/** Open expectations of the provider's other current runs: expected-payment id → the open item's id. */
export async function openExpectations(em: EntityManager, provider: string, exceptRunId: string | null): Promise<Map<string, number>> {
  const items = rawTableName(em, em.getMetadata().get(ReconciliationItem.name).tableName);
  const runs = rawTableName(em, em.getMetadata().get(ReconciliationRun.name).tableName);
  // Items a superseded-now version settled are open again: that version's matches no longer count.
  const rows = (await em.getConnection().execute(
    `select i."id", i."expected_payment_ids_json" as ids from ${items} i join ${runs} r on r."id" = i."run_id"
     where r."provider" = ? and r."current_key" is not null and r."id" <> ? and i."outcome" = ? and i."outcome" <> '${ReconciliationOutcome.MATCHED}' and i."resolved_at" is null
       and (i."settled_by_item_id" is null or i."settled_by_run_id" = ?)`,
    [provider, exceptRunId ?? '', ReconciliationOutcome.MISSING_IN_STATEMENT, exceptRunId ?? ''],
    'all',
    em.getTransactionContext(),
  )) as { id: number | string; ids: string }[];
  const open = new Map<string, number>();
  for (const row of rows) for (const id of JSON.parse(row.ids) as string[]) open.set(id, Number(row.id));
  return open;
}

/** A payment of an earlier run's statement that no expected payment claimed, still open. */
export interface CarriedPayment {
  /** The open item that reported it. */
  itemId: number;
  record: PaymentRecord;
}

/**
 * Open payments of the provider's other current runs: plain payments reported MISSING_IN_LEDGER
 * (rule UNPAIRED, one transaction, nothing reversed), not resolved, not settled. An orphan reversal
 * has nothing to match and is left to be resolved by hand.
 */
export async function openPayments(em: EntityManager, provider: string, exceptRunId: string | null): Promise<CarriedPayment[]> {
  const items = rawTableName(em, em.getMetadata().get(ReconciliationItem.name).tableName);
  const runs = rawTableName(em, em.getMetadata().get(ReconciliationRun.name).tableName);
  const rows = (await em.getConnection().execute(
    `select i."id", i."transaction_ids_json" as txns, i."references_json" as refs, i."payer", i."paid_vnd" as paid, i."fee_vnd" as fee, i."paid_at" as paid_at
     from ${items} i join ${runs} r on r."id" = i."run_id"
     where r."provider" = ? and r."current_key" is not null and r."id" <> ? and i."outcome" = ? and i."outcome" <> '${ReconciliationOutcome.MATCHED}' and i."rule" = ? and i."reversed_vnd" = 0 and i."resolved_at" is null
       and (i."settled_by_item_id" is null or i."settled_by_run_id" = ?)
     order by i."id"`,
    [provider, exceptRunId ?? '', ReconciliationOutcome.MISSING_IN_LEDGER, MatchRule.UNPAIRED, exceptRunId ?? ''],
    'all',
    em.getTransactionContext(),
  )) as { id: number | string; txns: string; refs: string; payer: string | null; paid: number | string; fee: number | string; paid_at: number | string | Date | null }[];
  const carried: CarriedPayment[] = [];
  for (const row of rows) {
    const transactionIds = JSON.parse(row.txns) as string[];
    const references = JSON.parse(row.refs) as string[];
    if (transactionIds.length !== 1 || row.paid_at === null || references.length > 1) continue;
    carried.push({
      itemId: Number(row.id),
      record: {
        provider,
        transactionId: transactionIds[0],
        reference: references[0] ?? null,
        kind: 'PAYMENT',
        originalTransactionId: null,
        amountVnd: Number(row.paid),
        feeVnd: Number(row.fee),
        occurredAt: new Date(typeof row.paid_at === 'string' && /^\d+$/.test(row.paid_at) ? Number(row.paid_at) : row.paid_at),
        status: 'SUCCESS',
        payer: row.payer ?? null,
        // Not a line of this run's file.
        line: 0,
      },
    });
  }
  return carried;
}

/** After a run's items are stored: marks each open item its items settled, with the settling item and run. */
export async function linkSettled(tx: EntityManager, runId: string): Promise<number> {
  const settling = await tx.find(ReconciliationItem, { runId, carriedFromItemId: { $ne: null } }, { fields: ['id', 'carriedFromItemId'], disableIdentityMap: true });
  for (const item of settling) {
    await tx.nativeUpdate(ReconciliationItem, { id: item.carriedFromItemId! }, { settledByItemId: item.id, settledByRunId: runId });
  }
  return settling.length;
}

/** A superseded version's settlements no longer hold: the items it settled are open again until the new version settles them. */
export async function releaseSettlements(tx: EntityManager, runId: string): Promise<void> {
  await tx.nativeUpdate(ReconciliationItem, { settledByRunId: runId }, { settledByItemId: null, settledByRunId: null });
}
