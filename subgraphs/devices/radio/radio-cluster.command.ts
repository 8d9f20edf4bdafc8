import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../shared/roles.js';
import { notFound } from '../../../core/domain-errors.js';
import { parseCommuneId, RADIO_MANAGERS, requireCommuneRole } from '../access.rules.js';
import { checkEquipmentFields, mergeEquipmentFields } from '../equipment-input.js';
import type { InstallationState } from '../equipment-status.js';
import { RadioCluster } from './radio-cluster.entity.js';
import { checkCounts, checkVillage } from './radio-cluster.rules.js';

export interface NewRadioCluster {
  communeId: string;
  village: string;
  deviceCount: number;
  loudspeakerCount: number;
  state: InstallationState;
  installedOn?: string | null;
  note?: string | null;
}

export interface RadioClusterChanges {
  id: string;
  deviceCount?: number | null;
  loudspeakerCount?: number | null;
  state?: InstallationState | null;
  installedOn?: string | null;
  note?: string | null;
}

/** A loudspeaker cluster of the commune, added by its officers. */
export async function addRadioCluster(em: EntityManager, viewer: Viewer | null, input: NewRadioCluster): Promise<RadioCluster> {
  const communeId = parseCommuneId(input.communeId, 'input.communeId');
  requireCommuneRole(viewer, RADIO_MANAGERS, communeId, 'add radio clusters');
  const village = checkVillage(input.village);
  checkCounts(input.deviceCount, input.loudspeakerCount);
  const { installedOn, note } = checkEquipmentFields(input.state, input.installedOn ?? null, input.note ?? null);
  const cluster = Object.assign(new RadioCluster(), {
    id: randomUUID(),
    communeId,
    village,
    deviceCount: input.deviceCount,
    loudspeakerCount: input.loudspeakerCount,
    state: input.state,
    installedOn,
    note,
  });
  await em.transactional(async (tx) => {
    tx.persist(cluster);
  });
  return cluster;
}

/** Changes what the input gives; the rest stays as recorded. */
export async function updateRadioCluster(em: EntityManager, viewer: Viewer | null, input: RadioClusterChanges): Promise<RadioCluster> {
  const existing = await em.findOne(RadioCluster, { id: input.id });
  if (!existing) throw notFound(`No radio cluster has id "${input.id}": list them with Commune.radioClusters.`, { field: 'input.id' });
  requireCommuneRole(viewer, RADIO_MANAGERS, existing.communeId, 'change radio clusters');
  checkCounts(input.deviceCount, input.loudspeakerCount);
  const state = input.state ?? existing.state;
  const { installedOn, note } = mergeEquipmentFields(state, input, existing);
  return em.transactional(async (tx) => {
    const row = await tx.findOneOrFail(RadioCluster, { id: input.id });
    Object.assign(row, {
      state,
      installedOn,
      note,
      deviceCount: input.deviceCount ?? row.deviceCount,
      loudspeakerCount: input.loudspeakerCount ?? row.loudspeakerCount,
    });
    return row;
  });
}
