import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotUnits } from '../seed/pilot-units.js';
import { AdministrativeUnit } from './administrative-unit.entity.js';
import { CommuneResolver, resolveCommuneReference } from './commune.resolver.js';
import { UnitSuccession } from './unit-succession.entity.js';

/** The administrative-unit registry: the Commune entity and its history. */
export const unitsPart: SubgraphPart = {
  entities: [AdministrativeUnit, UnitSuccession],
  resolvers: [CommuneResolver],
  referenceResolvers: { Commune: resolveCommuneReference },
  seedPilot: (em) => seedPilotUnits(em),
};
