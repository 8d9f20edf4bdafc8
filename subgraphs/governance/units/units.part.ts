import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotUnits } from '../seed/pilot-units.js';
import { AdministrativeUnit } from './administrative-unit.entity.js';
import { CommuneResolver, resolveCommuneReference } from './commune.resolver.js';
import { ProvinceResolver } from './province.resolver.js';
import { seedNationalUnits } from './national-units.seed.js';
import { forgetUnitSnapshot } from './unit-snapshot.store.js';
import { registerUnitImportCommand } from './unit-import.cli.js';
import { UnitImport } from './unit-import.entity.js';
import { UnitRegistryVersion } from './unit-registry-version.entity.js';
import { unitSettings } from './unit-settings.js';
import { UnitSuccession } from './unit-succession.entity.js';

/** The administrative-unit registry: the Commune entity and its history. */
export const unitsPart: SubgraphPart = {
  entities: [AdministrativeUnit, UnitSuccession, UnitImport, UnitRegistryVersion],
  resolvers: [CommuneResolver, ProvinceResolver],
  referenceResolvers: { Commune: resolveCommuneReference },
  settings: [unitSettings],
  // The pilot's units first (their ids and spellings), then the rest of the country around them.
  async seedPilot(em, config) {
    await seedPilotUnits(em);
    if (config.get(unitSettings).national) await seedNationalUnits(em.fork());
    forgetUnitSnapshot(em);
  },
  commands: registerUnitImportCommand,
};
