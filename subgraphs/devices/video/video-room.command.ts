import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { notFound } from '../../../core/domain-errors.js';
import type { Viewer } from '../../shared/roles.js';
import { parseCommuneId, requireCommuneRole, VIDEO_MANAGERS } from '../access.rules.js';
import { checkEquipmentFields } from '../equipment-input.js';
import { VideoRoom } from './video-room.entity.js';
import { checkLevels, checkText } from './video.rules.js';
import type { AddVideoRoomInput, UpdateVideoRoomInput } from './video.type.js';

/** A video-conference room of the commune, added by its officers. */
export async function addVideoRoom(em: EntityManager, viewer: Viewer | null, input: AddVideoRoomInput): Promise<VideoRoom> {
  const communeId = parseCommuneId(input.communeId, 'input.communeId');
  requireCommuneRole(viewer, VIDEO_MANAGERS, communeId, 'add video-conference rooms');
  const name = checkText(input.name, 'input.name', 200);
  const equipment = checkText(input.equipment, 'input.equipment', 1000);
  const connectedLevels = checkLevels(input.connectedLevels, 'input.connectedLevels');
  const { installedOn } = checkEquipmentFields(input.state, input.installedOn ?? null, null);
  const room = Object.assign(new VideoRoom(), { id: randomUUID(), communeId, name, equipment, connectedLevels, state: input.state, installedOn });
  await em.transactional(async (tx) => {
    tx.persist(room);
  });
  return room;
}

/** Changes what the input gives; the rest stays as recorded. */
export async function updateVideoRoom(em: EntityManager, viewer: Viewer | null, input: UpdateVideoRoomInput): Promise<VideoRoom> {
  const existing = await em.findOne(VideoRoom, { id: input.id });
  if (!existing) throw notFound(`No video room has id "${input.id}": list them with Commune.videoRooms.`, { field: 'input.id' });
  requireCommuneRole(viewer, VIDEO_MANAGERS, existing.communeId, 'change video-conference rooms');
  const changes = {
    name: input.name != null ? checkText(input.name, 'input.name', 200) : existing.name,
    equipment: input.equipment != null ? checkText(input.equipment, 'input.equipment', 1000) : existing.equipment,
    connectedLevels: input.connectedLevels != null ? checkLevels(input.connectedLevels, 'input.connectedLevels') : existing.connectedLevels,
    state: input.state ?? existing.state,
  };
  return em.transactional(async (tx) => Object.assign(await tx.findOneOrFail(VideoRoom, { id: input.id }), changes));
}
