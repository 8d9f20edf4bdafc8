import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotTelehealth } from '../seed/pilot-telehealth.js';
import { CommuneTelehealthResolver, TeleconsultationMutationResolver, TelehealthAccountResolver } from './telehealth.resolver.js';

/** Telehealth: each health station's account and its consultations with specialists. */
export const telehealthPart: SubgraphPart = {
  resolvers: [CommuneTelehealthResolver, TelehealthAccountResolver, TeleconsultationMutationResolver],
  seedPilot: (em) => seedPilotTelehealth(em),
};
