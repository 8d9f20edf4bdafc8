import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotSchools } from '../seed/pilot-schools.js';
import { CommuneSchoolResolver, SchoolResolver, SchoolSystemResolver } from './school.resolver.js';

/** Education: schools and the digital systems each uses, with go-live dates as data. */
export const educationPart: SubgraphPart = {
  resolvers: [CommuneSchoolResolver, SchoolResolver, SchoolSystemResolver],
  seedPilot: (em) => seedPilotSchools(em),
};
