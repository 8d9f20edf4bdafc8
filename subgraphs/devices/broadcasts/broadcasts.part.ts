import type { SubgraphPart } from '../../../core/subgraph.js';
import { BroadcastResolver, BroadcastTargetResolver, CommuneBroadcastsResolver } from './broadcast.resolver.js';

/** Bulletins (Circular 39/2020) on loudspeaker clusters, with emergency pre-emption. */
export const broadcastsPart: SubgraphPart = {
  resolvers: [BroadcastResolver, BroadcastTargetResolver, CommuneBroadcastsResolver],
};
