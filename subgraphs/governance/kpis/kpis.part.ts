import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedPilotKpis } from '../pilot/pilot-kpis.js';
import { DossierMonthsResolver } from './dossier-months.resolver.js';
import { CommuneKpiResolver, KpiTargetResolver } from './kpi.resolver.js';
import { ProvinceKpiResolver } from './province-kpi.resolver.js';
import { DocumentStatedResolver, DossierStatedResolver } from './stated-figures.resolver.js';

/** KPIs computed from the records (Commune.documentStats, Commune.dossierStats), targets, and figures stated by source reports. */
export const kpisPart: SubgraphPart = {
  resolvers: [CommuneKpiResolver, KpiTargetResolver, ProvinceKpiResolver, DossierStatedResolver, DocumentStatedResolver, DossierMonthsResolver],
  seedPilot: (em) => seedPilotKpis(em),
};
