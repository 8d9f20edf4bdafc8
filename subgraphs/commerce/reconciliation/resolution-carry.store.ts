import type { EntityManager } from '@mikro-orm/core';
import { rawTableName } from '../../../core/db/raw-sql.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { ReconciliationResolution } from './reconciliation-resolution.entity.js';

/**
 * Carrying manual resolutions to a corrected version. An item is "unchanged" when outcome, rule,
 * transactions, expected payments and the three amounts are the same: then what a person decided
 * about it still holds, and its whole history is copied to the new item (marked as carried).
 * A changed item starts open: the decision was about other facts.
 */
export interface ItemFacts {
  outcome: string;
  rule: string;
  transactionIdsJson: string;
  expectedPaymentIdsJson: string;
  paidVnd: number;
  reversedVnd: number;
  expectedVnd: number;
}

export function itemFactsKey(item: ItemFacts): string {
  return [item.outcome, item.rule, item.transactionIdsJson, item.expectedPaymentIdsJson, item.paidVnd, item.reversedVnd, item.expectedVnd].join('\u0001');
}

export interface ResolvedItem {
  id: number;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  resolutionCategory: string | null;
}

/** Items of the earlier version with any resolution history, by facts key. */
export async function resolvedItemsByKey(em: EntityManager, runId: string): Promise<Map<string, ResolvedItem>> {
  const ids = await itemIdsWithHistory(em, runId);
  if (!ids.length) return new Map();
  const items = await em.find(ReconciliationItem, { runId, id: { $in: ids } }, { disableIdentityMap: true });
  return new Map(items.map((i) => [itemFactsKey(i), { id: i.id, resolvedAt: i.resolvedAt ?? null, resolvedBy: i.resolvedBy ?? null, resolutionCategory: i.resolutionCategory ?? null }]));
}

async function itemIdsWithHistory(em: EntityManager, runId: string): Promise<number[]> {
  const items = rawTableName(em, em.getMetadata().get(ReconciliationItem.name).tableName);
  const resolutions = rawTableName(em, em.getMetadata().get(ReconciliationResolution.name).tableName);
  const rows = (await em
    .getConnection()
    .execute(`select distinct r."item_id" as id from ${resolutions} r join ${items} i on i."id" = r."item_id" where i."run_id" = ?`, [runId], 'all', em.getTransactionContext())) as { id: number | string }[];
  return rows.map((r) => Number(r.id));
}

/**
 * Copies each carried item's resolution history to its new item (matched by seq after insert) and
 * sets the new item's resolved state. Returns how many items were carried.
 */
export async function carryResolutions(tx: EntityManager, fromRunId: string, toRunId: string, carried: Map<number, ResolvedItem>): Promise<number> {
  if (!carried.size) return 0;
  const seqs = [...carried.keys()];
  let count = 0;
  for (let k = 0; k < seqs.length; k += 500) {
    const chunk = seqs.slice(k, k + 500);
    const targets = await tx.find(ReconciliationItem, { runId: toRunId, seq: { $in: chunk } }, { fields: ['id', 'seq'], disableIdentityMap: true });
    const history = await tx.find(
      ReconciliationResolution,
      { itemId: { $in: chunk.map((s) => carried.get(s)!.id) } },
      { orderBy: [{ resolvedAt: 'asc' }, { id: 'asc' }], disableIdentityMap: true },
    );
    for (const target of targets) {
      const from = carried.get(target.seq)!;
      for (const r of history.filter((h) => h.itemId === from.id)) {
        tx.persist(
          Object.assign(new ReconciliationResolution(), {
            itemId: target.id,
            action: r.action,
            category: r.category ?? null,
            status: r.status,
            amountVnd: r.amountVnd ?? null,
            note: r.note,
            resolvedBy: r.resolvedBy,
            resolvedAt: r.resolvedAt,
            approvedBy: r.approvedBy ?? null,
            approvedAt: r.approvedAt ?? null,
            carriedFromRunId: fromRunId,
          }),
        );
      }
      await tx.nativeUpdate(ReconciliationItem, { id: target.id }, { resolvedAt: from.resolvedAt, resolvedBy: from.resolvedBy, resolutionCategory: from.resolutionCategory });
      count++;
    }
  }
  await tx.flush();
  return count;
}
