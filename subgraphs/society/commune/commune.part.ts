import type { SubgraphPart } from '../../../core/subgraph.js';
import { Commune, resolveCommuneReference } from './commune.reference.js';

/** The Commune reference type every society part hangs its fields on. */
export const communePart: SubgraphPart = {
  orphanedTypes: [Commune],
  referenceResolvers: { Commune: resolveCommuneReference },
};
