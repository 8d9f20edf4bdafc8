import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotPortal } from '../pilot/pilot-portal.js';
import { CommunePortalResolver, PortalPostResolver } from './portal.resolver.js';

/** The commune web portal's content (Decree 42/2022): posts drafted by officers, approved by the chairperson, read by everyone once published. */
export const portalPart: SubgraphPart = {
  resolvers: [PortalPostResolver, CommunePortalResolver],
  seedPilot: (em) => seedPilotPortal(em),
};
