import type { SubgraphPart } from '../../../core/subgraph.js';
import { RefusedRead } from '../../shared/refused-read.entity.js';
import { resolveCommuneReference } from './commune.reference.js';
import { CommuneRefusedDeviceReadsResolver, RefusedDeviceReadsResolver } from './refused-reads.resolver.js';
import { CommuneDeviceStatsResolver } from './device-stats.resolver.js';

/** The Commune reference type (owned by governance), the device counts devices adds to it, and the refused-read log (by commune, and whole for admins). */
export const communePart: SubgraphPart = {
  entities: [RefusedRead],
  resolvers: [CommuneDeviceStatsResolver, CommuneRefusedDeviceReadsResolver, RefusedDeviceReadsResolver],
  referenceResolvers: { Commune: resolveCommuneReference },
};
