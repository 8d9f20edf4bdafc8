import { defineSubgraph } from '../../core/subgraph.js';
import { RefusedRead } from '../shared/refused-read.entity.js';
import { RadioCluster } from './radio/radio-cluster.entity.js';
import { Camera } from './cameras/camera.entity.js';
import { Device } from './telemetry/device.entity.js';
import { DeviceHeartbeat } from './telemetry/device-heartbeat.entity.js';
import { Broadcast } from './broadcasts/broadcast.entity.js';
import { BroadcastTarget } from './broadcasts/broadcast-target.entity.js';
import { VideoRoom } from './video/video-room.entity.js';
import { VideoMeeting } from './video/video-meeting.entity.js';
import { VideoMeetingRoom } from './video/video-meeting-room.entity.js';
import { VillageConnectivity } from './connectivity/village-connectivity.entity.js';
import { ItEquipment } from './inventory/it-equipment.entity.js';
import { migrations as postgresql } from './migrations/postgresql/index.js';
import { migrations as sqlite } from './migrations/sqlite/index.js';

/**
 * Devices: smart-radio loudspeaker clusters, broadcasts, cameras, device heartbeats and uptime, village connectivity, the IT inventory, video conferencing.
 *
 * Its tables, settings and `hub` commands, without its GraphQL layer (./index.ts composes that from
 * the parts): what the CLI and the configuration load.
 */
export const devicesDefinition = defineSubgraph({
  name: 'devices',
  entities: [
    RefusedRead,
    RadioCluster,
    Camera,
    Device,
    DeviceHeartbeat,
    Broadcast,
    BroadcastTarget,
    VideoRoom,
    VideoMeeting,
    VideoMeetingRoom,
    VillageConnectivity,
    ItEquipment,
  ],
  migrations: { sqlite, postgresql },
});
