import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { camerasByCommune } from '../cameras/camera.store.js';
import { deviceNow } from '../clock.js';
import { EquipmentStatus, equipmentStatus } from '../equipment-status.js';
import { radioClustersByCommune } from '../radio/radio-cluster.store.js';
import { deviceOnline, devicesByCommune, inService } from '../telemetry/device.store.js';
import { Commune, loadForScope, REQUIRES_LINEAGE } from './commune.reference.js';
import { DeviceStats } from './device-stats.type.js';
// Registers the enums' GraphQL names (kept out of the domain module).
import '../equipment-status.type.js';

@Resolver(() => Commune)
export class CommuneDeviceStatsResolver {
  @FieldResolver(() => DeviceStats, {
    nullable: true,
    description: 'Counts of radio clusters, cameras and devices by status (formulas on each field), including those of the units merged into the commune.',
  })
  @Directive(REQUIRES_LINEAGE)
  async deviceStats(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<DeviceStats> {
    const [clusters, cameras, all] = await Promise.all([
      loadForScope(radioClustersByCommune(context), commune),
      loadForScope(camerasByCommune(context), commune),
      loadForScope(devicesByCommune(context), commune),
    ]);
    const devices = inService(all);
    const now = deviceNow();
    const online = new Map(devices.map((d) => [d.id, deviceOnline(d, now)]));
    const statusOf = (state: Parameters<typeof equipmentStatus>[0], owner: (d: (typeof devices)[number]) => boolean) =>
      equipmentStatus(state, devices.filter(owner).map((d) => online.get(d.id)!));
    const clusterStatus = clusters.map((c) => statusOf(c.state, (d) => d.clusterId === c.id));
    const cameraStatus = cameras.map((c) => statusOf(c.state, (d) => d.cameraId === c.id));
    const count = (list: EquipmentStatus[], status: EquipmentStatus) => list.filter((s) => s === status).length;
    const planned = count(clusterStatus, EquipmentStatus.PLANNED);
    return {
      radioClusters: clusters.length,
      radioClustersPlanned: planned,
      radioClustersInstalled: clusters.length - planned,
      radioClustersOnline: count(clusterStatus, EquipmentStatus.ONLINE),
      radioClustersOffline: count(clusterStatus, EquipmentStatus.OFFLINE),
      radioClustersFaulty: count(clusterStatus, EquipmentStatus.FAULTY),
      radioDevices: clusters.reduce((sum, c) => sum + c.deviceCount, 0),
      loudspeakers: clusters.reduce((sum, c) => sum + c.loudspeakerCount, 0),
      cameras: cameras.length,
      camerasOnline: count(cameraStatus, EquipmentStatus.ONLINE),
      camerasOffline: count(cameraStatus, EquipmentStatus.OFFLINE),
      devicesReporting: devices.length,
      devicesOnline: [...online.values()].filter(Boolean).length,
    };
  }
}
