import type { SubgraphTables } from '../../core/subgraph.js';
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
 * The devices subgraph's tables: its entities and its checked-in migrations per dialect,
 * loaded (with MikroORM) only when its database is opened (`defineSubgraph` in ./definition.ts).
 */
export const entities: SubgraphTables['entities'] = [
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
];

export const migrations: SubgraphTables['migrations'] = { sqlite, postgresql };
