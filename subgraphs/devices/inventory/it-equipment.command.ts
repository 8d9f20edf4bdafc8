import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { notFound } from '../../../core/domain-errors.js';
import { todayInVietnam } from '../../../core/time.js';
import type { Viewer } from '../../shared/roles.js';
import { CONNECTIVITY_MANAGERS, parseCommuneId, requireCommuneRole } from '../access.rules.js';
import { deviceNow } from '../clock.js';
import { ItEquipment } from './it-equipment.entity.js';
import type { AddItEquipmentInput, UpdateItEquipmentInput } from './it-equipment.type.js';
import { checkItEquipment } from './inventory.rules.js';

/** A line of the commune's LAN and IT inventory, added by its officers. */
export async function addItEquipment(em: EntityManager, viewer: Viewer | null, input: AddItEquipmentInput): Promise<ItEquipment> {
  const communeId = parseCommuneId(input.communeId, 'input.communeId');
  requireCommuneRole(viewer, CONNECTIVITY_MANAGERS, communeId, 'change the IT inventory');
  const fields = checkItEquipment({ ...input, acquiredOn: input.acquiredOn ?? null, note: input.note ?? null }, todayInVietnam(deviceNow()));
  const row = Object.assign(new ItEquipment(), { id: randomUUID(), communeId, kind: input.kind, status: input.status, ...fields });
  await em.transactional(async (tx) => {
    tx.persist(row);
  });
  return row;
}

/** Changes what the input gives (null clears the acquisition day or remark; left out keeps it). */
export async function updateItEquipment(em: EntityManager, viewer: Viewer | null, input: UpdateItEquipmentInput): Promise<ItEquipment> {
  const existing = await em.findOne(ItEquipment, { id: input.id });
  if (!existing) throw notFound(`No inventory line has id "${input.id}": list them with Commune.itEquipment.`, { field: 'input.id' });
  requireCommuneRole(viewer, CONNECTIVITY_MANAGERS, existing.communeId, 'change the IT inventory');
  const fields = checkItEquipment(
    {
      description: input.description ?? existing.description,
      count: input.count ?? existing.count,
      acquiredOn: input.acquiredOn !== undefined ? input.acquiredOn : (existing.acquiredOn ?? null),
      note: input.note !== undefined ? input.note : (existing.note ?? null),
    },
    todayInVietnam(deviceNow()),
  );
  return em.transactional(async (tx) => {
    const current = await tx.findOneOrFail(ItEquipment, { id: input.id });
    return Object.assign(current, fields, { status: input.status ?? current.status });
  });
}
