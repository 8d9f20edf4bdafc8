import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../shared/roles.js';
import { notFound } from '../../../core/domain-errors.js';
import { CAMERA_MANAGERS, parseCommuneId, requireCommuneRole } from '../access.rules.js';
import { checkEquipmentFields, mergeEquipmentFields } from '../equipment-input.js';
import type { InstallationState } from '../equipment-status.js';
import { Camera, type CameraFeed, type CameraPurpose } from './camera.entity.js';
import { checkCameraFields } from './camera.rules.js';

export interface NewCamera {
  communeId: string;
  name: string;
  location: string;
  purpose: CameraPurpose;
  feeds: CameraFeed[];
  streamUrl?: string | null;
  state: InstallationState;
  installedOn?: string | null;
  note?: string | null;
}

export interface CameraChanges {
  id: string;
  name?: string | null;
  location?: string | null;
  purpose?: CameraPurpose | null;
  feeds?: CameraFeed[] | null;
  /** null removes it; left out keeps it. */
  streamUrl?: string | null;
  state?: InstallationState | null;
  installedOn?: string | null;
  note?: string | null;
}

/** A camera of the commune, added by its security or officers. */
export async function addCamera(em: EntityManager, viewer: Viewer | null, input: NewCamera): Promise<Camera> {
  const communeId = parseCommuneId(input.communeId, 'input.communeId');
  requireCommuneRole(viewer, CAMERA_MANAGERS, communeId, 'add cameras');
  const fields = checkCameraFields(input);
  const { installedOn, note } = checkEquipmentFields(input.state, input.installedOn ?? null, input.note ?? null);
  const camera = Object.assign(new Camera(), { id: randomUUID(), communeId, ...fields, state: input.state, installedOn, note });
  await em.transactional(async (tx) => {
    tx.persist(camera);
  });
  return camera;
}

/** Changes what the input gives; the rest stays as recorded. */
export async function updateCamera(em: EntityManager, viewer: Viewer | null, input: CameraChanges): Promise<Camera> {
  const existing = await em.findOne(Camera, { id: input.id });
  if (!existing) throw notFound(`No camera has id "${input.id}": list them with Commune.cameras.`, { field: 'input.id' });
  requireCommuneRole(viewer, CAMERA_MANAGERS, existing.communeId, 'change cameras');
  const fields = checkCameraFields({
    name: input.name ?? existing.name,
    location: input.location ?? existing.location,
    purpose: input.purpose ?? existing.purpose,
    feeds: input.feeds ?? existing.feeds,
    streamUrl: input.streamUrl !== undefined ? input.streamUrl : (existing.streamUrl ?? null),
  });
  const state = input.state ?? existing.state;
  const { installedOn, note } = mergeEquipmentFields(state, input, existing);
  return em.transactional(async (tx) => {
    const row = await tx.findOneOrFail(Camera, { id: input.id });
    Object.assign(row, { ...fields, state, installedOn, note });
    return row;
  });
}
