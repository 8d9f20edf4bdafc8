import type { EntityManager } from '@mikro-orm/core';
import { conflict, notFound } from '../../../core/domain-errors.js';
import { changeableItem } from './item-state.store.js';
import { ReconciliationResolution } from './reconciliation-resolution.entity.js';
import type { ReconciliationItem } from './reconciliation-item.entity.js';
import { checkSecondPerson, ResolutionCategory, ResolutionStatus } from './resolution.rules.js';

/**
 * The second person's approval of a write-off above the approval amount: someone other than who
 * proposed it. The write-off then takes effect and the item is resolved.
 */
export async function approveWriteOff(em: EntityManager, input: { resolutionId: number; by: string }): Promise<{ item: ReconciliationItem; resolution: ReconciliationResolution }> {
  return em.transactional(async (tx) => {
    const resolution = await tx.findOne(ReconciliationResolution, { id: input.resolutionId });
    if (!resolution) throw notFound(`No resolution ${input.resolutionId}: take the id from the item's resolutions.`);
    if (resolution.status !== ResolutionStatus.PENDING_APPROVAL) throw conflict(`Resolution ${resolution.id} is ${resolution.status}, not waiting for approval.`);
    checkSecondPerson(resolution.resolvedBy, input.by);
    const { item } = await changeableItem(tx, resolution.itemId);
    const now = new Date();
    resolution.status = ResolutionStatus.EFFECTIVE;
    resolution.approvedBy = input.by;
    resolution.approvedAt = now;
    item.resolvedAt = now;
    item.resolvedBy = resolution.resolvedBy;
    item.resolutionCategory = ResolutionCategory.WRITE_OFF;
    await tx.flush();
    return { item, resolution };
  });
}
