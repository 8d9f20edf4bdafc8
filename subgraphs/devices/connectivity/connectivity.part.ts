import type { SubgraphPart } from '../../../core/subgraph.js';
import { CommuneItEquipmentResolver, ItEquipmentResolver } from '../inventory/it-equipment.resolver.js';
import { seedPilotInfrastructure } from '../seed/pilot-infrastructure.js';
import { CommuneConnectivityResolver, VillageConnectivityResolver } from './connectivity.resolver.js';

/** Village telecom coverage surveys and the commune office's LAN/IT inventory; seeds the pilot's infrastructure (video rooms included). */
export const connectivityPart: SubgraphPart = {
  resolvers: [VillageConnectivityResolver, CommuneConnectivityResolver, ItEquipmentResolver, CommuneItEquipmentResolver],
  seedPilot: (em) => seedPilotInfrastructure(em),
};
