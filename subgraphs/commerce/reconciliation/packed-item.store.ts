import { LockMode, type EntityManager } from '@mikro-orm/core';
import { isPostgres } from '../../../core/db/raw-sql.js';
import { withoutItem } from './item-pack.js';
import { ReconciliationItemPack } from './reconciliation-item-pack.entity.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { ReconciliationRun } from './reconciliation-run.entity.js';

/**
 * The item of this id as a row, taking it out of its pack first when it is packed (a person is
 * about to resolve it: a decision is stored on a row). Its id stays the same. Null when no item
 * has the id. Inside the caller's transaction; on PostgreSQL the pack is locked, so two people
 * taking the same item at once end with one row.
 */
export async function itemRow(tx: EntityManager, id: number): Promise<ReconciliationItem | null> {
  const row = await tx.findOne(ReconciliationItem, { id });
  if (row) return row;
  const run = await tx.findOne(ReconciliationRun, { firstItemId: { $ne: null, $lte: id } }, { orderBy: { firstItemId: 'desc' }, fields: ['id', 'firstItemId'], disableIdentityMap: true });
  if (run?.firstItemId === null || run?.firstItemId === undefined) return null;
  const seq = id - run.firstItemId;
  const pack = await tx.findOne(
    ReconciliationItemPack,
    { runId: run.id, firstSeq: { $lte: seq }, lastSeq: { $gte: seq } },
    isPostgres(tx) ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
  );
  const taken = pack && withoutItem(pack, seq, run.firstItemId);
  // Someone took it out meanwhile (we waited on the pack's lock): it is a row now.
  if (!pack || !taken) return tx.findOne(ReconciliationItem, { id });
  if (taken.rest) Object.assign(pack, taken.rest);
  else tx.remove(pack);
  await tx.insert(ReconciliationItem, taken.item);
  await tx.flush();
  return tx.findOneOrFail(ReconciliationItem, { id });
}
