import type { SubgraphPart } from '../../../core/subgraph.js';
import { CommuneTelemetryResolver, DeviceResolver } from './device.resolver.js';
import { heartbeatRoutes } from './heartbeat-route.js';
import { startOfflineSweeper } from './offline-sweeper.js';

/** Devices with credentials, the heartbeat ingest (POST /devices/heartbeat), status and uptime. */
export const telemetryPart: SubgraphPart = {
  resolvers: [DeviceResolver, CommuneTelemetryResolver],
  routes: heartbeatRoutes,
  background: startOfflineSweeper,
};
