import type { SubgraphPart } from '../../../core/subgraph.js';
import { seedSamples } from '../pilot/pilot-samples.js';
import { CommuneIndicatorResolver } from './indicator.resolver.js';

/** Socio-economic indicators per commune and year; `Commune.indicators(year)`. The pilot's sample values are assumptions. */
export const indicatorsPart: SubgraphPart = {
  resolvers: [CommuneIndicatorResolver],
  seedPilot: (em) => seedSamples(em, 'indicators', ['indicators-pilot-2021.csv']),
};
