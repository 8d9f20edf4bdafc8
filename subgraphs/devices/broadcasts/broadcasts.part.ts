import type { SubgraphPart } from '../../../core/subgraph.js';
import { BroadcastTarget } from './broadcast-target.entity.js';
import { Broadcast } from './broadcast.entity.js';
import { BroadcastResolver, BroadcastTargetResolver, CommuneBroadcastsResolver } from './broadcast.resolver.js';

/** Bulletins (Circular 39/2020) on loudspeaker clusters, with emergency pre-emption. */
export const broadcastsPart: SubgraphPart = {
  entities: [Broadcast, BroadcastTarget],
  resolvers: [BroadcastResolver, BroadcastTargetResolver, CommuneBroadcastsResolver],
};
