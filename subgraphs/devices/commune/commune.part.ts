import type { SubgraphPart } from '../../../core/subgraph.js';
import { resolveCommuneReference } from './commune.reference.js';
import { CommuneDeviceStatsResolver } from './device-stats.resolver.js';

/** The Commune reference type (owned by governance) and the device counts devices adds to it. */
export const communePart: SubgraphPart = {
  resolvers: [CommuneDeviceStatsResolver],
  referenceResolvers: { Commune: resolveCommuneReference },
};
