import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotUnits } from '../seed/pilot-units.js';
import { CommuneResolver, resolveCommuneReference } from './commune.resolver.js';
import { ProvinceResolver } from './province.resolver.js';
import { seedNationalUnits } from './national-units.seed.js';
import { forgetUnitSnapshot } from './unit-snapshot.store.js';
import { unitSettings } from './unit-settings.js';

/** The administrative-unit registry: the Commune entity and its history. */
export const unitsPart: SubgraphPart = {
  resolvers: [CommuneResolver, ProvinceResolver],
  referenceResolvers: { Commune: resolveCommuneReference },
  // The pilot's units first (their ids and spellings), then the rest of the country around them.
  async seedPilot(em, config) {
    await seedPilotUnits(em);
    if (config.get(unitSettings).national) await seedNationalUnits(em.fork());
    forgetUnitSnapshot(em);
  },
};
