import type { EntityManager } from '@mikro-orm/core';
import { conflict } from '../../../core/domain-errors.js';
import { changeableItem, withdrawPending } from './item-state.store.js';
import type { ReconciliationItem } from './reconciliation-item.entity.js';
import { ReconciliationResolution } from './reconciliation-resolution.entity.js';
import { ResolutionAction, resolutionNote } from './resolution.rules.js';

/**
 * Reopens a resolved item (the refund bounced, the provider withdrew its confirmation): appends a
 * REOPEN with the reason, and the item is open again. The earlier resolutions stay in the history.
 */
export async function reopenItem(em: EntityManager, input: { itemId: number; note: string; by: string }): Promise<ReconciliationItem> {
  const note = resolutionNote(input.note);
  return em.transactional(async (tx) => {
    const { item } = await changeableItem(tx, input.itemId);
    if (!item.resolvedAt) throw conflict(`Item ${item.id} is not resolved, so there is nothing to reopen.`);
    await withdrawPending(tx, item.id);
    tx.persist(Object.assign(new ReconciliationResolution(), { itemId: item.id, action: ResolutionAction.REOPEN, category: null, note, resolvedBy: input.by, resolvedAt: new Date() }));
    item.resolvedAt = null;
    item.resolvedBy = null;
    item.resolutionCategory = null;
    await tx.flush();
    return item;
  });
}
