import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { DateTimeScalar } from '../../../core/graphql/scalars.js';
import { Commune, communeRef, loadForScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { EquipmentStatus, equipmentStatus } from '../equipment-status.js';
import { deviceOnline, devicesByCamera, inService } from '../telemetry/device.store.js';
import { Device } from '../telemetry/device.entity.js';
import { DeviceType } from '../telemetry/device.type.js';
import { cameraById, camerasByCommune } from './camera.store.js';
import { addCamera, updateCamera } from './camera.command.js';
import { Camera } from './camera.entity.js';
import { readStreamUrl } from './camera.query.js';
import { AddCameraInput, CameraPayload, CameraType, UpdateCameraInput } from './camera.type.js';
// Registers the enums' GraphQL names (kept out of the domain module).
import '../equipment-status.type.js';

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
    return readStreamUrl(context, camera);
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
    return { camera: await addCamera(context.em, context.viewer, input) };
  }

  @Mutation(() => CameraPayload, { description: 'Changes a camera: where, what for, feeds, stream URL, state (e.g. FAULTY). SECURITY or OFFICER of the commune.' })
  async updateCamera(@Arg('input', () => UpdateCameraInput, { description: 'The changes.' }) input: UpdateCameraInput, @Ctx() context: SubgraphContext): Promise<CameraPayload> {
    const camera = await updateCamera(context.em, context.viewer, input);
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
