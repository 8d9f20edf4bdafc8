import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotDevices } from '../seed/pilot-devices.js';
import { CommuneRadioResolver, DeviceClusterResolver, RadioClusterResolver } from './radio-cluster.resolver.js';

/** Smart-radio loudspeaker clusters. Seeds the pilot's clusters and cameras (one seed for the subgraph's equipment). */
export const radioPart: SubgraphPart = {
  resolvers: [RadioClusterResolver, CommuneRadioResolver, DeviceClusterResolver],
  seedPilot: (em) => seedPilotDevices(em),
};
