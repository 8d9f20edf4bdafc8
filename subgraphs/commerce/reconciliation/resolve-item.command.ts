import type { EntityManager } from '@mikro-orm/core';
import { invalidInput } from '../../../core/domain-errors.js';
import { changeableItem, withdrawPending } from './item-state.store.js';
import { ReconciliationItem } from './reconciliation-item.entity.js';
import { ReconciliationResolution } from './reconciliation-resolution.entity.js';
import { openAmountVnd, ResolutionAction, ResolutionCategory, ResolutionStatus, resolutionNote, writeOffNeedsApproval } from './resolution.rules.js';

export interface ResolveItemInput {
  itemId: number;
  category: ResolutionCategory;
  note: string;
  /** Token subject of the finance person. */
  by: string;
  /** COMMERCE_WRITE_OFF_APPROVAL_VND. */
  writeOffApprovalVnd: number;
}

export interface ResolveItemResult {
  item: ReconciliationItem;
  resolution: ReconciliationResolution;
}

/**
 * Records a person's resolution of an item, with its category and note. A WRITE_OFF of more than
 * the approval amount is recorded PENDING_APPROVAL: the item stays open until a second person
 * approves it (approve-write-off.command.ts). Validates first, then writes in one transaction.
 */
export async function resolveItem(em: EntityManager, input: ResolveItemInput): Promise<ResolveItemResult> {
  const note = resolutionNote(input.note);
  if (!Object.values(ResolutionCategory).includes(input.category)) throw invalidInput(`"${String(input.category)}" is not a resolution category.`, 'input.category');
  return em.transactional(async (tx) => {
    const { item } = await changeableItem(tx, input.itemId);
    const now = new Date();
    let status = ResolutionStatus.EFFECTIVE;
    let amountVnd: number | null = null;
    if (input.category === ResolutionCategory.WRITE_OFF) {
      amountVnd = openAmountVnd(item);
      if (amountVnd === 0) throw invalidInput(`Item ${item.id} has no open amount to write off: choose another category.`, 'input.category');
      if (writeOffNeedsApproval(amountVnd, input.writeOffApprovalVnd)) status = ResolutionStatus.PENDING_APPROVAL;
    }
    await withdrawPending(tx, item.id);
    const resolution = Object.assign(new ReconciliationResolution(), {
      itemId: item.id,
      action: ResolutionAction.RESOLVE,
      category: input.category,
      status,
      amountVnd,
      note,
      resolvedBy: input.by,
      resolvedAt: now,
    });
    tx.persist(resolution);
    if (status === ResolutionStatus.EFFECTIVE) {
      item.resolvedAt = now;
      item.resolvedBy = input.by;
      item.resolutionCategory = input.category;
    }
    await tx.flush();
    return { item, resolution };
  });
}
