import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotSchools } from '../seed/pilot-schools.js';
import { SchoolSystem } from './school-system.entity.js';
import { School } from './school.entity.js';
import { CommuneSchoolResolver, SchoolResolver, SchoolSystemResolver } from './school.resolver.js';

/** Education: schools and the digital systems each uses, with go-live dates as data. */
export const educationPart: SubgraphPart = {
  entities: [School, SchoolSystem],
  resolvers: [CommuneSchoolResolver, SchoolResolver, SchoolSystemResolver],
  seedPilot: (em) => seedPilotSchools(em),
};
