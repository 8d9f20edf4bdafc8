import type { SubgraphPart } from '../../../core/subgraph.js';
import { resolveCommuneReference } from './commune.reference.js';
import { CommuneRefusedDeviceReadsResolver, RefusedDeviceReadsResolver } from './refused-reads.resolver.js';
import { CommuneDeviceStatsResolver } from './device-stats.resolver.js';

/** The Commune reference type (owned by governance), the device counts devices adds to it, and the refused-read log (by commune, and whole for admins). */
export const communePart: SubgraphPart = {
  resolvers: [CommuneDeviceStatsResolver, CommuneRefusedDeviceReadsResolver, RefusedDeviceReadsResolver],
  referenceResolvers: { Commune: resolveCommuneReference },
};
