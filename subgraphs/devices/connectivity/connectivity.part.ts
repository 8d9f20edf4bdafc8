import type { SubgraphPart } from '../../../core/subgraph.js';
import { ItEquipment } from '../inventory/it-equipment.entity.js';
import { CommuneItEquipmentResolver, ItEquipmentResolver } from '../inventory/it-equipment.resolver.js';
import { seedPilotInfrastructure } from '../seed/pilot-infrastructure.js';
import { CommuneConnectivityResolver, VillageConnectivityResolver } from './connectivity.resolver.js';
import { VillageConnectivity } from './village-connectivity.entity.js';

/** Village telecom coverage surveys and the commune office's LAN/IT inventory; seeds the pilot's infrastructure (video rooms included). */
export const connectivityPart: SubgraphPart = {
  entities: [VillageConnectivity, ItEquipment],
  resolvers: [VillageConnectivityResolver, CommuneConnectivityResolver, ItEquipmentResolver, CommuneItEquipmentResolver],
  seedPilot: (em) => seedPilotInfrastructure(em),
};
