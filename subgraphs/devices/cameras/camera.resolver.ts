import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { DateTimeScalar } from '../../../core/graphql/scalars.js';
import { invalidInput, notFound } from '../../../core/domain-errors.js';
import { nfc } from '../../../core/text.js';
import { CAMERA_MANAGERS, parseCommuneId, requireCommuneRole } from '../access.rules.js';
import { readAccess } from '../../shared/access-guard.js';
import { Commune, communeRef, loadForScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { checkEquipmentFields } from '../equipment-input.js';
import { EquipmentStatus, equipmentStatus, InstallationState } from '../equipment-status.js';
import { deviceOnline, devicesByCamera, inService } from '../telemetry/device-loaders.js';
import { Device } from '../telemetry/device.entity.js';
import { DeviceType } from '../telemetry/device.type.js';
import { Camera, CameraFeed, CameraPurpose } from './camera.entity.js';
import { AddCameraInput, CameraPayload, CameraType, UpdateCameraInput } from './camera.type.js';

export function cameraById(context: SubgraphContext) {
  return requestLoader<string, Camera | null>(context, 'cameraById', async (ids) => {
    const rows = await context.em.find(Camera, { id: { $in: [...ids] } });
    const byId = new Map(rows.map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

export function camerasByCommune(context: SubgraphContext) {
  return requestLoader<string, Camera[]>(context, 'camerasByCommune', async (ids) => {
    const rows = await context.em.find(Camera, { communeId: { $in: [...ids] } }, { orderBy: { name: 'asc', id: 'asc' } });
    return groupByKey(ids, rows, (c) => c.communeId);
  });
}

const STREAM_URL_RE = /^(rtsps?|https?):\/\/[^\s]+$/i;

interface CameraFields {
  name: string;
  location: string;
  purpose: CameraPurpose;
  feeds: CameraFeed[];
  streamUrl: string | null;
}

/** Validates and normalises what addCamera and updateCamera set. */
function checkCameraFields(input: { name: string; location: string; purpose: CameraPurpose; feeds: CameraFeed[]; streamUrl?: string | null }): CameraFields {
  const name = nfc(input.name);
  if (!name || name.length > 200) throw invalidInput('name must be 1 to 200 characters.', 'input.name');
  const location = nfc(input.location);
  if (!location || location.length > 500) throw invalidInput('location must be 1 to 500 characters.', 'input.location');
  const feeds = [...new Set(input.feeds)];
  if (!feeds.length) throw invalidInput(`Give at least one centre receiving the feed: ${Object.values(CameraFeed).join(', ')}.`, 'input.feeds');
  const streamUrl = input.streamUrl ? input.streamUrl.trim() : null;
  if (streamUrl && (streamUrl.length > 1000 || !STREAM_URL_RE.test(streamUrl))) {
    throw invalidInput('streamUrl must be an rtsp://, rtsps://, http:// or https:// URL of at most 1000 characters.', 'input.streamUrl');
  }
  return { name, location, purpose: input.purpose, feeds, streamUrl };
}

@Resolver(() => CameraType)
export class CameraResolver {
  @Query(() => CameraType, { nullable: true, description: 'The camera with this id; null if none.' })
  async camera(@Arg('id', () => ID, { description: 'Camera.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<Camera | null> {
    return cameraById(context).load(id);
  }

  @FieldResolver(() => Commune, { description: 'The commune of the camera.' })
  commune(@Root() camera: Camera): Commune {
    return communeRef(camera.communeId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Stream URI (ONVIF GetStreamUri). Only SECURITY of the camera\'s commune or of the unit it merged into (or ADMIN) sees it; null for everyone else. ' +
      'Each read is logged; each refused read of a camera that has one is written to Commune.refusedDeviceReads.',
  })
  async streamUrl(@Root() camera: Camera, @Ctx() context: SubgraphContext): Promise<string | null> {
    if (!camera.streamUrl) return null;
    if (!(await readAccess(context, 'Camera.streamUrl', { unitIds: [camera.communeId] }, { target: camera.id, communeId: camera.communeId }))) return null;
    context.logger.info({ audit: 'camera.streamUrl', cameraId: camera.id, subject: context.viewer?.subject }, 'camera stream URL read');
    return camera.streamUrl;
  }

  @FieldResolver(() => EquipmentStatus, {
    description: 'PLANNED/FAULTY as recorded; else ONLINE if its device is online, OFFLINE if it has a device that is not, INSTALLED if none reports.',
  })
  async status(@Root() camera: Camera, @Ctx() context: SubgraphContext): Promise<EquipmentStatus> {
    const devices = inService(await devicesByCamera(context).load(camera.id));
    return equipmentStatus(camera.state, devices.map((d) => deviceOnline(d)));
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: 'Latest heartbeat of its device; null if none reported.' })
  async lastSeenAt(@Root() camera: Camera, @Ctx() context: SubgraphContext): Promise<Date | null> {
    const seen = (await devicesByCamera(context).load(camera.id)).flatMap((d) => (d.lastSeenAt ? [d.lastSeenAt.getTime()] : []));
    return seen.length ? new Date(Math.max(...seen)) : null;
  }

  @FieldResolver(() => [DeviceType], { description: 'The device(s) reporting heartbeats for this camera.' })
  async devices(@Root() camera: Camera, @Ctx() context: SubgraphContext): Promise<Device[]> {
    return devicesByCamera(context).load(camera.id);
  }

  @Mutation(() => CameraPayload, { description: 'Adds a camera (SECURITY or OFFICER of the commune).' })
  async addCamera(@Arg('input', () => AddCameraInput, { description: 'The camera.' }) input: AddCameraInput, @Ctx() context: SubgraphContext): Promise<CameraPayload> {
    const communeId = parseCommuneId(input.communeId, 'input.communeId');
    requireCommuneRole(context.viewer, CAMERA_MANAGERS, communeId, 'add cameras');
    const fields = checkCameraFields(input);
    const { installedOn, note } = checkEquipmentFields(input.state, input.installedOn ?? null, input.note ?? null);
    const camera = Object.assign(new Camera(), { id: randomUUID(), communeId, ...fields, state: input.state, installedOn, note });
    await context.em.transactional(async (tx) => {
      tx.persist(camera);
    });
    return { camera };
  }

  @Mutation(() => CameraPayload, { description: 'Changes a camera: where, what for, feeds, stream URL, state (e.g. FAULTY). SECURITY or OFFICER of the commune.' })
  async updateCamera(@Arg('input', () => UpdateCameraInput, { description: 'The changes.' }) input: UpdateCameraInput, @Ctx() context: SubgraphContext): Promise<CameraPayload> {
    const existing = await context.em.findOne(Camera, { id: input.id });
    if (!existing) throw notFound(`No camera has id "${input.id}": list them with Commune.cameras.`, { field: 'input.id' });
    requireCommuneRole(context.viewer, CAMERA_MANAGERS, existing.communeId, 'change cameras');
    const fields = checkCameraFields({
      name: input.name ?? existing.name,
      location: input.location ?? existing.location,
      purpose: input.purpose ?? existing.purpose,
      feeds: input.feeds ?? existing.feeds,
      streamUrl: input.streamUrl !== undefined ? input.streamUrl : (existing.streamUrl ?? null),
    });
    const state = input.state ?? existing.state;
    const { installedOn, note } = checkEquipmentFields(
      state,
      input.installedOn !== undefined ? input.installedOn : state === InstallationState.PLANNED ? null : (existing.installedOn ?? null),
      input.note !== undefined ? input.note : (existing.note ?? null),
    );
    const camera = await context.em.transactional(async (tx) => {
      const row = await tx.findOneOrFail(Camera, { id: input.id });
      Object.assign(row, { ...fields, state, installedOn, note });
      return row;
    });
    context.logger.info({ cameraId: camera.id, by: context.viewer?.subject, streamUrlChanged: input.streamUrl !== undefined }, 'camera updated');
    return { camera };
  }
}

@Resolver(() => Commune)
export class CommuneCamerasResolver {
  @FieldResolver(() => [CameraType], { nullable: true, description: 'The security cameras in the commune or in the units merged into it, by name.' })
  @Directive(REQUIRES_LINEAGE)
  async cameras(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<Camera[]> {
    return loadForScope(camerasByCommune(context), commune);
  }
}

@Resolver(() => DeviceType)
export class DeviceCameraResolver {
  @FieldResolver(() => CameraType, { nullable: true, description: 'The camera a CAMERA device is; null for radio receivers.' })
  async camera(@Root() device: Device, @Ctx() context: SubgraphContext): Promise<Camera | null> {
    return device.cameraId ? cameraById(context).load(device.cameraId) : null;
  }
}
