import type { SubgraphPart } from '../../../core/subgraph.js';
import { Commune, resolveCommuneReference } from './commune.reference.js';
import { RefusedReadsResolver } from './refused-reads.resolver.js';

/** The Commune reference type every society part hangs its fields on, and the refused-read log every part writes to (whole, for admins: Query.refusedReads). */
export const communePart: SubgraphPart = {
  resolvers: [RefusedReadsResolver],
  orphanedTypes: [Commune],
  referenceResolvers: { Commune: resolveCommuneReference },
};
