import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedSamples } from '../pilot/pilot-samples.js';
import { AlertMutationsResolver, CommuneAlertsResolver } from './alert.resolver.js';

/** Internet information monitoring: alerts per commune for its officers (`Commune.informationAlerts`, `handleInformationAlert`). */
export const monitoringPart: SubgraphPart = {
  resolvers: [CommuneAlertsResolver, AlertMutationsResolver],
  seedPilot: (em) => seedSamples(em, 'alerts', ['alerts-pilot-2021.csv']),
};
